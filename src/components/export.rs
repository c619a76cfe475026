//! Downloads and the clipboard: the current results as CSV or JSON, and a
//! statement's citation. Files are made in the page from a Blob, so this
//! works from `file://` and offline.

use js_sys::{Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::{
    engine::Engine,
    hooks::page_url,
    present::{self, ExportRow},
    route::Route,
};

/// Pretty JSON through the browser's own serializer, which keeps serde_json
/// out of the wasm.
fn to_json(rows: &[ExportRow]) -> Option<String> {
    let value = serde_wasm_bindgen::to_value(rows).ok()?;
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

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Json,
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
            let rows = present::export_rows(&present::all_results(&engine, &route), &page_url(), route.lang);
            let _ = match format {
                Format::Csv => download("hanoi-explorer.csv", "text/csv;charset=utf-8", &present::to_csv(&rows)),
                Format::Json => to_json(&rows).and_then(|json| download("hanoi-explorer.json", "application/json", &json)),
            };
        })
    };
    html! {
        <div class="export" role="group" aria-label={strings.export}>
            <button type="button" class="small" onclick={export(Format::Csv)}>{ "CSV" }</button>
            <button type="button" class="small" onclick={export(Format::Json)}>{ "JSON" }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CiteButtonProps {
    pub citation: String,
    pub label: &'static str,
    pub done_label: &'static str,
}

/// Copies the citation; the label says "copied" for a moment so the reader
/// knows it worked without a dialog.
#[function_component(CiteButton)]
pub fn cite_button(props: &CiteButtonProps) -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let (citation, copied) = (props.citation.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&citation);
                copied.set(true);
            }
        })
    };
    html! {
        <button type="button" class="small cite" {onclick} aria-live="polite" title={props.citation.clone()}>
            { if *copied { props.done_label } else { props.label } }
        </button>
    }
}
