//! Grammatical gender as the text shows it, so that pronouns and roles
//! look back to a speaker who agrees with them.
//!
//! It is the lowest piece of attribution: cues carry the gender of an
//! inverted pronoun, phrases that of a noun phrase, resolution compares
//! them.

use crate::lexicon::roles::is_role_word;
use crate::lexicon::words::COMPLEMENT_OPENERS;
use crate::text::fold::key;
use crate::text::tokens::is_all_caps;

/// Grammatical gender, when the text shows it ("Mme", "la ministre",
/// "sénatrice", "elle"), so that "Selon elle" skips the last man quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Feminine,
    Masculine,
}

/// For a singular pronoun, the gender it shows (`Some(None)` for none);
/// `None` for any other word.
pub fn pronoun_gender(word: &str) -> Option<Option<Gender>> {
    match key(word).as_str() {
        "il" | "lui" | "he" | "him" => Some(Some(Gender::Masculine)),
        "elle" | "she" | "her" => Some(Some(Gender::Feminine)),
        _ => None,
    }
}

/// The gender a noun phrase shows through its honorific, article or role,
/// before any complement: "ministre de la Justice" shows none.
pub fn phrase_gender(phrase: &str) -> Option<Gender> {
    // An acronym is never an article: "UN Office" is not "un".
    let words = phrase.split(|c: char| !c.is_alphanumeric()).filter(|w| !(w.is_empty() || w.len() > 1 && is_all_caps(w))).map(key);
    words.take_while(|w| !COMPLEMENT_OPENERS.contains(&w.as_str())).find_map(|w| match w.as_str() {
        "mme" | "mlle" | "madame" | "mrs" | "ms" | "miss" | "la" | "une" => Some(Gender::Feminine),
        "m" | "monsieur" | "mr" | "le" | "un" => Some(Gender::Masculine),
        w if w.ends_with("trice") || w.ends_with("euse") => Some(Gender::Feminine),
        w if is_role_word(w)
            && (w.ends_with("ee") || matches!(w, "presidente" | "representante" | "adjointe" | "experte" | "dirigeante" | "procureure")) =>
        {
            Some(Gender::Feminine)
        }
        _ => None,
    })
}

/// Two genders agree unless both are known and differ.
pub fn compatible_gender(a: Option<Gender>, b: Option<Gender>) -> bool {
    a.is_none() || b.is_none() || a == b
}
