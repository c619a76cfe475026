//! What host pages can call: `mount` puts an explorer inside an element (the
//! `<hanoi-explorer>` custom element does this in its shadow root), and
//! `search` answers a query with plain JavaScript objects.
//!
//! Both go through the same `present` functions as the page itself, so an
//! embed and the API can never disagree with what a reader sees.

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::Callback;

use crate::{
    app::{App, AppProps},
    engine::Engine,
    hooks::{page_url, RouteSource},
    mode::Mode,
    present::{self, ExportRow, PAGE_SIZE},
    route::{capped_query, Route},
    strings::UiLang,
};

/// The filters a host page may pass; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct JsFilters {
    speakers: Vec<String>,
    countries: Vec<String>,
    sources: Vec<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    lang: Option<String>,
}

#[derive(serde::Serialize)]
struct JsResults {
    total: usize,
    statements: Vec<ExportRow>,
}

/// Results of `query` under `filters` (`{ speakers, countries, sources,
/// from, to, limit, lang }`), as `{ total, statements: [{ speaker, role, country, … }] }`.
#[wasm_bindgen]
pub fn search(query: &str, filters: JsValue) -> Result<JsValue, JsError> {
    let filters: JsFilters = if filters.is_undefined() || filters.is_null() {
        JsFilters::default()
    } else {
        serde_wasm_bindgen::from_value(filters).map_err(|error| JsError::new(&format!("bad filters: {error}")))?
    };
    let engine = Engine::open().map_err(|error| JsError::new(&error.to_string()))?;
    let lang = filters.lang.as_deref().and_then(UiLang::from_code).unwrap_or_default();
    let route = Route {
        query: capped_query(query),
        speakers: filters.speakers,
        countries: filters.countries,
        sources: filters.sources,
        date_from: filters.from,
        date_to: filters.to,
        lang,
        ..Route::default()
    };
    let outcome = present::search(&engine, &route, filters.limit.unwrap_or(PAGE_SIZE).min(1000), || 0.0);
    let results = JsResults { total: outcome.total, statements: present::export_rows(&outcome.cards, &page_url(), lang) };
    serde_wasm_bindgen::to_value(&results).map_err(|error| JsError::new(&error.to_string()))
}

/// Renders a compact explorer into `root`, its state kept to itself (not in
/// the host page's address), preset by `query`, `speaker`, `country` and
/// `lang`. Each statement the reader opens is announced on `host` as a
/// bubbling, composed `hanoi-explorer-select` event whose `detail` is the
/// statement as `search` returns it.
#[wasm_bindgen]
pub fn mount(
    root: Element,
    host: Element,
    query: Option<String>,
    speaker: Option<String>,
    country: Option<String>,
    lang: Option<String>,
) {
    let route = Route {
        query: capped_query(&query.unwrap_or_default()),
        speakers: speaker.into_iter().collect(),
        countries: country.into_iter().collect(),
        lang: lang.as_deref().and_then(UiLang::from_code).unwrap_or_default(),
        ..Route::default()
    };
    let on_select = Callback::from(move |row: ExportRow| {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(detail) = serde_wasm_bindgen::to_value(&row) {
            init.set_detail(&detail);
        }
        if let Ok(event) = CustomEvent::new_with_event_init_dict("hanoi-explorer-select", &init) {
            let _ = host.dispatch_event(&event);
        }
    });
    let props = AppProps { source: RouteSource::Local(Box::new(route)), mode: Some(Mode::Embed), on_select: Some(on_select) };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// Panics on purpose, so a browser test can check that a panic leaves the
/// error view and not a blank page. Only in bundles built with the
/// `panic-probe` feature, never in the shipped one.
#[cfg(feature = "panic-probe")]
#[wasm_bindgen]
pub fn panic_probe() {
    panic!("panic probe: the browser test of the panic view");
}
