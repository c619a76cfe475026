//! A Levenshtein automaton for walking the term fst, computed lazily.
//!
//! fst's own `Levenshtein` builds a full DFA up front, which measured at
//! several milliseconds for a 10-letter word at distance 2 — the whole
//! keystroke budget. This one carries one dynamic-programming row as its
//! state and computes it only along the fst paths actually walked, which
//! the `can_match` pruning keeps short. Distances are counted in chars:
//! the fst speaks bytes, so a multi-byte char is gathered in the state
//! before the row advances. Only the diagonal band of the row that can
//! still be within the distance is computed: `2 * edits + 1` cells a byte
//! instead of the whole word.

use fst::Automaton;

/// Longest query handled, in chars; longer words get no typo tolerance.
pub(crate) const MAX_CHARS: usize = 24;

pub(crate) struct Levenshtein {
    query: Vec<char>,
    edits: u8,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct State {
    /// `row[j]`: edits between the key read so far and the first `j` query
    /// chars, saturated at `edits + 1`.
    row: [u8; MAX_CHARS + 1],
    /// A char being gathered from its UTF-8 bytes: code point bits so far
    /// and bytes still expected.
    partial: u32,
    pending: u8,
    /// The key is not UTF-8 (cannot happen with this crate's keys): dead.
    dead: bool,
    /// Chars read so far (saturating); the band is `depth ± edits`.
    depth: u8,
}

impl Levenshtein {
    /// `None` when the word is too long to be worth the work.
    pub(crate) fn new(query: &str, edits: u8) -> Option<Levenshtein> {
        let query: Vec<char> = query.chars().collect();
        (query.len() <= MAX_CHARS).then_some(Levenshtein { query, edits })
    }

    /// The band of row cells that can still hold `edits` or fewer after
    /// reading `depth` chars: a cell further from the diagonal is more than
    /// `edits` insertions or deletions away.
    fn band(&self, depth: usize) -> (usize, usize) {
        let edits = usize::from(self.edits);
        (depth.saturating_sub(edits), (depth + edits).min(self.query.len()))
    }

    fn step(&self, state: &State, c: char) -> State {
        let cap = self.edits + 1;
        let mut next = *state;
        let depth = usize::from(state.depth) + 1;
        next.depth = state.depth.saturating_add(1);
        let (low, high) = self.band(depth);
        if low == 0 {
            next.row[0] = (depth.min(usize::from(cap))) as u8;
        } else if let Some(leaving) = next.row.get_mut(low - 1) {
            // The cell leaving the band can no longer be within reach.
            *leaving = cap;
        }
        for j in low.max(1)..=high {
            let substitute = state.row[j - 1] + u8::from(self.query[j - 1] != c);
            let delete = state.row[j] + 1;
            let insert = next.row[j - 1] + 1;
            next.row[j] = substitute.min(delete).min(insert).min(cap);
        }
        next
    }
}

impl Automaton for Levenshtein {
    type State = State;

    fn start(&self) -> State {
        let mut row = [0u8; MAX_CHARS + 1];
        for (j, slot) in row.iter_mut().enumerate().take(self.query.len() + 1) {
            *slot = (j as u8).min(self.edits + 1);
        }
        State { row, partial: 0, pending: 0, dead: false, depth: 0 }
    }

    fn is_match(&self, state: &State) -> bool {
        !state.dead && state.pending == 0 && state.row[self.query.len()] <= self.edits
    }

    fn can_match(&self, state: &State) -> bool {
        let (low, high) = self.band(usize::from(state.depth));
        !state.dead && state.row.get(low..=high).is_some_and(|band| band.iter().any(|&d| d <= self.edits))
    }

    fn accept(&self, state: &State, byte: u8) -> State {
        let mut next = *state;
        if state.dead {
            return next;
        }
        let (bits, more) = match (state.pending, byte) {
            (0, 0x00..=0x7f) => (u32::from(byte), 0),
            (0, 0xc0..=0xdf) => (u32::from(byte & 0x1f), 1),
            (0, 0xe0..=0xef) => (u32::from(byte & 0x0f), 2),
            (0, 0xf0..=0xf7) => (u32::from(byte & 0x07), 3),
            (p, 0x80..=0xbf) if p > 0 => ((state.partial << 6) | u32::from(byte & 0x3f), p - 1),
            _ => {
                next.dead = true;
                return next;
            }
        };
        if more > 0 {
            next.partial = bits;
            next.pending = more;
            return next;
        }
        next.partial = 0;
        next.pending = 0;
        match char::from_u32(bits) {
            Some(c) => self.step(&next, c),
            None => {
                next.dead = true;
                next
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::distance;
    use fst::{IntoStreamer, Set, Streamer};
    use proptest::prelude::*;

    fn run(aut: &Levenshtein, key: &str) -> bool {
        let mut state = aut.start();
        for &b in key.as_bytes() {
            state = aut.accept(&state, b);
        }
        aut.is_match(&state)
    }

    #[test]
    fn long_keys_past_the_band_are_safe() {
        let aut = Levenshtein::new("abc", 2).unwrap();
        assert!(!run(&aut, &"x".repeat(300)));
    }

    proptest! {
        #[test]
        fn agrees_with_edit_distance(query in "[abcé]{0,7}", key in "[abcé]{0,8}", edits in 0u8..3) {
            let aut = Levenshtein::new(&query, edits).unwrap();
            prop_assert_eq!(run(&aut, &key), distance(&query, &key) <= edits as usize);
        }

        #[test]
        fn finds_the_same_keys_through_an_fst(keys in proptest::collection::btree_set("[abé]{1,6}", 1..30), query in "[abé]{1,5}") {
            let set = Set::from_iter(keys.iter()).unwrap();
            let aut = Levenshtein::new(&query, 1).unwrap();
            let mut stream = set.search(&aut).into_stream();
            let mut found = Vec::new();
            while let Some(key) = stream.next() {
                found.push(String::from_utf8(key.to_vec()).unwrap());
            }
            let expected: Vec<String> = keys.iter().filter(|k| distance(&query, k) <= 1).cloned().collect();
            prop_assert_eq!(found, expected);
        }
    }
}
