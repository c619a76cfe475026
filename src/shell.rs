//! Taking over the first screen `index.html` paints before the wasm starts.
//!
//! Downloading and compiling the wasm, then building the first screen, takes
//! a few hundred milliseconds; the page's own HTML paints in a few dozen. So
//! `index.html` carries a shell: the masthead and a plain search box, which
//! takes typing at once. The app draws itself hidden beside it; once drawn,
//! it removes the shell (which shows the app) and takes what the shell's box
//! held. The shell stands until that moment, so no keystroke typed while the
//! app was drawing falls between the two boxes.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlInputElement};

/// What the reader left in the shell's box.
pub struct Typed {
    pub query: String,
    focused: bool,
    /// Where the cursor was (start and end of the selection).
    selection: Option<(u32, u32)>,
}

/// Removes the shell, if the page still has one, with what its box held.
pub fn take_over(document: &Document) -> Option<Typed> {
    let shell = document.get_element_by_id("shell")?;
    let input = document.get_element_by_id("shell-input").and_then(|input| input.dyn_into::<HtmlInputElement>().ok());
    let focused = match (&input, document.active_element()) {
        (Some(input), Some(active)) => JsValue::from(input) == JsValue::from(active),
        _ => false,
    };
    let query = input.as_ref().map(HtmlInputElement::value).unwrap_or_default();
    let selection = input.as_ref().and_then(|input| Some((input.selection_start().ok()??, input.selection_end().ok()??)));
    shell.remove();
    Some(Typed { query, focused, selection })
}

impl Typed {
    /// Puts the words, the focus and the cursor into the app's box.
    pub fn restore(&self, input: &HtmlInputElement) {
        if input.value() != self.query {
            input.set_value(&self.query);
        }
        if self.focused {
            let _ = input.focus();
            if let Some((start, end)) = self.selection {
                let _ = input.set_selection_range(start, end);
            }
        }
    }
}
