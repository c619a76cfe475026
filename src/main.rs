//! hanoi-explorer's page: a yew front end over the index that `build.rs`
//! compiled from `seeds/` and embedded in the wasm bundle.
//!
//! Everything here is presentation. Text analysis, ranking, facets and snippets
//! live in the `search` crate; the page only turns the URL hash into a search
//! request and the results into HTML.

mod api;
mod app;
mod components;
mod crash;
mod engine;
mod hooks;
mod mode;
mod present;
mod qr;
mod route;
mod shell;
mod strings;

fn main() {
    app::mark("hanoi:main");
    crash::install_panic_view();
    // The page has an #app element; a host page that loads the bundle for
    // `<hanoi-explorer>` elements has none, and gets nothing it did not ask for.
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    if let Some(root) = document.get_element_by_id("app") {
        shell::after_first_paint(&document.clone(), move || {
            shell::hand_over_when_drawn(&document, &root);
            let props = app::AppProps { source: hooks::RouteSource::Hash, mode: None, on_select: None };
            yew::Renderer::<app::App>::with_root_and_props(root, props).render();
        });
    }
}
