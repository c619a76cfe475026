//! What a reader sees if the wasm panics: a short message and a reload link
//! in place of the page, never a blank screen.
//!
//! With `panic = "abort"` nothing runs after the hook, so the view is plain
//! DOM built here (no yew, no event handlers): the reload link works without
//! the wasm, and the message is set as text, never parsed as HTML.

use std::panic::PanicHookInfo;

use crate::strings::{EN, FR};

pub fn install_panic_view() {
    // Through yew, not std::panic::set_hook: yew's renderer replaces any
    // plain hook with its own console logger unless given one this way.
    yew::set_custom_panic_hook(Box::new(|info: &PanicHookInfo<'_>| {
        web_sys::console::error_1(&info.to_string().into());
        let _ = show(&info.to_string());
    }));
}

fn show(detail: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let body = document.body()?;
    let location = window.location();
    // A new query parameter forces a real navigation; a same-URL link would
    // only scroll to the fragment and keep the dead page.
    let search = location.search().ok().unwrap_or_default();
    let separator = if search.is_empty() { "?" } else { "&" };
    let reload = format!(
        "{}{search}{separator}reloaded={}{}",
        location.pathname().ok()?,
        js_sys::Date::now() as u64,
        location.hash().ok().unwrap_or_default()
    );

    // The page's shell (index.html) would stand above the message, hiding the app's place.
    crate::shell::remove(&document);
    let view = document.create_element("main").ok()?;
    view.set_class_name("fatal");
    view.set_attribute("role", "alert").ok()?;
    for (tag, text) in [("h1", "Hanoi Explorer"), ("p", FR.crashed), ("p", EN.crashed)] {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        view.append_child(&element).ok()?;
    }
    let link = document.create_element("a").ok()?;
    link.set_class_name("small");
    link.set_attribute("href", &reload).ok()?;
    link.set_text_content(Some(&format!("{} / {}", FR.reload, EN.reload)));
    view.append_child(&link).ok()?;
    let details = document.create_element("pre").ok()?;
    details.set_text_content(Some(detail));
    view.append_child(&details).ok()?;

    body.set_text_content(None);
    body.append_child(&view).ok()?;
    Some(())
}
