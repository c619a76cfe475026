//! The reading view: the whole article, each passage marked with its speaker,
//! the chosen passage highlighted and scrolled into view.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Event, KeyboardEvent, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use super::{marked::MarkedText, results::WhoLine};
use crate::{
    hooks::{HistoryMode, RouteHandle},
    mode::Mode,
    present::Article,
    route::{Reading, Route},
};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Option<Rc<Article>>,
    pub route: Route,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let strings = props.route.lang.strings();
    let mode = use_context::<Mode>().unwrap_or_default();
    let focused = use_node_ref();
    let back = Route { reading: None, ..props.route.clone() }.to_hash();

    // Esc closes the article, as it would a dialog.
    {
        let navigate = use_context::<RouteHandle>().map(|handle| handle.navigate);
        let results = Route { reading: None, ..props.route.clone() };
        use_effect_with(results, move |results| {
            let results = results.clone();
            let on_key = move |event: &Event| {
                let escape = event.dyn_ref::<KeyboardEvent>().is_some_and(|event| event.key() == "Escape");
                if let (true, Some(navigate)) = (escape, &navigate) {
                    navigate.emit((results.clone(), HistoryMode::Push));
                }
            };
            let listener = web_sys::window()
                .and_then(|window| window.document())
                .map(|document| EventListener::new(&document, "keydown", on_key));
            move || drop(listener)
        });
    }

    {
        let focused = focused.clone();
        use_effect_with(props.route.reading.clone(), move |_| {
            if let Some(element) = focused.cast::<web_sys::Element>() {
                let options = ScrollIntoViewOptions::new();
                options.set_behavior(ScrollBehavior::Smooth);
                options.set_block(ScrollLogicalPosition::Center);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            } else if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    }

    let Some(article) = &props.article else {
        return html! {
            <div class="reading">
                <a class="back" href={back}>{ strings.back_to_results }</a>
                <p class="empty" role="alert">{ strings.article_missing }</p>
            </div>
        };
    };
    let file = article.file.clone();
    let at = |ordinal: u32| {
        Route { reading: Some(Reading { file: file.clone(), passage: Some(ordinal) }), ..props.route.clone() }.to_hash()
    };
    let (previous, next) = article.neighbouring_matches();
    let match_nav = (previous.is_some() || next.is_some()).then(|| html! {
        <nav class="match-nav">
            if let Some(previous) = previous {
                <a class="small" href={at(previous)} rel="prev">{ strings.previous_match }</a>
            }
            if let Some(next) = next {
                <a class="small" href={at(next)} rel="next">{ strings.next_match }</a>
            }
        </nav>
    });

    html! {
        <div class="reading">
            <div class="reading-bar">
                <a class="back" href={back}>{ strings.back_to_results }</a>
                { for match_nav }
            </div>
            <article>
                <h2>{ &article.title }</h2>
                <p class="meta">
                    { article.date.as_deref().unwrap_or(strings.unknown_date) }
                    if let Some(outlet) = &article.outlet { { " · " }{ outlet } }
                    if let Some(url) = &article.url {
                        { " · " }{ strings.source }{ " : " }
                        if mode.follows_links() {
                            <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ url }</a>
                        } else {
                            <span class="url">{ url }</span>
                        }
                    }
                </p>
                { for article.passages.iter().map(|passage| {
                    let permalink = at(passage.ordinal);
                    let node = if passage.focused { focused.clone() } else { NodeRef::default() };
                    html! {
                        <section
                            ref={node}
                            id={format!("p{}", passage.ordinal)}
                            class={classes!("passage", passage.focused.then_some("focused"), passage.who.is_some().then_some("spoken"))}
                        >
                            if let Some(who) = &passage.who {
                                <WhoLine who={who.clone()} route={props.route.clone()} />
                            }
                            <p class="text"><MarkedText marked={passage.text.clone()} /></p>
                            <a class="permalink" href={permalink} aria-label="permalink">{ "¶" }</a>
                        </section>
                    }
                }) }
            </article>
        </div>
    }
}
