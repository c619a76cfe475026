//! "Did you mean": when nothing matches, replace each word the dictionary
//! does not know with its most frequent neighbour within two edits.
//!
//! Typos within the normal tolerance already match, so this only has to
//! help with worse ones and with short words, which get no tolerance.

use crate::analysis::{is_stop_word_anywhere, tokenize, TokenKind};
use crate::expand::{exact_and_stems, neighbours, ExpansionCache};
use crate::index::Index;
use crate::query::ParsedQuery;

/// The query text with each unknown word replaced, or `None` when no word
/// could be improved. The rest of the text (phrases, filters, spacing) is
/// kept as typed.
pub(crate) fn suggest(index: &Index<'_>, cache: &ExpansionCache, text: &str, query: &ParsedQuery) -> Option<String> {
    let mut replacements: Vec<(&str, String)> = Vec::new();
    for word in &query.words {
        let known = !exact_and_stems(index, cache, &word.term).is_empty();
        if known || word.optional || word.term.chars().count() < 3 {
            continue;
        }
        if let Some(better) = best_neighbour(index, &word.term) {
            replacements.push((&word.term, better));
        }
    }
    if replacements.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for token in tokenize(text).into_iter().filter(|t| t.kind != TokenKind::Part) {
        if let Some((_, better)) = replacements.iter().find(|(term, _)| *term == token.term) {
            out.push_str(&text[copied..token.range.start]);
            out.push_str(better);
            copied = token.range.end;
        }
    }
    out.push_str(&text[copied..]);
    Some(out)
}

fn best_neighbour(index: &Index<'_>, term: &str) -> Option<String> {
    let edits = if term.chars().count() >= 6 { 2 } else { 1 };
    neighbours(index, term, edits)
        .into_iter()
        .filter(|(candidate, _, _)| !is_stop_word_anywhere(candidate))
        .map(|(candidate, id, edits)| (edits, std::cmp::Reverse(index.body_frequency(id)), candidate))
        .min()
        .map(|(_, _, candidate)| candidate)
}
