//! The page's top level: opens the embedded index, follows the URL hash and
//! lays out the search, the filters, the results and the reading view.

use std::{cell::Cell, rc::Rc};

use yew::prelude::*;

use crate::{
    components::{
        attract_screen, suggestions, use_idle, use_no_context_menu, About, ArticleView, CompareView, ConcordanceView,
        FacetPanel, Overview, ProfileView, ResultList, SearchBox, SkipToResults, KIOSK_TOPICS,
    },
    mode::Mode,
    engine::Engine,
    hooks::{after_next_paint, use_route, use_view_position, HistoryMode, Navigate, RouteHandle, RouteSource},
    present::{self, Card, Outcome, PAGE_SIZE},
    route::{ContextSide, Route, View},
    strings::UiLang,
};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The page's own hash by default; embedded instances keep their own.
    #[prop_or(RouteSource::Hash)]
    pub source: RouteSource,
    /// Read from the address's query string unless given.
    #[prop_or_default]
    pub mode: Option<Mode>,
    /// Told each time the reader opens a statement, with the interface's
    /// language (embedded instances turn this into a DOM event for the host page).
    #[prop_or_default]
    pub on_select: Option<Callback<(Card, UiLang)>>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let engine = use_memo((), |_| Engine::open());
    let given_mode = props.mode;
    let mode = *use_memo((), move |_| {
        given_mode.unwrap_or_else(|| {
            let query = web_sys::window().and_then(|window| window.location().search().ok()).unwrap_or_default();
            Mode::from_query(&query)
        })
    });
    // With no index there is no search box to take the page's shell over:
    // the shell goes, so that the message below is seen.
    use_effect_with(engine.is_err(), |&broken| {
        if let Some(document) = web_sys::window().and_then(|window| window.document()).filter(|_| broken) {
            crate::shell::remove(&document);
        }
    });
    match &*engine {
        Ok(engine) => html! {
            <ContextProvider<Engine> context={engine.clone()}>
                <ContextProvider<Mode> context={mode}>
                    <Explorer source={props.source.clone()} on_select={props.on_select.clone()} />
                </ContextProvider<Mode>>
            </ContextProvider<Engine>>
        },
        Err(error) => html! {
            <main class="fatal" role="alert">
                <h1>{ "Hanoi Explorer" }</h1>
                <p>{ crate::strings::FR.broken_index }</p>
                <p>{ crate::strings::EN.broken_index }</p>
                <pre>{ error.to_string() }</pre>
            </main>
        },
    }
}

/// A named point on the page's performance timeline: `make bench` reads
/// "hanoi:main", when the wasm starts, to split the start into download and
/// compile, then the app's own work; index.html waits for "hanoi:ready",
/// when the first screen and its lists are painted, to install its service
/// worker.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

thread_local! {
    /// Whether the page's first search was rehearsed: once per page, however
    /// many explorers it holds, since they share the one engine.
    static REHEARSED: Cell<bool> = const { Cell::new(false) };
}

/// Searches [`present::rehearsal_query`] and drops the answer.
fn rehearse_first_search(engine: &Engine, first_screen: &Outcome, route: &Route) {
    if let Some(query) = present::rehearsal_query(first_screen) {
        present::search(engine, &route.with_query(&query), PAGE_SIZE, now_ms);
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
struct ExplorerProps {
    source: RouteSource,
    on_select: Option<Callback<(Card, UiLang)>>,
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    let Some(engine) = use_context::<Engine>() else {
        return html! {};
    };
    let mode = use_context::<Mode>().unwrap_or_default();
    let root = use_node_ref();
    let RouteHandle { route, navigate } = use_route(props.source.clone(), root.clone());
    {
        let (engine, on_select, lang) = (engine.clone(), props.on_select.clone(), route.lang);
        use_effect_with(route.reading.clone(), move |reading| {
            // Only an embed listens; the page need not look the statement up.
            let Some(on_select) = on_select else { return };
            if let Some(card) = reading.as_ref().and_then(|reading| present::statement(engine.index(), reading, lang)) {
                on_select.emit((card, lang));
            }
        });
    }
    let strings = route.lang.strings();
    // Screen readers and hyphenation follow the page's language, not only the
    // app's element; an embed marks only its own element, never the host's page.
    let owns_page = props.source == RouteSource::Hash;
    use_view_position(root.clone(), route.clone(), owns_page);
    use_effect_with((route.lang, owns_page), |&(lang, owns_page)| {
        let document = web_sys::window().and_then(|window| window.document()).filter(|_| owns_page);
        if let Some(root) = document.and_then(|document| document.document_element()) {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    // The result list grows on "show more" and starts over with each new search.
    let search_key = route.closed();
    let extended = use_state(|| (search_key.clone(), PAGE_SIZE));
    let limit = if extended.0 == search_key { extended.1 } else { PAGE_SIZE };
    // A kiosk starts on its attract screen and returns to it, reset, when left alone.
    let kiosk_idle = match mode {
        Mode::Kiosk { idle_seconds } => Some(idle_seconds),
        _ => None,
    };
    // Only the result list and a kiosk's suggestions use the results: the
    // other views run their own searches, so typing there costs one, not two.
    let wanted = route.view == View::Results || kiosk_idle.is_some();
    let outcome = {
        let engine = engine.clone();
        use_memo((search_key.clone(), limit, wanted), move |(route, limit, wanted)| {
            if *wanted {
                present::search(&engine, route, *limit, now_ms)
            } else {
                Outcome::default()
            }
        })
    };

    // Once the first screen and, a frame later, its filter lists are
    // painted, a search like the reader's first is run unseen, so that their
    // first keystroke finds the code compiled and the tables built.
    {
        let (engine, first_screen, route) = (engine.clone(), outcome.clone(), route.clone());
        use_effect_with((), move |_| {
            // Only the page's first explorer schedules it.
            if !REHEARSED.replace(true) {
                after_next_paint(move || {
                    after_next_paint(move || {
                        rehearse_first_search(&engine, &first_screen, &route);
                        // index.html registers the service worker on this mark.
                        mark("hanoi:ready");
                    })
                });
            }
        });
    }

    // Only a kiosk suggests topics: a walk over the dictionary (15 ms on a
    // 100k-passage corpus) the other modes need not pay at start-up.
    let topics = {
        let engine = engine.clone();
        use_memo(kiosk_idle.is_some(), move |&kiosk| if kiosk { engine.topics(KIOSK_TOPICS) } else { Vec::new() })
    };

    let on_query = {
        let (navigate, route) = (navigate.clone(), route.clone());
        Callback::from(move |query: String| {
            navigate.emit((route.with_query(&query), HistoryMode::Replace))
        })
    };

    let attract = use_state(|| kiosk_idle.is_some());
    let on_idle = {
        let (navigate, attract) = (navigate.clone(), attract.clone());
        Callback::from(move |_| {
            navigate.emit((Route::default(), HistoryMode::Replace));
            attract.set(true);
        })
    };
    use_idle(kiosk_idle, on_idle);
    use_no_context_menu(kiosk_idle.is_some());
    let on_start = {
        let attract = attract.clone();
        Callback::from(move |_| attract.set(false))
    };
    let on_route = {
        let navigate = navigate.clone();
        Callback::from(move |next: Route| navigate.emit((next, HistoryMode::Push)))
    };
    let on_more = Callback::from(move |_| extended.set((search_key.clone(), limit + PAGE_SIZE)));
    let toggle_lang = {
        let (navigate, route) = (navigate.clone(), route.clone());
        Callback::from(move |_: MouseEvent| {
            navigate.emit((route.in_other_lang(), HistoryMode::Push))
        })
    };

    let results = html! { <>
        <Overview route={(*route).clone()} on_route={on_route.clone()} />
        <div class="layout">
            <FacetPanel outcome={outcome.clone()} route={(*route).clone()} on_route={on_route.clone()} />
            <ResultList
                outcome={outcome.clone()}
                route={(*route).clone()}
                passage_count={engine.index().passage_count()}
                on_route={on_route.clone()}
                on_more={on_more}
            />
        </div>
    </> };
    let body = match (&route.reading, &route.view) {
        (Some(_), _) => {
            let article = present::article(&engine, &route);
            html! { <ArticleView article={article.map(Rc::new)} route={(*route).clone()} /> }
        }
        (None, View::Results) => results,
        (None, View::Concordance { by }) => html! { <ConcordanceView route={(*route).clone()} by={*by} /> },
        (None, View::Speaker(_) | View::Country(_)) => html! { <ProfileView route={(*route).clone()} /> },
        (None, View::Compare(first, second)) => html! {
            <CompareView route={(*route).clone()} first={first.clone()} second={second.clone()} />
        },
    };
    let tab = |view: View, label: &'static str| {
        let current = std::mem::discriminant(&view) == std::mem::discriminant(&route.view) && route.reading.is_none();
        let href = route.in_view(view).to_hash();
        html! {
            <a class={classes!("tab", current.then_some("current"))} href={href} aria-current={current.then_some("page")}>
                { label }
            </a>
        }
    };

    let suggestions = (kiosk_idle.is_some() && route.query.is_empty() && route.reading.is_none())
        .then(|| suggestions(&topics, &outcome.speakers, route.lang));

    html! {
        <ContextProvider<Navigate> context={navigate.clone()}>
        <div class={classes!("page", mode.css_class())} part="explorer" ref={root} lang={route.lang.code()}>
            if *attract {
                { attract_screen(&topics, &outcome.speakers, route.lang, &on_start) }
            }
            <header class="masthead" part="masthead">
                <div class="brand">
                    <h1>{ strings.app_title }</h1>
                    <p class="tagline">{ strings.tagline }</p>
                </div>
                <button class="lang-switch" type="button" onclick={toggle_lang} lang={route.lang.other().code()}>
                    { strings.other_lang_label }
                </button>
            </header>
            <SearchBox value={route.query.clone()} lang={route.lang} on_query={on_query} />
            if route.view == View::Results && route.reading.is_none() {
                <SkipToResults lang={route.lang} />
            }
            <nav class="tabs" aria-label={strings.views}>
                { tab(View::Results, strings.tab_results) }
                { tab(View::Concordance { by: ContextSide::default() }, strings.tab_concordance) }
            </nav>
            // An `if` keeps one child in place whether or not it shows; a `for`
            // of none would shift the children before it, and yew would
            // rebuild the search box (and lose its focus) at the first letter.
            if let Some(suggestions) = suggestions { { suggestions } }
            <main id="main">{ body }</main>
            <About lang={route.lang} documents={engine.index().document_count()} passages={engine.index().passage_count()} />
        </div>
        </ContextProvider<Navigate>>
    }
}
