//! The search field. It reports every keystroke; the page searches as you type.
//! `/` anywhere on the page (inside the explorer, when embedded) focuses it,
//! as on most search-heavy sites.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::focus::focus_neighbour_card;
use crate::{hooks::use_keys_in_root, mode::Mode, strings::UiLang};

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: String,
    pub lang: UiLang,
    pub on_query: Callback<String>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let strings = props.lang.strings();
    let input = use_node_ref();
    // On someone else's page, the cursor would scroll the host to the box:
    // an embed waits for the reader.
    let autofocus = use_context::<Mode>().unwrap_or_default() != Mode::Embed;

    {
        let box_ref = input.clone();
        use_keys_in_root(input.clone(), (), move |_, event| {
            // A `/` typed into a field is text; a focused checkbox or
            // button takes no text, so there it still means "search".
            let typing_elsewhere = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()).is_some_and(|element| {
                match element.dyn_ref::<HtmlInputElement>() {
                    Some(input) => !matches!(input.type_().as_str(), "checkbox" | "radio" | "button" | "submit" | "reset"),
                    None => matches!(element.tag_name().as_str(), "TEXTAREA" | "SELECT"),
                }
            });
            if event.key() == "/" && !typing_elsewhere {
                if let Some(input) = box_ref.cast::<HtmlInputElement>() {
                    event.prevent_default();
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let oninput = {
        let on_query = props.on_query.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_query.emit(input.value());
        })
    };

    let onkeydown = Callback::from(|event: KeyboardEvent| {
        if event.key() == "ArrowDown" {
            event.prevent_default();
            focus_neighbour_card(event.target().and_then(|target| target.dyn_into().ok()), true);
        }
    });

    html! {
        <form class="search" role="search" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            <label class="visually-hidden" for="search-input">{ strings.search_label }</label>
            <input
                id="search-input"
                part="search-input"
                ref={input}
                type="search"
                value={props.value.clone()}
                placeholder={strings.search_placeholder}
                autocomplete="off"
                maxlength={crate::route::MAX_QUERY_CHARS.to_string()}
                spellcheck="false"
                {autofocus}
                {oninput}
                {onkeydown}
            />
            <kbd class="hint" aria-hidden="true">{ "/" }</kbd>
        </form>
    }
}
