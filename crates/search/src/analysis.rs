//! The text analyser: one pipeline for indexing and querying.
//!
//! Text is cut into words (letters and digits, joined by inner apostrophes
//! and hyphens), each piece is folded (NFKD, accents and other combining
//! marks dropped, a few letters NFKD keeps whole spelled out, lowercased;
//! through a table `build.rs` computes for the Latin, Greek and Cyrillic
//! blocks, so the page carries no Unicode decomposition tables),
//! French elisions (`l'`, `qu'`, `jusqu'`...) are dropped, and a compound
//! (`socio-économique`, `aujourd'hui`) yields its joined form plus its parts.
//! Stop words and stems are decided per language by the caller through
//! [`is_stop_word`] and [`stem`], because the tokenizer itself is language
//! free: the highlighter must find the same tokens the indexer saw.
//!
//! Using one function on both sides is what makes search case- and
//! accent-insensitive in both directions: `Coopération`, `cooperation` and
//! `COOPERATION` all become `cooperation`.

use std::ops::Range;

use crate::stopwords;
use crate::types::Lang;

/// What a token stands for inside a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A word without inner joiners.
    Plain,
    /// A compound joined without its hyphens/apostrophes, e.g. `socioeconomique`.
    /// Shares the position of its first part.
    Whole,
    /// One piece of a compound, e.g. `socio`; parts take consecutive positions.
    Part,
}

/// One analysed token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The folded form, the key in the term dictionary.
    pub term: String,
    /// Byte range in the analysed text.
    pub range: Range<usize>,
    /// Word position, for phrases and proximity.
    pub position: u32,
    pub kind: TokenKind,
}

/// Articles and pronouns that French glues to the next word with an apostrophe.
const ELISIONS: [&str; 13] =
    ["c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// A letter or digit that can start a word. U+02BC is a letter to Unicode
/// but an apostrophe to French typesetters.
fn is_word_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Accented Latin letters, most of French and Vietnamese text beyond
    // ASCII, without the Unicode table search (1.7% of a keystroke).
    if matches!(c, '\u{C0}'..='\u{24F}') {
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() && !is_apostrophe(c)
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_word_start(c) || is_combining_diacritic(c)
}

/// The blocks of combining diacritical marks: an accent typed as its own
/// character ("e" + U+0301) stays inside its word, and folding drops it.
fn is_combining_diacritic(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Folds a piece of text to its search form: compatibility decomposition,
/// combining marks dropped, lowercase. Letters that NFKD leaves whole but a
/// French or Vietnamese reader treats as accented are spelled out, so that
/// `œuvre` meets `oeuvre` and `Đà Nẵng` meets `Da Nang`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out`.
fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match fold_char(c) {
            CharFold::Ascii(lower) => out.push(lower),
            CharFold::Table(fold) => out.push_str(fold),
            CharFold::Lower(lower) => out.extend(lower),
        }
    }
}

/// What one char folds to: the rule [`fold_into`] applies char by char,
/// and the highlighter reads the first byte of.
enum CharFold {
    Ascii(char),
    Table(&'static str),
    Lower(std::char::ToLowercase),
}

fn fold_char(c: char) -> CharFold {
    // Most text is ASCII, which folds to its lowercase: skip the table.
    if c.is_ascii() {
        return CharFold::Ascii(c.to_ascii_lowercase());
    }
    match folded(c) {
        Some(fold) => CharFold::Table(fold),
        None => CharFold::Lower(c.to_lowercase()),
    }
}

/// The first byte of `c` folded; `None` when it folds to nothing.
fn folded_first_byte(c: char) -> Option<u8> {
    match fold_char(c) {
        CharFold::Ascii(lower) => u8::try_from(lower).ok(),
        CharFold::Table(fold) => fold.as_bytes().first().copied(),
        CharFold::Lower(mut lower) => lower.next().and_then(|lower| lower.encode_utf8(&mut [0; 4]).as_bytes().first().copied()),
    }
}

include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));

/// The fold of a character whose fold is not its lowercase (from the table
/// `build.rs` computes with NFKD), or `None`.
fn folded(c: char) -> Option<&'static str> {
    // The table's blocks are all below U+10000 (see `build.rs`).
    let at = FOLD_KEYS.binary_search(&u16::try_from(u32::from(c)).ok()?).ok()?;
    let start = at.checked_sub(1).and_then(|before| FOLD_ENDS.get(before)).map_or(0, |&end| usize::from(end));
    FOLD_TEXT.get(start..usize::from(*FOLD_ENDS.get(at)?))
}

/// Cuts `text` into tokens, appending them to `out` (cleared first).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    for_each_token(text, |term, range, position, kind| {
        out.push(Token { term: term.to_string(), range, position, kind });
    });
}

/// Calls `f(term, range, position, kind)` for each token of `text`, in
/// order, without allocating per token.
pub(crate) fn for_each_token(text: &str, f: impl FnMut(&str, Range<usize>, u32, TokenKind)) {
    tokens(text, None::<fn(u8) -> bool>, f);
}

/// [`for_each_token`] for the tokens whose folded form may start with a
/// byte `starts` accepts, and maybe a few others: a word none of whose
/// pieces starts so is counted (positions stay those of every token) but
/// never folded. The highlighter runs this on every snippet of
/// every keystroke, looking for a few first letters, and folding each word
/// was most of its time.
pub(crate) fn for_each_token_starting(text: &str, starts: impl Fn(u8) -> bool, f: impl FnMut(&str, Range<usize>, u32, TokenKind)) {
    tokens(text, Some(starts), f);
}

fn tokens(text: &str, starts: Option<impl Fn(u8) -> bool>, mut f: impl FnMut(&str, Range<usize>, u32, TokenKind)) {
    let mut word = Word::default();
    let mut position = 0u32;
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !is_word_start(c) {
            chars.next();
            continue;
        }
        // One word: pieces of word characters separated by single joiners.
        // Each piece remembers whether an apostrophe follows it (elisions).
        word.pieces.clear();
        let mut piece_start = start;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                chars.next();
                end = i + c.len_utf8();
                continue;
            }
            let joiner = is_apostrophe(c) || is_hyphen(c);
            let next_is_word = text[i + c.len_utf8()..].chars().next().is_some_and(is_word_start);
            if joiner && next_is_word {
                word.pieces.push((piece_start..end, is_apostrophe(c)));
                chars.next();
                piece_start = i + c.len_utf8();
                continue;
            }
            break;
        }
        word.pieces.push((piece_start..end, false));
        match starts.as_ref().and_then(|starts| word.unwanted(text, starts)) {
            Some(tokens) => position += tokens,
            None => word.emit(text, &mut position, &mut f),
        }
    }
}

/// Buffers for one word, reused across words.
#[derive(Default)]
struct Word {
    /// Byte ranges of the pieces in the text, and whether an apostrophe follows.
    pieces: Vec<(Range<usize>, bool)>,
    /// The kept pieces folded end to end: the compound's whole form.
    folded: String,
    /// Each kept piece: its bytes in `folded` and in the text.
    kept: Vec<(Range<usize>, Range<usize>)>,
}

impl Word {
    /// For a word none of whose kept pieces starts with a byte `starts`
    /// accepts, how many positions its tokens take; `None` when that takes
    /// folding the word to tell. A piece's fold starts with the fold of its
    /// first char, when that is not empty, so this is what [`Word::emit`]
    /// would count, without building the folded form; an elision must be
    /// folded to be known, unless it is ASCII.
    fn unwanted(&self, text: &str, starts: impl Fn(u8) -> bool) -> Option<u32> {
        let mut kept = 0;
        let mut skipping_elisions = true;
        for (range, apostrophe_follows) in &self.pieces {
            let piece = text.get(range.clone())?;
            if skipping_elisions && *apostrophe_follows {
                if !piece.is_ascii() {
                    return None;
                }
                if ELISIONS.iter().any(|e| piece.eq_ignore_ascii_case(e)) {
                    continue;
                }
            }
            skipping_elisions = false;
            if starts(folded_first_byte(piece.chars().next()?)?) {
                return None;
            }
            kept += 1;
        }
        Some(kept)
    }

    fn emit(&mut self, text: &str, position: &mut u32, f: &mut impl FnMut(&str, Range<usize>, u32, TokenKind)) {
        self.folded.clear();
        self.kept.clear();
        let mut skipping_elisions = true;
        for (range, apostrophe_follows) in &self.pieces {
            let start = self.folded.len();
            fold_into(&text[range.clone()], &mut self.folded);
            if skipping_elisions && *apostrophe_follows && ELISIONS.contains(&&self.folded[start..]) {
                self.folded.truncate(start);
                continue;
            }
            skipping_elisions = false;
            if self.folded.len() > start {
                self.kept.push((start..self.folded.len(), range.clone()));
            }
        }
        match self.kept.as_slice() {
            [] => {}
            [(_, range)] => {
                f(&self.folded, range.clone(), *position, TokenKind::Plain);
                *position += 1;
            }
            [(_, first), .., (_, last)] => {
                f(&self.folded, first.start..last.end, *position, TokenKind::Whole);
                for (folded, range) in &self.kept {
                    f(&self.folded[folded.clone()], range.clone(), *position, TokenKind::Part);
                    *position += 1;
                }
            }
        }
    }
}

/// Cuts `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// Whether a folded term is a stop word of `lang` (not indexed).
pub fn is_stop_word(term: &str, lang: Lang) -> bool {
    stopwords::list(lang).binary_search(&term).is_ok()
}

/// Whether a folded term is a stop word in any language; the query side
/// does not know the language of the passages it will meet.
pub fn is_stop_word_anywhere(term: &str) -> bool {
    Lang::ALL.iter().any(|&lang| is_stop_word(term, lang))
}

/// The Snowball stem of a folded term, or `None` when stemming would not
/// help (numbers, very short words) or changes nothing.
pub fn stem(term: &str, lang: Lang) -> Option<String> {
    if term.chars().count() < 4 || term.chars().any(|c| c.is_numeric()) {
        return None;
    }
    let algorithm = match lang {
        Lang::Fr => rust_stemmers::Algorithm::French,
        Lang::En => rust_stemmers::Algorithm::English,
    };
    let stemmed = rust_stemmers::Stemmer::create(algorithm).stem(term).into_owned();
    (!stemmed.is_empty()).then_some(stemmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    include!("fold_rule.rs");

    #[test]
    fn the_latin_shortcut_agrees_with_unicode() {
        for c in ('\u{80}'..='\u{2FF}').chain(['\u{2019}', '\u{2BC}']) {
            assert_eq!(is_word_start(c), c.is_alphanumeric() && !is_apostrophe(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_table_folds_latin_greek_and_cyrillic_as_nfkd_does() {
        let blocks = [(0x80, 0x52F), (0x1E00, 0x1EFF), (0x2000, 0x218F), (0xFB00, 0xFB4F), (0xFF00, 0xFFEF)];
        for (first, last) in blocks {
            for c in (first..=last).filter_map(char::from_u32) {
                assert_eq!(fold(&c.to_string()), fold_by_rule(c), "U+{:04X}", c as u32);
            }
        }
        assert_eq!(fold("Lê Hoài Trung, ŒUVRE, ﬁn, Ｖｉｅｔ"), "le hoai trung, oeuvre, fin, viet");
        // Outside the folded blocks, a character is only lowercased.
        assert_eq!(fold("한국 中文"), "한국 中文");
    }

    /// A query is folded once; a term from the text was folded once too, and
    /// both must land on the same form.
    #[test]
    fn folding_twice_changes_nothing() {
        let unstable: Vec<String> = ('\u{80}'..='\u{FFEF}')
            .filter(|c| !c.is_control())
            .filter(|c| {
                let once = fold(&c.to_string());
                fold(&once) != once
            })
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        assert!(unstable.is_empty(), "folding these again changes them: {unstable:?}");
    }
    use proptest::prelude::*;

    fn terms(text: &str) -> Vec<(String, TokenKind, u32)> {
        tokenize(text).into_iter().map(|t| (t.term, t.kind, t.position)).collect()
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Coopération SÉCURITÉ"), "cooperation securite");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("ﬁn"), "fin");
    }

    #[test]
    fn splits_elisions_with_every_apostrophe() {
        for text in ["l'ONU", "l’ONU", "lʼONU"] {
            assert_eq!(terms(text), vec![("onu".to_string(), TokenKind::Plain, 0)], "{text}");
        }
        assert_eq!(tokenize("jusqu'au")[0].term, "au");
        assert_eq!(tokenize("lorsqu’elle")[0].term, "elle");
        assert_eq!(tokenize("qu'il")[0].term, "il");
    }

    #[test]
    fn compounds_are_indexed_whole_and_split() {
        let t = terms("socio-économique x");
        assert_eq!(
            t,
            vec![
                ("socioeconomique".into(), TokenKind::Whole, 0),
                ("socio".into(), TokenKind::Part, 0),
                ("economique".into(), TokenKind::Part, 1),
                ("x".into(), TokenKind::Plain, 2),
            ]
        );
        let whole = &tokenize("vice-Premier")[0];
        assert_eq!(whole.range, 0.."vice-Premier".len());
        assert_eq!(tokenize("aujourd'hui")[0].term, "aujourdhui");
    }

    #[test]
    fn keeps_numbers_and_skips_punctuation() {
        let t: Vec<String> = tokenize("les 193 États — 31/12/2026 !").into_iter().map(|t| t.term).collect();
        assert_eq!(t, ["les", "193", "etats", "31", "12", "2026"]);
        assert!(tokenize("- ' -- 😀 ’").is_empty());
    }

    #[test]
    fn ranges_point_at_the_original_text() {
        let text = "L’Assemblée générale";
        for token in tokenize(text) {
            assert_eq!(fold(&text[token.range.clone()]), token.term);
        }
    }

    #[test]
    fn stop_words_and_stems() {
        assert!(is_stop_word("la", Lang::Fr));
        assert!(is_stop_word("the", Lang::En));
        assert!(!is_stop_word("convention", Lang::Fr));
        assert_eq!(stem("cooperation", Lang::Fr), stem("cooperations", Lang::Fr));
        assert_eq!(stem("conventions", Lang::En), stem("convention", Lang::En));
        assert_eq!(stem("2025", Lang::Fr), None);
    }

    proptest! {
        #[test]
        fn tokens_point_at_their_text(text in "\\PC{0,60}|[a-zA-Zéèàçœ'’ʼ -]{0,60}") {
            let tokens = tokenize(&text);
            let mut last = 0;
            for token in &tokens {
                let surface = text.get(token.range.clone());
                prop_assert!(surface.is_some(), "{:?} is not on char boundaries", token.range);
                prop_assert!(!token.term.is_empty());
                prop_assert!(token.position >= last);
                last = token.position;
                if token.kind == TokenKind::Plain {
                    prop_assert_eq!(fold(surface.unwrap_or("")), token.term.clone());
                }
                prop_assert_eq!(fold(&token.term), token.term.clone(), "terms are folded");
            }
        }

        /// Skipping the words that cannot start with a wanted byte keeps
        /// every token that can, at its place.
        #[test]
        fn tokens_starting_with_some_bytes_are_the_tokens_that_do(
            text in "\\PC{0,60}|[a-eA-ElLqQéÉαΑжЖßẞＬ'’ -]{0,60}|(qu'|l'|Ｌ'|[a-dé]{1,4}-|[a-dé]{1,4} ){0,12}",
            wanted in proptest::collection::vec(proptest::sample::select(&b"abcdelqs\xc3\xce\xd0"[..]), 0..4),
        ) {
            let starts = |byte: u8| wanted.contains(&byte);
            let mut every = Vec::new();
            for_each_token(&text, |term, range, position, kind| {
                if starts(term.as_bytes()[0]) {
                    every.push((term.to_string(), range, position, kind));
                }
            });
            let mut found = Vec::new();
            for_each_token_starting(&text, starts, |term, range, position, kind| {
                if starts(term.as_bytes()[0]) {
                    found.push((term.to_string(), range, position, kind));
                }
            });
            prop_assert_eq!(found, every);
        }

        #[test]
        fn case_and_accents_do_not_matter(words in proptest::collection::vec("[a-zéèêàâçôîûœ]{1,10}", 1..8)) {
            let text = words.join(" ");
            let upper = text.to_uppercase();
            let plain: String = text.chars().map(|c| match c {
                'é' | 'è' | 'ê' => 'e', 'à' | 'â' => 'a', 'ç' => 'c', 'ô' => 'o', 'î' => 'i', 'û' => 'u', c => c,
            }).collect();
            let terms = |t: &str| tokenize(t).into_iter().map(|t| t.term).collect::<Vec<_>>();
            prop_assert_eq!(terms(&text), terms(&upper));
            prop_assert_eq!(terms(&text), terms(&plain.replace('œ', "oe")));
        }
    }

    #[test]
    fn stop_lists_are_sorted_and_folded() {
        for lang in Lang::ALL {
            let list = stopwords::list(lang);
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{lang:?} list must be sorted for binary search");
            assert!(list.iter().all(|w| fold(w) == *w), "{lang:?} list must hold folded words");
        }
    }
}
