//! Keeps a [`Route`] where it belongs: in the page's URL hash, or, for an
//! instance embedded in another site's page (whose address is not ours), in
//! component state seeded from the element's attributes.
//!
//! With the hash, typing replaces the current history entry (a back press
//! should not replay every keystroke); opening an article or changing a
//! filter pushes one, so back/forward walk through what the reader did.
//! Embedded, the page's links (all `#…` permalinks) are caught before the
//! browser follows them, so the host page's address never changes.

use std::{cell::RefCell, rc::Rc};

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::route::{Route, View};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    Replace,
    Push,
}

/// Where the route lives.
#[derive(Clone, Debug, PartialEq)]
pub enum RouteSource {
    Hash,
    Local(Box<Route>),
}

/// Moves the reader to a route. The app provides it as a context, for the
/// views deep down that navigate; it stays the same callback while the app
/// runs, so providing it redraws none of them.
pub type Navigate = Callback<(Route, HistoryMode)>;

#[derive(Clone, PartialEq)]
pub struct RouteHandle {
    pub route: Rc<Route>,
    pub navigate: Navigate,
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Calls `on_key(deps, event)` for each key pressed in the document or the
/// shadow root holding `node`: the whole page's keys for the page, only its
/// own for an embedded explorer, so an embed leaves the host's keys alone.
/// Listens again when `deps` change; handlers may prevent the default.
#[hook]
pub fn use_keys_in_root<D>(node: NodeRef, deps: D, on_key: impl Fn(&D, &web_sys::KeyboardEvent) + 'static)
where
    D: PartialEq + Clone + 'static,
{
    use_effect_with(deps, move |deps| {
        let deps = deps.clone();
        let root = node.cast::<Element>().map(|element| element.get_root_node());
        let listener = root.map(|root| {
            EventListener::new_with_options(&root, "keydown", EventListenerOptions::enable_prevent_default(), move |event| {
                if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                    on_key(&deps, event);
                }
            })
        });
        move || drop(listener)
    });
}

/// Where the reader is put when the view changes under them. A speaker,
/// country or comparison page opens at its top, not at the results' scroll
/// position; closing an article focuses the card it was opened from (or the
/// last occurrence read), where the article's scroll position would
/// otherwise leave the reader anywhere. Only the page that owns the window
/// scrolls it to the top: an embed leaves the host page where it is.
#[hook]
pub fn use_view_position(root: NodeRef, route: Rc<Route>, owns_page: bool) {
    // The hash of the article on screen, while one is.
    let article = use_mut_ref(|| None::<String>);
    use_effect_with((route.view.clone(), route.reading.clone()), move |(view, reading)| {
        if reading.is_some() {
            *article.borrow_mut() = Some(route.to_hash());
            return;
        }
        if let Some(closed) = article.borrow_mut().take() {
            focus_card_opening(&root, &closed);
        } else if owns_page && matches!(view, View::Speaker(_) | View::Country(_) | View::Compare(..)) {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    });
}

/// Focuses the card under `root` whose link opens `hash`, centred. A card
/// folded away among its article's other passages is unfolded first, and
/// focused once drawn.
fn focus_card_opening(root: &NodeRef, hash: &str) {
    if focus_link(root, hash) {
        return;
    }
    let file = Route::from_hash(hash).reading.map(|reading| reading.file);
    let toggle = root.cast::<Element>().and_then(|root| root.query_selector_all(".group").ok()).and_then(|groups| {
        (0..groups.length()).filter_map(|i| groups.item(i)?.dyn_into::<Element>().ok()).find_map(|group| {
            let best = group.query_selector("a.open").ok()??.get_attribute("href")?;
            let same = Route::from_hash(&best).reading.map(|reading| reading.file) == file;
            same.then(|| group.query_selector(".siblings-toggle[aria-expanded='false']").ok().flatten()).flatten()
        })
    });
    if let Some(toggle) = toggle.and_then(|toggle| toggle.dyn_into::<HtmlElement>().ok()) {
        toggle.click();
        focus_once_drawn(root.clone(), hash.to_owned(), 20);
    }
}

/// Focuses the card link that opens `hash` as soon as the page has drawn
/// it, trying once a frame (16 ms) at most `tries` times: the unfolded group
/// is drawn on yew's next render, not at once.
fn focus_once_drawn(root: NodeRef, hash: String, tries: u32) {
    Timeout::new(16, move || {
        if !focus_link(&root, &hash) && tries > 1 {
            focus_once_drawn(root, hash, tries - 1);
        }
    })
    .forget();
}

/// Focuses the card link that opens `hash`, centred; whether there was one.
fn focus_link(root: &NodeRef, hash: &str) -> bool {
    let Some(links) = root.cast::<Element>().and_then(|root| root.query_selector_all("a.open").ok()) else { return false };
    let card = (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|link| link.get_attribute("href").as_deref() == Some(hash));
    let Some(card) = card else { return false };
    let _ = card.focus();
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    card.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// The address of the page the app runs in, for permalinks in citations,
/// exports and embed events; empty where there is none.
pub fn page_url() -> String {
    web_sys::window().and_then(|window| window.location().href().ok()).unwrap_or_default()
}

/// The document's URL with `hash` as its fragment; no fragment at all for the
/// default state so a fresh page keeps a clean address.
fn url_with_hash(hash: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let base = href.split('#').next().unwrap_or(&href).to_owned();
    Some(if hash == "#" { base } else { base + hash })
}

/// `root` is the app's outermost element: embedded, its `#…` links are
/// followed here instead of by the browser.
#[hook]
pub fn use_route(source: RouteSource, root: NodeRef) -> RouteHandle {
    let initial = source.clone();
    let route = use_state(move || {
        Rc::new(match initial {
            RouteSource::Hash => Route::from_hash(&current_hash()),
            RouteSource::Local(route) => *route,
        })
    });
    let follows_hash = source == RouteSource::Hash;
    let pending: PendingAddress = use_memo((), |_| AddressWrite::default());

    {
        // An embed's host may change its attributes after start: the route
        // it gives anew replaces the one the reader was on.
        let route = route.clone();
        use_effect_with(source, move |source| {
            if let RouteSource::Local(given) = source {
                if **route != **given {
                    route.set(Rc::new((**given).clone()));
                }
            }
        });
    }

    {
        let (route, pending) = (route.clone(), pending.clone());
        use_effect_with(follows_hash, move |&follows_hash| {
            let window = web_sys::window().filter(|_| follows_hash);
            let listeners: Vec<EventListener> = ["hashchange", "popstate"]
                .into_iter()
                .filter_map(|event| {
                    let (route, pending) = (route.clone(), pending.clone());
                    // The reader went elsewhere: a typed query not yet in the
                    // address must not land on the entry they went to.
                    let on_change = move |_: &Event| {
                        pending.url.borrow_mut().take();
                        route.set(Rc::new(Route::from_hash(&current_hash())));
                    };
                    Some(EventListener::new(window.as_ref()?, event, on_change))
                })
                .collect();
            // A click on a link may leave the query before its address is
            // written: written first, in the capture phase, before the
            // browser follows the link, Back returns to it.
            let flush_before_links = window.as_ref().map(|window| {
                let pending = pending.clone();
                EventListener::new_with_options(window, "click", EventListenerOptions::run_in_capture_phase(), move |_| {
                    flush_address(&pending)
                })
            });
            move || drop((listeners, flush_before_links))
        });
    }

    {
        let route = route.clone();
        use_effect_with(follows_hash, move |&follows_hash| {
            let root = root.cast::<Element>().filter(|_| !follows_hash);
            let listener = root.map(|root| {
                let on_click = move |event: &Event| {
                    let link = event
                        .target()
                        .and_then(|target| target.dyn_into::<Element>().ok())
                        .and_then(|element| element.closest("a[href^='#']").ok().flatten());
                    if let Some(hash) = link.and_then(|link| link.get_attribute("href")) {
                        event.prevent_default();
                        route.set(Rc::new(Route::from_hash(&hash)));
                    }
                };
                EventListener::new_with_options(&root, "click", EventListenerOptions::enable_prevent_default(), on_click)
            });
            move || drop(listener)
        });
    }

    // One callback for the component's life: the views that only navigate
    // (through the context) are not drawn again at every keystroke.
    let navigate = {
        let (route, pending) = (route.clone(), pending.clone());
        use_memo(follows_hash, move |&follows_hash| {
            Callback::from(move |(next, mode): (Route, HistoryMode)| {
                if follows_hash {
                    write_address(&pending, &next.to_hash(), mode);
                }
                route.set(Rc::new(next));
            })
        })
    };

    RouteHandle { route: (*route).clone(), navigate: (*navigate).clone() }
}

/// The address a typed query is waiting to replace, and the timer that
/// will write it.
#[derive(Default)]
struct AddressWrite {
    url: RefCell<Option<String>>,
    timer: RefCell<Option<Timeout>>,
}

type PendingAddress = Rc<AddressWrite>;

/// How long typing must pause before the address follows it: longer than
/// the gap between two keys of a quick typist, short enough to be there by
/// the time a reader reaches for the address bar.
const ADDRESS_SETTLES_MS: u32 = 300;

/// Writes `hash` into the page's address. Typing replaces the entry once the
/// keys pause ([`ADDRESS_SETTLES_MS`]), one write for all the keys typed
/// meanwhile: a `replaceState` costs 1-2 ms here, and written after each
/// key's frame it was in the way of the next key. A push first writes any
/// replace still waiting, so Back returns to the query as typed.
fn write_address(pending: &PendingAddress, hash: &str, mode: HistoryMode) {
    let Some(url) = url_with_hash(hash) else { return };
    match mode {
        HistoryMode::Replace => {
            *pending.url.borrow_mut() = Some(url);
            // Weak, or the timer and the write would keep each other alive.
            let writer = Rc::downgrade(pending);
            let timer = Timeout::new(ADDRESS_SETTLES_MS, move || {
                if let Some(pending) = writer.upgrade() {
                    flush_address(&pending);
                }
            });
            // Replacing the previous key's timer cancels it.
            *pending.timer.borrow_mut() = Some(timer);
        }
        HistoryMode::Push => {
            flush_address(pending);
            if let Some(history) = history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        }
    }
}

fn flush_address(pending: &AddressWrite) {
    let url = pending.url.borrow_mut().take();
    if let (Some(url), Some(history)) = (url, history()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// See [`after_paint_or_timeout`]: well after a frame on any machine.
const PAINT_FALLBACK_MS: u32 = 500;

/// `value` as the page last painted it: `first()` in the first render, then,
/// right after each frame is painted, the value of the latest render. For
/// what a reader does not see at once (the cards below the first screen):
/// building it would hold back the frame showing what they do see, a
/// start's first screen (about 20 ms of a 250 ms start) or a keystroke's
/// first cards.
#[hook]
pub fn use_painted_later<T, F>(first: F, value: T) -> T
where
    T: Clone + PartialEq + 'static,
    F: FnOnce() -> T,
{
    let shown = use_state_eq(first);
    {
        let shown = shown.clone();
        // Values land in the order they were given: each waits for the next
        // frame or the timer, and neither comes sooner for a later value.
        use_effect_with(value, move |value| {
            let value = value.clone();
            after_paint_or_timeout(move || shown.set(value));
        });
    }
    (*shown).clone()
}

/// Runs `f` once, after the next frame is painted or, on a page that gets
/// no animation frames (out of sight), after [`PAINT_FALLBACK_MS`],
/// whichever comes first.
fn after_paint_or_timeout<F: FnOnce() + 'static>(f: F) {
    let once = Rc::new(RefCell::new(Some(f)));
    let run = |once: Rc<RefCell<Option<F>>>| move || {
        // Taken before it runs: `f` may schedule more.
        let f = once.borrow_mut().take();
        if let Some(f) = f {
            f();
        }
    };
    Timeout::new(PAINT_FALLBACK_MS, run(once.clone())).forget();
    after_next_paint(run(once));
}

/// Runs `f` once the next frame is painted: an animation frame's callback
/// runs just before its paint, and a timer set from there runs after it.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let after_paint = Closure::once_into_js(move || Timeout::new(0, f).forget());
    let _ = window.request_animation_frame(after_paint.unchecked_ref());
}
