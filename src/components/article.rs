//! The reading view: the whole article, each passage marked with its speaker,
//! the chosen passage highlighted and scrolled into view. In a kiosk the
//! source is text with a QR code beside it, and the back link stays on screen.

use std::rc::Rc;

use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use super::{
    marked::{evidence_text, EvidenceMark, EvidenceTitles},
    results::who_line,
};
use crate::{
    hooks::{use_keys_in_root, HistoryMode, Navigate},
    mode::Mode,
    present::{Article, ArticlePassage, Basis},
    qr,
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
    let root = use_node_ref();
    let back = props.route.closed().to_hash();
    // A kiosk offers the source to scan, since it cannot be followed.
    let kiosk_source = props.article.as_ref().and_then(|article| article.url.clone()).filter(|_| !mode.follows_links());
    let source_qr = use_memo(kiosk_source, |url| Some((url.clone()?, qr::svg_data_url(url.as_deref()?)?)));

    // Esc closes the article, as it would a dialog.
    {
        let navigate = use_context::<Navigate>();
        let results = props.route.closed();
        use_keys_in_root(root.clone(), results, move |results, event| {
            if let (true, Some(navigate)) = (event.key() == "Escape", &navigate) {
                navigate.emit((results.clone(), HistoryMode::Push));
            }
        });
    }

    {
        let focused = focused.clone();
        let embedded = mode == Mode::Embed;
        use_effect_with(props.route.reading.clone(), move |_| {
            if let Some(element) = focused.cast::<web_sys::Element>() {
                // Keyboard and screen-reader users land on the passage too,
                // not only the eye: after "¶ 3", Tab goes on from there.
                if let Some(html) = focused.cast::<web_sys::HtmlElement>() {
                    let _ = html.focus();
                }
                let options = ScrollIntoViewOptions::new();
                options.set_behavior(ScrollBehavior::Smooth);
                options.set_block(ScrollLogicalPosition::Center);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            } else if let Some(window) = web_sys::window().filter(|_| !embedded) {
                // The top of the article is the top of the page, unless the
                // page is someone else's.
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    }

    let Some(article) = &props.article else {
        return html! {
            <div class="reading" ref={root}>
                <a class="back" href={back}>{ strings.back_to_results }</a>
                <p class="empty" role="alert">{ strings.article_missing }</p>
            </div>
        };
    };
    let file = article.file.clone();
    let at = |ordinal: u32| {
        props.route.reading(Reading { file: file.clone(), passage: Some(ordinal) }).to_hash()
    };
    let nav = article.match_nav();
    let position = nav.position.map(|at| {
        strings.match_position.replace("{position}", &at.to_string()).replace("{total}", &nav.total.to_string())
    });
    let match_nav = (nav.previous.is_some() || nav.next.is_some()).then(|| html! {
        <nav class="match-nav" aria-label={strings.match_nav_label}>
            if let Some(previous) = nav.previous {
                <a class="small" href={at(previous)} rel="prev">{ strings.previous_match }</a>
            }
            if let Some(position) = &position {
                <span class="match-position">{ position }</span>
            }
            if let Some(next) = nav.next {
                <a class={classes!("small", nav.wraps.then_some("wraps"))} href={at(next)} rel="next">
                    { if nav.wraps { strings.match_wraps } else { strings.next_match } }
                </a>
            }
        </nav>
    });
    let titles = EvidenceTitles { cue: strings.evidence_cue, mention: strings.evidence_mention };

    html! {
        <div class="reading" ref={root}>
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
                if let Some((url, image)) = &*source_qr {
                    <figure class="source-qr">
                        <img src={image.clone()} alt={format!("{} : {url}", strings.source_qr)} />
                        <figcaption>{ strings.scan_source }</figcaption>
                    </figure>
                }
                { for article.passages.iter().map(|passage| {
                    let permalink = at(passage.ordinal);
                    let node = if passage.focused { focused.clone() } else { NodeRef::default() };
                    html! { <>
                        // A heading is the title of the passages under it, printed
                        // once above the first, as text like every corpus string.
                        if let Some(title) = &passage.opens_section {
                            <h3 class="section-title">{ title }</h3>
                        }
                        <section
                            ref={node}
                            tabindex={passage.focused.then_some("-1")}
                            id={format!("p{}", passage.ordinal)}
                            class={classes!("passage", passage.focused.then_some("focused"), passage.who.is_some().then_some("spoken"))}
                        >
                            if let Some(who) = &passage.who {
                                { who_line(who, props.route.lang) }
                            }
                            <p class="text">
                                { evidence_text(&passage.text, &evidence_marks(passage), &titles) }
                            </p>
                            { evidence_note(passage, &at, strings) }
                            <a class="permalink" href={permalink} aria-label="permalink">{ "¶" }</a>
                        </section>
                    </> }
                }) }
            </article>
        </div>
    }
}

/// The cue and mention of every attribution of a passage, to mark in its text.
fn evidence_marks(passage: &ArticlePassage) -> Vec<(std::ops::Range<usize>, EvidenceMark)> {
    passage
        .evidence
        .iter()
        .filter_map(|attribution| match &attribution.basis {
            Basis::Cue { cue, mention } => Some((cue, mention)),
            _ => None,
        })
        .flat_map(|(cue, mention)| {
            std::iter::once((cue.clone(), EvidenceMark::Cue)).chain(mention.clone().map(|m| (m, EvidenceMark::Mention)))
        })
        .collect()
}

/// Under a passage: whose words it continues, when it has no cue of its own,
/// and who else speaks in it, so that every attribution can be checked.
fn evidence_note(passage: &ArticlePassage, at: &impl Fn(u32) -> String, strings: &crate::strings::Strings) -> Html {
    let mut notes = Vec::new();
    for attribution in passage.evidence.iter().take(1) {
        if let Basis::Continues(ordinal) = attribution.basis {
            notes.push(html! {
                <span class="continues">
                    { strings.continues_words_of }{ " " }{ &attribution.speaker }{ " (" }
                    <a href={at(ordinal)}>{ format!("¶ {}", ordinal + 1) }</a>{ ")" }
                </span>
            });
        }
    }
    let others: Vec<&str> = passage.evidence.iter().skip(1).map(|a| a.speaker.as_str()).collect();
    if !others.is_empty() {
        notes.push(html! { <span class="also">{ strings.also_speaking }{ " " }{ others.join(", ") }</span> });
    }
    if notes.is_empty() {
        return html! {};
    }
    html! { <p class="evidence">{ for notes }</p> }
}
