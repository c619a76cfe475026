//! A Levenshtein automaton for walking the term fst, computed lazily.
//!
//! fst's own `Levenshtein` builds a full DFA up front, which measured at
//! several milliseconds for a 10-letter word at distance 2 — the whole
//! keystroke budget. This one carries part of one dynamic-programming row
//! as its state and computes it only along the fst paths actually walked,
//! which the `can_match` pruning keeps short. Distances are counted in
//! chars: the fst speaks bytes, so a multi-byte char is gathered in the
//! state before the row advances. Only the diagonal band of the row that
//! can still be within the distance is kept: `2 * edits + 1` cells, so a
//! step costs the same whatever the word's length, and the state, which
//! the walk copies at every transition, stays a few bytes.
//!
//! Two neighbouring letters typed in the wrong order count as one edit
//! (Damerau's transposition, in its "optimal string alignment" form: a
//! swapped pair is not edited again), as in Meilisearch and most search
//! engines: it is the commonest slip on a keyboard, and as two edits it
//! would be out of reach for words under nine letters. The state keeps the
//! band before the current one and the last char for it.
//!
//! An edit at the first letter (changing it, dropping it, swapping it with
//! the second, or typing a letter before it) counts as two, as in
//! Meilisearch: people rarely miss the first letter, and without the rule
//! the walk must enter every two-letter branch
//! of the dictionary at distance 2 (every one-letter branch at distance 1)
//! before it can prune anything. With it, a word of 5 to 8 letters keeps its
//! first letter and a longer one may change it only if nothing else is wrong.
//!
//! It was kept over the parametric automata of the `levenshtein_automata`
//! crate (combined for the first-letter rule as Meilisearch combines them):
//! their walk is quicker, but a keystroke's word is new each time, and in
//! wasm built as the page is, building its DFAs and walking them took longer
//! than this automaton on every walk measured, for 11.6 KB more gzip.
//! `make bench` measures both on its dictionaries (bench/automata, hence
//! this module is public) and BENCHMARKS.md gives the figures.

use fst::Automaton;

/// Longest query handled, in chars; longer words get no typo tolerance.
pub(crate) const MAX_CHARS: usize = 24;
/// Most edits an automaton allows: its band has room for this many.
const MAX_EDITS: u8 = 2;
const BAND: usize = 2 * MAX_EDITS as usize + 1;

pub struct Levenshtein {
    query: Vec<char>,
    edits: u8,
    /// `Some` to accept a key when a prefix of it is within the distance
    /// (the word being typed), not only the whole key; never a key starting
    /// with the query itself, and with [`Siblings::LeftOut`] never one
    /// starting with all of it but its last char.
    prefix: Option<Siblings>,
}

/// Whether a prefix automaton matches the keys that start with the query
/// less its last char (`cont…` for `conti`): one edit at the end of the
/// word, but while the query still starts words of the dictionary, they are
/// the words the reader was typing past, not what they mistyped; taken as
/// typos they would outnumber the query's own completions (`conti` found
/// ten times as many passages through `contre` as through its own words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Siblings {
    Kept,
    LeftOut,
}

/// The walk's state, copied at every fst transition, so kept small: the
/// band of the row rather than the row.
#[derive(Clone, Copy, Debug)]
pub struct State {
    /// `band[k]`: the distance (weighted as above) between the key read so
    /// far (`depth` chars) and the query's first `depth + k - edits` chars,
    /// saturated at `edits + 1`. Cells further from the diagonal, and cells before the
    /// word's start or past its end, are more than `edits` away: not kept,
    /// or holding `edits + 1`.
    band: [u8; BAND],
    /// The band one char earlier (cell `k` is column `depth - 1 + k -
    /// edits`), and the char read since: what a swap ending at the next char
    /// is measured from.
    previous: [u8; BAND],
    last: Option<char>,
    /// The fewest edits from the query to a prefix of the key read so far
    /// (any prefix, this one included), saturated like the band: what a
    /// prefix automaton matches on and reports.
    fewest: u8,
    /// Chars read so far (saturating: a key that long is dead anyway).
    depth: u16,
    /// For [`Siblings::LeftOut`]: the key read so far starts with the query
    /// less its last char.
    sibling: bool,
    /// A char being gathered from its UTF-8 bytes: code point bits so far
    /// and bytes still expected.
    partial: u32,
    pending: u8,
    /// The key is not UTF-8 (cannot happen with this crate's keys): dead.
    dead: bool,
}

impl Levenshtein {
    /// `None` when the word is too long to be worth the work, or when more
    /// edits are asked for than the band holds.
    pub fn new(query: &str, edits: u8) -> Option<Levenshtein> {
        let query: Vec<char> = query.chars().collect();
        (query.len() <= MAX_CHARS && edits <= MAX_EDITS).then_some(Levenshtein { query, edits, prefix: None })
    }

    /// The same distance, matching every key that starts with a word
    /// within it (`posi` one edit from every `pos…`) except the query's own
    /// completions: those are found apart, and as typos at no edit they
    /// would take the places of the real neighbours.
    pub fn for_other_prefixes(self, siblings: Siblings) -> Levenshtein {
        Levenshtein { prefix: Some(siblings), ..self }
    }

    /// Edits from the query to the key read into `state` (to its closest
    /// prefix, for a prefix automaton): how close a match is.
    pub fn edits(&self, state: &State) -> u8 {
        if self.prefix.is_some() {
            state.fewest
        } else {
            self.whole_word(state)
        }
    }

    /// For a prefix automaton: the key read so far starts with the query,
    /// or with all of it but its last char when siblings are left out.
    fn left_out(&self, state: &State) -> bool {
        self.prefix.is_some() && (state.fewest == 0 || state.sibling)
    }

    /// Marks a state whose key has just read the query less its last char,
    /// exactly: at that depth the band's middle cell is that column, and 0
    /// only when every char read is the query's.
    fn mark_sibling(&self, state: &mut State) {
        if self.prefix == Some(Siblings::LeftOut)
            && usize::from(state.depth) + 1 == self.query.len()
            && state.band[usize::from(self.edits)] == 0
        {
            state.sibling = true;
        }
    }

    fn cap(&self) -> u8 {
        self.edits + 1
    }

    fn width(&self) -> usize {
        2 * usize::from(self.edits) + 1
    }

    /// The query prefix length (the row's column) of band cell `k` after
    /// `depth` chars, when it is inside the word.
    fn column(&self, depth: u16, k: usize) -> Option<usize> {
        (usize::from(depth) + k).checked_sub(usize::from(self.edits)).filter(|&j| j <= self.query.len())
    }

    /// The distance to the whole query, if its column is in the band.
    fn whole_word(&self, state: &State) -> u8 {
        let k = (self.query.len() + usize::from(self.edits)).checked_sub(usize::from(state.depth));
        k.filter(|&k| k < self.width()).map_or(self.cap(), |k| state.band[k])
    }

    /// Whether some cell of the band is still within the distance: reading
    /// more can still reach a match (or, for a prefix automaton, a closer one).
    fn band_alive(&self, state: &State) -> bool {
        state.band[..self.width()].iter().any(|&d| d <= self.edits)
    }

    fn step(&self, state: &State, c: char) -> State {
        let cap = self.cap();
        let depth = state.depth.saturating_add(1);
        let mut next = State { band: [cap; BAND], previous: state.band, last: Some(c), depth, ..*state };
        for k in 0..self.width() {
            let Some(j) = self.column(depth, k) else { continue };
            next.band[k] = if j == 0 {
                (FIRST_LETTER_COST * usize::from(depth)).min(usize::from(cap)) as u8
            } else {
                let cost = edit_cost(j - 1);
                // Cell k of the band before is column j - 1, cell k + 1 is j;
                // cell k of the one before that is column j - 2.
                let substitute = state.band[k] + if self.query[j - 1] == c { 0 } else { cost };
                let extra_key_char = state.band.get(k + 1).map_or(cap, |d| d + 1);
                let missing_query_char = k.checked_sub(1).map_or(cap, |left| next.band[left] + cost);
                let mut best = substitute.min(extra_key_char).min(missing_query_char);
                if j >= 2 && c == self.query[j - 2] && state.last == Some(self.query[j - 1]) {
                    best = best.min(state.previous[k] + edit_cost(j - 2));
                }
                best.min(cap)
            };
        }
        next.fewest = next.fewest.min(self.whole_word(&next));
        self.mark_sibling(&mut next);
        next
    }
}

/// What an edit costs: two at the first letter, one elsewhere.
const FIRST_LETTER_COST: usize = 2;

/// Cost of changing or dropping the query char at `index`, or of typing a
/// char before it when it is the first.
fn edit_cost(index: usize) -> u8 {
    if index == 0 {
        FIRST_LETTER_COST as u8
    } else {
        1
    }
}

impl Automaton for Levenshtein {
    type State = State;

    fn start(&self) -> State {
        let cap = self.cap();
        let mut band = [cap; BAND];
        for (k, cell) in band.iter_mut().enumerate().take(self.width()) {
            if let Some(j) = self.column(0, k) {
                // Query chars missing before any key char.
                let missing: usize = (0..j).map(|i| usize::from(edit_cost(i))).sum();
                *cell = missing.min(usize::from(cap)) as u8;
            }
        }
        let state = State { band, previous: [cap; BAND], last: None, fewest: cap, depth: 0, sibling: false, partial: 0, pending: 0, dead: false };
        let mut state = State { fewest: self.whole_word(&state), ..state };
        self.mark_sibling(&mut state);
        state
    }

    fn is_match(&self, state: &State) -> bool {
        !state.dead && state.pending == 0 && self.edits(state) <= self.edits && !self.left_out(state)
    }

    fn can_match(&self, state: &State) -> bool {
        !state.dead && !self.left_out(state) && (self.band_alive(state) || (self.prefix.is_some() && state.fewest <= self.edits))
    }

    fn accept(&self, state: &State, byte: u8) -> State {
        let mut next = *state;
        // A prefix automaton past its band has its answer: every longer key
        // gets the same, without the work.
        if state.dead || (self.prefix.is_some() && !self.band_alive(state)) {
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
    use fst::{IntoStreamer, Set, Streamer};
    use proptest::prelude::*;

    /// The typo distance the automaton accepts, computed in full: Levenshtein
    /// over chars with adjacent transpositions (optimal string alignment),
    /// weighted by [`edit_cost`]. The reference the automaton is tested against.
    fn distance(query: &str, key: &str) -> usize {
        let query: Vec<char> = query.chars().collect();
        let key: Vec<char> = key.chars().collect();
        let cost = |j: usize| usize::from(edit_cost(j));
        // d[i][j]: the key's first i chars against the query's first j.
        let mut d = vec![vec![0usize; query.len() + 1]; key.len() + 1];
        for j in 1..=query.len() {
            d[0][j] = d[0][j - 1] + cost(j - 1);
        }
        for i in 1..=key.len() {
            d[i][0] = FIRST_LETTER_COST * i;
            for j in 1..=query.len() {
                let substitute = d[i - 1][j - 1] + if key[i - 1] == query[j - 1] { 0 } else { cost(j - 1) };
                let mut best = substitute.min(d[i - 1][j] + 1).min(d[i][j - 1] + cost(j - 1));
                if i >= 2 && j >= 2 && key[i - 1] == query[j - 2] && key[i - 2] == query[j - 1] {
                    best = best.min(d[i - 2][j - 2] + cost(j - 2));
                }
                d[i][j] = best;
            }
        }
        d[key.len()][query.len()]
    }

    fn read(aut: &Levenshtein, key: &str) -> State {
        key.bytes().fold(aut.start(), |state, byte| aut.accept(&state, byte))
    }

    fn run(aut: &Levenshtein, key: &str) -> bool {
        aut.is_match(&read(aut, key))
    }

    #[test]
    fn swaps_count_once_and_the_first_letter_twice() {
        assert_eq!(distance("convention", "convention"), 0);
        assert_eq!(distance("convnetion", "convention"), 1);
        assert_eq!(distance("cyebr", "cyber"), 1);
        assert_eq!(distance("ycber", "cyber"), 2);
        assert_eq!(distance("chat", "chats"), 1);
        assert_eq!(distance("chat", "achat"), 2);
        assert_eq!(distance("kyber", "cyber"), 2);
        assert_eq!(distance("yber", "cyber"), 2);
        assert_eq!(distance("", "abc"), 6);
        assert_eq!(distance("abc", ""), 4);
        let one = Levenshtein::new("cyber", 1).unwrap();
        assert!(run(&one, "cyper"));
        assert!(run(&one, "cyebr"));
        assert!(!run(&one, "ycber"));
        assert!(!run(&one, "kyber"));
        assert!(run(&Levenshtein::new("cybercrime", 2).unwrap(), "kybercrime"));
    }

    #[test]
    fn long_keys_past_the_band_are_safe() {
        let aut = Levenshtein::new("abc", 2).unwrap();
        assert!(!run(&aut, &"x".repeat(300)));
    }

    proptest! {
        #[test]
        fn agrees_with_edit_distance(query in "[abcé]{0,7}", key in "[abcé]{0,8}", edits in 0u8..3) {
            // Three letters and one accented: swaps, repeats and multi-byte chars come up often.
            let aut = Levenshtein::new(&query, edits).unwrap();
            let state = read(&aut, &key);
            prop_assert_eq!(aut.is_match(&state), distance(&query, &key) <= edits as usize);
            if aut.is_match(&state) {
                prop_assert_eq!(usize::from(aut.edits(&state)), distance(&query, &key));
            }
        }

        #[test]
        fn a_prefix_automaton_matches_and_counts_the_closest_prefix(
            query in "[abé]{1,6}",
            key in "[abé]{0,8}",
            edits in 0u8..3,
            leave_out_siblings: bool,
        ) {
            let siblings = if leave_out_siblings { Siblings::LeftOut } else { Siblings::Kept };
            let aut = Levenshtein::new(&query, edits).unwrap().for_other_prefixes(siblings);
            let closest = key.char_indices().map(|(i, _)| i).chain([key.len()]).map(|end| distance(&query, &key[..end])).min().unwrap();
            let all_but_last = &query[..query.char_indices().last().map_or(0, |(i, _)| i)];
            let sibling = leave_out_siblings && key.starts_with(all_but_last);
            let state = read(&aut, &key);
            prop_assert_eq!(aut.is_match(&state), (1..=usize::from(edits)).contains(&closest) && !sibling);
            if aut.is_match(&state) {
                prop_assert_eq!(usize::from(aut.edits(&state)), closest);
            }
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
