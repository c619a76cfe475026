//! Turns a parsed query into passage sets: which passages each word and
//! phrase matches, in which fields and how often.
//!
//! Title and speaker postings are per document and per speaker; here they
//! are fanned out to passages and merged with the body postings, so each
//! matched term ends up as one sorted list of passages with a term
//! frequency per field, which is what both the bitsets and BM25F need.

use crate::bitset::BitSet;
use crate::expand::{exact_and_stems, expand, MatchKind, TermMatch};
use crate::index::Index;
use crate::postings::Postings;
use crate::query::{ParsedQuery, Phrase, QueryWord};

/// Fields of a passage, for BM25F.
pub(crate) const BODY: usize = 0;
pub(crate) const TITLE: usize = 1;
pub(crate) const SPEAKER: usize = 2;

/// A term's frequency in each field of one passage.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FieldHit {
    pub passage: u32,
    pub tf: [u32; 3],
}

/// One dictionary term matched by a query word.
pub(crate) struct TermHits<'a> {
    pub matched: TermMatch,
    pub postings: Postings<'a>,
    /// Sorted by passage.
    pub hits: Vec<FieldHit>,
}

/// A query word (or a phrase word) with everything it matches.
pub(crate) struct WordHits<'a> {
    pub terms: Vec<TermHits<'a>>,
    pub set: BitSet,
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
        let mut words: Vec<WordHits<'a>> = query.words.iter().map(|w| word_hits(index, w)).collect();
        let mut all = BitSet::full(n);
        let mut any = BitSet::empty(n);
        let mut required = 0;
        for word in words.iter().filter(|w| !w.optional) {
            all.intersect(&word.set);
            any.union(&word.set);
            required += 1;
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
            let terms: Vec<TermHits> = exact_and_stems(index, &word.term).into_iter().map(|m| term_hits(index, m)).collect();
            for term in &terms {
                for hit in &term.hits {
                    excluded.insert(hit.passage);
                }
            }
        }
        for phrase in &query.excluded_phrases {
            excluded.union(&phrase_hits(index, phrase).0);
        }
        all.subtract(&excluded);
        any.subtract(&excluded);
        Evaluation { words, all, any, required }
    }
}

fn word_hits<'a>(index: &Index<'a>, word: &QueryWord) -> WordHits<'a> {
    let terms: Vec<TermHits<'a>> = expand(index, word).into_iter().map(|m| term_hits(index, m)).collect();
    let mut set = BitSet::empty(index.passage_count());
    for term in &terms {
        for hit in &term.hits {
            set.insert(hit.passage);
        }
    }
    WordHits { terms, set, optional: word.optional }
}

pub(crate) fn term_hits<'a>(index: &Index<'a>, matched: TermMatch) -> TermHits<'a> {
    let postings = index.postings(matched.term);
    let mut hits: Vec<FieldHit> =
        postings.body.iter().map(|&(passage, tf)| FieldHit { passage, tf: [tf, 0, 0] }).collect();
    if !postings.title.is_empty() || !postings.speaker.is_empty() {
        for &(doc, tf) in &postings.title {
            for passage in index.document_passages(doc).unwrap_or(0..0) {
                hits.push(FieldHit { passage, tf: [0, tf, 0] });
            }
        }
        for &(speaker, tf) in &postings.speaker {
            for passage in index.speaker_passages(speaker) {
                hits.push(FieldHit { passage, tf: [0, 0, tf] });
            }
        }
        hits.sort_by_key(|h| h.passage);
        hits.dedup_by(|later, kept| {
            let same = later.passage == kept.passage;
            if same {
                for field in [BODY, TITLE, SPEAKER] {
                    kept.tf[field] += later.tf[field];
                }
            }
            same
        });
    }
    TermHits { matched, postings, hits }
}

/// The passages holding `phrase` in their body, and its words for scoring.
fn phrase_hits<'a>(index: &Index<'a>, phrase: &Phrase) -> (BitSet, Vec<WordHits<'a>>) {
    let n = index.passage_count();
    let mut candidates = BitSet::full(n);
    let mut terms = Vec::with_capacity(phrase.terms.len());
    for (term, offset) in &phrase.terms {
        let Some(value) = index.term(term) else {
            return (BitSet::empty(n), Vec::new());
        };
        let matched = TermMatch { term: value.id, kind: MatchKind::Exact };
        let hits = term_hits(index, matched);
        let mut body = BitSet::empty(n);
        for &(passage, _) in &hits.postings.body {
            body.insert(passage);
        }
        candidates.intersect(&body);
        terms.push((hits, *offset));
    }
    let list: Vec<u32> = candidates.iter().collect();
    // positions[term][candidate]
    let positions: Vec<Vec<Vec<u32>>> = terms
        .iter()
        .map(|(hits, _)| {
            let mut per_candidate = vec![Vec::new(); list.len()];
            hits.postings.for_each_positions(
                |p| candidates.contains(p),
                |i, positions| {
                    if let Some(slot) = hits.postings.body.get(i).and_then(|&(p, _)| list.binary_search(&p).ok()) {
                        per_candidate[slot] = positions.to_vec();
                    }
                },
            );
            per_candidate
        })
        .collect();
    let mut set = BitSet::empty(n);
    for (slot, &passage) in list.iter().enumerate() {
        let Some(((_, first_offset), rest)) = terms.split_first() else { continue };
        let found = positions[0][slot].iter().any(|&start| {
            let Some(base) = start.checked_sub(*first_offset) else { return false };
            rest.iter().enumerate().all(|(k, (_, offset))| positions[k + 1][slot].binary_search(&(base + offset)).is_ok())
        });
        if found {
            set.insert(passage);
        }
    }
    let words = terms
        .into_iter()
        .map(|(hits, _)| {
            let mut word_set = BitSet::empty(n);
            for hit in &hits.hits {
                word_set.insert(hit.passage);
            }
            word_set.intersect(&set);
            WordHits { terms: vec![hits], set: word_set, optional: false }
        })
        .collect();
    (set, words)
}
