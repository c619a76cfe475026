//! Orders the matching passages: BM25F over body, title and speaker, a
//! bonus when the query words stand close together, and tiers that keep
//! exact matches above typo-only ones (one edit above two) and AND matches
//! above the OR fallback, whatever the scores say: a rare word two edits
//! from the query would otherwise outscore the frequent one it meant.
//!
//! Scores are accumulated in a dense per-passage array, kept between
//! queries and cleared only where it was written, so a rare word on a large
//! corpus does not pay for zeroing a slot per passage. The matches stream
//! through a bounded heap that keeps the best few; only those are sorted,
//! and only they get the proximity pass, which needs positions.

use std::collections::BinaryHeap;
use std::sync::Mutex;

use crate::bitset::BitSet;
use crate::evaluate::Evaluation;
use crate::index::Index;
use crate::types::Sort;

const K1: f32 = 1.2;
/// Fields of a passage.
const BODY: usize = 0;
const TITLE: usize = 1;
const SPEAKER: usize = 2;
/// Field weights: a word in the title or the speaker's name says more about
/// the passage than one more occurrence in the body.
const WEIGHT: [f32; 3] = [1.0, 2.0, 1.5];
/// Length normalisation per field.
const B: [f32; 3] = [0.75, 0.5, 0.3];
/// Score multiplier for query words that stand next to each other.
const PROXIMITY: f32 = 0.5;
/// Tier added to passages found only by the OR fallback.
const OR_TIER: u32 = 1 << 16;

/// A scored passage.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scored {
    pub passage: u32,
    pub score: f32,
    /// Lower ranks first: the edits of the words matched only through
    /// typos (the fewest per word), plus [`OR_TIER`] when not all words
    /// matched.
    tier: u32,
    date: u32,
}

/// How passages are ordered, reduced to one integer per passage so that
/// selecting and sorting thousands of them compares `u128`s, not tuples
/// of floats.
#[derive(Clone, Copy)]
struct Order {
    sort: Sort,
    by_date: bool,
}

impl Order {
    /// Lower ranks first: tier, then date (date sorts), then score
    /// (descending), then passage id.
    fn key(self, s: &Scored) -> u128 {
        let (tier, date) = if self.by_date {
            let date = if self.sort == Sort::DateAsc { s.date } else { !s.date };
            (s.tier / OR_TIER, date)
        } else {
            (s.tier, 0)
        };
        (u128::from(tier) << 96) | (u128::from(date) << 64) | (u128::from(!ordered(s.score)) << 32) | u128::from(s.passage)
    }
}

/// Maps a float to an integer of the same order (`total_cmp`'s order).
fn ordered(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | (1 << 31)
    }
}

/// Per passage totals while scoring.
#[derive(Clone, Copy, Debug, Default)]
struct Accumulator {
    score: f32,
    /// See [`Scored::tier`].
    tier: u32,
    /// Best term score of the current word, and the fewest edits among its
    /// matches in this passage (0 when one was not a typo).
    best: f32,
    edits: Option<u8>,
}

/// The per-passage arrays of the last ranking, all back at zero, for the next.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    arrays: Mutex<Arrays>,
}

#[derive(Debug, Default)]
struct Arrays {
    accumulators: Vec<Accumulator>,
    /// One term's BM25F tf summed over fields, when it has title or speaker
    /// postings; each slot is taken back to zero as it is credited.
    field_tf: Vec<f32>,
}

/// The best `want` passages of `results`, in order.
pub(crate) fn rank(index: &Index<'_>, eval: &Evaluation<'_>, results: &BitSet, sort: Sort, want: usize) -> Vec<Scored> {
    let n = index.passage_count();
    // The array leaves its slot for the ranking and comes back cleared; a
    // ranking that panics (or a poisoned lock) only costs a new array.
    let mut arrays = match index.scratch.arrays.lock() {
        Ok(mut kept) => std::mem::take(&mut *kept),
        Err(_) => Arrays::default(),
    };
    arrays.accumulators.resize(n, Accumulator::default());
    let ranked = rank_with(index, eval, results, sort, want, &mut arrays);
    // Scores are only written for passages of `results`.
    for passage in results.iter() {
        if let Some(slot) = arrays.accumulators.get_mut(passage as usize) {
            *slot = Accumulator::default();
        }
    }
    if let Ok(mut kept) = index.scratch.arrays.lock() {
        *kept = arrays;
    }
    ranked
}

fn rank_with(
    index: &Index<'_>,
    eval: &Evaluation<'_>,
    results: &BitSet,
    sort: Sort,
    want: usize,
    arrays: &mut Arrays,
) -> Vec<Scored> {
    let n = index.passage_count();
    let Arrays { accumulators: acc, field_tf: tf } = arrays;
    let mut term_touched = Vec::new();
    let mut touched = Vec::new();
    let stats = index.stats;
    let norm = |field: usize, len: u32, avg: f32| WEIGHT[field] / (1.0 - B[field] + B[field] * len as f32 / avg);
    for word in &eval.words {
        for term in &word.terms {
            let df = term.frequency as f32;
            let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
            let weight = term.matched.kind.weight() * idf;
            let edits = term.matched.kind.edits();
            let mut credit = |passage: u32, x: f32| {
                let slot = &mut acc[passage as usize];
                if slot.best == 0.0 {
                    touched.push(passage);
                }
                slot.best = slot.best.max(weight * x * (K1 + 1.0) / (K1 + x));
                slot.edits = Some(slot.edits.map_or(edits, |fewest| fewest.min(edits)));
            };
            let postings = &term.postings;
            let body = postings.body().filter(|&(p, _)| results.contains(p));
            if postings.title.is_empty() && postings.speaker.is_empty() {
                // Body only, the common case: each passage comes once, no summing.
                for (passage, count) in body {
                    credit(passage, count as f32 * norm(BODY, index.passage_len(passage), stats.avg_body));
                }
                continue;
            }
            tf.resize(n, 0f32);
            let mut add = |passage: u32, value: f32| {
                if results.contains(passage) {
                    let slot = &mut tf[passage as usize];
                    if *slot == 0.0 {
                        term_touched.push(passage);
                    }
                    *slot += value;
                }
            };
            for (passage, count) in body {
                add(passage, count as f32 * norm(BODY, index.passage_len(passage), stats.avg_body));
            }
            for &(doc, count) in &postings.title {
                let value = count as f32 * norm(TITLE, index.title_len(doc), stats.avg_title);
                index.document_passages(doc).into_iter().flatten().for_each(|p| add(p, value));
            }
            for &(speaker, count) in &postings.speaker {
                let value = count as f32 * norm(SPEAKER, index.speaker_len(speaker), stats.avg_speaker);
                index.speaker_passages(speaker).for_each(|p| add(p, value));
            }
            for passage in term_touched.drain(..) {
                credit(passage, std::mem::take(&mut tf[passage as usize]));
            }
        }
        for passage in touched.drain(..) {
            let slot = &mut acc[passage as usize];
            slot.score += std::mem::take(&mut slot.best);
            let edits = slot.edits.take().unwrap_or(0);
            if !word.optional {
                slot.tier += u32::from(edits);
            }
        }
    }
    let by_date = sort != Sort::Relevance || eval.words.is_empty();
    let order = Order { sort, by_date };
    let scored = |p: u32| {
        let slot = acc[p as usize];
        Scored {
            passage: p,
            score: slot.score,
            tier: slot.tier + if eval.all.contains(p) { 0 } else { OR_TIER },
            date: if by_date { index.passage_date_key(p) } else { 0 },
        }
    };
    // Proximity can reorder the head, so look a little further than asked.
    let head = if by_date { want } else { want.saturating_mul(2).max(40) }.min(results.count());
    if want == 0 || head == 0 {
        return Vec::new();
    }
    // The `head` smallest keys; the heap's top is the worst kept. Keys end
    // with the passage id, so no two are equal.
    let mut best: BinaryHeap<u128> = BinaryHeap::with_capacity(head + 1);
    for passage in results.iter() {
        let key = order.key(&scored(passage));
        if best.len() < head {
            best.push(key);
        } else if best.peek().is_some_and(|&worst| key < worst) {
            best.pop();
            best.push(key);
        }
    }
    let mut scored: Vec<Scored> = best.into_iter().map(|key| scored(key as u32)).collect();
    if !by_date {
        proximity(eval, &mut scored);
    }
    scored.sort_unstable_by_key(|s| order.key(s));
    scored.truncate(want);
    scored
}

/// Raises the score of passages where the required words stand close
/// together in the body, by up to [`PROXIMITY`] when they are adjacent.
fn proximity(eval: &Evaluation<'_>, head: &mut [Scored]) {
    let words: Vec<_> = eval.words.iter().filter(|w| !w.optional).collect();
    if words.len() < 2 || head.is_empty() {
        return;
    }
    let mut passages: Vec<u32> = head.iter().map(|s| s.passage).collect();
    passages.sort_unstable();
    // events[candidate] = (position, word)
    let mut events: Vec<Vec<(u32, usize)>> = vec![Vec::new(); passages.len()];
    for (w, word) in words.iter().enumerate() {
        for term in &word.terms {
            term.postings.for_each_positions(
                |p| passages.binary_search(&p).is_ok(),
                |passage, positions| {
                    if let Ok(slot) = passages.binary_search(&passage) {
                        events[slot].extend(positions.iter().map(|&pos| (pos, w)));
                    }
                },
            );
        }
    }
    for scored in head.iter_mut() {
        let Ok(slot) = passages.binary_search(&scored.passage) else { continue };
        if let Some(span) = min_span(&mut events[slot], words.len()) {
            let ideal = (words.len() - 1) as f32;
            scored.score *= 1.0 + PROXIMITY * ideal / (span as f32).max(ideal);
        }
    }
}

/// Smallest `last - first` position of a window holding every word.
fn min_span(events: &mut [(u32, usize)], words: usize) -> Option<u32> {
    events.sort_unstable();
    let mut counts = vec![0usize; words];
    let mut covered = 0;
    let mut best: Option<u32> = None;
    let mut left = 0;
    for right in 0..events.len() {
        let w = events[right].1;
        counts[w] += 1;
        if counts[w] == 1 {
            covered += 1;
        }
        while covered == words {
            let span = events[right].0 - events[left].0;
            best = Some(best.map_or(span, |b: u32| b.min(span)));
            let lw = events[left].1;
            counts[lw] -= 1;
            if counts[lw] == 0 {
                covered -= 1;
            }
            left += 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::min_span;

    #[test]
    fn ordered_floats_keep_their_order() {
        let xs = [f32::NEG_INFINITY, -2.5, -0.0, 0.0, 1e-30, 0.7, 3.0, f32::INFINITY];
        for pair in xs.windows(2) {
            assert!(super::ordered(pair[0]) < super::ordered(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn min_span_finds_the_tightest_window() {
        let mut events = vec![(0, 0), (10, 1), (12, 0), (30, 1), (13, 1)];
        assert_eq!(min_span(&mut events, 2), Some(1));
        let mut events = vec![(0, 0), (3, 0)];
        assert_eq!(min_span(&mut events, 2), None);
    }
}
