//! Accent and punctuation folding with a way back to the original text.
//!
//! One of the seeds has lost all its accents, and users will paste text with
//! curly or straight apostrophes, non-breaking spaces and every kind of dash.
//! Every rule in this crate therefore matches on a *folded* copy of the text
//! (accents removed, apostrophes, quotes, dashes and spaces unified, case
//! kept), and maps match offsets back to the original so that what users see
//! (names, roles) keeps its accents.

use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// A folded copy of a text and, for each of its bytes, the offset of the
/// original character it came from (u32: texts here are far below 4 GB,
/// and a map as wide as a pointer would be the largest thing in memory).
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    pub original: &'a str,
    pub text: String,
    map: Vec<u32>,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Folded<'a> {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (offset, c) in original.char_indices() {
            let offset = u32::try_from(offset).unwrap_or(u32::MAX);
            let before = text.len();
            push_folded(c, &mut text);
            map.resize(map.len() + (text.len() - before), offset);
        }
        map.push(u32::try_from(original.len()).unwrap_or(u32::MAX));
        Folded { original, text, map }
    }

    /// The offset in the original text of folded byte `i`.
    pub fn original_offset(&self, i: usize) -> usize {
        self.map.get(i).map_or(self.original.len(), |&o| o as usize)
    }

    /// The original text behind the folded byte range `start..end`.
    pub fn original_slice(&self, start: usize, end: usize) -> &'a str {
        let at = |i: usize| self.map.get(i).map_or(self.original.len(), |&o| o as usize);
        let (s, e) = (at(start), at(end));
        self.original.get(s..e.max(s)).unwrap_or("")
    }
}

/// Folds a string, keeping case: what every rule here matches on.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Appends the folded form of `c`: one character, or two for the ligatures
/// and ß, spelled out as the search crate's analyser spells them ("œuvre"
/// and "oeuvre" are one word in both crates).
fn push_folded(c: char, out: &mut String) {
    match c {
        'œ' => out.push_str("oe"),
        'Œ' => out.push_str("Oe"),
        'æ' => out.push_str("ae"),
        'Æ' => out.push_str("Ae"),
        'ß' => out.push_str("ss"),
        c => out.push(fold_char(c)),
    }
}

/// Folds one character to one character; the ligatures are left to
/// [`push_folded`].
fn fold_char(c: char) -> char {
    if c.is_ascii() && c != '`' && c != '\t' {
        return c;
    }
    // Decomposing costs more than everything else on large files; the
    // Latin, punctuation and Vietnamese ranges are folded once into a table.
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    let table = TABLE.get_or_init(|| (0..TABLE_END).map(|i| char::from_u32(i).map_or('\u{FFFD}', fold_uncached)).collect());
    match table.get(c as usize) {
        Some(&f) => f,
        None => fold_uncached(c),
    }
}

const TABLE_END: u32 = 0x2100;

fn fold_uncached(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
        '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
        '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' | '\t' => ' ',
        'đ' => 'd',
        'Đ' => 'D',
        'ø' => 'o',
        'Ø' => 'O',
        'ł' => 'l',
        'Ł' => 'L',
        c if c.is_ascii() => c,
        c => c.nfd().next().unwrap_or(c),
    }
}

/// Folded and lowercased form of a short string, used as a lookup key.
pub fn key(s: &str) -> String {
    fold(s).chars().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_maps_back() {
        let f = Folded::new("Le président a déclaré « oui »");
        assert_eq!(f.text, "Le president a declare « oui »");
        let start = f.text.find("president").unwrap();
        assert_eq!(f.original_slice(start, start + 9), "président");
    }

    #[test]
    fn ligatures_fold_as_the_search_analyser_folds_them() {
        let f = Folded::new("Le cœur de l'Œuvre");
        assert_eq!(f.text, "Le coeur de l'Oeuvre");
        let start = f.text.find("coeur").unwrap();
        assert_eq!(f.original_slice(start, start + 5), "cœur");
        assert_eq!(key("Œuvre"), search::analysis::fold("Œuvre"));
        assert_eq!(key("Straße"), search::analysis::fold("Straße"));
    }

    #[test]
    fn folds_vietnamese_and_punctuation() {
        assert_eq!(key("Đặng Đình Quý"), "dang dinh quy");
        assert_eq!(key("l’ONU – Viêt Nam"), "l'onu - viet nam");
    }
}
