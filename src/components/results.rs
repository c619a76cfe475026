//! The result list: a summary line, the sort order, and one card per passage.
//! Cards are links to the passage's permalink, so opening one is ordinary
//! navigation: middle-click, copy link and the back button all work.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::marked::MarkedText;
use crate::{
    present::{Card, Outcome, Who},
    route::{Route, SortOrder},
    strings::Strings,
};

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub outcome: Rc<Outcome>,
    pub route: Route,
    pub passage_count: usize,
    pub on_route: Callback<Route>,
    pub on_more: Callback<()>,
}

#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let strings = props.route.lang.strings();
    let outcome = &props.outcome;

    let on_sort = {
        let (route, on_route) = (props.route.clone(), props.on_route.clone());
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let sort = match select.value().as_str() {
                "newest" => SortOrder::Newest,
                "oldest" => SortOrder::Oldest,
                _ => SortOrder::Relevance,
            };
            on_route.emit(Route { sort, ..route.clone() });
        })
    };

    let noun = if outcome.total == 1 { strings.results_one } else { strings.results_many };
    let summary = if props.route.query.trim().is_empty() && !props.route.has_filters() {
        format!("{} {}", props.passage_count, strings.passages_total)
    } else {
        format!("{} {}", outcome.total, noun)
    };
    let sort_value = match props.route.sort {
        SortOrder::Relevance => "relevance",
        SortOrder::Newest => "newest",
        SortOrder::Oldest => "oldest",
    };

    html! {
        <section class="results" aria-labelledby="results-summary">
            <div class="results-bar">
                <p id="results-summary" class="summary" role="status" aria-live="polite">
                    { summary }
                    <span class="timing">{ format!(" · {:.1} ms", outcome.elapsed_ms) }</span>
                </p>
                <label class="sort">
                    { strings.sort_label }{ " " }
                    <select onchange={on_sort} value={sort_value}>
                        <option value="relevance" selected={sort_value == "relevance"}>{ strings.sort_relevance }</option>
                        <option value="newest" selected={sort_value == "newest"}>{ strings.sort_newest }</option>
                        <option value="oldest" selected={sort_value == "oldest"}>{ strings.sort_oldest }</option>
                    </select>
                </label>
            </div>
            if outcome.cards.is_empty() {
                <EmptyState outcome={props.outcome.clone()} route={props.route.clone()} on_route={props.on_route.clone()} />
            } else {
                <ol class="cards">
                    { for outcome.cards.iter().map(|card| html! {
                        <li><ResultCard card={card.clone()} route={props.route.clone()} /></li>
                    }) }
                </ol>
                if outcome.cards.len() < outcome.total {
                    <button class="more" type="button" onclick={props.on_more.reform(|_| ())}>
                        { format!("{} ({}/{})", strings.show_more, outcome.cards.len(), outcome.total) }
                    </button>
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EmptyStateProps {
    outcome: Rc<Outcome>,
    route: Route,
    on_route: Callback<Route>,
}

#[function_component(EmptyState)]
fn empty_state(props: &EmptyStateProps) -> Html {
    let strings = props.route.lang.strings();
    let suggestion = props.outcome.suggestion.clone().map(|suggestion| {
        let href = Route { query: suggestion.clone(), ..props.route.clone() }.to_hash();
        html! { <p>{ strings.did_you_mean }{ " " }<a href={href}>{ suggestion }</a>{ " ?" }</p> }
    });
    let relax = props.route.has_filters().then(|| {
        let route = Route {
            speakers: Vec::new(),
            countries: Vec::new(),
            date_from: None,
            date_to: None,
            ..props.route.clone()
        };
        html! { <p><a href={route.to_hash()}>{ strings.relax_filters }</a></p> }
    });
    html! {
        <div class="empty">
            <p>{ strings.no_results }</p>
            { for suggestion }
            { for relax }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResultCardProps {
    card: Card,
    route: Route,
}

#[function_component(ResultCard)]
fn result_card(props: &ResultCardProps) -> Html {
    let card = &props.card;
    let strings = props.route.lang.strings();
    let href = Route { reading: Some(card.reading.clone()), ..props.route.clone() }.to_hash();
    html! {
        <a class="card" href={href}>
            <WhoLine who={card.who.clone()} />
            <blockquote class="snippet">
                if card.clipped_start { { "… " } }
                <MarkedText marked={card.snippet.clone()} />
                if card.clipped_end { { " …" } }
            </blockquote>
            <p class="meta">
                <span class="title">{ &card.title }</span>
                { meta_tail(strings, card.date.as_deref(), card.outlet.as_deref()) }
            </p>
        </a>
    }
}

fn meta_tail(strings: &Strings, date: Option<&str>, outlet: Option<&str>) -> Html {
    html! {
        <>
            <span class="date">{ " · " }{ date.unwrap_or(strings.unknown_date) }</span>
            if let Some(outlet) = outlet {
                <span class="outlet">{ " · " }{ outlet }</span>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct WhoLineProps {
    pub who: Who,
}

/// "Ghada Waly — Directrice exécutive · ONUDC", whichever parts are known.
#[function_component(WhoLine)]
pub fn who_line(props: &WhoLineProps) -> Html {
    let who = &props.who;
    if who.speaker.is_none() && who.country.is_none() {
        return html! {};
    }
    html! {
        <p class="who">
            if let Some(speaker) = &who.speaker {
                <strong class="speaker">{ speaker }</strong>
            }
            if let Some(role) = who.role.as_ref().filter(|role| who.speaker.as_ref().is_none_or(|name| !name.contains(role.as_str()))) {
                <span class="role">{ " — " }{ role }</span>
            }
            if let Some(country) = &who.country {
                <span class="country">
                    { " · " }
                    if let Some(code) = &who.country_code {
                        <abbr class="code" title={country.clone()}>{ code }</abbr>{ " " }
                    }
                    { country }
                </span>
            }
        </p>
    }
}
