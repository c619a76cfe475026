// Accent and case folding for the JavaScript side, the same rules as the
// engine's analyser (NFKD, combining marks dropped, œ/æ spelled out,
// lowercase), so MiniSearch indexes the same terms and the expected passages
// of the sanity queries are computed the way a reader would count them.

const MARKS = /\p{M}/gu;
const SPELLED = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };

export function fold(text) {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[œæßøđł]/g, (c) => SPELLED[c]);
}

/** Folded words of a text: runs of letters and digits. */
export function words(text) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
