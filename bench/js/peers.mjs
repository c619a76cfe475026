// MiniSearch and FlexSearch set up to answer what our engine answers, plus
// the page work around a search (facet counts over every hit, 10 snippets),
// so the three latency columns measure the same job.
//
// MiniSearch: accents folded by processTerm, words ANDed, the last word a
// prefix while typing (no trailing space), and fuzzy matching with our edit
// rules (1 edit from 5 letters, 2 from 9, 1 for a 4-letter prefix).
// FlexSearch 0.8 has no edit-distance matching: its closest options are the
// LatinBalance encoder (folds accents and case, plus a light phonetic
// normalisation that forgives some typos) and the "forward" tokenizer
// (every indexed word matches by prefix). `suggest` stays off, because it
// turns AND into "some words", which would not be the same query.

import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { Index, Charset } from 'flexsearch';
import { fold, words } from './fold.mjs';

/** Our engine's edit budget, mirrored for MiniSearch. */
function allowedEdits(chars, prefix) {
  if (chars > 24) return 0;
  if (chars >= 9) return 2;
  if (chars >= 5) return 1;
  return chars === 4 && prefix ? 1 : 0;
}

function sizes(text) {
  const bytes = Buffer.from(text);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function miniSearch(passages) {
  const ms = new MiniSearch({ fields: ['text'], processTerm: (t) => fold(t) || null });
  ms.addAll(passages.map((p, id) => ({ id, text: p.text })));
  return {
    name: 'MiniSearch',
    search(query) {
      const typing = !query.endsWith(' ');
      const last = words(query).length - 1;
      const hits = ms.search(query, {
        combineWith: 'AND',
        prefix: (_t, i) => typing && i === last,
        fuzzy: (t, i) => allowedEdits([...t].length, typing && i === last),
      });
      return hits.map((h) => h.id);
    },
    size: () => sizes(JSON.stringify(ms)),
  };
}

export function flexSearch(passages) {
  const fx = new Index({ tokenize: 'forward', encoder: Charset.LatinBalance });
  passages.forEach((p, id) => fx.add(id, p.text));
  return {
    name: 'FlexSearch',
    search: (query) => fx.search(query, { limit: passages.length, suggest: false }),
    size() {
      const parts = [];
      fx.export((key, data) => parts.push(key, data ?? ''));
      return sizes(parts.join(''));
    },
  };
}

/** Facet counts over all hits, sorted like ours: count desc, then id. */
export function facetCounts(ids, facet) {
  const count = (column) => {
    const counts = new Map();
    for (const id of ids) {
      const v = column[id];
      if (v >= 0) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  };
  return { speakers: count(facet.speaker), countries: count(facet.country), months: count(facet.month) };
}

/** A 160-character window around the first query word in each of the first `n` hits. */
export function snippets(ids, passages, query, n = 10) {
  const terms = words(query);
  return ids.slice(0, n).map((id) => {
    const text = passages[id].text;
    const folded = fold(text);
    let at = -1;
    for (const t of terms) {
      const i = folded.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    const start = Math.max(0, at - 80);
    return text.slice(start, start + 160);
  });
}
