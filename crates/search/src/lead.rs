//! A term's first two bytes, and the set of them a search matched.
//!
//! Highlighting looks each token of a passage up in the term dictionary,
//! an fst walk as long as the token. Most tokens cannot be a matched term,
//! and their first two bytes already say so: a prefix being typed (`cont`)
//! matches tokens starting `co`, not every token starting `c`. So a search
//! notes the lead of each term it matched, and the highlighter looks up
//! only the tokens whose lead is among them.

/// What a term starts with, as far as it is known. A term's lead is its
/// first two bytes (a one-byte term's second is [`END`]); the stored best
/// completions of a one-letter prefix are known by their first byte only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lead {
    first: u8,
    /// `None`: any second byte.
    second: Option<u8>,
}

/// The second byte of a one-byte term. No term holds a NUL: the analyser
/// never keeps one in a token.
const END: u8 = 0;

impl Lead {
    /// The lead of the dictionary term `key`.
    pub(crate) fn of_term(key: &[u8]) -> Lead {
        Lead { first: key.first().copied().unwrap_or(END), second: Some(key.get(1).copied().unwrap_or(END)) }
    }

    /// The lead every term starting with `prefix` shares.
    pub(crate) fn of_prefix(prefix: &[u8]) -> Lead {
        Lead { first: prefix.first().copied().unwrap_or(END), second: prefix.get(1).copied() }
    }
}

/// A set of leads: one bit for each pair of bytes, and one for each first
/// byte.
pub(crate) struct Leads {
    bits: Vec<u64>,
    firsts: [u64; 4],
}

/// Bits for the 256 second bytes of one first byte.
const ROW_WORDS: usize = 256 / 64;

impl Leads {
    pub(crate) fn new(leads: &[Lead]) -> Leads {
        let mut bits = vec![0u64; 256 * ROW_WORDS];
        let mut firsts = [0u64; 4];
        for &lead in leads {
            firsts[usize::from(lead.first / 64)] |= 1 << (lead.first % 64);
            let row = usize::from(lead.first) * ROW_WORDS;
            match lead.second {
                Some(second) => bits[row + usize::from(second / 64)] |= 1 << (second % 64),
                None => bits[row..row + ROW_WORDS].fill(u64::MAX),
            }
        }
        Leads { bits, firsts }
    }

    /// Whether a term starting with `byte` may have one of the leads.
    pub(crate) fn admits_first(&self, byte: u8) -> bool {
        self.firsts[usize::from(byte / 64)] & (1 << (byte % 64)) != 0
    }

    /// Whether the term `key` may have one of the leads.
    pub(crate) fn admits(&self, key: &[u8]) -> bool {
        let Lead { first, second } = Lead::of_term(key);
        let second = second.unwrap_or(END);
        self.bits[usize::from(first) * ROW_WORDS + usize::from(second / 64)] & (1 << (second % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_admits_its_two_first_bytes_and_a_one_letter_prefix_any_second() {
        let leads = Leads::new(&[Lead::of_term(b"convention"), Lead::of_prefix(b"d"), Lead::of_term(b"a"), Lead::of_prefix(b"ut")]);
        assert!(leads.admits(b"convention"));
        assert!(leads.admits(b"cooperation"), "same two first bytes: looked up, then told apart by the dictionary");
        assert!(!leads.admits(b"cyber"));
        assert!(leads.admits(b"droits") && leads.admits(b"d"), "a one-letter prefix admits any second byte");
        assert!(leads.admits(b"a"));
        assert!(!leads.admits(b"au"), "a one-byte term is the one-byte token only");
        assert!(leads.admits(b"utile") && !leads.admits(b"un"));
        assert!(!leads.admits(b"e"));
        assert!(leads.admits_first(b'c') && leads.admits_first(b'd') && !leads.admits_first(b'e'));
        assert!(Leads::new(&[Lead::of_term("été".as_bytes())]).admits("étude".as_bytes()), "bytes, not chars: é is two");
    }
}
