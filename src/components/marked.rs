//! Text with highlighted ranges, rendered as text nodes and `<mark>` elements.
//!
//! Corpus and query text only ever reach the DOM as text nodes, so markup in
//! an article or a query is shown, never run.

use yew::prelude::*;

use crate::present::Marked;

#[derive(Properties, PartialEq)]
pub struct MarkedTextProps {
    pub marked: Marked,
}

#[function_component(MarkedText)]
pub fn marked_text(props: &MarkedTextProps) -> Html {
    let text = &props.marked.text;
    let mut pieces = Vec::new();
    let mut cursor = 0;
    for range in &props.marked.highlights {
        // Overlapping, reversed or off-boundary ranges are skipped rather than trusted.
        if range.start < cursor {
            continue;
        }
        let (Some(before), Some(hit)) = (text.get(cursor..range.start), text.get(range.clone())) else {
            continue;
        };
        pieces.push(html! { { before } });
        pieces.push(html! { <mark>{ hit }</mark> });
        cursor = range.end;
    }
    pieces.push(html! { { text.get(cursor..).unwrap_or_default() } });
    pieces.into_iter().collect::<Html>()
}
