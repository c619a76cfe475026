//! The filter panel: speakers and countries with live counts, a date range,
//! and the active filters as removable chips.
//!
//! Counts come from the engine's disjunctive facets: each list counts as if
//! its own selection were cleared, so ticking one speaker never hides the
//! others from the list.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{
    present::{FacetEntry, Outcome},
    route::{toggle, Route},
};

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
    let active = route.speakers.len() + route.countries.len()
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
    let cleared = Route { speakers: Vec::new(), countries: Vec::new(), date_from: None, date_to: None, ..route.clone() };

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
        .chain(route.date_from.iter().map(|from| {
            (format!("≥ {from}"), Route { date_from: None, ..route.clone() })
        }))
        .chain(route.date_to.iter().map(|to| (format!("≤ {to}"), Route { date_to: None, ..route.clone() })));

    html! {
        <aside class="facets" aria-label={strings.filters}>
            if route.has_filters() {
                <div class="chips">
                    { for chips.map(|(label, without)| html! {
                        <a class="chip" href={without.to_hash()} title={strings.remove_filter}>
                            { label }<span aria-hidden="true">{ " ×" }</span>
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
                <span aria-hidden="true">{ if *unfolded { " ▴" } else { " ▾" } }</span>
            </button>
            <div id="facet-lists" class={classes!("facet-lists", unfolded.then_some("unfolded"))}>
            <FacetList title={strings.speakers} entries={props.outcome.speakers.clone()} on_toggle={on_speaker} />
            <FacetList title={strings.countries} entries={props.outcome.countries.clone()} on_toggle={on_country} />
            <fieldset class="facet dates">
                <legend>{ strings.dates }</legend>
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
struct FacetListProps {
    title: &'static str,
    entries: Vec<FacetEntry>,
    on_toggle: Callback<String>,
}

#[function_component(FacetList)]
fn facet_list(props: &FacetListProps) -> Html {
    if props.entries.is_empty() {
        return html! {};
    }
    html! {
        <fieldset class="facet">
            <legend>{ props.title }</legend>
            <ul>
                { for props.entries.iter().map(|entry| {
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
