//! The query language, parsed into a [`ParsedQuery`] without looking at the
//! index.
//!
//! ```text
//! coopération internationale      words, ANDed
//! "lutte contre la cybercriminalité"  an exact phrase (an unclosed quote runs to the end);
//! « … » and “ … ” as well, as French keyboards and phones type them
//! -russie  -"droits humains"      exclusions
//! speaker:waly  orateur:"ghada waly"  country:RU  pays:russie
//! date:2025-10  date:2025-10-01..2025-10-31  date:2025..  date:..2025-06
//! ```
//! The last word is a prefix while the user is typing, i.e. unless the
//! query ends with a space. Words go through the same analyser as the
//! passages. The parser is total: any string parses, and pathological input
//! is cut down (length, word count) rather than refused.

use crate::analysis::{is_stop_word_anywhere, tokenize, TokenKind};
use crate::types::Date;

/// Longest query looked at, in bytes; longer input is cut at a char boundary.
const MAX_QUERY_BYTES: usize = 1024;
/// Most words (outside phrases) and phrases looked at.
const MAX_WORDS: usize = 16;
const MAX_PHRASES: usize = 8;

/// A query word after analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct QueryWord {
    /// Folded form.
    pub term: String,
    /// The user may still be typing it: match any term it starts.
    pub prefix: bool,
    /// A stop word: ranks passages holding it higher but does not restrict.
    pub optional: bool,
}

/// An exact phrase: folded terms with their offsets from the first one
/// (stop words leave gaps, as they do in the index).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub terms: Vec<(String, u32)>,
}

/// An inclusive date range over packed day keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ParsedQuery {
    pub words: Vec<QueryWord>,
    pub phrases: Vec<Phrase>,
    pub excluded_words: Vec<QueryWord>,
    pub excluded_phrases: Vec<Phrase>,
    /// Raw values of `speaker:`/`orateur:`, resolved against the index later.
    pub speakers: Vec<String>,
    /// Raw values of `country:`/`pays:`.
    pub countries: Vec<String>,
    pub dates: Vec<DateRange>,
}

impl ParsedQuery {
    /// The folded words and phrase words, for display.
    pub(crate) fn terms(&self) -> Vec<String> {
        let words = self.words.iter().map(|w| w.term.clone());
        words.chain(self.phrases.iter().flat_map(|p| p.terms.iter().map(|(t, _)| t.clone()))).collect()
    }
}

enum Item<'q> {
    Text(&'q str),
    Phrase(&'q str),
    Field(&'q str, &'q str),
}

pub(crate) fn parse(query: &str) -> ParsedQuery {
    let mut end = query.len().min(MAX_QUERY_BYTES);
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    let query = &query[..end];
    let typing = !query.ends_with(char::is_whitespace);

    let items = lex(query);
    let mut parsed = ParsedQuery::default();
    let last = items.len().saturating_sub(1);
    for (i, (negated, item)) in items.into_iter().enumerate() {
        let is_last = i == last;
        match item {
            Item::Text(text) => {
                let tokens: Vec<_> = tokenize(text).into_iter().filter(|t| t.kind != TokenKind::Part).collect();
                let count = tokens.len();
                for (j, token) in tokens.into_iter().enumerate() {
                    let prefix = !negated && typing && is_last && j + 1 == count;
                    let optional = is_stop_word_anywhere(&token.term);
                    let word = QueryWord { term: token.term, prefix, optional };
                    if negated {
                        // Excluding a stop word would exclude nearly everything it is
                        // not indexed for; keep it out.
                        if !word.optional {
                            parsed.excluded_words.push(word);
                        }
                    } else {
                        parsed.words.push(word);
                    }
                }
            }
            Item::Phrase(text) => {
                if let Some(phrase) = phrase(text) {
                    if negated {
                        parsed.excluded_phrases.push(phrase);
                    } else {
                        parsed.phrases.push(phrase);
                    }
                }
            }
            Item::Field(name, value) => match name {
                "speaker" | "orateur" => parsed.speakers.push(value.to_string()),
                "country" | "pays" => parsed.countries.push(value.to_string()),
                _ => parsed.dates.extend(date_range(value)),
            },
        }
    }
    parsed.words.truncate(MAX_WORDS);
    parsed.excluded_words.truncate(MAX_WORDS);
    parsed.phrases.truncate(MAX_PHRASES);
    parsed.excluded_phrases.truncate(MAX_PHRASES);
    parsed
}

/// Cuts the query into items, each with its negation flag.
fn lex(query: &str) -> Vec<(bool, Item<'_>)> {
    let mut items = Vec::new();
    let mut rest = query;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return items;
        }
        let negated = rest.starts_with('-');
        if negated {
            rest = &rest[1..];
            // A lone `-`: nothing to exclude.
            if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                continue;
            }
        }
        if let Some((inner, close)) = open_quote(rest) {
            let (text, after) = quoted(inner, close);
            items.push((negated, Item::Phrase(text)));
            rest = after;
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let chunk = &rest[..end];
        if let Some((name, value)) = chunk.split_once(':') {
            let name = name.to_ascii_lowercase();
            let field = ["speaker", "orateur", "country", "pays", "date"].into_iter().find(|f| *f == name);
            if let Some(field) = field.filter(|_| !negated) {
                let after_colon = &rest[name.len() + 1..];
                let (value, after) = match open_quote(after_colon) {
                    Some((inner, close)) => quoted(inner, close),
                    None => (value, &rest[end..]),
                };
                // French typography pads guillemets with spaces.
                let value = value.trim();
                // An unreadable date is more likely words than a filter.
                let usable = !value.is_empty() && (field != "date" || date_range(value).is_some());
                if usable {
                    items.push((false, Item::Field(field, value)));
                    rest = after;
                    continue;
                }
            }
        }
        items.push((negated, Item::Text(chunk)));
        rest = &rest[end..];
    }
}

/// Opening quote marks, each with the mark that closes it: straight quotes,
/// French guillemets, and the curly quotes phones type for straight ones.
const QUOTES: [(char, char); 3] = [('"', '"'), ('«', '»'), ('“', '”')];

/// `text` after its opening quote mark, and the mark that closes it.
fn open_quote(text: &str) -> Option<(&str, char)> {
    QUOTES.iter().find_map(|&(open, close)| text.strip_prefix(open).map(|inner| (inner, close)))
}

/// Splits `text` after an opening quote into the quoted part and the rest;
/// an unclosed quote runs to the end.
fn quoted(text: &str, close: char) -> (&str, &str) {
    match text.find(close) {
        Some(at) => (&text[..at], &text[at + close.len_utf8()..]),
        None => (text, ""),
    }
}

pub(crate) fn phrase(text: &str) -> Option<Phrase> {
    let tokens: Vec<_> = tokenize(text).into_iter().filter(|t| t.kind != TokenKind::Whole).collect();
    let first = tokens.iter().find(|t| !is_stop_word_anywhere(&t.term))?.position;
    let terms = tokens
        .into_iter()
        .filter(|t| t.position >= first && !is_stop_word_anywhere(&t.term))
        .map(|t| (t.term, t.position - first))
        .collect();
    Some(Phrase { terms })
}

/// `2025-10`, `2025-10-01..2025-10-31`, `2025..`, `..2025-06`.
fn date_range(value: &str) -> Option<DateRange> {
    let value = value.trim();
    let parse = |s: &str| -> Option<Option<Date>> {
        if s.is_empty() {
            Some(None)
        } else {
            s.parse().ok().map(Some)
        }
    };
    match value.split_once("..") {
        Some((from, to)) => {
            let (from, to) = (parse(from)?, parse(to)?);
            (from.is_some() || to.is_some()).then_some(DateRange { from, to })
        }
        None => {
            let date = parse(value)??;
            Some(DateRange { from: Some(date), to: Some(date) })
        }
    }
}

/// Whether the query filters by speaker (`orateur:` or `speaker:`): the
/// page then lists attributed statements only, since narration has no speaker.
pub fn names_a_speaker(query: &str) -> bool {
    !parse(query).speakers.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_speaker_field_in_either_language_names_a_speaker() {
        assert!(names_a_speaker("cyber orateur:waly"));
        assert!(names_a_speaker(r#"speaker:"Ghada Waly""#));
        assert!(!names_a_speaker("orateur cyber pays:russie"));
        assert!(!names_a_speaker(""));
    }

    fn words(q: &ParsedQuery) -> Vec<(&str, bool)> {
        q.words.iter().map(|w| (w.term.as_str(), w.prefix)).collect()
    }

    #[test]
    fn words_are_analysed_and_the_last_is_a_prefix_while_typing() {
        let q = parse("Coopération l'ONU");
        assert_eq!(words(&q), [("cooperation", false), ("onu", true)]);
        let q = parse("Coopération l'ONU ");
        assert_eq!(words(&q), [("cooperation", false), ("onu", false)]);
    }

    #[test]
    fn phrases_exclusions_and_fields() {
        let q = parse(r#""lutte contre la cybercriminalité" -russie -"droits humains" speaker:"Ghada Waly" pays:Chine date:2025-10 date:2025-10-01..2025-10-31"#);
        assert_eq!(q.phrases, [Phrase { terms: vec![("lutte".into(), 0), ("contre".into(), 1), ("cybercriminalite".into(), 3)] }]);
        assert_eq!(q.excluded_words.len(), 1);
        assert_eq!(q.excluded_words[0].term, "russie");
        assert_eq!(q.excluded_phrases.len(), 1);
        assert_eq!(q.speakers, ["Ghada Waly"]);
        assert_eq!(q.countries, ["Chine"]);
        assert_eq!(
            q.dates,
            [
                DateRange { from: Some(Date::ym(2025, 10)), to: Some(Date::ym(2025, 10)) },
                DateRange { from: Some(Date::ymd(2025, 10, 1)), to: Some(Date::ymd(2025, 10, 31)) },
            ]
        );
        assert!(q.words.is_empty());
    }

    #[test]
    fn guillemets_and_curly_quotes_are_quotes() {
        let straight = parse(r#""droits humains" -"lutte contre" speaker:"Ghada Waly""#);
        for typed in ["« droits humains » -«lutte contre» speaker:« Ghada Waly »", "“droits humains” -“lutte contre” speaker:“Ghada Waly”"] {
            let q = parse(typed);
            assert_eq!(q.phrases, straight.phrases, "{typed}");
            assert_eq!(q.excluded_phrases, straight.excluded_phrases, "{typed}");
            assert_eq!(q.speakers, ["Ghada Waly"], "{typed}");
            assert!(q.words.is_empty(), "{typed}");
        }
        // Each mark closes only its own kind; unclosed, it runs to the end.
        assert_eq!(parse("« droits \" humains").phrases.len(), 1);
        assert_eq!(words(&parse("droits » humains")), [("droits", false), ("humains", true)]);
    }

    #[test]
    fn malformed_input_is_searched_as_well_as_possible() {
        assert_eq!(words(&parse(r#""unbalanced quote"#)), []);
        assert_eq!(parse(r#""unbalanced quote"#).phrases.len(), 1);
        assert_eq!(parse(" - ").words, []);
        assert_eq!(words(&parse("date:demain foo:bar")), [("date", false), ("demain", false), ("foo", false), ("bar", true)]);
        assert_eq!(words(&parse("😀 مرحبا")), [("مرحبا", true)]);
        let long = "cybercriminalité ".repeat(700);
        assert_eq!(parse(&long).words.len(), MAX_WORDS);
    }

    #[test]
    fn stop_words_are_optional() {
        let q = parse("la convention");
        assert!(q.words[0].optional);
        assert!(!q.words[1].optional);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn never_panics(query in "\\PC{0,80}") {
            let _ = parse(&query);
        }

        #[test]
        fn plain_words_round_trip_and_only_the_last_is_a_prefix(words in proptest::collection::vec("[a-zé]{1,8}", 1..6), trailing in any::<bool>()) {
            let mut query = words.join(" ");
            if trailing {
                query.push(' ');
            }
            let q = parse(&query);
            let terms: Vec<String> = words.iter().map(|w| crate::analysis::fold(w)).collect();
            prop_assert_eq!(q.words.iter().map(|w| w.term.clone()).collect::<Vec<_>>(), terms);
            let prefixes: Vec<bool> = q.words.iter().map(|w| w.prefix).collect();
            let expected: Vec<bool> = (0..words.len()).map(|i| !trailing && i + 1 == words.len()).collect();
            prop_assert_eq!(prefixes, expected);
            prop_assert!(q.phrases.is_empty() && q.excluded_words.is_empty() && q.dates.is_empty());
        }

        #[test]
        fn exclusions_and_phrases_never_leak_into_words(word in "[a-z]{5,8}", other in "[a-z]{5,8}") {
            let q = parse(&format!("-{word} \"{other} {word}\" "));
            prop_assert!(q.words.is_empty());
            prop_assert_eq!(q.excluded_words.len(), usize::from(!crate::analysis::is_stop_word_anywhere(&word)));
            prop_assert_eq!(q.phrases.len(), 1);
        }

        #[test]
        fn never_panics_on_syntax_soup(query in "[-\":. a-zé'’0-9]{0,60}") {
            let q = parse(&query);
            prop_assert!(q.words.len() <= MAX_WORDS);
        }
    }
}
