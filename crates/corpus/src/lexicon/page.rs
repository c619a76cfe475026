//! What a saved web page's furniture is called: the class and id words of
//! navigation, share bars, related lists, ads and consent notices
//! (`data/page-furniture.txt`), and the words of a cookie notice
//! (`data/consent-words.txt`).
//!
//! Sites name their furniture in many ways but with few words; the html
//! stage drops what these name, and editors extend the files when a new
//! site brings a new word.

use crate::lexicon::lists::entries;
use crate::text::fold::fold;
use std::collections::HashSet;
use std::sync::OnceLock;

const FURNITURE: &str = include_str!("data/page-furniture.txt");
const CONSENT: &str = include_str!("data/consent-words.txt");

fn furniture_words() -> &'static HashSet<String> {
    static W: OnceLock<HashSet<String>> = OnceLock::new();
    W.get_or_init(|| entries(FURNITURE).map(str::to_ascii_lowercase).collect())
}

/// Whether a class or id name marks furniture: the whole name, or one of
/// its parts split at `-` and `_` ("related-articles", "share_bar").
pub fn names_furniture(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let words = furniture_words();
    words.contains(&name) || name.split(['-', '_']).any(|part| words.contains(part))
}

struct Consent {
    subjects: Vec<String>,
    choices: Vec<String>,
}

fn consent() -> &'static Consent {
    static C: OnceLock<Consent> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Consent { subjects: Vec::new(), choices: Vec::new() };
        let mut in_choices = false;
        for word in entries(CONSENT) {
            if word == "[choice]" {
                in_choices = true;
            } else if in_choices {
                c.choices.push(word.to_string());
            } else {
                c.subjects.push(word.to_string());
            }
        }
        c
    })
}

/// Whether a short block of text is a consent notice: it names cookies and
/// asks for a choice.
pub fn is_consent_notice(text: &str) -> bool {
    if text.len() > 1200 {
        return false;
    }
    let folded = fold(text).to_lowercase();
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let c = consent();
    words.iter().any(|w| c.subjects.iter().any(|s| s == w)) && words.iter().any(|w| c.choices.iter().any(|s| s == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_names_match_whole_or_by_part() {
        for name in ["related-articles", "share_bar", "AD", "site-footer", "cookie-banner"] {
            assert!(names_furniture(name), "{name}");
        }
        for name in ["article-body", "shadow", "content", "entry", "headline", "advocacy"] {
            assert!(!names_furniture(name), "{name}");
        }
    }

    #[test]
    fn a_consent_notice_names_cookies_and_asks() {
        assert!(is_consent_notice("Nous utilisons des cookies. Acceptez-vous ? Tout accepter"));
        assert!(is_consent_notice("We use cookies to improve your experience. Accept all or manage preferences."));
        assert!(!is_consent_notice("The minister said the convention would be signed by many states."));
        assert!(!is_consent_notice("Les pirates ont volé des cookies de session, a déclaré l'expert."));
    }
}
