//! Downloads and the clipboard: the current results as CSV, JSON, CSL-JSON
//! or BibTeX, and a statement's citation as a line or as a reference
//! manager's file. Files are made in the page from a Blob, so this works
//! from `file://` and offline.

use js_sys::{Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::{
    engine::Engine,
    hooks::page_url,
    present::{self, Card},
    route::Route,
    strings::UiLang,
};

/// Pretty JSON through the browser's own serializer, which keeps serde_json
/// out of the wasm.
fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Option<String> {
    let value = serde_wasm_bindgen::to_value(value).ok()?;
    JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from_f64(2.0)).ok()?.as_string()
}

/// Hands `contents` to the browser as a download named `file_name`.
pub(super) fn download(file_name: &str, mime: &str, contents: &str) -> Option<()> {
    let parts = Array::of1(&JsValue::from_str(contents));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    Url::revoke_object_url(&url).ok()
}

/// Today as `YYYY-MM-DD`, the "accessed" date of a reference.
fn today() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default().chars().take(10).collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Json,
    CslJson,
    Bibtex,
}

impl Format {
    const ALL: [Format; 4] = [Format::Csv, Format::Json, Format::CslJson, Format::Bibtex];

    fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::CslJson => "CSL-JSON",
            Format::Bibtex => "BibTeX",
        }
    }

    /// Downloads `cards` in this format as `{stem}.{extension}`.
    fn download(self, stem: &str, cards: &[Card], lang: UiLang) -> Option<()> {
        let (page, accessed) = (page_url(), today());
        match self {
            Format::Csv => {
                let rows = present::export_rows(cards, &page, lang);
                download(&format!("{stem}.csv"), "text/csv;charset=utf-8", &present::to_csv(&rows))
            }
            Format::Json => {
                let json = to_json(&present::export_rows(cards, &page, lang))?;
                download(&format!("{stem}.json"), "application/json", &json)
            }
            Format::CslJson => {
                let items: Vec<present::CslItem> = cards.iter().map(|card| present::csl_item(card, &page, &accessed, lang)).collect();
                download(&format!("{stem}.csl.json"), "application/vnd.citationstyles.csl+json", &to_json(&items)?)
            }
            Format::Bibtex => {
                let entries: Vec<String> = cards.iter().map(|card| present::bibtex_entry(card, &page, &accessed, lang)).collect();
                download(&format!("{stem}.bib"), "application/x-bibtex;charset=utf-8", &entries.join("\n"))
            }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    pub route: Route,
}

#[function_component(ExportButtons)]
pub fn export_buttons(props: &ExportButtonsProps) -> Html {
    let Some(engine) = use_context::<Engine>() else {
        return html! {};
    };
    let strings = props.route.lang.strings();
    let export = |format: Format| {
        let (engine, route) = (engine.clone(), props.route.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = format.download("hanoi-explorer", &present::all_results(&engine, &route), route.lang);
        })
    };
    html! {
        <div class="export" role="group" aria-label={strings.export}>
            { for Format::ALL.into_iter().map(|format| html! {
                <button type="button" class="small" onclick={export(format)}>{ format.label() }</button>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CiteMenuProps {
    pub card: Card,
    pub lang: UiLang,
}

/// "Citer" opens the citation line, a button copying it (its label says
/// "copied" for a moment so the reader knows it worked without a dialog),
/// and the statement as CSL-JSON and BibTeX for a reference manager.
/// A card's "Cite" control. Its menu is built when it is opened: closed
/// menus, one per card and rebuilt on every keystroke, were a fifth of the
/// result list's elements, three listeners each and a citation string
/// formatted for nobody.
#[function_component(CiteMenu)]
pub fn cite_menu(props: &CiteMenuProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    html! {
        <details class="cite" {ontoggle}>
            <summary class="small">{ props.lang.strings().cite }</summary>
            if *open {
                <CiteActions card={props.card.clone()} lang={props.lang} />
            }
        </details>
    }
}

/// The opened menu: the citation, a button to copy it, and files to save.
#[function_component(CiteActions)]
fn cite_actions(props: &CiteMenuProps) -> Html {
    let copied = use_state(|| false);
    let strings = props.lang.strings();
    let citation = present::citation(&props.card, &page_url(), props.lang);
    let copy = {
        let (citation, copied) = (citation.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&citation);
                copied.set(true);
            }
        })
    };
    let file = |format: Format| {
        let (card, lang) = (props.card.clone(), props.lang);
        Callback::from(move |_: MouseEvent| {
            let _ = format.download("citation", std::slice::from_ref(&card), lang);
        })
    };
    html! {
        <div class="cite-menu">
            <p class="cite-text">{ citation }</p>
            <div class="cite-actions" role="group" aria-label={strings.cite}>
                <button type="button" class="small cite-copy" onclick={copy} aria-live="polite">
                    { if *copied { strings.copied } else { strings.copy_citation } }
                </button>
                { for [Format::CslJson, Format::Bibtex].into_iter().map(|format| html! {
                    <button type="button" class="small" onclick={file(format)}>{ format.label() }</button>
                }) }
            </div>
        </div>
    }
}
