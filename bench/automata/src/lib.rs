//! The typo walk with two automata over one dictionary: the search crate's
//! own (`search::levenshtein`, computed lazily along the fst paths walked)
//! and the parametric DFAs of the `levenshtein_automata` crate, which
//! Meilisearch and tantivy use. The issue asked for the better of the two
//! to be kept; this measures both, in the two walks a keystroke makes:
//!
//! - a whole word, every key within its edits;
//! - the word being typed, every key starting with a word within its edits
//!   (but not with the typed word itself: those are its completions), the
//!   first 512 of them, as the page looks at no more.
//!
//! The first letter costs two edits in both (see `search::levenshtein`):
//! the DFAs are combined for it as Meilisearch combines them, the word's
//! 1-edit DFA on keys not starting with its first letter, its 2-edit DFA on
//! those that do (only the 1-edit one on those that do, for a word allowed
//! one edit). Both walks must find the same keys for the times to compare:
//! the keys each finds and the queries where they differ are reported.
//!
//! A DFA is built for each word, as the page would: the word changes with
//! every keystroke, so there is nothing to build once but the crate's
//! parametric tables (reported apart).
//!
//! The same code runs natively (`hanoi-bench automata`) and in wasm, built
//! as the page is, from Node (bench/js/bench.mjs): the clock is the caller's.

use std::collections::BTreeSet;

use fst::{automaton::Str, Automaton, IntoStreamer, Map, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use search::levenshtein::{Levenshtein, Siblings};
use serde_json::{json, Value};

/// Keys of the word being typed looked at, as the page does.
const PREFIX_KEYS: usize = 512;
/// Words drawn from the dictionary for each walk.
const QUERIES: usize = 200;

/// `levenshtein_automata`'s DFA as an fst automaton, matching a key within
/// its distance (for a prefix DFA, a key with a prefix within it).
struct Parametric<'a>(&'a DFA);

impl Automaton for Parametric<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Walk {
    WholeWord,
    Prefix,
}

impl Walk {
    fn name(self) -> &'static str {
        match self {
            Walk::WholeWord => "whole word",
            Walk::Prefix => "word being typed",
        }
    }

}

/// The keys a parametric automaton accepts in `walk`: for the word being
/// typed, not its own completions, and the first [`PREFIX_KEYS`] only.
fn walked<A: Automaton>(map: &Map<Vec<u8>>, automaton: A, walk: Walk, word: &str) -> Vec<Vec<u8>> {
    match walk {
        Walk::WholeWord => keys(map, automaton, usize::MAX),
        Walk::Prefix => keys(map, automaton.intersection(Str::new(word).starts_with().complement()), PREFIX_KEYS),
    }
}

/// The first `limit` keys an automaton accepts.
fn keys<A: Automaton>(map: &Map<Vec<u8>>, automaton: A, limit: usize) -> Vec<Vec<u8>> {
    let mut stream = map.search(automaton).into_stream();
    let mut found = Vec::new();
    while let Some((key, _)) = stream.next() {
        found.push(key.to_vec());
        if found.len() >= limit {
            break;
        }
    }
    found
}

fn ours(map: &Map<Vec<u8>>, word: &str, edits: u8, walk: Walk) -> Vec<Vec<u8>> {
    let Some(automaton) = Levenshtein::new(word, edits) else { return Vec::new() };
    // Its prefix form leaves the word's own completions out itself.
    match walk {
        Walk::WholeWord => keys(map, &automaton, usize::MAX),
        Walk::Prefix => keys(map, automaton.for_other_prefixes(Siblings::Kept), PREFIX_KEYS),
    }
}

struct Builders {
    one: LevenshteinAutomatonBuilder,
    two: LevenshteinAutomatonBuilder,
}

/// The parametric walk, and the microseconds its DFAs took to build.
fn parametric(
    builders: &Builders,
    map: &Map<Vec<u8>>,
    word: &str,
    edits: u8,
    walk: Walk,
    now_us: &dyn Fn() -> f64,
) -> (Vec<Vec<u8>>, f64) {
    let started = now_us();
    let build = |builder: &LevenshteinAutomatonBuilder| match walk {
        Walk::WholeWord => builder.build_dfa(word),
        Walk::Prefix => builder.build_prefix_dfa(word),
    };
    let one = build(&builders.one);
    let two = (edits == 2).then(|| build(&builders.two));
    let built = now_us() - started;
    let first: String = word.chars().take(1).collect();
    let same_first = || Str::new(&first).starts_with();
    let found = match &two {
        None => walked(map, same_first().intersection(Parametric(&one)), walk, word),
        Some(two) => {
            let either = Parametric(&one)
                .intersection(same_first().complement())
                .union(Parametric(two).intersection(same_first()));
            walked(map, either, walk, word)
        }
    };
    (found, built)
}

/// Every `n`th word of six letters or more, with one edit in its middle
/// (two letters swapped, or one changed), cut to its first six or nine
/// letters for the word being typed.
fn typed_words(dictionary: &[String], walk: Walk) -> Vec<String> {
    let eligible: Vec<&String> =
        dictionary.iter().filter(|w| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic)).collect();
    let step = (eligible.len() / QUERIES).max(1);
    eligible
        .into_iter()
        .step_by(step)
        .enumerate()
        .map(|(i, word)| {
            let mut chars: Vec<char> = word.chars().collect();
            if walk == Walk::Prefix {
                chars.truncate(if i % 3 == 0 { 9 } else { 6 });
            }
            let middle = chars.len() / 2;
            if i % 2 == 0 && middle + 1 < chars.len() {
                chars.swap(middle, middle + 1);
            } else {
                chars[middle] = if chars[middle] == 'e' { 'a' } else { 'e' };
            }
            chars.into_iter().collect()
        })
        .collect()
}

/// Nearest-rank percentile of microsecond samples.
fn percentile(samples: &mut [f64], q: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    let rank = ((q * samples.len() as f64).ceil() as usize).clamp(1, samples.len().max(1));
    samples.get(rank - 1).copied().unwrap_or(f64::NAN)
}

/// The dictionary of some texts: their analysed terms, sorted, once each.
pub fn dictionary<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    texts.flat_map(search::analysis::tokenize).map(|token| token.term).collect::<BTreeSet<_>>().into_iter().collect()
}

/// Both walks over `dictionary` (sorted), `reps` times each, timed by
/// `now_us` (microseconds): what the report shows, as JSON.
pub fn compare(dictionary: &[String], reps: usize, now_us: &dyn Fn() -> f64) -> Result<Value, String> {
    let map = Map::from_iter(dictionary.iter().enumerate().map(|(id, term)| (term.as_str(), id as u64)))
        .map_err(|e| format!("cannot build the dictionary's fst: {e}"))?;

    let started = now_us();
    let builders = Builders { one: LevenshteinAutomatonBuilder::new(1, true), two: LevenshteinAutomatonBuilder::new(2, true) };
    let builders_us = now_us() - started;

    let mut rows = Vec::new();
    for walk in [Walk::WholeWord, Walk::Prefix] {
        let words = typed_words(dictionary, walk);
        for edits in [1u8, 2] {
            let words: Vec<&String> =
                words.iter().filter(|w| search::allowed_edits(w, walk == Walk::Prefix) == edits).collect();
            let (mut ours_us, mut parametric_us, mut build_us) = (Vec::new(), Vec::new(), 0.0);
            let (mut ours_keys, mut parametric_keys, mut differing) = (0, 0, 0);
            for pass in 0..reps.max(1) {
                for word in &words {
                    let started = now_us();
                    let by_ours = ours(&map, word, edits, walk);
                    ours_us.push(now_us() - started);
                    let started = now_us();
                    let (by_parametric, built) = parametric(&builders, &map, word, edits, walk, now_us);
                    parametric_us.push(now_us() - started);
                    build_us += built;
                    if pass == 0 {
                        ours_keys += by_ours.len();
                        parametric_keys += by_parametric.len();
                        differing += usize::from(by_ours != by_parametric);
                    }
                }
            }
            let samples = ours_us.len().max(1) as f64;
            rows.push(json!({
                "walk": walk.name(),
                "edits": edits,
                "queries": words.len(),
                "ours_p50_us": percentile(&mut ours_us, 0.5),
                "ours_p95_us": percentile(&mut ours_us, 0.95),
                "parametric_p50_us": percentile(&mut parametric_us, 0.5),
                "parametric_p95_us": percentile(&mut parametric_us, 0.95),
                "parametric_build_mean_us": build_us / samples,
                "ours_keys": ours_keys,
                "parametric_keys": parametric_keys,
                "differing": differing,
            }));
        }
    }
    Ok(json!({ "terms": dictionary.len(), "builders_us": builders_us, "reps": reps, "walks": rows }))
}
