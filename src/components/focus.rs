//! Arrow-key movement through the result cards, shared by the search box
//! (ArrowDown enters the list) and the list itself.
//!
//! Cards are looked for in the root of the element the key was pressed in:
//! the document for the page, the shadow root for an embedded explorer,
//! whose cards and focused element the document cannot see (and where a
//! second explorer on the same page has cards of its own).

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, NodeList, ShadowRoot};

/// The document or shadow root holding an explorer.
enum Scope {
    Page(Document),
    Embedded(ShadowRoot),
}

impl Scope {
    fn of(element: &Element) -> Option<Scope> {
        let root = element.get_root_node();
        match root.dyn_into::<ShadowRoot>() {
            Ok(shadow) => Some(Scope::Embedded(shadow)),
            Err(root) => root.dyn_into::<Document>().ok().map(Scope::Page),
        }
    }

    fn card_links(&self) -> Vec<HtmlElement> {
        const LINKS: &str = ".card .open";
        let list: Option<NodeList> = match self {
            Scope::Page(document) => document.query_selector_all(LINKS).ok(),
            Scope::Embedded(shadow) => shadow.query_selector_all(LINKS).ok(),
        };
        let Some(list) = list else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
    }

    fn active(&self) -> Option<Element> {
        match self {
            Scope::Page(document) => document.active_element(),
            Scope::Embedded(shadow) => shadow.active_element(),
        }
    }

    fn search_input(&self) -> Option<HtmlElement> {
        let input = match self {
            Scope::Page(document) => document.get_element_by_id("search-input"),
            Scope::Embedded(shadow) => shadow.get_element_by_id("search-input"),
        };
        input?.dyn_into::<HtmlElement>().ok()
    }
}

/// Moves focus from `origin`, the element the key was pressed in, to the
/// previous or next card link of the same explorer.
pub fn focus_neighbour_card(origin: Option<Element>, forward: bool) {
    let Some(scope) = origin.as_ref().and_then(Scope::of) else { return };
    let links = scope.card_links();
    let active = scope.active();
    let current = links.iter().position(|link| active.as_ref().is_some_and(|active| active == link.as_ref() as &Element));
    let target = match (current, forward) {
        (None, true) => Some(0),
        (None, false) => None,
        (Some(at), true) => Some((at + 1).min(links.len().saturating_sub(1))),
        (Some(0), false) => {
            if let Some(input) = scope.search_input() {
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
