//! Kiosk mode: an attract screen that invites a touch, suggestions to tap so
//! no keyboard is needed, and a reset to the attract screen after a quiet spell.

use std::{cell::RefCell, rc::Rc};

use gloo_timers::callback::Timeout;
use gloo_events::{EventListener, EventListenerOptions};
use yew::prelude::*;

use crate::{
    present::FacetEntry,
    route::{Route, View},
    strings::UiLang,
};

/// How many topics a kiosk offers. They are the words most typical of the
/// corpus (`Index::topics`), not words of the interface, so every one finds
/// statements on any corpus and they stay the same when the visitor
/// switches language.
pub const KIOSK_TOPICS: usize = 6;

/// Calls `on_idle` once no touch, click or key has come for `seconds`;
/// does nothing when `seconds` is `None` (hooks cannot be called conditionally).
#[hook]
pub fn use_idle(seconds: Option<u32>, on_idle: Callback<()>) {
    use_effect_with(seconds, move |&seconds| {
        let seconds = seconds.unwrap_or(0);
        let enabled = seconds > 0;
        let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let restart = {
            let timer = timer.clone();
            move || {
                let on_idle = on_idle.clone();
                timer.replace(Some(Timeout::new(seconds.saturating_mul(1000), move || on_idle.emit(()))));
            }
        };
        if enabled {
            restart();
        }
        let document = web_sys::window().and_then(|window| window.document()).filter(|_| enabled);
        let listeners: Vec<EventListener> = ["pointerdown", "keydown", "touchstart", "wheel"]
            .into_iter()
            .filter_map(|event| {
                let restart = restart.clone();
                Some(EventListener::new(document.as_ref()?, event, move |_| restart()))
            })
            .collect();
        move || {
            drop(listeners);
            timer.take();
        }
    });
}

/// Blocks the context menu: a kiosk visitor has nothing to save or inspect.
#[hook]
pub fn use_no_context_menu(enabled: bool) {
    use_effect_with(enabled, |&enabled| {
        let document = web_sys::window().and_then(|window| window.document()).filter(|_| enabled);
        let listener = document.map(|document| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "contextmenu", options, |event| event.prevent_default())
        });
        move || drop(listener)
    });
}

/// Topics and speakers to tap, so a visitor can explore without typing.
pub fn suggestions(topics: &[String], speakers: &[FacetEntry], lang: UiLang) -> Html {
    let strings = lang.strings();
    let topic = |query: &str| Route::searching(query, lang).to_hash();
    let speaker = |name: &str| Route::page(View::Speaker(name.to_owned()), lang).to_hash();
    html! {
        <nav class="suggestions" aria-label={strings.suggestions}>
            <p class="suggestions-title">{ strings.try_a_topic }</p>
            <div class="suggestion-row">
                { for topics.iter().map(|query| html! {
                    <a class="suggestion-chip" href={topic(query)}>{ query }</a>
                }) }
            </div>
            <p class="suggestions-title">{ strings.or_a_speaker }</p>
            <div class="suggestion-row">
                { for speakers.iter().take(6).map(|entry| html! {
                    <a class="suggestion-chip speaker" href={speaker(&entry.key)}>{ &entry.label }</a>
                }) }
            </div>
        </nav>
    }
}

/// The full-screen invitation a kiosk shows until someone touches it.
pub fn attract_screen(topics: &[String], speakers: &[FacetEntry], lang: UiLang, on_start: &Callback<()>) -> Html {
    let strings = lang.strings();
    let onclick = on_start.reform(|_: MouseEvent| ());
    html! {
        <div class="attract" role="dialog" aria-modal="true" aria-labelledby="attract-title" {onclick}>
            <h1 id="attract-title">{ strings.app_title }</h1>
            <p class="attract-tagline">{ strings.tagline }</p>
            <p class="attract-hint">{ strings.touch_to_start }</p>
            { suggestions(topics, speakers, lang) }
        </div>
    }
}
