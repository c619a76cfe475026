//! From one query word to the dictionary terms it should match, each with
//! a weight saying how good the match is.
//!
//! A word matches its own folded form, the other forms sharing its stem (in
//! either language, since a query has no language), the terms it starts
//! while being typed, and terms within a small edit distance, all found by
//! walking the fst with an automaton rather than scanning the vocabulary.
//! Expansions are capped so a one-letter prefix cannot decode half of the
//! postings on a keystroke; the most frequent terms are kept.

use fst::automaton::{Levenshtein, Str};
use fst::{Automaton, IntoStreamer, Streamer};

use crate::analysis::stem;
use crate::builder::stem_key;
use crate::index::Index;
use crate::query::QueryWord;
use crate::types::Lang;

/// How a term was reached from a query word; orders match quality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum MatchKind {
    Exact,
    Stem,
    Prefix,
    Fuzzy,
}

impl MatchKind {
    /// Score multiplier: exact beats a shared stem beats a completion beats a typo.
    pub(crate) fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Stem => 0.8,
            MatchKind::Prefix => 0.7,
            MatchKind::Fuzzy => 0.4,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TermMatch {
    pub term: u32,
    pub kind: MatchKind,
}

/// Most terms one prefix or typo expansion may add.
const MAX_EXPANSIONS: usize = 48;
/// Most dictionary keys looked at for one expansion.
const MAX_SCANNED: usize = 20_000;
/// Levenshtein automata grow with word length; beyond this, no typos.
const MAX_FUZZY_CHARS: usize = 24;

/// Edits allowed for a word of `chars` characters: 1 from 5 letters, 2 from
/// 9; a prefix being typed gets 1 from 4 letters (none below, where almost
/// everything would match).
pub(crate) fn allowed_edits(chars: usize, prefix: bool) -> u32 {
    match chars {
        c if c > MAX_FUZZY_CHARS => 0,
        c if c >= 9 => 2,
        c if c >= 5 => 1,
        4 if prefix => 1,
        _ => 0,
    }
}

/// The terms matching `word`, sorted by term number, best kind per term.
pub(crate) fn expand(index: &Index<'_>, word: &QueryWord) -> Vec<TermMatch> {
    let mut matches = exact_and_stems(index, &word.term);
    if word.prefix {
        let automaton = Str::new(&word.term).starts_with();
        add_all(&mut matches, scan(index, automaton), MatchKind::Prefix);
    }
    let edits = allowed_edits(word.term.chars().count(), word.prefix);
    if edits > 0 {
        if let Ok(automaton) = Levenshtein::new(&word.term, edits) {
            if word.prefix {
                add_all(&mut matches, scan(index, automaton.starts_with()), MatchKind::Fuzzy);
            } else {
                add_all(&mut matches, scan(index, automaton), MatchKind::Fuzzy);
            }
        }
    }
    matches.sort_by_key(|m| (m.term, m.kind));
    matches.dedup_by_key(|m| m.term);
    matches
}

/// The word itself and the forms sharing its stem: what an exclusion removes
/// and what the did-you-mean check looks for.
pub(crate) fn exact_and_stems(index: &Index<'_>, term: &str) -> Vec<TermMatch> {
    let mut matches = Vec::new();
    if let Some(number) = index.terms.get(term) {
        matches.push(TermMatch { term: number as u32, kind: MatchKind::Exact });
    }
    for lang in Lang::ALL {
        let Some(stemmed) = stem(term, lang) else { continue };
        if let Some(packed) = index.stems.get(stem_key(&stemmed, lang)) {
            matches.extend(index.stem_group(packed).map(|term| TermMatch { term, kind: MatchKind::Stem }));
        }
    }
    matches.sort_by_key(|m| (m.term, m.kind));
    matches.dedup_by_key(|m| m.term);
    matches
}

fn add_all(matches: &mut Vec<TermMatch>, terms: Vec<u32>, kind: MatchKind) {
    matches.extend(terms.into_iter().map(|term| TermMatch { term, kind }));
}

/// Term numbers accepted by `automaton`, at most [`MAX_EXPANSIONS`] of them,
/// the most frequent first when there are more.
fn scan<A: Automaton>(index: &Index<'_>, automaton: A) -> Vec<u32> {
    let mut stream = index.terms.search(automaton).into_stream();
    let mut terms = Vec::new();
    while let Some((_, number)) = stream.next() {
        terms.push(number as u32);
        if terms.len() >= MAX_SCANNED {
            break;
        }
    }
    if terms.len() > MAX_EXPANSIONS {
        terms.sort_by_key(|&t| (std::cmp::Reverse(index.body_frequency(t)), t));
        terms.truncate(MAX_EXPANSIONS);
    }
    terms
}

/// Terms within `edits` of `term`, for suggestions.
pub(crate) fn neighbours(index: &Index<'_>, term: &str, edits: u32) -> Vec<(String, u32)> {
    let Ok(automaton) = Levenshtein::new(term, edits) else { return Vec::new() };
    let mut stream = index.terms.search(automaton).into_stream();
    let mut found = Vec::new();
    while let Some((key, number)) = stream.next() {
        if let Ok(key) = std::str::from_utf8(key) {
            found.push((key.to_string(), number as u32));
        }
        if found.len() >= MAX_SCANNED {
            break;
        }
    }
    found
}
