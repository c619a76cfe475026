//! Words of a folded text, with their byte spans and their case.
//!
//! Country names, roles and person names are sequences of words, whatever
//! the hyphens, apostrophes and spaces between them ("États-Unis", "Etats
//! Unis", "l'ONU"); matching word sequences rather than raw strings makes
//! those spellings meet.

/// A word: a maximal run of letters and digits in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(Token { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(Token { start: s, end: text.len() });
    }
    tokens
}

/// Whether two neighbouring words belong to one name: only spaces, hyphens,
/// apostrophes, or the dot of an abbreviation ("U.S.") separate them.
pub fn joined(text: &str, a: &Token, b: &Token) -> bool {
    let gap = text.get(a.end..b.start).unwrap_or(",");
    let abbreviation = a.end - a.start == 1 && gap.starts_with('.');
    gap.len() <= 3
        && gap
            .chars()
            .enumerate()
            .all(|(i, c)| c == ' ' || c == '-' || c == '\'' || (c == '.' && abbreviation && i == 0))
}

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// The text with its first letter in upper case, as a label or a sentence
/// opens.
pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_punctuation_and_joins_names() {
        let t = "l'ONU, les Etats-Unis";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(words, ["l", "ONU", "les", "Etats", "Unis"]);
        assert!(joined(t, &toks[0], &toks[1]));
        assert!(!joined(t, &toks[1], &toks[2]));
        assert!(joined(t, &toks[3], &toks[4]));
    }
}
