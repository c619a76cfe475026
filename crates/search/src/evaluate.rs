//! Turns a parsed query into passage sets: which passages each word and
//! phrase matches.
//!
//! A term's passages are its body postings plus the passages of the
//! documents whose title holds it and of the speakers whose name holds it.
//! Those fan-outs are written straight into bitsets (ranges for documents,
//! lists for speakers), never into sorted per-passage lists, because a word
//! that sits in many titles would otherwise cost a sort of most of the
//! corpus on every keystroke. A title only raises passages that match in
//! their text or speaker: an article whose title alone matches is found
//! once, through its first passage, not as every passage it has.
//!
//! Each required word, phrase or run of words with an equivalent is one
//! *unit*; a passage matches the query when it matches every unit. A word
//! with equivalents also matches their terms (and stems); an equivalent of
//! several words matches as a phrase.

use crate::bitset::BitSet;
use crate::equivalence::LazyEquivalences;
use crate::expand::{exact_and_stems, expand, Completions, Expansion, ExpansionCache, MatchKind, TermMatch};
use crate::index::Index;
use crate::lead::Lead;
use crate::postings::Postings;
use crate::query::{phrase, ParsedQuery, Phrase, QueryWord};

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
    /// Only ranks; does not restrict (stop words, the words of equivalents).
    pub optional: bool,
}

/// What the query was read as, beyond its words as typed.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    /// (word as typed, folded; the word it was read as): words that match
    /// only through typos.
    pub corrected: Vec<(String, String)>,
    /// (words as typed, folded; equivalents as written that match something).
    pub equivalents: Vec<(String, Vec<String>)>,
}

pub(crate) struct Evaluation<'a> {
    /// Words, then the words of phrases and equivalents; all of them score.
    pub words: Vec<WordHits<'a>>,
    /// Passages matching every unit, none excluded.
    pub all: BitSet,
    /// Passages matching at least one unit, none excluded: the fallback
    /// when `all` finds few.
    pub any: BitSet,
    /// Each unit's passages, for the words rule of the ranking.
    pub units: Vec<BitSet>,
    /// Equivalent phrases that matched, as (term, offset) runs: they light
    /// up where they stand whole, not word by word, and do not score.
    pub phrases: Vec<Vec<(TermMatch, u32)>>,
    pub reading: Reading,
}

/// How literally to take the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Literal {
    /// Typos forgiven, equivalents added.
    Forgiving,
    /// The words as typed (with their stems and completions) only.
    AsTyped,
}

/// What a query is evaluated against: the blob and the searcher's state.
pub(crate) struct Context<'s, 'a> {
    pub index: &'s Index<'a>,
    pub expansions: &'s ExpansionCache,
    pub equivalences: &'s LazyEquivalences<'a>,
    pub literal: Literal,
}

/// One unit while evaluating: passages matching it in any field, and in
/// the text or speaker only when that differs.
struct Unit {
    set: BitSet,
    text: Option<BitSet>,
}

impl Unit {
    fn and(&mut self, other: &Unit) {
        self.text_mut().intersect(other.text.as_ref().unwrap_or(&other.set));
        self.set.intersect(&other.set);
    }

    fn or(&mut self, other: &BitSet) {
        if let Some(text) = &mut self.text {
            text.union(other);
        }
        self.set.union(other);
    }

    fn text_mut(&mut self) -> &mut BitSet {
        self.text.get_or_insert_with(|| self.set.clone())
    }
}

impl<'a> Evaluation<'a> {
    pub(crate) fn new(cx: &Context<'_, 'a>, query: &ParsedQuery) -> Evaluation<'a> {
        let index = cx.index;
        let n = index.passage_count();
        let mut words = Vec::with_capacity(query.words.len());
        let mut units: Vec<Unit> = Vec::new();
        let mut reading = Reading::default();
        let mut equivalent_phrases = Vec::new();
        let mut i = 0;
        while i < query.words.len() {
            let (len, others) = equivalents_at(cx, &query.words[i..]);
            let span = &query.words[i..i + len];
            let typed = span.iter().map(|w| w.term.as_str()).collect::<Vec<_>>().join(" ");
            let mut single: Vec<TermMatch> = Vec::new();
            let mut phrases: Vec<Phrase> = Vec::new();
            for (folded, written) in &others {
                if folded.contains(' ') {
                    phrases.extend(phrase(written));
                } else {
                    single.extend(exact_and_stems(index, cx.expansions, folded).into_iter().map(|m| TermMatch { kind: MatchKind::Equivalent, ..m }));
                }
            }
            let mut unit: Option<Unit> = None;
            let mut alternatives = BitSet::empty(n);
            for (k, word) in span.iter().enumerate() {
                let mut expansion = (*expand(index, cx.expansions, word)).clone();
                if cx.literal == Literal::AsTyped {
                    expansion.scored.retain(|m| !matches!(m.kind, MatchKind::Fuzzy { .. }));
                }
                if len == 1 && k == 0 {
                    merge_terms(&mut expansion, &single);
                }
                if !word.optional && expansion.scored.iter().all(|m| matches!(m.kind, MatchKind::Fuzzy { .. })) && expansion.unscored.is_empty() {
                    if let Some(correction) = expansion.correction.clone().filter(|_| !expansion.scored.is_empty() && others.is_empty()) {
                        reading.corrected.push((word.term.clone(), correction));
                    }
                }
                let (hits, own) = word_hits(index, &expansion, word.optional);
                words.push(hits);
                if !word.optional {
                    match &mut unit {
                        Some(unit) => unit.and(&own),
                        None => unit = Some(own),
                    }
                }
            }
            if len > 1 && !single.is_empty() {
                let (hits, set) = word_hits(index, &Expansion { scored: single, ..Expansion::default() }, true);
                words.push(hits);
                alternatives.union(set.text.as_ref().unwrap_or(&set.set));
            }
            for alternative in &phrases {
                let (set, phrase_words) = phrase_hits(index, alternative);
                if set.count() > 0 {
                    let terms = phrase_words.iter().filter_map(|w| w.terms.first().map(|t| t.matched));
                    equivalent_phrases.push(terms.zip(alternative.terms.iter().map(|(_, offset)| *offset)).collect());
                }
                alternatives.union(&set);
            }
            // A word typed twice is said once.
            if !others.is_empty() && !reading.equivalents.iter().any(|(said, _)| *said == typed) {
                let written: Vec<String> = others.iter().map(|(_, w)| w.to_string()).collect();
                reading.equivalents.push((typed, written));
            }
            if let Some(mut unit) = unit {
                unit.or(&alternatives);
                units.push(unit);
            }
            i += len;
        }
        for phrase in &query.phrases {
            let (set, phrase_words) = phrase_hits(index, phrase);
            units.push(Unit { set, text: None });
            words.extend(phrase_words);
        }
        let mut excluded = BitSet::empty(n);
        for word in &query.excluded_words {
            let expansion = Expansion { scored: exact_and_stems(index, cx.expansions, &word.term), ..Expansion::default() };
            excluded.union(&word_hits(index, &expansion, false).1.set);
        }
        for phrase in &query.excluded_phrases {
            excluded.union(&phrase_hits(index, phrase).0);
        }
        let (mut all, mut any) = combine(index, &units);
        all.subtract(&excluded);
        any.subtract(&excluded);
        Evaluation { words, all, any, units: units.into_iter().map(|u| u.set).collect(), phrases: equivalent_phrases, reading }
    }
}

/// How many words from the start of `words` form a member of an
/// equivalence group (the longest run that does, else 1), and the group's
/// other members. None when taking the query as typed; a lone stop word
/// has none.
fn equivalents_at<'a>(cx: &Context<'_, 'a>, words: &[QueryWord]) -> (usize, Vec<(String, &'a str)>) {
    if cx.literal == Literal::AsTyped {
        return (1, Vec::new());
    }
    for len in (1..=cx.equivalences.get().longest().min(words.len())).rev() {
        if len == 1 && words[0].optional {
            break;
        }
        let key = words[..len].iter().map(|w| w.term.as_str()).collect::<Vec<_>>().join(" ");
        let others = cx.equivalences.get().others(&key);
        if !others.is_empty() {
            return (len, others.into_iter().map(|(k, w)| (k.to_string(), w)).collect());
        }
    }
    (1, Vec::new())
}

/// Adds equivalent terms to a word's expansion, keeping the better kind
/// of a term reached both ways.
fn merge_terms(expansion: &mut Expansion, extra: &[TermMatch]) {
    if extra.is_empty() {
        return;
    }
    expansion.scored.extend_from_slice(extra);
    TermMatch::keep_best_per_term(&mut expansion.scored);
    let scored = &expansion.scored;
    expansion.unscored.retain(|id| scored.binary_search_by_key(id, |s| s.term).is_err());
}

/// Every unit's passages together: those matching all units and those
/// matching one, each left with the passages that match in their text or
/// speaker, plus the first passage of an article whose title alone
/// matches.
fn combine(index: &Index<'_>, units: &[Unit]) -> (BitSet, BitSet) {
    let n = index.passage_count();
    if units.is_empty() {
        // Only stop words (or nothing): the text does not restrict.
        return (BitSet::full(n), BitSet::full(n));
    }
    let mut all = BitSet::full(n);
    let mut any = BitSet::empty(n);
    let mut in_text = BitSet::empty(n);
    let mut titled = false;
    for unit in units {
        all.intersect(&unit.set);
        any.union(&unit.set);
        in_text.union(unit.text.as_ref().unwrap_or(&unit.set));
        titled |= unit.text.is_some();
    }
    if titled {
        for set in [&mut all, &mut any] {
            let mut title_only = set.clone();
            title_only.subtract(&in_text);
            set.intersect(&in_text);
            let mut last_doc = None;
            for passage in title_only.iter() {
                let doc = index.passage_document(passage);
                if doc != last_doc && doc.and_then(|d| index.document_passages(d)).is_some_and(|r| r.start == passage) {
                    set.insert(passage);
                }
                last_doc = doc;
            }
        }
    }
    (all, any)
}

fn word_hits<'a>(index: &Index<'a>, expansion: &Expansion, optional: bool) -> (WordHits<'a>, Unit) {
    let mut unit = Unit { set: BitSet::empty(index.passage_count()), text: None };
    let mut scratch = None;
    let terms = expansion.scored.iter().map(|&matched| term_hits(index, matched, &mut unit, &mut scratch)).collect();
    for &term in &expansion.unscored {
        add_passages(index, &index.postings(term), &mut unit);
    }
    (WordHits { terms, completions: expansion.completions.clone(), optional }, unit)
}

/// A term's postings; adds the passages holding it to `unit`.
/// Its document frequency is its body length unless it also sits in titles
/// or speaker names (rare), which are counted in `scratch`, allocated once
/// per word, rather than in a bitset per term.
fn term_hits<'a>(index: &Index<'a>, matched: TermMatch, unit: &mut Unit, scratch: &mut Option<Unit>) -> TermHits<'a> {
    let postings = index.postings(matched.term);
    let frequency = if postings.title.is_empty() && postings.speaker.is_empty() {
        for (passage, _) in postings.body() {
            unit.set.insert(passage);
            if let Some(text) = &mut unit.text {
                text.insert(passage);
            }
        }
        postings.body_len()
    } else {
        let term = scratch.get_or_insert_with(|| Unit { set: BitSet::empty(index.passage_count()), text: None });
        term.set.clear();
        term.text = None;
        add_passages(index, &postings, term);
        let text = term.text.as_ref().unwrap_or(&term.set);
        unit.text_mut().union(text);
        unit.set.union(&term.set);
        term.set.count()
    };
    TermHits { matched, postings, frequency }
}

/// Adds the passages holding a term in any field to `set`: for terms that
/// match without scoring, whose frequency is not needed, so they skip the
/// per-term count (a clear of a bit per passage each, on thousands of
/// completions of a short prefix).
fn add_passages(index: &Index<'_>, postings: &Postings<'_>, unit: &mut Unit) {
    if !postings.title.is_empty() {
        unit.text_mut();
    }
    for (passage, _) in postings.body() {
        unit.set.insert(passage);
        if let Some(text) = &mut unit.text {
            text.insert(passage);
        }
    }
    for &(speaker, _) in &postings.speaker {
        for passage in index.speaker_passages(speaker) {
            unit.set.insert(passage);
            if let Some(text) = &mut unit.text {
                text.insert(passage);
            }
        }
    }
    for &(doc, _) in &postings.title {
        unit.set.insert_range(index.document_passages(doc).unwrap_or(0..0));
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
        let lead = Lead::of_term(term.as_bytes());
        let mut any_field = Unit { set: BitSet::empty(n), text: None };
        let hits = term_hits(index, TermMatch { term: id, kind: MatchKind::Exact, lead }, &mut any_field, &mut None);
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
