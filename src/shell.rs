//! Taking over the first screen `index.html` paints before the wasm starts.
//!
//! Downloading and compiling the wasm, then building the first screen, takes
//! a few hundred milliseconds; the page's own HTML paints in a few dozen. So
//! `index.html` carries a shell: the masthead and a plain search box, which
//! takes typing at once. When the app starts it removes the shell and
//! searches what was typed there, with the cursor where the reader left it.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Document, HtmlInputElement};

use crate::route::Route;

/// What the reader did in the shell's box before the app was ready.
pub struct Typed {
    query: String,
    focused: bool,
}

/// Removes the shell, if the page has one, with what was typed in it.
pub fn take_over(document: &Document) -> Option<Typed> {
    let shell = document.get_element_by_id("shell")?;
    let input = document.get_element_by_id("shell-input").and_then(|input| input.dyn_into::<HtmlInputElement>().ok());
    let focused = match (&input, document.active_element()) {
        (Some(input), Some(active)) => JsValue::from(input) == JsValue::from(active),
        _ => false,
    };
    let query = input.map(|input| input.value()).unwrap_or_default();
    shell.remove();
    Some(Typed { query, focused })
}

impl Typed {
    /// Puts the typed words into the address before the app reads it, so
    /// that its first search is theirs; other parts of the address stay.
    pub fn put_in_address(&self) {
        let Some(window) = web_sys::window() else { return };
        if self.query.trim().is_empty() {
            return;
        }
        let hash = window.location().hash().unwrap_or_default();
        let route = Route::from_hash(&hash).with_query(&self.query);
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&route.to_hash()));
        }
    }

    /// Gives the app's box the focus the shell's had, once it is drawn (the
    /// next frame), with the cursor after the text.
    pub fn refocus(self) {
        let Some(window) = web_sys::window().filter(|_| self.focused) else { return };
        let focus = Closure::once_into_js(move || {
            let document = web_sys::window().and_then(|window| window.document());
            let input = document.and_then(|document| document.get_element_by_id("search-input"));
            if let Some(input) = input.and_then(|input| input.dyn_into::<HtmlInputElement>().ok()) {
                let _ = input.focus();
                let end = input.value().encode_utf16().count() as u32;
                let _ = input.set_selection_range(end, end);
            }
        });
        let _ = window.request_animation_frame(focus.unchecked_ref());
    }
}
