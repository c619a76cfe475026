//! What to show of a matching passage: the byte ranges to highlight, the
//! window with the best matches, and keyword-in-context lines.
//!
//! Highlighting re-tokenizes the passage with the indexing analyser and
//! looks each token up in the term dictionary, then keeps the tokens whose
//! term was matched by the query. That way typo, stem and prefix matches
//! light up exactly as they were found, and a hyphenated compound lights up
//! whole when it was matched whole.

use std::ops::Range;

use crate::analysis::for_each_token_starting;
use crate::evaluate::Evaluation;
use crate::index::Index;
use crate::lead::Leads;
use crate::order;
use crate::types::{KwicLine, PassageId, Snippet};

/// Target snippet length in bytes; passages up to [`WHOLE`] are shown whole.
const WINDOW: usize = 220;
const WHOLE: usize = 280;
/// Bytes of context kept before the first match of a window.
const LEAD: usize = 60;
/// How far a window edge may move to land on a space.
const SNAP: usize = 24;

pub(crate) struct Highlighter<'i, 'a> {
    index: &'i Index<'a>,
    /// Term numbers matched by the query, sorted.
    terms: Vec<u32>,
    /// Ranges of term numbers matched whole: every completion of a prefix.
    completions: Vec<std::ops::Range<u32>>,
    /// Equivalent phrases, as (term, offset) runs: their tokens light up
    /// only where the whole phrase stands.
    phrases: Vec<Vec<(u32, u32)>>,
    /// What the matched terms start with: the tokenizer skips the words
    /// none of whose pieces starts with one of their first bytes, and most
    /// tokens it keeps fail the test of their first two bytes, and skip
    /// the dictionary lookup.
    leads: Leads,
}

impl<'i, 'a> Highlighter<'i, 'a> {
    // Plain loops: at opt-level 3 the same as iterator chains took 3.4 KB
    // of wasm.
    pub(crate) fn new(index: &'i Index<'a>, eval: &Evaluation<'_>) -> Self {
        let (mut terms, mut completions, mut leads) = (Vec::new(), Vec::new(), Vec::new());
        for word in &eval.words {
            for hit in &word.terms {
                terms.push(hit.matched.term);
                leads.push(hit.matched.lead);
            }
            if let Some(every) = &word.completions {
                completions.push(every.ids.clone());
                leads.push(every.lead);
            }
        }
        order::sort(&mut terms);
        terms.dedup();
        let mut phrases = Vec::with_capacity(eval.phrases.len());
        for phrase in &eval.phrases {
            let mut runs = Vec::with_capacity(phrase.len());
            for (matched, offset) in phrase {
                runs.push((matched.term, *offset));
                leads.push(matched.lead);
            }
            phrases.push(runs);
        }
        Highlighter { index, terms, completions, phrases, leads: Leads::new(&leads) }
    }

    fn in_a_phrase(&self, id: u32) -> bool {
        self.phrases.iter().flatten().any(|&(term, _)| term == id)
    }

    /// The tokens of `candidates` (position, range, term) that stand in a
    /// whole equivalent phrase.
    fn whole_phrases(&self, candidates: &[(u32, Range<usize>, u32)], found: &mut Vec<(Range<usize>, u32)>) {
        let at = |position: u32, term: u32| candidates.iter().find(|(p, _, t)| *p == position && *t == term);
        for phrase in &self.phrases {
            let Some(&(first, first_offset)) = phrase.first() else { continue };
            for (position, _, _) in candidates.iter().filter(|(_, _, t)| *t == first) {
                let Some(base) = position.checked_sub(first_offset) else { continue };
                let tokens: Option<Vec<_>> = phrase.iter().map(|&(term, offset)| at(base.checked_add(offset)?, term)).collect();
                found.extend(tokens.into_iter().flatten().map(|(_, range, term)| (range.clone(), *term)));
            }
        }
    }

    fn is_matched(&self, id: u32) -> bool {
        self.terms.binary_search(&id).is_ok() || self.completions.iter().any(|ids| ids.contains(&id))
    }

    /// Matched tokens of `text`: byte range and term number, in text order.
    fn matches(&self, text: &str) -> Vec<(Range<usize>, u32)> {
        let mut found = Vec::new();
        if self.terms.is_empty() && self.completions.is_empty() && self.phrases.is_empty() {
            return found;
        }
        let mut candidates = Vec::new();
        for_each_token_starting(text, |byte| self.leads.admits_first(byte), |term, range, position, _| {
            if !self.leads.admits(term.as_bytes()) {
                return;
            }
            let Some(id) = self.index.term(term) else { return };
            if self.in_a_phrase(id) {
                candidates.push((position, range.clone(), id));
            }
            if self.is_matched(id) {
                found.push((range, id));
            }
        });
        if !candidates.is_empty() {
            self.whole_phrases(&candidates, &mut found);
            order::sort_by_key(&mut found, |(range, id)| order::numbers([offset(range.start), offset(range.end), *id]));
            found.dedup();
        }
        found
    }

    /// Sorted, disjoint byte ranges of `text` to highlight.
    pub(crate) fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        merge(self.matches(text).into_iter().map(|(r, _)| r).collect())
    }

    pub(crate) fn snippet(&self, text: &str) -> Snippet {
        let matches = self.matches(text);
        let (start, end) = if text.len() <= WHOLE { (0, text.len()) } else { window(text, &matches) };
        let highlights = merge(
            matches
                .into_iter()
                .filter(|(r, _)| r.start >= start && r.end <= end)
                .map(|(r, _)| r.start - start..r.end - start)
                .collect(),
        );
        Snippet {
            text: text[start..end].to_string(),
            highlights,
            truncated_start: start > 0,
            truncated_end: end < text.len(),
        }
    }

    /// Appends one line per highlighted word of the passage, up to `limit` lines in all.
    pub(crate) fn kwic(&self, passage: PassageId, text: &str, width: usize, limit: usize, out: &mut Vec<KwicLine>) {
        for range in self.ranges(text) {
            if out.len() >= limit {
                return;
            }
            let left: String = {
                let mut chars: Vec<char> = text[..range.start].chars().rev().take(width).collect();
                chars.reverse();
                chars.into_iter().collect()
            };
            let right: String = text[range.end..].chars().take(width).collect();
            let flat = |s: &str| s.replace(['\n', '\r', '\t'], " ");
            out.push(KwicLine { passage, left: flat(&left), keyword: flat(&text[range]), right: flat(&right) });
        }
    }
}

/// A byte offset in a passage as a sort key's number: passages are far
/// shorter than 4 GB.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Sorts and unites overlapping ranges (a compound and its parts).
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    order::sort_by_key(&mut ranges, |r| order::numbers([offset(r.start), !offset(r.end)]));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// The window of about [`WINDOW`] bytes holding the most distinct matched
/// terms (then the most matches, then the earliest), widened to spaces.
fn window(text: &str, matches: &[(Range<usize>, u32)]) -> (usize, usize) {
    let mut best = (0usize, 0usize, 0usize); // (distinct, count, start)
    let mut seen: Vec<u32> = Vec::new();
    for (i, (first, _)) in matches.iter().enumerate() {
        let start = first.start.saturating_sub(LEAD);
        let end = start + WINDOW;
        seen.clear();
        let mut count = 0;
        for (range, term) in &matches[i..] {
            if range.end > end {
                break;
            }
            count += 1;
            if !seen.contains(term) {
                seen.push(*term);
            }
        }
        if (seen.len(), count) > (best.0, best.1) {
            best = (seen.len(), count, start);
        }
    }
    let mut start = floor_boundary(text, best.2);
    let from = floor_boundary(text, start.saturating_sub(SNAP));
    if let Some((i, space)) = text[from..start].char_indices().rev().find(|(_, c)| c.is_whitespace()) {
        start = from + i + space.len_utf8();
    }
    if start <= SNAP {
        start = 0;
    }
    let mut end = ceil_boundary(text, (best.2 + WINDOW).min(text.len()));
    let reach = ceil_boundary(text, (end + SNAP).min(text.len()));
    if let Some(space) = text[end..reach].find(char::is_whitespace) {
        end += space;
    } else if reach == text.len() {
        end = reach;
    }
    (start, end)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn merge_unites_compound_and_parts() {
        assert_eq!(merge(vec![6..16, 0..16, 0..5, 20..25]), vec![0..16, 20..25]);
    }

    proptest! {
        #[test]
        fn snippets_stay_on_char_boundaries(words in proptest::collection::vec("[a-zé\u{a0}’ ]{1,12}|coopération|é", 1..120)) {
            let text = words.join(" ");
            let matches: Vec<(Range<usize>, u32)> =
                crate::analysis::tokenize(&text).into_iter().filter(|t| t.term.starts_with('c')).map(|t| (t.range, 1)).collect();
            let (start, end) = window(&text, &matches);
            prop_assert!(start <= end && end <= text.len());
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }

    #[test]
    fn window_lands_on_boundaries_around_the_densest_matches() {
        let text = format!("{}coopération internationale{}", "é ".repeat(200), " fin".repeat(100));
        let at = text.find("coop").unwrap();
        let term_end = at + "coopération".len();
        let (start, end) = window(&text, &[(at..term_end, 1)]);
        assert!(start <= at && term_end <= end, "{start}..{end} must hold {at}..{term_end}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert!(end - start <= WINDOW + 2 * SNAP + 4);
    }
}
