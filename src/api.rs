//! What host pages can call: `mount` puts an explorer inside an element (the
//! `<hanoi-explorer>` custom element does this in its shadow root), and
//! `search` answers a query with plain JavaScript objects.
//!
//! Both go through the same `present` functions as the page itself, so an
//! embed and the API can never disagree with what a reader sees.

use std::{cell::RefCell, rc::Rc};

use search::Date;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::{AppHandle, Callback};

use crate::{
    app::{App, AppProps},
    engine::Engine,
    hooks::{page_url, RouteSource},
    mode::Mode,
    present::{self, Card, ExportRow, PAGE_SIZE},
    route::{capped_query, Route},
    strings::UiLang,
};

/// The filters a host page may pass; every field is optional.
#[derive(Debug, Default)]
struct JsFilters {
    speakers: Vec<String>,
    countries: Vec<String>,
    sources: Vec<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    lang: Option<String>,
    /// The address of a full explorer that permalinks lead to.
    permalink_base: Option<String>,
}

impl JsFilters {
    /// Reads the host's object field by field, naming the first field of the
    /// wrong type; other fields are ignored. Read by hand, not through serde:
    /// deserialising would bring serde's error messages, and the float
    /// printing they need, into the wasm (about 12 KB) for eight fields.
    fn read(value: &JsValue) -> Result<JsFilters, String> {
        if value.is_undefined() || value.is_null() {
            return Ok(JsFilters::default());
        }
        if !value.is_object() {
            return Err("the filters must be an object".to_owned());
        }
        let field = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
        };
        let text = |name: &str| match field(name) {
            None => Ok(None),
            Some(v) => v.as_string().map(Some).ok_or_else(|| format!("{name} must be a string")),
        };
        let texts = |name: &str| match field(name) {
            None => Ok(Vec::new()),
            Some(v) if js_sys::Array::is_array(&v) => js_sys::Array::from(&v)
                .iter()
                .map(|item| item.as_string().ok_or_else(|| format!("{name} must be a list of strings")))
                .collect(),
            Some(_) => Err(format!("{name} must be a list of strings")),
        };
        let limit = match field("limit") {
            None => None,
            Some(v) => match v.as_f64() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 => Some(n.min(usize::MAX as f64) as usize),
                _ => return Err("limit must be a whole number".to_owned()),
            },
        };
        Ok(JsFilters {
            speakers: texts("speakers")?,
            countries: texts("countries")?,
            sources: texts("sources")?,
            from: text("from")?,
            to: text("to")?,
            limit,
            lang: text("lang")?,
            permalink_base: text("permalinkBase")?,
        })
    }
}

#[derive(serde::Serialize)]
struct JsResults {
    total: usize,
    statements: Vec<ExportRow>,
}

/// Results of `query` under `filters` (`{ speakers, countries, sources,
/// from, to, limit, lang, permalinkBase }`), as `{ total, statements: [{
/// speaker, role, country, … }] }`. The embed script passes its bundle's
/// own `index.html` as `permalinkBase` unless the caller gives one.
#[wasm_bindgen]
pub fn search(query: &str, filters: JsValue) -> Result<JsValue, JsError> {
    let filters = JsFilters::read(&filters).map_err(|error| JsError::new(&format!("bad filters: {error}")))?;
    let engine = Engine::open().map_err(|error| JsError::new(&error.to_string()))?;
    let lang = filters.lang.as_deref().and_then(UiLang::from_code).unwrap_or_default();
    let date = |value: Option<String>, name: &str| -> Result<Option<Date>, JsError> {
        value.map(|v| v.parse().map_err(|error| JsError::new(&format!("bad filters: {name} \"{v}\": {error}")))).transpose()
    };
    let (date_from, date_to) = (date(filters.from, "from")?, date(filters.to, "to")?);
    let route = Route {
        query: capped_query(query),
        speakers: filters.speakers,
        countries: filters.countries,
        sources: filters.sources,
        date_from,
        date_to,
        lang,
        ..Route::default()
    };
    let outcome = present::search(&engine, &route, filters.limit.unwrap_or(PAGE_SIZE).min(1000), || 0.0);
    let results = JsResults { total: outcome.total, statements: present::export_rows(&outcome.cards, filters.permalink_base.as_deref().unwrap_or(&page_url()), lang) };
    serde_wasm_bindgen::to_value(&results).map_err(|error| JsError::new(&error.to_string()))
}

/// What a host page sets on a `<hanoi-explorer>` element, as attributes.
#[derive(Clone, Debug, Default)]
struct Attributes {
    query: Option<String>,
    speaker: Option<String>,
    country: Option<String>,
    lang: Option<String>,
}

impl Attributes {
    fn route(&self) -> Route {
        Route {
            query: capped_query(self.query.as_deref().unwrap_or_default()),
            speakers: self.speaker.clone().into_iter().collect(),
            countries: self.country.clone().into_iter().collect(),
            lang: self.lang.as_deref().and_then(UiLang::from_code).unwrap_or_default(),
            ..Route::default()
        }
    }
}

/// An explorer mounted in a host page's element. The element's
/// `attributeChangedCallback` passes each change of attribute to
/// [`set`](Self::set), as frameworks that set attributes after start expect.
#[wasm_bindgen]
pub struct EmbeddedExplorer {
    app: AppHandle<App>,
    attributes: Attributes,
    /// Read by `on_select` each time, so a new `permalink-base` needs no new callback.
    permalink_base: Rc<RefCell<String>>,
    bundle_page: String,
    on_select: Callback<(Card, UiLang)>,
}

#[wasm_bindgen]
impl EmbeddedExplorer {
    /// Changes one attribute (`query`, `speaker`, `country`, `lang` or
    /// `permalink-base`; `None` when it is removed) and shows what it asks for.
    pub fn set(&mut self, name: &str, value: Option<String>) {
        let slot = match name {
            "query" => &mut self.attributes.query,
            "speaker" => &mut self.attributes.speaker,
            "country" => &mut self.attributes.country,
            "lang" => &mut self.attributes.lang,
            "permalink-base" => {
                *self.permalink_base.borrow_mut() = value.unwrap_or_else(|| self.bundle_page.clone());
                return;
            }
            _ => return,
        };
        if *slot != value {
            *slot = value;
            self.app.update(props(&self.attributes, &self.on_select));
        }
    }
}

fn props(attributes: &Attributes, on_select: &Callback<(Card, UiLang)>) -> AppProps {
    AppProps { source: RouteSource::Local(Box::new(attributes.route())), mode: Some(Mode::Embed), on_select: Some(on_select.clone()) }
}

/// Renders a compact explorer into `root`, its state kept to itself (not in
/// the host page's address), preset by `query`, `speaker`, `country` and
/// `lang`. Each statement the reader opens is announced on `host` as a
/// bubbling, composed `hanoi-explorer-select` event whose `detail` is the
/// statement as `search` returns it, its permalink under `permalink_base`
/// (a full explorer's address), else under `bundle_page` (the embed
/// script's own `index.html`).
#[wasm_bindgen]
#[allow(clippy::too_many_arguments, reason = "one argument per attribute of the element, as its script passes them")]
pub fn mount(
    root: Element,
    host: Element,
    query: Option<String>,
    speaker: Option<String>,
    country: Option<String>,
    lang: Option<String>,
    permalink_base: Option<String>,
    bundle_page: String,
) -> EmbeddedExplorer {
    let attributes = Attributes { query, speaker, country, lang };
    let base = Rc::new(RefCell::new(permalink_base.unwrap_or_else(|| bundle_page.clone())));
    let permalink_base = base.clone();
    let on_select = Callback::from(move |(card, lang): (Card, UiLang)| {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Some(row) = present::export_rows(&[card], &base.borrow(), lang).pop() {
            if let Ok(detail) = serde_wasm_bindgen::to_value(&row) {
                init.set_detail(&detail);
            }
        }
        if let Ok(event) = CustomEvent::new_with_event_init_dict("hanoi-explorer-select", &init) {
            let _ = host.dispatch_event(&event);
        }
    });
    let app = yew::Renderer::<App>::with_root_and_props(root, props(&attributes, &on_select)).render();
    EmbeddedExplorer { app, attributes, permalink_base, bundle_page, on_select }
}

/// Panics on purpose, so a browser test can check that a panic leaves the
/// error view and not a blank page. Only in bundles built with the
/// `panic-probe` feature, never in the shipped one.
#[cfg(feature = "panic-probe")]
#[wasm_bindgen]
pub fn panic_probe() {
    panic!("panic probe: the browser test of the panic view");
}
