//! The page's top level: opens the embedded index, follows the URL hash and
//! lays out the search, the filters, the results and the reading view.

use std::rc::Rc;

use yew::prelude::*;

use crate::{
    components::{ArticleView, CompareView, ConcordanceView, FacetPanel, ProfileView, ResultList, SearchBox},
    engine::Engine,
    hooks::{use_route, HistoryMode, RouteHandle},
    present::{self, PAGE_SIZE},
    route::{ContextSide, Route, View},
};

#[function_component(App)]
pub fn app() -> Html {
    let engine = use_memo((), |_| Engine::open());
    match &*engine {
        Ok(engine) => html! {
            <ContextProvider<Engine> context={engine.clone()}>
                <Explorer />
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

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or_default()
}

#[function_component(Explorer)]
fn explorer() -> Html {
    let Some(engine) = use_context::<Engine>() else {
        return html! {};
    };
    let RouteHandle { route, navigate } = use_route();
    let strings = route.lang.strings();
    // Screen readers and hyphenation follow the page's language, not only the app's element.
    use_effect_with(route.lang, |lang| {
        if let Some(root) = web_sys::window().and_then(|window| window.document()).and_then(|document| document.document_element()) {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    // The result list grows on "show more" and starts over with each new search.
    let search_key = Route { reading: None, ..(*route).clone() };
    let extended = use_state(|| (search_key.clone(), PAGE_SIZE));
    let limit = if extended.0 == search_key { extended.1 } else { PAGE_SIZE };
    let outcome = {
        let engine = engine.clone();
        use_memo((search_key.clone(), limit), move |(route, limit)| {
            present::search(&engine, route, *limit, now_ms)
        })
    };

    let on_query = {
        let (navigate, route) = (navigate.clone(), route.clone());
        Callback::from(move |query: String| {
            navigate.emit((Route { query, ..(*route).clone() }, HistoryMode::Replace))
        })
    };
    let on_route = {
        let navigate = navigate.clone();
        Callback::from(move |next: Route| navigate.emit((next, HistoryMode::Push)))
    };
    let on_more = Callback::from(move |_| extended.set((search_key.clone(), limit + PAGE_SIZE)));
    let toggle_lang = {
        let (navigate, route) = (navigate.clone(), route.clone());
        Callback::from(move |_: MouseEvent| {
            navigate.emit((Route { lang: route.lang.other(), ..(*route).clone() }, HistoryMode::Push))
        })
    };

    let results = html! {
        <div class="layout">
            <FacetPanel outcome={outcome.clone()} route={(*route).clone()} on_route={on_route.clone()} />
            <ResultList
                outcome={outcome.clone()}
                route={(*route).clone()}
                passage_count={engine.passage_count()}
                on_route={on_route.clone()}
                on_more={on_more}
            />
        </div>
    };
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
        let href = Route { view, reading: None, ..(*route).clone() }.to_hash();
        html! {
            <a class={classes!("tab", current.then_some("current"))} href={href} aria-current={current.then_some("page")}>
                { label }
            </a>
        }
    };

    html! {
        <div class="page">
            <header class="masthead">
                <div class="brand">
                    <h1>{ strings.app_title }</h1>
                    <p class="tagline">{ strings.tagline }</p>
                </div>
                <button class="lang-switch" type="button" onclick={toggle_lang} lang={route.lang.other().code()}>
                    { strings.other_lang_label }
                </button>
            </header>
            <SearchBox value={route.query.clone()} lang={route.lang} on_query={on_query} />
            <nav class="tabs" aria-label={strings.views}>
                { tab(View::Results, strings.tab_results) }
                { tab(View::Concordance { by: ContextSide::default() }, strings.tab_concordance) }
            </nav>
            <main id="main">{ body }</main>
        </div>
    }
}
