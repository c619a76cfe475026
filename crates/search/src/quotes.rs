//! Where a passage quotes someone: the words between quotation marks.
//!
//! The corpus builder measures a statement's kind (direct, mixed, indirect)
//! from these spans, and the page cites only these words, so both read the
//! marks through this one function and cannot disagree.

use crate::types::Span;

/// Quoted words of a passage: between « », “ ” or straight double quotes,
/// as byte ranges of the text, marks excluded. A quotation still open at the
/// end runs to the end; one closed before any opens (the end of a quotation
/// begun in an earlier passage) runs from the start.
pub fn quoted_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '»' | '”') if spans.is_empty() => spans.push(Span::new(0, i)),
            (None, '«' | '“' | '"') => open = Some((i + c.len_utf8(), c)),
            (Some((start, opener)), _) if c == closing_mark(opener) => {
                spans.push(Span::new(start, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        spans.push(Span::new(start, text.len()));
    }
    spans.retain(|s| !text.get(s.range()).unwrap_or("").trim().is_empty());
    spans
}

/// The mark that closes a quotation opened by `opener`.
fn closing_mark(opener: char) -> char {
    match opener {
        '«' => '»',
        '“' => '”',
        other => other,
    }
}
