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
            let f = fold_char(c);
            let offset = u32::try_from(offset).unwrap_or(u32::MAX);
            for _ in 0..f.len_utf8() {
                map.push(offset);
            }
            text.push(f);
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

/// Folds one character to one character, so positions stay aligned.
pub fn fold_char(c: char) -> char {
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
        'œ' => 'o',
        'Œ' => 'O',
        'æ' => 'a',
        'Æ' => 'A',
        'ß' => 's',
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
    s.chars().map(fold_char).flat_map(char::to_lowercase).collect()
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
    fn folds_vietnamese_and_punctuation() {
        assert_eq!(key("Đặng Đình Quý"), "dang dinh quy");
        assert_eq!(key("l’ONU – Viêt Nam"), "l'onu - viet nam");
    }
}
