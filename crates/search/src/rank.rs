//! Orders the matching passages by rules applied in a fixed order, each
//! deciding only between passages the ones before it left tied, as
//! Meilisearch's ranking rules do:
//!
//! 1. **words**: passages holding every required word (or phrase, or
//!    equivalent) first, then those missing fewer;
//! 2. **typos**: fewer edits first, summed over the words matched only
//!    through a typo;
//! 3. **exactness**: words matched as typed before those matched through a
//!    stem, an equivalent or a completion;
//! 4. **proximity**: the required words standing closer together in the
//!    body first;
//! 5. **field**: passages matching in their text or speaker before those
//!    whose words match only in their article's title;
//! 6. **BM25F** over body, title and speaker, each word scoring its best
//!    term weighted by how it matched.
//!
//! A rare word two edits from the query would otherwise outscore the
//! frequent one it meant. Rules 1-3, 5 and 6 are known once every word is
//! scored; proximity needs positions, so it is computed for the best
//! candidates by the other rules only (a few times the page asked for).
//!
//! Scores are accumulated in a dense per-passage array, kept between
//! queries by the [`crate::Searcher`] and cleared only where it was
//! written, so a rare word on a large corpus does not pay for zeroing a
//! slot per passage. The matches stream through a bounded heap that keeps
//! the best few; only those are sorted.

use std::cell::RefCell;
use std::collections::BinaryHeap;

use crate::bitset::BitSet;
use crate::evaluate::Evaluation;
use crate::index::Index;
use crate::order;
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
/// Proximity buckets: distance beyond adjacency, capped; the last is for
/// passages where the words do not all stand in the body.
const FAR: u32 = 15;
const APART: u32 = FAR + 1;

/// The rules before BM25, packed into one integer, most significant first:
/// missing units (8 bits), typo edits (6), non-exact words (6), proximity
/// bucket (5), title-only words (5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Tier(u32);

impl Tier {
    const MISSING: u32 = 24;
    const EDITS: u32 = 18;
    const NON_EXACT: u32 = 12;
    const PROXIMITY: u32 = 7;

    fn new(missing: usize, edits: u32, non_exact: u32, title_only: u32) -> Tier {
        let cap = |x: u32, bits: u32| x.min((1 << bits) - 1);
        Tier(
            (cap(missing as u32, 8) << Self::MISSING)
                | (cap(edits, 6) << Self::EDITS)
                | (cap(non_exact, 6) << Self::NON_EXACT)
                | cap(title_only, 5),
        )
    }

    fn with_proximity(self, bucket: u32) -> Tier {
        Tier(self.0 | (bucket.min(APART) << Self::PROXIMITY))
    }

    fn missing(self) -> u32 {
        self.0 >> Self::MISSING
    }
}

/// A scored passage.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scored {
    pub passage: u32,
    pub score: f32,
    tier: Tier,
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
    /// Lower ranks first: the rules (only the words rule for date sorts),
    /// then date (date sorts), then score (descending), then passage id.
    fn key(self, s: &Scored) -> u128 {
        let (tier, date) = if self.by_date {
            let date = if self.sort == Sort::DateAsc { s.date } else { !s.date };
            (s.tier.missing(), date)
        } else {
            (s.tier.0, 0)
        };
        order::pack([tier, date, !order::ordered(s.score), s.passage])
    }
}

/// Per passage totals while scoring.
#[derive(Clone, Copy, Debug, Default)]
struct Accumulator {
    score: f32,
    /// Over the required words that matched the passage: edits of those
    /// matched only through typos, how many did not match as typed, how
    /// many matched only in the title, and how many there were.
    edits: u8,
    non_exact: u8,
    title_only: u8,
    matched: u8,
    /// The current word: its best term score here, and its best
    /// exactness (see [`crate::expand::MatchKind::exactness`]) over all
    /// fields and over the text and speaker's name: a title match says
    /// nothing of how the word stands in the text.
    best: f32,
    exactness: Option<u8>,
    text_exactness: Option<u8>,
}

/// The per-passage arrays of the last ranking, all back at zero, for the
/// next; owned by the [`crate::Searcher`].
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    arrays: RefCell<Arrays>,
}

#[derive(Debug, Default)]
struct Arrays {
    accumulators: Vec<Accumulator>,
    /// One term's BM25F tf summed over fields, and whether a field other
    /// than the title holds it, when it has title or speaker postings;
    /// each slot is taken back to zero as it is credited.
    field_tf: Vec<(f32, bool)>,
    /// Each passage's BM25F body weight over its length normalisation,
    /// computed at the first ranking: the one per-posting factor that
    /// depends on the passage alone, read from its record and divided for
    /// every posting otherwise.
    body_norms: Vec<f32>,
}

/// The best `want` passages of `results`, in order.
pub(crate) fn rank(index: &Index<'_>, scratch: &Scratch, eval: &Evaluation<'_>, results: &BitSet, sort: Sort, want: usize) -> Vec<Scored> {
    // A page of no hits (counts only) needs no scores.
    if want == 0 {
        return Vec::new();
    }
    let n = index.passage_count();
    // The arrays leave their cell for the ranking and come back cleared.
    let mut arrays = scratch.arrays.take();
    arrays.accumulators.resize(n, Accumulator::default());
    let ranked = rank_with(index, eval, results, sort, want, &mut arrays);
    // Scores are only written for passages of `results`.
    for passage in results.iter() {
        if let Some(slot) = arrays.accumulators.get_mut(passage as usize) {
            *slot = Accumulator::default();
        }
    }
    scratch.arrays.replace(arrays);
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
    let Arrays { accumulators: acc, field_tf: tf, body_norms } = arrays;
    let mut term_touched = Vec::new();
    let mut touched = Vec::new();
    let stats = index.stats;
    let norm = |field: usize, len: u32, avg: f32| WEIGHT[field] / (1.0 - B[field] + B[field] * len as f32 / avg);
    if body_norms.len() != n {
        *body_norms = (0..n as u32).map(|p| norm(BODY, index.passage_len(p), stats.avg_body)).collect();
    }
    let body_norm = |passage: u32| body_norms.get(passage as usize).copied().unwrap_or(0.0);
    for word in &eval.words {
        for term in &word.terms {
            let df = term.frequency as f32;
            let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
            let weight = term.matched.kind.weight() * idf;
            let exactness = term.matched.kind.exactness();
            let mut credit = |passage: u32, x: f32, in_text: bool| {
                let slot = &mut acc[passage as usize];
                if slot.exactness.is_none() {
                    touched.push(passage);
                }
                slot.best = slot.best.max(weight * x * (K1 + 1.0) / (K1 + x));
                slot.exactness = Some(slot.exactness.map_or(exactness, |best| best.min(exactness)));
                if in_text {
                    slot.text_exactness = Some(slot.text_exactness.map_or(exactness, |best| best.min(exactness)));
                }
            };
            let postings = &term.postings;
            let body = postings.body().filter(|&(p, _)| results.contains(p));
            if postings.title.is_empty() && postings.speaker.is_empty() {
                // Body only, the common case: each passage comes once, no summing.
                for (passage, count) in body {
                    credit(passage, count as f32 * body_norm(passage), true);
                }
                continue;
            }
            tf.resize(n, (0.0, false));
            let mut add = |passage: u32, value: f32, in_text: bool| {
                if results.contains(passage) {
                    let slot = &mut tf[passage as usize];
                    if *slot == (0.0, false) {
                        term_touched.push(passage);
                    }
                    slot.0 += value;
                    slot.1 |= in_text;
                }
            };
            for (passage, count) in body {
                add(passage, count as f32 * body_norm(passage), true);
            }
            for &(doc, count) in &postings.title {
                let value = count as f32 * norm(TITLE, index.title_len(doc), stats.avg_title);
                index.document_passages(doc).into_iter().flatten().for_each(|p| add(p, value, false));
            }
            for &(speaker, count) in &postings.speaker {
                let value = count as f32 * norm(SPEAKER, index.speaker_len(speaker), stats.avg_speaker);
                index.speaker_passages(speaker).for_each(|p| add(p, value, true));
            }
            for passage in term_touched.drain(..) {
                let (x, in_text) = std::mem::take(&mut tf[passage as usize]);
                credit(passage, x, in_text);
            }
        }
        for passage in touched.drain(..) {
            let slot = &mut acc[passage as usize];
            slot.score += std::mem::take(&mut slot.best);
            let text_exactness = slot.text_exactness.take();
            let in_text = text_exactness.is_some();
            let exactness = text_exactness.or(slot.exactness.take()).unwrap_or(0);
            slot.exactness = None;
            if !word.optional {
                slot.edits = slot.edits.saturating_add(exactness.saturating_sub(1));
                slot.non_exact = slot.non_exact.saturating_add(u8::from(exactness > 0));
                slot.title_only = slot.title_only.saturating_add(u8::from(!in_text));
                slot.matched = slot.matched.saturating_add(1);
            }
        }
    }
    let required_words = eval.words.iter().filter(|w| !w.optional).count();
    let by_date = sort != Sort::Relevance || eval.words.is_empty();
    let ranking = Order { sort, by_date };
    let scored = |p: u32| {
        let slot = acc[p as usize];
        let tier = if eval.all.contains(p) {
            // Every unit matched: a required word that did not was matched
            // through an equivalent phrase or an unscored completion.
            let through_others = required_words.saturating_sub(usize::from(slot.matched)) as u32;
            Tier::new(0, slot.edits.into(), u32::from(slot.non_exact) + through_others, slot.title_only.into())
        } else {
            let missing = eval.units.iter().filter(|unit| !unit.contains(p)).count();
            Tier::new(missing, slot.edits.into(), slot.non_exact.into(), slot.title_only.into())
        };
        Scored { passage: p, score: slot.score, tier, date: if by_date { index.passage_date_key(p) } else { 0 } }
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
        let key = ranking.key(&scored(passage));
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
    order::sort_by_key(&mut scored, |s| (ranking.key(s), ""));
    scored.truncate(want);
    scored
}

/// Sets the proximity rule of each passage: how far apart the required
/// words stand in the body beyond being adjacent ([`FAR`] at most), or
/// [`APART`] when they do not all stand there.
fn proximity(eval: &Evaluation<'_>, head: &mut [Scored]) {
    let words: Vec<_> = eval.words.iter().filter(|w| !w.optional).collect();
    if words.len() < 2 || head.is_empty() {
        return;
    }
    let mut passages: Vec<u32> = head.iter().map(|s| s.passage).collect();
    order::sort(&mut passages);
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
        let ideal = (words.len() - 1) as u32;
        let bucket = min_span(&mut events[slot], words.len()).map_or(APART, |span| span.saturating_sub(ideal).min(FAR));
        scored.tier = scored.tier.with_proximity(bucket);
    }
}

/// Smallest `last - first` position of a window holding every word.
fn min_span(events: &mut Vec<(u32, usize)>, words: usize) -> Option<u32> {
    order::sort_by_key(events, |&(position, word)| order::numbers([position, u32::try_from(word).unwrap_or(u32::MAX)]));
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
    fn min_span_finds_the_tightest_window() {
        let mut events = vec![(0, 0), (10, 1), (12, 0), (30, 1), (13, 1)];
        assert_eq!(min_span(&mut events, 2), Some(1));
        let mut events = vec![(0, 0), (3, 0)];
        assert_eq!(min_span(&mut events, 2), None);
    }
}
