//! Keeps a [`Route`] and the URL hash in step.
//!
//! Typing replaces the current history entry (a back press should not replay
//! every keystroke); opening an article or changing a filter pushes one, so
//! back/forward walk through what the reader actually did.

use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use yew::prelude::*;

use crate::route::Route;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    Replace,
    Push,
}

#[derive(Clone, PartialEq)]
pub struct RouteHandle {
    pub route: Rc<Route>,
    pub navigate: Callback<(Route, HistoryMode)>,
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The document's URL with `hash` as its fragment; no fragment at all for the
/// default state so a fresh page keeps a clean address.
fn url_with_hash(hash: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let base = href.split('#').next().unwrap_or(&href).to_owned();
    Some(if hash == "#" { base } else { base + hash })
}

#[hook]
pub fn use_route() -> RouteHandle {
    let route = use_state(|| Rc::new(Route::from_hash(&current_hash())));

    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let on_change =
                Closure::<dyn Fn()>::new(move || route.set(Rc::new(Route::from_hash(&current_hash()))));
            let window = web_sys::window();
            for event in ["hashchange", "popstate"] {
                if let Some(window) = &window {
                    let _ = window.add_event_listener_with_callback(event, on_change.as_ref().unchecked_ref());
                }
            }
            move || {
                for event in ["hashchange", "popstate"] {
                    if let Some(window) = &window {
                        let _ = window
                            .remove_event_listener_with_callback(event, on_change.as_ref().unchecked_ref());
                    }
                }
            }
        });
    }

    let navigate = {
        let route = route.clone();
        Callback::from(move |(next, mode): (Route, HistoryMode)| {
            let history = web_sys::window().and_then(|window| window.history().ok());
            if let (Some(history), Some(url)) = (history, url_with_hash(&next.to_hash())) {
                let _ = match mode {
                    HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
                    HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
                };
            }
            route.set(Rc::new(next));
        })
    };

    RouteHandle { route: (*route).clone(), navigate }
}
