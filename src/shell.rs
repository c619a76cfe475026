//! Handing the first screen `index.html` paints over to the app.
//!
//! Downloading and compiling the wasm, then building the first screen, takes
//! a few hundred milliseconds; the page's own HTML paints in a few dozen. So
//! `index.html` carries a shell: the masthead and a plain search box, which
//! takes typing at once. The app draws itself hidden beside it. The moment
//! its search box is in the page (a mutation observer's microtask, before
//! any further key can arrive), the shell goes, the app shows, and its box
//! gets what the shell's held: the words, the focus and the cursor. The
//! words reach the app as the box's own input event, as typed ones do.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::hooks::after_next_paint;
use web_sys::{Document, Element, Event, EventInit, HtmlInputElement, MutationObserver, MutationObserverInit};

/// What the reader left in the shell's box.
struct Typed {
    query: String,
    focused: bool,
    /// Where the cursor was (start and end of the selection).
    selection: Option<(u32, u32)>,
}

/// Runs `start` once the shell is on screen: at once if it has been
/// painted (index.html's script marks it `data-painted` after its first
/// frame) or if the page has none, else after the page's next paint. A wasm
/// that compiles before the first frame would otherwise draw the whole app
/// before the shell was ever seen, as it did in about one start in four.
/// (The browser's "first-contentful-paint" entry, read here before, reaches
/// the page 150 to 400 ms after the paint: every start waited a frame more.)
pub fn after_first_paint(document: &Document, start: impl FnOnce() + 'static) {
    match document.get_element_by_id("shell") {
        Some(shell) if !shell.has_attribute("data-painted") => after_next_paint(start),
        _ => start(),
    }
}

/// Hands the shell, if the page has one, over to the app's search box as
/// soon as the app, drawing into `root`, puts it there.
pub fn hand_over_when_drawn(document: &Document, root: &Element) {
    if document.get_element_by_id("shell").is_none() {
        return;
    }
    let watched = document.clone();
    let on_change = Closure::<dyn FnMut(JsValue, MutationObserver)>::new(move |_, observer: MutationObserver| {
        let Some(input) = watched.get_element_by_id("search-input").and_then(|input| input.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        observer.disconnect();
        if let Some(typed) = take_over(&watched) {
            typed.restore(&input);
        }
    });
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else { return };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if observer.observe_with_options(root, &options).is_ok() {
        // Called once, then disconnected; it lives as long as the page.
        on_change.forget();
    }
}

/// Removes the shell, if the page still has one: where no search box will
/// take it over (a broken index, a crash), so that what is shown is seen.
pub fn remove(document: &Document) {
    take_over(document);
}

fn take_over(document: &Document) -> Option<Typed> {
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
    /// Puts the words, the focus and the cursor into the app's box; new
    /// words go to the app as an input event, so it searches them.
    fn restore(&self, input: &HtmlInputElement) {
        if input.value() != self.query {
            input.set_value(&self.query);
            let init = EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = Event::new_with_event_init_dict("input", &init) {
                let _ = input.dispatch_event(&event);
            }
        }
        if self.focused {
            let _ = input.focus();
            if let Some((start, end)) = self.selection {
                let _ = input.set_selection_range(start, end);
            }
        }
    }
}
