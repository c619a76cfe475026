//! Arrow-key movement through the result cards, shared by the search box
//! (ArrowDown enters the list) and the list itself.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Moves focus to the previous or next card link, from wherever focus is.
pub fn focus_neighbour_card(forward: bool) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let Ok(links) = document.query_selector_all(".card .open") else { return };
    let links: Vec<HtmlElement> =
        (0..links.length()).filter_map(|i| links.item(i)?.dyn_into::<HtmlElement>().ok()).collect();
    let active = document.active_element();
    let current = links.iter().position(|link| active.as_ref().is_some_and(|active| active == link.as_ref() as &web_sys::Element));
    let target = match (current, forward) {
        (None, true) => Some(0),
        (None, false) => None,
        (Some(at), true) => Some((at + 1).min(links.len().saturating_sub(1))),
        (Some(0), false) => {
            if let Some(input) = document.get_element_by_id("search-input").and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = input.focus();
            }
            None
        }
        (Some(at), false) => Some(at - 1),
    };
    if let Some(link) = target.and_then(|at| links.get(at)) {
        let _ = link.focus();
    }
}
