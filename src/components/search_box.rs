//! The search field. It reports every keystroke; the page searches as you type.
//! `/` anywhere on the page (inside the explorer, when embedded) focuses it,
//! as on most search-heavy sites. In a kiosk, a tap on it opens the
//! on-screen keyboard instead of the tablet's own.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::{focus::focus_neighbour_card, keyboard::keyboard};
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
    let mode = use_context::<Mode>().unwrap_or_default();
    let autofocus = mode != Mode::Embed;
    let kiosk = matches!(mode, Mode::Kiosk { .. });
    let form = use_node_ref();
    let keyboard_open = use_state(|| false);
    use_close_on_click_outside(form.clone(), *keyboard_open, keyboard_open.setter());

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

    let onclick = {
        let keyboard_open = keyboard_open.clone();
        Callback::from(move |_: MouseEvent| keyboard_open.set(kiosk))
    };
    let on_close = {
        let keyboard_open = keyboard_open.clone();
        Callback::from(move |_| keyboard_open.set(false))
    };

    // A paste past the limit is cut by the box: say so.
    let at_limit = props.value.chars().count() >= crate::route::MAX_QUERY_CHARS;
    html! {
        <>
        <form class="search" role="search" ref={form} onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
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
                inputmode={kiosk.then_some("none")}
                {autofocus}
                {oninput}
                {onkeydown}
                {onclick}
            />
            <kbd class="hint" aria-hidden="true">{ "/" }</kbd>
            if *keyboard_open {
                { keyboard(&props.value, props.lang, &props.on_query, &on_close) }
            }
        </form>
        <p class="query-limit" role="status">{ if at_limit { strings.query_limit } else { "" } }</p>
        </>
    }
}

/// While `open`, a click anywhere outside `inside` (a result, a link, the
/// attract screen) closes: the keyboard goes once the visitor moves on.
/// A click, not a touch, so that scrolling the results keeps it open.
#[hook]
fn use_close_on_click_outside(inside: NodeRef, open: bool, set_open: UseStateSetter<bool>) {
    use_effect_with(open, move |&open| {
        let document = web_sys::window().and_then(|window| window.document()).filter(|_| open);
        let listener = document.map(|document| {
            gloo_events::EventListener::new(&document, "click", move |event| {
                let target = event.target().and_then(|target| target.dyn_into::<web_sys::Node>().ok());
                let within = inside.cast::<web_sys::Node>().is_some_and(|inside| inside.contains(target.as_ref()));
                if !within {
                    set_open.set(false);
                }
            })
        });
        move || drop(listener)
    });
}
