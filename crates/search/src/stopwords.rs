//! Stop words per language, in folded form and sorted for binary search,
//! and the ordinary words of public affairs.
//!
//! Stop words are left out of the index (they would take a large share of
//! the postings while telling passages apart poorly) but still count as
//! positions, so phrases keep their shape. Ordinary words are indexed, but
//! never offered as what characterises a text: a kiosk's topics and a
//! speaker's distinctive words leave them out.

use std::sync::OnceLock;

use crate::analysis::fold;
use crate::types::Lang;

/// `data/ordinary-words.txt` without its comments (`build.rs`), words one space apart.
const ORDINARY_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/ordinary-words.txt"));

/// The ordinary words (`data/ordinary-words.txt`), folded as the index
/// folds terms, read once. Looked up only for the few terms good enough to
/// be candidates, so a list does, and the bundle carries no sort or hash
/// table compiled for it.
pub(crate) fn ordinary_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| ORDINARY_WORDS.split(' ').filter(|word| !word.is_empty()).map(fold).collect())
}

pub(crate) fn list(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    }
}

const FR: &[&str] = &[
    "a", "ai", "aie", "ait", "au", "aux", "avait", "avec", "c", "ce", "ceci", "cela", "ces", "cet", "cette", "d",
    "dans", "de", "des", "du", "elle", "elles", "en", "est", "et", "etaient", "etait", "ete", "etre", "eu", "il",
    "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me", "meme", "mes",
    "moi", "mon", "n", "ne", "nos", "notre", "nous", "on", "ont", "ou", "par", "pas", "pour", "qu", "que", "qui",
    "s", "sa", "se", "ses", "si", "son", "sont", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une",
    "vos", "votre", "vous", "y",
];

const EN: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "did", "do", "does", "for", "from", "had",
    "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "s",
    "she", "so", "t", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "was", "we", "were", "which", "who", "will", "with", "would", "you", "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words_are_the_files_words_folded_without_its_comments() {
        let words = ordinary_words();
        assert!(words.len() > 200, "{} words", words.len());
        assert!(words.iter().any(|word| word == "declare"), "folded as the index folds");
        assert!(words.iter().all(|word| !word.is_empty() && !word.contains('#') && *word == fold(word)), "{words:?}");
        assert!(!words.iter().any(|word| word == "french:"), "a comment's words are no ordinary words");
    }
}
