//! The filter panel: speakers, countries and sources with live counts, a
//! timeline and a date range, and the active filters as removable chips.
//!
//! Counts come from the engine's disjunctive facets: each list counts as if
//! its own selection were cleared, so ticking one speaker never hides the
//! others from the list. Nothing moves under the pointer: the chips sit in
//! a bar of fixed height, and a list keeps its order while the pointer or
//! the focus is in it.

use std::rc::Rc;

use search::{analysis::fold, Date};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::timeline::Timeline;
use crate::{
    hooks::use_painted_later,
    present::{self, FacetEntry, Outcome},
    route::Route,
    strings::UiLang,
};

/// Lists longer than this get a filter box, and show this many entries
/// (and the selected ones) until the reader asks for the rest.
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
    // The lists come a frame after the app's first screen: the search box
    // and the cards are what a reader looks at first, and the lists' first
    // drawing (some 150 elements and the code that builds them, compiled on
    // first use) held that screen back by about 60 ms. The panel keeps its
    // column meanwhile, so nothing beside it moves; on a phone the lists are
    // folded away anyway. After that they follow each search a frame after
    // its cards, as the cards below the first screen do.
    let painted = use_painted_later(|| None, Some(SameSearch(props.outcome.clone())));
    // Except a tick: the reader's own, it shows at once (a frame of the old
    // lists would untick the box they just ticked).
    let lists = painted.map(|SameSearch(painted)| {
        if same_ticks(&painted, &props.outcome) { painted } else { props.outcome.clone() }
    });
    let on_fold = {
        let unfolded = unfolded.clone();
        Callback::from(move |_: MouseEvent| unfolded.set(!*unfolded))
    };
    let active = route.speakers.len() + route.countries.len() + route.sources.len()
        + usize::from(route.date_from.is_some()) + usize::from(route.date_to.is_some());

    let on_speaker = {
        let (route, on_route) = (route.clone(), props.on_route.clone());
        Callback::from(move |name: String| {
            on_route.emit(route.toggling_speaker(&name))
        })
    };
    let on_country = {
        let (route, on_route) = (route.clone(), props.on_route.clone());
        Callback::from(move |code: String| {
            on_route.emit(route.toggling_country(&code))
        })
    };
    let on_date = |is_start: bool| {
        let (route, on_route) = (route.clone(), props.on_route.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            // An emptied field clears its bound; a browser sends only valid dates.
            let value = input.value().parse().ok();
            on_route.emit(if is_start { route.starting(value) } else { route.ending(value) });
        })
    };
    let on_source = {
        let (route, on_route) = (route.clone(), props.on_route.clone());
        Callback::from(move |name: String| {
            on_route.emit(route.toggling_source(&name))
        })
    };
    let cleared = route.without_filters();

    // A chip says what its entry says: a country's name for its code, "(inconnue)" for the unknown key.
    let label = |entries: &[FacetEntry], key: &String| {
        entries.iter().find(|entry| entry.key == *key).map_or_else(|| key.clone(), |entry| entry.label.clone())
    };
    let outcome = &props.outcome;
    let chips = route
        .speakers
        .iter()
        .map(|name| (label(&outcome.speakers, name), route.toggling_speaker(name)))
        .chain(route.countries.iter().map(|code| {
            (label(&outcome.countries, code), route.toggling_country(code))
        }))
        .chain(route.sources.iter().map(|source| {
            (label(&outcome.sources, source), route.toggling_source(source))
        }))
        .chain(date_chips(route));

    html! {
        <aside class="facets" part="facets" aria-label={strings.filters}>
            // Always there, one line high: a first chip never pushes the lists down.
            <div class="chips" role="group" aria-label={strings.active_filters}>
                if route.has_filters() {
                    <a class="chip clear" href={cleared.to_hash()}>{ strings.clear_all }</a>
                    { for chips.map(|(label, without)| html! {
                        <a class="chip" href={without.to_hash()} title={strings.remove_filter}>
                            { label }<span aria-hidden="true">{ "×" }</span>
                        </a>
                    }) }
                } else {
                    <span class="no-filters">{ strings.no_filters }</span>
                }
            </div>
            <button
                class="filters-toggle"
                type="button"
                aria-expanded={unfolded.to_string()}
                aria-controls="facet-lists"
                onclick={on_fold.clone()}
            >
                { strings.filters }
                if active > 0 { { format!(" ({active})") } }
                <span class="fold" aria-hidden="true">{ if *unfolded { "▴" } else { "▾" } }</span>
            </button>
            <div id="facet-lists" class={classes!("facet-lists", unfolded.then_some("unfolded"))}>
            if let Some(lists) = lists {
                <FacetList title={strings.speakers} entries={lists.speakers.clone()} on_toggle={on_speaker} lang={route.lang} />
                <FacetList title={strings.countries} entries={lists.countries.clone()} on_toggle={on_country} lang={route.lang} />
                <FacetList title={strings.sources} entries={lists.sources.clone()} on_toggle={on_source} lang={route.lang} />
                <fieldset class="facet dates">
                    <legend>{ strings.dates }</legend>
                    <Timeline
                        bars={props.outcome.timeline.clone()}
                        label={if route.date_from.is_some() && route.date_from == route.date_to { strings.timeline_days } else { strings.timeline }}
                        hint={strings.timeline_drag}
                        route={route.clone()}
                    />
                    <label>{ strings.date_from }
                        <input type={date_input_type(route.date_from)} value={route.date_from.map(|date| date.to_string()).unwrap_or_default()} onchange={on_date(true)} />
                    </label>
                    <label>{ strings.date_to }
                        <input type={date_input_type(route.date_to)} value={route.date_to.map(|date| date.to_string()).unwrap_or_default()} onchange={on_date(false)} />
                    </label>
                </fieldset>
                // On a phone the open panel covers the results: this closes it,
                // saying how many results wait under it.
                <button class="small show-results" type="button" onclick={on_fold.clone()}>
                    { format!("{} {}", strings.show_results, UiLang::count(lists.total, strings.results_one, strings.results_many)) }
                </button>
            }
            </div>
        </aside>
    }
}

/// The search whose counts the lists show, a frame behind its cards. The
/// app keeps one outcome per search (a memo), so the same search is the
/// same `Rc`: compared by identity, not entry by entry at every render.
#[derive(Clone)]
struct SameSearch(Rc<Outcome>);

impl PartialEq for SameSearch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Whether two searches tick the same entries in each list.
fn same_ticks(one: &Outcome, other: &Outcome) -> bool {
    fn ticked(entries: &[FacetEntry]) -> impl Iterator<Item = &String> {
        entries.iter().filter(|entry| entry.selected).map(|entry| &entry.key)
    }
    [(&one.speakers, &other.speakers), (&one.countries, &other.countries), (&one.sources, &other.sources)]
        .into_iter()
        .all(|(one, other)| ticked(one).eq(ticked(other)))
}

/// The date filters as chips: one for a single month or day (the
/// timeline's click), else one per bound.
fn date_chips(route: &Route) -> Vec<(String, Route)> {
    let label = |date: &Date| present::date_label(route.lang, *date);
    match (&route.date_from, &route.date_to) {
        (Some(from), Some(to)) if from == to => vec![(label(from), route.between(None, None))],
        (from, to) => from
            .iter()
            .map(|from| (format!("≥ {}", label(from)), route.starting(None)))
            .chain(to.iter().map(|to| (format!("≤ {}", label(to)), route.ending(None))))
            .collect(),
    }
}

/// A month filter (`2025-10`) shows in a month field; a day or nothing in a
/// date field, where the reader can pick a day.
fn date_input_type(value: Option<Date>) -> &'static str {
    if value.is_some_and(|date| date.month.is_some() && date.day.is_none()) {
        "month"
    } else {
        "date"
    }
}

#[derive(Properties, PartialEq)]
struct FacetListProps {
    title: &'static str,
    entries: Vec<FacetEntry>,
    on_toggle: Callback<String>,
    lang: UiLang,
}

#[function_component(FacetList)]
fn facet_list(props: &FacetListProps) -> Html {
    let strings = props.lang.strings();
    let filter = use_state(String::new);
    let expanded = use_state(|| false);
    // The order the entries had when the pointer or the focus came in: kept
    // until it leaves, so a tick never moves the row the next click aims at.
    let frozen = use_state(|| None::<Vec<String>>);
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
    let freeze = {
        let (frozen, keys) = (frozen.clone(), props.entries.iter().map(|entry| entry.key.clone()).collect::<Vec<_>>());
        move || {
            if frozen.is_none() {
                frozen.set(Some(keys.clone()));
            }
        }
    };
    let onpointerenter = {
        let freeze = freeze.clone();
        Callback::from(move |_: PointerEvent| freeze())
    };
    let onfocusin = Callback::from(move |_: FocusEvent| freeze());
    let onpointerleave = {
        let frozen = frozen.clone();
        Callback::from(move |_: PointerEvent| frozen.set(None))
    };
    let onfocusout = {
        let frozen = frozen.clone();
        Callback::from(move |event: FocusEvent| {
            // Focus moving to another row of the same list keeps the order.
            let inside = event.related_target().and_then(|target| target.dyn_into::<web_sys::Node>().ok()).zip(event.current_target().and_then(|target| target.dyn_into::<web_sys::Node>().ok())).is_some_and(|(next, list)| list.contains(Some(&next)));
            if !inside {
                frozen.set(None);
            }
        })
    };
    let mut entries: Vec<&FacetEntry> = props.entries.iter().collect();
    if let Some(order) = &*frozen {
        let rank = |entry: &FacetEntry| order.iter().position(|key| *key == entry.key).unwrap_or(order.len());
        search::order::sort_by_key(&mut entries, |entry| search::order::numbers([rank(entry) as u32]));
    }
    // The engine's folding, so "viet" finds "Viêt Nam" as it would in a search.
    let needle = fold(&filter);
    let matching: Vec<&FacetEntry> =
        entries.into_iter().filter(|entry| entry.selected || needle.is_empty() || fold(&entry.label).contains(&needle)).collect();
    let long = props.entries.len() > FILTERABLE;
    let folded = long && !*expanded && needle.is_empty();
    let hidden = if folded { matching.iter().skip(FILTERABLE).filter(|entry| !entry.selected).count() } else { 0 };
    let shown = matching.iter().enumerate().filter(|(at, entry)| !folded || *at < FILTERABLE || entry.selected).map(|(_, entry)| *entry);
    let on_expand = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    html! {
        <fieldset class="facet" {onpointerenter} {onpointerleave} {onfocusin} {onfocusout}>
            <legend>{ props.title }</legend>
            if long {
                <input
                    class="facet-filter"
                    type="search"
                    placeholder={strings.filter_list}
                    aria-label={format!("{} : {}", strings.filter_list, props.title)}
                    value={(*filter).clone()}
                    oninput={on_filter}
                />
            }
            <ul>
                { for shown.map(|entry| {
                    let key = entry.key.clone();
                    let onchange = props.on_toggle.reform(move |_: Event| key.clone());
                    html! {
                        <li key={entry.key.clone()}>
                            <label class={classes!("facet-entry", entry.selected.then_some("selected"))}>
                                <input type="checkbox" checked={entry.selected} {onchange} />
                                <span class="label">{ &entry.label }</span>
                                <span class="count">{ entry.count }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if hidden > 0 || (long && *expanded && needle.is_empty()) {
                <button type="button" class="small more" aria-expanded={expanded.to_string()} onclick={on_expand}>
                    { if *expanded { strings.facet_fewer.to_owned() } else { strings.facet_more.replace("{}", &hidden.to_string()) } }
                </button>
            }
        </fieldset>
    }
}
