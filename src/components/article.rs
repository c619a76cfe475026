//! The reading view: the whole article, each passage marked with its speaker,
//! the chosen passage highlighted and scrolled into view.

use std::rc::Rc;

use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use super::{marked::MarkedText, results::WhoLine};
use crate::{
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
    let focused = use_node_ref();
    let back = Route { reading: None, ..props.route.clone() }.to_hash();

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
            <main class="reading">
                <a class="back" href={back}>{ strings.back_to_results }</a>
                <p class="empty" role="alert">{ strings.article_missing }</p>
            </main>
        };
    };
    let file = props.route.reading.as_ref().map(|reading| reading.file.clone()).unwrap_or_default();

    html! {
        <main class="reading">
            <a class="back" href={back}>{ strings.back_to_results }</a>
            <article>
                <h2>{ &article.title }</h2>
                <p class="meta">
                    { article.date.as_deref().unwrap_or(strings.unknown_date) }
                    if let Some(outlet) = &article.outlet { { " · " }{ outlet } }
                    if let Some(url) = &article.url {
                        { " · " }{ strings.source }{ " : " }
                        <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ url }</a>
                    }
                </p>
                { for article.passages.iter().map(|passage| {
                    let permalink = Route {
                        reading: Some(Reading { file: file.clone(), passage: Some(passage.ordinal) }),
                        ..props.route.clone()
                    }.to_hash();
                    let node = if passage.focused { focused.clone() } else { NodeRef::default() };
                    html! {
                        <section
                            ref={node}
                            id={format!("p{}", passage.ordinal)}
                            class={classes!("passage", passage.focused.then_some("focused"), passage.who.is_some().then_some("spoken"))}
                        >
                            if let Some(who) = &passage.who {
                                <WhoLine who={who.clone()} />
                            }
                            <p><MarkedText marked={passage.text.clone()} /></p>
                            <a class="permalink" href={permalink} aria-label="permalink">{ "¶" }</a>
                        </section>
                    }
                }) }
            </article>
        </main>
    }
}
