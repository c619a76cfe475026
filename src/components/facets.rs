//! The filter panel: speakers, countries and sources with live counts, a
//! timeline and a date range,
//! and the active filters as removable chips.
//!
//! Counts come from the engine's disjunctive facets: each list counts as if
//! its own selection were cleared, so ticking one speaker never hides the
//! others from the list.

use std::rc::Rc;

use search::analysis::fold;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{
    present::{self, Bar, FacetEntry, Outcome},
    route::{toggle, Route},
};

/// Lists longer than this get a filter box.
const FILTERABLE: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub outcome: Rc<Outcome>,
    pub route: Route,
    pub on_route: Callback<Route>,
}

#[function_component(FacetPanel)]
pub fn facet_panel(props: &FacetPanelProps) -> Html {
    let strings = props.route.lang.strings();
    let route = &props.route;
    // On a phone the lists fold away behind a button so results come first.
    let unfolded = use_state(|| false);
    let on_fold = {
        let unfolded = unfolded.clone();
        Callback::from(move |_: MouseEvent| unfolded.set(!*unfolded))
    };
    let active = route.speakers.len() + route.countries.len() + route.sources.len()
        + usize::from(route.date_from.is_some()) + usize::from(route.date_to.is_some());

    let on_speaker = {
        let (route, on_route) = (route.clone(), props.on_route.clone());
        Callback::from(move |name: String| {
            on_route.emit(Route { speakers: toggle(&route.speakers, &name), ..route.clone() })
        })
    };
    let on_country = {
        let (route, on_route) = (route.clone(), props.on_route.clone());
        Callback::from(move |code: String| {
            on_route.emit(Route { countries: toggle(&route.countries, &code), ..route.clone() })
        })
    };
    let on_date = |is_start: bool| {
        let (route, on_route) = (route.clone(), props.on_route.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let value = Some(input.value()).filter(|value| !value.is_empty());
            let next = if is_start {
                Route { date_from: value, ..route.clone() }
            } else {
                Route { date_to: value, ..route.clone() }
            };
            on_route.emit(next);
        })
    };
    let on_source = {
        let (route, on_route) = (route.clone(), props.on_route.clone());
        Callback::from(move |name: String| {
            on_route.emit(Route { sources: toggle(&route.sources, &name), ..route.clone() })
        })
    };
    let cleared = route.without_filters();

    let chips = route
        .speakers
        .iter()
        .map(|name| (name.clone(), Route { speakers: toggle(&route.speakers, name), ..route.clone() }))
        .chain(route.countries.iter().map(|code| {
            let label = props
                .outcome
                .countries
                .iter()
                .find(|entry| entry.key == *code)
                .map_or_else(|| code.clone(), |entry| entry.label.clone());
            (label, Route { countries: toggle(&route.countries, code), ..route.clone() })
        }))
        .chain(route.sources.iter().map(|source| {
            (source.clone(), Route { sources: toggle(&route.sources, source), ..route.clone() })
        }))
        .chain(route.date_from.iter().map(|from| {
            (format!("≥ {}", present::date_filter_label(route.lang, from)), Route { date_from: None, ..route.clone() })
        }))
        .chain(route.date_to.iter().map(|to| {
            (format!("≤ {}", present::date_filter_label(route.lang, to)), Route { date_to: None, ..route.clone() })
        }));

    html! {
        <aside class="facets" part="facets" aria-label={strings.filters}>
            if route.has_filters() {
                <div class="chips">
                    { for chips.map(|(label, without)| html! {
                        <a class="chip" href={without.to_hash()} title={strings.remove_filter}>
                            { label }<span aria-hidden="true">{ "×" }</span>
                        </a>
                    }) }
                    <a class="chip clear" href={cleared.to_hash()}>{ strings.clear_all }</a>
                </div>
            }
            <button
                class="filters-toggle"
                type="button"
                aria-expanded={unfolded.to_string()}
                aria-controls="facet-lists"
                onclick={on_fold}
            >
                { strings.filters }
                if active > 0 { { format!(" ({active})") } }
                <span class="fold" aria-hidden="true">{ if *unfolded { "▴" } else { "▾" } }</span>
            </button>
            <div id="facet-lists" class={classes!("facet-lists", unfolded.then_some("unfolded"))}>
            <FacetList title={strings.speakers} filter_label={strings.filter_list} entries={props.outcome.speakers.clone()} on_toggle={on_speaker} />
            <FacetList title={strings.countries} filter_label={strings.filter_list} entries={props.outcome.countries.clone()} on_toggle={on_country} />
            <FacetList title={strings.sources} filter_label={strings.filter_list} entries={props.outcome.sources.clone()} on_toggle={on_source} />
            <fieldset class="facet dates">
                <legend>{ strings.dates }</legend>
                <Timeline
                    bars={props.outcome.timeline.clone()}
                    label={if route.date_from.is_some() && route.date_from == route.date_to { strings.timeline_days } else { strings.timeline }}
                    route={route.clone()}
                />
                <label>{ strings.date_from }
                    <input type="date" value={route.date_from.clone().unwrap_or_default()} onchange={on_date(true)} />
                </label>
                <label>{ strings.date_to }
                    <input type="date" value={route.date_to.clone().unwrap_or_default()} onchange={on_date(false)} />
                </label>
            </fieldset>
            </div>
        </aside>
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub bars: Vec<Bar>,
    pub label: &'static str,
    pub route: Route,
}

/// Statements over time as bars; a click narrows the date filter to that
/// month (then shows its days) or that day.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let highest = props.bars.iter().map(|bar| bar.count).max().unwrap_or(0).max(1);
    if props.bars.is_empty() {
        return html! {};
    }
    html! {
        <figure class="timeline">
            <figcaption>{ props.label }</figcaption>
            <ol class="bars">
                { for props.bars.iter().map(|bar| {
                    let narrowed = Route {
                        date_from: Some(bar.key.clone()),
                        date_to: Some(bar.key.clone()),
                        ..props.route.clone()
                    };
                    // Classes, not a style attribute: a host page's CSP may forbid inline styles.
                    let height = format!("h{}", bar.count * 10 / highest);
                    html! {
                        <li>
                            <a
                                class={classes!("bar", bar.selected.then_some("selected"))}
                                href={narrowed.to_hash()}
                                title={format!("{} : {}", bar.label, bar.count)}
                            >
                                <span class={classes!("fill", height)}></span>
                                <span class="visually-hidden">{ format!("{} : {}", bar.label, bar.count) }</span>
                                <span class="bar-label" aria-hidden="true">{ short_label(&bar.key) }</span>
                            </a>
                        </li>
                    }
                }) }
            </ol>
        </figure>
    }
}

/// "10/25" for a month, "24" for a day: enough under a narrow bar.
fn short_label(key: &str) -> String {
    let parts: Vec<&str> = key.split('-').collect();
    match parts.as_slice() {
        [year, month] => format!("{month}/{}", year.get(2..).unwrap_or(year)),
        [_, _, day] => (*day).to_owned(),
        _ => key.to_owned(),
    }
}

#[derive(Properties, PartialEq)]
struct FacetListProps {
    title: &'static str,
    filter_label: &'static str,
    entries: Vec<FacetEntry>,
    on_toggle: Callback<String>,
}

#[function_component(FacetList)]
fn facet_list(props: &FacetListProps) -> Html {
    let filter = use_state(String::new);
    if props.entries.is_empty() {
        return html! {};
    }
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            filter.set(input.value());
        })
    };
    // The engine's folding, so "viet" finds "Viêt Nam" as it would in a search.
    let needle = fold(&filter);
    let shown = props
        .entries
        .iter()
        .filter(|entry| entry.selected || needle.is_empty() || fold(&entry.label).contains(&needle));
    html! {
        <fieldset class="facet">
            <legend>{ props.title }</legend>
            if props.entries.len() > FILTERABLE {
                <input
                    class="facet-filter"
                    type="search"
                    placeholder={props.filter_label}
                    aria-label={format!("{} : {}", props.filter_label, props.title)}
                    value={(*filter).clone()}
                    oninput={on_filter}
                />
            }
            <ul>
                { for shown.map(|entry| {
                    let key = entry.key.clone();
                    let onchange = props.on_toggle.reform(move |_: Event| key.clone());
                    html! {
                        <li>
                            <label class={classes!("facet-entry", entry.selected.then_some("selected"))}>
                                <input type="checkbox" checked={entry.selected} {onchange} />
                                <span class="label">{ &entry.label }</span>
                                <span class="count">{ entry.count }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
