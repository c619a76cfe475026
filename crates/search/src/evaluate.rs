//! Turns a parsed query into passage sets: which passages each word and
//! phrase matches.
//!
//! A term's passages are its body postings plus the passages of the
//! documents whose title holds it and of the speakers whose name holds it.
//! Those fan-outs are written straight into bitsets (ranges for documents,
//! lists for speakers), never into sorted per-passage lists, because a word
//! that sits in many titles would otherwise cost a sort of most of the
//! corpus on every keystroke.

use crate::bitset::BitSet;
use crate::expand::{exact_and_stems, expand, first_byte, Completions, Expansion, MatchKind, TermMatch};
use crate::index::Index;
use crate::postings::Postings;
use crate::query::{ParsedQuery, Phrase};

/// One dictionary term matched by a query word.
pub(crate) struct TermHits<'a> {
    pub matched: TermMatch,
    pub postings: Postings<'a>,
    /// Passages holding the term in any field, the document frequency of BM25.
    pub frequency: usize,
}

/// A query word (or a phrase word) with everything it matches.
pub(crate) struct WordHits<'a> {
    pub terms: Vec<TermHits<'a>>,
    /// See [`Expansion::completions`].
    pub completions: Option<Completions>,
    /// Only ranks; does not restrict (stop words).
    pub optional: bool,
}

pub(crate) struct Evaluation<'a> {
    /// Words, then the words of phrases; all of them score.
    pub words: Vec<WordHits<'a>>,
    /// Passages matching every required word and phrase, none excluded.
    pub all: BitSet,
    /// Passages matching at least one required word or phrase, none excluded:
    /// the fallback when `all` finds few.
    pub any: BitSet,
    /// Number of required words and phrases.
    pub required: usize,
}

impl<'a> Evaluation<'a> {
    pub(crate) fn new(index: &Index<'a>, query: &ParsedQuery) -> Evaluation<'a> {
        let n = index.passage_count();
        let mut words = Vec::with_capacity(query.words.len());
        let mut all = BitSet::full(n);
        let mut any = BitSet::empty(n);
        let mut required = 0;
        for word in &query.words {
            let (hits, set) = word_hits(index, &expand(index, word), word.optional);
            if !word.optional {
                all.intersect(&set);
                any.union(&set);
                required += 1;
            }
            words.push(hits);
        }
        for phrase in &query.phrases {
            let (set, phrase_words) = phrase_hits(index, phrase);
            all.intersect(&set);
            any.union(&set);
            required += 1;
            words.extend(phrase_words);
        }
        if required == 0 {
            // Only stop words (or nothing): the text does not restrict.
            any = BitSet::full(n);
        }
        let mut excluded = BitSet::empty(n);
        for word in &query.excluded_words {
            let expansion = Expansion { scored: exact_and_stems(index, &word.term), ..Expansion::default() };
            excluded.union(&word_hits(index, &expansion, false).1);
        }
        for phrase in &query.excluded_phrases {
            excluded.union(&phrase_hits(index, phrase).0);
        }
        all.subtract(&excluded);
        any.subtract(&excluded);
        Evaluation { words, all, any, required }
    }
}

fn word_hits<'a>(index: &Index<'a>, expansion: &Expansion, optional: bool) -> (WordHits<'a>, BitSet) {
    let mut set = BitSet::empty(index.passage_count());
    let mut scratch = None;
    let terms = expansion.scored.iter().map(|&matched| term_hits(index, matched, &mut set, &mut scratch)).collect();
    for &term in &expansion.unscored {
        add_passages(index, &index.postings(term), &mut set);
    }
    (WordHits { terms, completions: expansion.completions.clone(), optional }, set)
}

/// A term's postings; adds the passages holding it in any field to `set`.
/// Its document frequency is its body length unless it also sits in titles
/// or speaker names (rare), which are counted in `scratch`, allocated once
/// per word, rather than in a bitset per term.
fn term_hits<'a>(index: &Index<'a>, matched: TermMatch, set: &mut BitSet, scratch: &mut Option<BitSet>) -> TermHits<'a> {
    let postings = index.postings(matched.term);
    let frequency = if postings.title.is_empty() && postings.speaker.is_empty() {
        for (passage, _) in postings.body() {
            set.insert(passage);
        }
        postings.body_len()
    } else {
        let term_set = scratch.get_or_insert_with(|| BitSet::empty(index.passage_count()));
        term_set.clear();
        add_passages(index, &postings, term_set);
        set.union(term_set);
        term_set.count()
    };
    TermHits { matched, postings, frequency }
}

/// Adds the passages holding a term in any field to `set`: for terms that
/// match without scoring, whose frequency is not needed, so they skip the
/// per-term count (a clear of a bit per passage each, on thousands of
/// completions of a short prefix).
fn add_passages(index: &Index<'_>, postings: &Postings<'_>, set: &mut BitSet) {
    for (passage, _) in postings.body() {
        set.insert(passage);
    }
    for &(doc, _) in &postings.title {
        set.insert_range(index.document_passages(doc).unwrap_or(0..0));
    }
    for &(speaker, _) in &postings.speaker {
        for passage in index.speaker_passages(speaker) {
            set.insert(passage);
        }
    }
}

/// The passages holding `phrase` in their body, and its words for scoring.
fn phrase_hits<'a>(index: &Index<'a>, phrase: &Phrase) -> (BitSet, Vec<WordHits<'a>>) {
    let n = index.passage_count();
    let mut candidates = BitSet::full(n);
    let mut terms = Vec::with_capacity(phrase.terms.len());
    for (term, offset) in &phrase.terms {
        let Some(id) = index.term(term) else {
            return (BitSet::empty(n), Vec::new());
        };
        let first = first_byte(term.as_bytes());
        let mut any_field = BitSet::empty(n);
        let hits = term_hits(index, TermMatch { term: id, kind: MatchKind::Exact, first }, &mut any_field, &mut None);
        let mut body = BitSet::empty(n);
        for (passage, _) in hits.postings.body() {
            body.insert(passage);
        }
        candidates.intersect(&body);
        terms.push((hits, *offset));
    }
    let list: Vec<u32> = candidates.iter().collect();
    // Positions per term, per candidate, flattened: every candidate is in
    // every term's body postings, and both run in passage order, so the
    // k-th posting accepted is the k-th candidate.
    let positions: Vec<(Vec<u32>, Vec<usize>)> = terms
        .iter()
        .map(|(hits, _)| {
            let mut flat = Vec::new();
            let mut starts = Vec::with_capacity(list.len() + 1);
            hits.postings.for_each_positions(
                |p| candidates.contains(p),
                |_, positions| {
                    starts.push(flat.len());
                    flat.extend_from_slice(positions);
                },
            );
            starts.push(flat.len());
            (flat, starts)
        })
        .collect();
    let at = |term: usize, slot: usize| -> &[u32] {
        let (flat, starts) = &positions[term];
        match (starts.get(slot), starts.get(slot + 1)) {
            (Some(&a), Some(&b)) => flat.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    };
    let mut set = BitSet::empty(n);
    if let Some(((_, first_offset), rest)) = terms.split_first() {
        for (slot, &passage) in list.iter().enumerate() {
            let found = at(0, slot).iter().any(|&start| {
                let Some(base) = start.checked_sub(*first_offset) else { return false };
                rest.iter().enumerate().all(|(k, (_, offset))| base.checked_add(*offset).is_some_and(|at_pos| at(k + 1, slot).binary_search(&at_pos).is_ok()))
            });
            if found {
                set.insert(passage);
            }
        }
    }
    let words = terms.into_iter().map(|(hits, _)| WordHits { terms: vec![hits], completions: None, optional: false }).collect();
    (set, words)
}
