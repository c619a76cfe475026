//! hanoi-explorer's page: a yew front end over the index that `build.rs`
//! compiled from `seeds/` and embedded in the wasm bundle.
//!
//! Everything here is presentation. Text analysis, ranking, facets and snippets
//! live in the `search` crate; the page only turns the URL hash into a search
//! request and the results into HTML.

mod app;
mod components;
mod crash;
mod engine;
mod hooks;
mod mode;
mod present;
mod route;
mod strings;

fn main() {
    crash::install_panic_view();
    yew::Renderer::<app::App>::new().render();
}
