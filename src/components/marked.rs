//! Text with highlighted ranges, rendered as text nodes and `<mark>` elements.
//!
//! Corpus and query text only ever reach the DOM as text nodes, so markup in
//! an article or a query is shown, never run.

use yew::prelude::*;

use std::ops::Range;

use crate::present::Marked;

/// `marked` as text nodes and `<mark>` elements. A plain function, not a
/// component: a card shows three of them, and as components each was an
/// instance to create, schedule and drop on every card drawn.
pub fn marked_text(marked: &Marked) -> Html {
    let text = &marked.text;
    let mut pieces = Vec::new();
    let mut cursor = 0;
    for range in &marked.highlights {
        // Overlapping, reversed or off-boundary ranges are skipped rather than trusted.
        if range.start < cursor {
            continue;
        }
        let (Some(before), Some(hit)) = (text.get(cursor..range.start), text.get(range.clone())) else {
            continue;
        };
        pieces.push(html! { { before } });
        pieces.push(html! { <mark>{ hit }</mark> });
        cursor = range.end;
    }
    pieces.push(html! { { text.get(cursor..).unwrap_or_default() } });
    pieces.into_iter().collect::<Html>()
}

/// What a span of a passage is, for the reading view's evidence marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceMark {
    /// The reporting verb or marker an attribution rests on.
    Cue,
    /// The words naming the speaker.
    Mention,
}

/// The two marks' tooltips, in the page's language.
pub struct EvidenceTitles {
    pub cue: &'static str,
    pub mention: &'static str,
}

/// Text with query highlights and attribution evidence (byte ranges with
/// what they are evidence of), which may overlap: the text is cut at every
/// boundary and each piece takes all the marks that cover it. Pieces stay
/// text nodes, so nothing in them is run. A plain function, as
/// `marked_text` is.
pub fn evidence_text(marked: &Marked, evidence: &[(Range<usize>, EvidenceMark)], titles: &EvidenceTitles) -> Html {
    let text = &marked.text;
    let on_text = |r: &Range<usize>| r.start < r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end);
    let hits: Vec<&Range<usize>> = marked.highlights.iter().filter(|r| on_text(r)).collect();
    let marks: Vec<&(Range<usize>, EvidenceMark)> = evidence.iter().filter(|(r, _)| on_text(r)).collect();
    // A handful of boundaries: kept in order by insertion, which costs less
    // code in the bundle than a general sort.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for at in hits.iter().flat_map(|r| [r.start, r.end]).chain(marks.iter().flat_map(|(r, _)| [r.start, r.end])) {
        if let Err(i) = cuts.binary_search(&at) {
            cuts.insert(i, at);
        }
    }
    let covers = |r: &Range<usize>, a: usize, b: usize| r.start <= a && b <= r.end;
    let has_mark = |mark: EvidenceMark, a: usize, b: usize| marks.iter().any(|(r, m)| *m == mark && covers(r, a, b));
    cuts.windows(2)
        .filter_map(|w| {
            let (a, b) = (w[0], w[1]);
            let piece = text.get(a..b)?;
            let hit = hits.iter().any(|r| covers(r, a, b));
            let (class, title) = match (has_mark(EvidenceMark::Cue, a, b), has_mark(EvidenceMark::Mention, a, b)) {
                (true, true) => ("cue mention", titles.cue),
                (true, false) => ("cue", titles.cue),
                (false, true) => ("mention", titles.mention),
                (false, false) if hit => ("", ""),
                (false, false) => return Some(html! { { piece } }),
            };
            let tag = if hit { "mark" } else { "span" };
            Some(html! { <@{tag} class={(!class.is_empty()).then_some(class)} title={(!title.is_empty()).then_some(title)}>{ piece }</@> })
        })
        .collect::<Html>()
}
