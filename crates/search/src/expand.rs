//! From one query word to the dictionary terms it should match, each with
//! a weight saying how good the match is.
//!
//! A word matches its own folded form, the other forms sharing its stem (in
//! either language, since a query has no language), the terms it starts
//! while being typed, and terms within a small edit distance, all found by
//! walking the fst with an automaton rather than scanning the vocabulary.
//! Stem families need no table of their own: a Snowball stem differs from
//! the words it comes from in its last letters only, so the family of a
//! word lies among the terms starting with its stem less one letter, and is
//! found by stemming those few terms.
//! Only the most frequent expansions are scored, so a short prefix does not
//! rank thousands of terms on a keystroke. From three letters on, the other
//! completions still match, unscored: a reader typing `cybers` expects every
//! passage with a word starting so. One and two letters get only their
//! stored best completions. The words
//! before the one being typed come back on every keystroke, so recent
//! expansions are remembered: walking the fst with a distance-2 automaton
//! is the most expensive step of a query. The cache belongs to the
//! [`crate::Searcher`], which passes it in: the index only reads the blob.

use std::cell::RefCell;
use std::rc::Rc;

use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Streamer};

use crate::analysis::stem;
use crate::format::COMPLETED_PREFIX;
use crate::index::Index;
use crate::lead::Lead;
use crate::levenshtein::{Levenshtein, Siblings, MAX_CHARS};
use crate::order;
use crate::query::QueryWord;
use crate::types::Lang;

/// How a term was reached from a query word; orders match quality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum MatchKind {
    Exact,
    Stem,
    /// A form of an equivalent word from the equivalences (`ransomware`
    /// for `rançongiciel`).
    Equivalent,
    Prefix,
    /// Within the typo tolerance, this many edits away: fewer ranks first.
    Fuzzy { edits: u8 },
}

impl MatchKind {
    /// Score multiplier: exact beats a shared stem beats an equivalent
    /// beats a completion beats a typo.
    pub(crate) fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Stem => 0.8,
            MatchKind::Equivalent => 0.75,
            MatchKind::Prefix => 0.7,
            MatchKind::Fuzzy { .. } => 0.4,
        }
    }

    /// The exactness rule of the ranking: 0 for the word itself, 1 for a
    /// stem, an equivalent or a completion, 1 + edits for a typo.
    pub(crate) fn exactness(self) -> u8 {
        match self {
            MatchKind::Exact => 0,
            MatchKind::Stem | MatchKind::Equivalent | MatchKind::Prefix => 1,
            MatchKind::Fuzzy { edits } => 1 + edits,
        }
    }

    /// The order above as a number, for sort keys: fewer is better.
    fn rank(self) -> u8 {
        match self {
            MatchKind::Exact => 0,
            MatchKind::Stem => 1,
            MatchKind::Equivalent => 2,
            MatchKind::Prefix => 3,
            MatchKind::Fuzzy { edits } => edits.saturating_add(4),
        }
    }

    /// Edits of a typo match; none for the others.
    pub(crate) fn edits(self) -> u8 {
        match self {
            MatchKind::Fuzzy { edits } => edits,
            _ => 0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TermMatch {
    pub term: u32,
    pub kind: MatchKind,
    /// What the term starts with, which lets the highlighter skip most
    /// tokens without a dictionary lookup.
    pub lead: Lead,
}

impl TermMatch {
    /// Sorts by term and keeps each term once, with its best kind (the
    /// three lists that need it share this).
    pub(crate) fn keep_best_per_term(matches: &mut Vec<TermMatch>) {
        // Equal keys are equal matches (the lead is the term's).
        order::sort_by_key(matches, |m| order::numbers([m.term, m.kind.rank().into()]));
        matches.dedup_by_key(|m| m.term);
    }
}

/// Most terms one prefix or typo expansion scores; fewer for the first
/// letters typed, which would otherwise pull in a large part of the index.
fn max_expansions(chars: usize) -> usize {
    match chars {
        0 | 1 => 8,
        2 => 16,
        _ => 32,
    }
}

/// Most typo neighbours kept for one word: they rank below everything
/// else, so the rare ones would only cost time.
const MAX_TYPOS: usize = 16;
/// Most dictionary keys looked at for one expansion.
const MAX_SCANNED: usize = 20_000;
/// Most dictionary keys looked at for the typos of a prefix.
const MAX_FUZZY_PREFIX_SCANNED: usize = 512;
/// Edits allowed for a folded word: 1 from 5 letters, 2 from
/// 9; a prefix being typed gets 1 from 4 letters (none below, where almost
/// everything would match). Numbers get none: 2024 is no typo for 2025.
pub fn allowed_edits(term: &str, prefix: bool) -> u8 {
    if term.chars().any(|c| c.is_numeric()) {
        return 0;
    }
    match term.chars().count() {
        c if c > MAX_CHARS => 0,
        c if c >= 9 => 2,
        c if c >= 5 => 1,
        4 if prefix => 1,
        _ => 0,
    }
}

/// The dictionary terms one query word matches.
#[derive(Clone, Debug, Default)]
pub(crate) struct Expansion {
    /// Sorted by term number, best kind per term: these score.
    pub scored: Vec<TermMatch>,
    /// Completions past the scoring cap: they match and light up, but do
    /// not score, so their passages rank after those of `scored`.
    pub unscored: Vec<u32>,
    /// Where every completion lies, when all of them match.
    pub completions: Option<Completions>,
    /// The closest, most frequent typo neighbour, as stored: what the word
    /// is read as when nothing else matches it.
    pub correction: Option<String>,
}

/// The completions of a prefix: every term id in `ids` (see
/// [`Index::prefix_terms`]), so the highlighter can test a token's id
/// against a range instead of a list of thousands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Completions {
    pub ids: std::ops::Range<u32>,
    pub lead: Lead,
}

/// Recently expanded words, most recent first, and the stems their
/// families looked at. Shared, not copied: a three-letter prefix's
/// expansion holds thousands of completions.
#[derive(Debug, Default)]
pub(crate) struct ExpansionCache {
    entries: RefCell<Vec<(String, bool, Rc<Expansion>)>>,
    stems: StemMemo,
}

/// Enough for the words of a few queries being typed and edited.
const CACHED_WORDS: usize = 32;

impl ExpansionCache {
    // A borrow never outlives these two calls and nothing in them calls
    // back, so `borrow_mut` cannot find the cell already borrowed.
    fn get(&self, word: &QueryWord) -> Option<Rc<Expansion>> {
        let mut entries = self.entries.borrow_mut();
        let at = entries.iter().position(|(term, prefix, _)| *term == word.term && *prefix == word.prefix)?;
        let entry = entries.remove(at);
        let expansion = Rc::clone(&entry.2);
        entries.insert(0, entry);
        Some(expansion)
    }

    fn put(&self, word: &QueryWord, expansion: &Rc<Expansion>) {
        let mut entries = self.entries.borrow_mut();
        entries.insert(0, (word.term.clone(), word.prefix, Rc::clone(expansion)));
        entries.truncate(CACHED_WORDS);
    }
}

/// The stems of dictionary terms looked at for stem families, by term and
/// language. The family of each word typed stems a few hundred terms, and
/// the next keystroke's family mostly lies among the same ones: stemming
/// was a tenth of a keystroke's search before they were kept. The table is
/// direct-mapped (one slot per hash of term and language, taken over on a
/// collision): its size is fixed and it needs no hashing library in the
/// wasm.
#[derive(Debug, Default)]
pub(crate) struct StemMemo {
    slots: RefCell<Vec<MemoSlot>>,
}

/// A term, a language and the term's stem in it (`None`: stemming does not apply).
type MemoSlot = Option<(u32, Lang, Option<Box<str>>)>;

/// Slots of the memo: several keystrokes' families.
const MEMO_SLOTS: usize = 1 << 12;

impl StemMemo {
    /// Whether `key` (term `id`) stems to `stem_of_word` in `lang`.
    fn stems_to(&self, id: u32, key: &str, lang: Lang, stem_of_word: &str) -> bool {
        // The borrow ends within the call, and `stem` does not call back.
        let mut slots = self.slots.borrow_mut();
        if slots.is_empty() {
            slots.resize(MEMO_SLOTS, None);
        }
        // Fibonacci hashing: term ids are byte offsets, so their low bits alone would crowd.
        let at = ((id.wrapping_mul(0x9E37_79B9) >> 20) as usize ^ lang as usize) % MEMO_SLOTS;
        let Some(slot) = slots.get_mut(at) else { return stem(key, lang).as_deref() == Some(stem_of_word) };
        match slot {
            Some((kept, kept_lang, stemmed)) if *kept == id && *kept_lang == lang => stemmed.as_deref() == Some(stem_of_word),
            _ => {
                let stemmed = stem(key, lang);
                let found = stemmed.as_deref() == Some(stem_of_word);
                *slot = Some((id, lang, stemmed.map(String::into_boxed_str)));
                found
            }
        }
    }
}

/// The terms matching `word`, from `cache` when it was expanded lately.
pub(crate) fn expand(index: &Index<'_>, cache: &ExpansionCache, word: &QueryWord) -> Rc<Expansion> {
    if let Some(expansion) = cache.get(word) {
        return expansion;
    }
    let expansion = Rc::new(expand_uncached(index, cache, word));
    cache.put(word, &expansion);
    expansion
}

fn expand_uncached(index: &Index<'_>, cache: &ExpansionCache, word: &QueryWord) -> Expansion {
    // A word still being typed has a stem family only once it is a word:
    // `posi` has none worth looking for, `conventions` has `convention`.
    let mut matches = if word.prefix && index.term(&word.term).is_none() {
        Vec::new()
    } else {
        exact_and_stems(index, cache, &word.term)
    };
    let chars = word.term.chars().count();
    let cap = max_expansions(chars);
    let mut unscored = Vec::new();
    let mut every_completion = None;
    if word.prefix {
        let scored_completions = if chars <= COMPLETED_PREFIX {
            let lead = Lead::of_prefix(word.term.as_bytes());
            let mut best: Vec<(u32, Lead)> = index.completions(&word.term).into_iter().map(|id| (id, lead)).collect();
            best.truncate(cap);
            best
        } else {
            let found = completions(index, &word.term);
            if let (Some(&(start, lead)), Some(&(last, _))) = (found.first(), found.last()) {
                every_completion = Some(Completions { ids: start..last.saturating_add(1), lead });
            }
            let (best, rest) = order::lowest(found, cap, |&(id, _)| order::numbers([!index.body_frequency(id), id]));
            unscored = rest.into_iter().map(|(id, _)| id).collect();
            best
        };
        matches.extend(scored_completions.into_iter().map(|(term, lead)| TermMatch { term, kind: MatchKind::Prefix, lead }));
    }
    let edits = allowed_edits(&word.term, word.prefix);
    let mut correction = None;
    if let Some(automaton) = Levenshtein::new(&word.term, edits).filter(|_| edits > 0) {
        // A typo in a prefix opens whole subtrees of completions (`posi` is
        // one edit from every `pos…`): look at the first few hundred only.
        let (found, best) = if word.prefix {
            let siblings = if every_completion.is_some() { Siblings::LeftOut } else { Siblings::Kept };
            typos(index, automaton.for_other_prefixes(siblings), MAX_FUZZY_PREFIX_SCANNED)
        } else {
            typos(index, automaton, MAX_SCANNED)
        };
        correction = best;
        // The closest first, then the most frequent.
        let (closest, _) = order::lowest(found, MAX_TYPOS, |m| {
            order::numbers([m.kind.edits().into(), !index.body_frequency(m.term), m.term])
        });
        matches.extend(closest);
    }
    TermMatch::keep_best_per_term(&mut matches);
    // A completion past the cap may also be a stem or typo match, scored.
    unscored.retain(|id| matches.binary_search_by_key(id, |s| s.term).is_err());
    Expansion { scored: matches, unscored, completions: every_completion, correction }
}

/// Most dictionary keys stemmed when looking for a stem family.
const MAX_STEM_SCAN: usize = 256;

/// The word itself and the forms sharing its stem: what an exclusion removes
/// and what the did-you-mean check looks for.
pub(crate) fn exact_and_stems(index: &Index<'_>, cache: &ExpansionCache, term: &str) -> Vec<TermMatch> {
    let mut matches = Vec::new();
    if let Some(id) = index.term(term) {
        matches.push(TermMatch { term: id, kind: MatchKind::Exact, lead: Lead::of_term(term.as_bytes()) });
    }
    let stems: Vec<(Lang, String)> = Lang::ALL.iter().filter_map(|&l| Some((l, stem(term, l)?))).collect();
    let mut prefixes: Vec<&str> = Vec::new();
    for prefix in stems.iter().map(|(_, s)| family_prefix(s)) {
        if !prefixes.contains(&prefix) {
            prefixes.push(prefix);
        }
    }
    for prefix in prefixes {
        let mut stream = index.terms.search(Str::new(prefix).starts_with()).into_stream();
        let mut scanned = 0;
        while let Some((key, id)) = stream.next() {
            scanned += 1;
            if scanned > MAX_STEM_SCAN {
                break;
            }
            let (Ok(key), Ok(id)) = (std::str::from_utf8(key), u32::try_from(id)) else { continue };
            if stems.iter().any(|(lang, s)| cache.stems.stems_to(id, key, *lang, s)) {
                matches.push(TermMatch { term: id, kind: MatchKind::Stem, lead: Lead::of_term(key.as_bytes()) });
            }
        }
    }
    TermMatch::keep_best_per_term(&mut matches);
    matches
}

/// Where to look for the family of `stem`: the stem less its last letter,
/// kept to three letters at least so the range stays small.
fn family_prefix(stem: &str) -> &str {
    match stem.char_indices().nth_back(0) {
        Some((last, _)) if stem[..last].chars().count() >= 3 => &stem[..last],
        _ => stem,
    }
}

/// (id, lead) of dictionary terms found by a walk.
type Found = Vec<(u32, Lead)>;

/// (id, lead) of the first [`MAX_SCANNED`] terms starting with
/// `prefix`, read off the postings rather than the fst (see
/// [`Index::prefix_terms`]): a three-letter prefix has thousands.
fn completions(index: &Index<'_>, prefix: &str) -> Found {
    let lead = Lead::of_prefix(prefix.as_bytes());
    let range = index.prefix_terms(prefix);
    let mut terms = Vec::new();
    let mut term = Some(range.start);
    while let Some(id) = term.filter(|&id| id < range.end && terms.len() < MAX_SCANNED) {
        terms.push((id, lead));
        term = index.next_term(id);
    }
    terms
}

/// The typo matches among the first `limit` terms `automaton` accepts,
/// and the key of the closest, most frequent of them.
fn typos(index: &Index<'_>, automaton: Levenshtein, limit: usize) -> (Vec<TermMatch>, Option<String>) {
    let mut found = Vec::new();
    let mut best: Option<((u8, std::cmp::Reverse<u32>), String)> = None;
    walk(index, &automaton, limit, |key, term, edits| {
        found.push(TermMatch { term, kind: MatchKind::Fuzzy { edits }, lead: Lead::of_term(key) });
        let rank = (edits, std::cmp::Reverse(index.body_frequency(term)));
        if best.as_ref().is_none_or(|(kept, _)| rank < *kept) {
            best = std::str::from_utf8(key).ok().map(|key| (rank, key.to_string()));
        }
    });
    (found, best.map(|(_, key)| key))
}

/// Calls `f(key, term id, edits)` for the first `limit` terms `automaton`
/// accepts, the edits read off the state the walk ends in.
fn walk(index: &Index<'_>, automaton: &Levenshtein, limit: usize, mut f: impl FnMut(&[u8], u32, u8)) {
    let mut stream = index.terms.search_with_state(automaton).into_stream();
    let mut seen = 0;
    while let Some((key, id, state)) = stream.next() {
        if let Ok(id) = u32::try_from(id) {
            f(key, id, automaton.edits(&state));
        }
        seen += 1;
        if seen >= limit {
            break;
        }
    }
}

/// Terms within `edits` of `term`, with their ids and edits, for suggestions.
pub(crate) fn neighbours(index: &Index<'_>, term: &str, edits: u8) -> Vec<(String, u32, u8)> {
    let Some(automaton) = Levenshtein::new(term, edits) else { return Vec::new() };
    let mut found = Vec::new();
    walk(index, &automaton, MAX_SCANNED, |key, id, edits| {
        if let Ok(key) = std::str::from_utf8(key) {
            found.push((key.to_string(), id, edits));
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fold;
    use crate::builder::IndexBuilder;
    use crate::types::{DocumentRecord, PassageRecord};
    use proptest::prelude::*;

    /// Neighbours whose French and English stems differ.
    const FAMILY_WORDS: &[&str] = &[
        "connection", "connections", "connecté", "connectés", "connecter", "connected", "connecting", "nation", "nations",
        "national", "nationale", "nationaux", "nationalité", "organise", "organisé", "organiser", "organising", "organisation",
    ];

    proptest! {
        /// Walking the postings from the first completion finds exactly the
        /// terms the fst lists under the prefix.
        #[test]
        fn completions_are_the_fst_range(
            words in proptest::collection::vec("[a-dé]{1,6}", 1..60),
            prefix in "[a-dé]{1,3}",
        ) {
            let mut builder = IndexBuilder::new();
            let doc = builder.add_document(DocumentRecord { title: "t".into(), file: "a.txt".into(), ..Default::default() });
            for chunk in words.chunks(5) {
                builder.add_passage(PassageRecord { section: None, document: doc, text: chunk.join(" "), statements: vec![], mentions: vec![] });
            }
            let blob = builder.finish();
            let index = Index::open(&blob).unwrap();
            let prefix = fold(&prefix);
            let mut stream = index.terms.search(Str::new(&prefix).starts_with()).into_stream();
            let mut expected = Vec::new();
            while let Some((_, id)) = stream.next() {
                expected.push(id as u32);
            }
            let found: Vec<u32> = completions(&index, &prefix).into_iter().map(|(id, _)| id).collect();
            prop_assert_eq!(found, expected);
        }

        /// The memo answers as stemming afresh would, whatever it was asked
        /// before, in either language.
        #[test]
        fn remembered_stems_are_the_stems(asked in proptest::collection::vec((0..FAMILY_WORDS.len(), 0..FAMILY_WORDS.len(), proptest::sample::select(&Lang::ALL[..])), 1..60)) {
            let memo = StemMemo::default();
            for (key, word, lang) in asked {
                let (key, word) = (fold(FAMILY_WORDS[key]), fold(FAMILY_WORDS[word]));
                let Some(stem_of_word) = stem(&word, lang) else { continue };
                let id = FAMILY_WORDS.iter().position(|w| fold(w) == key).unwrap_or(0) as u32;
                prop_assert_eq!(memo.stems_to(id, &key, lang, &stem_of_word), stem(&key, lang) == Some(stem_of_word));
            }
        }
    }
}
