//! The result list: a summary line, sort and export, and one card per
//! passage. A card's quote is a link to the passage's permalink, so opening
//! one is ordinary navigation: middle-click, copy link and back all work.
//! Arrow keys move between cards, as in a listbox.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use super::{
    export::{CiteMenu, ExportButtons},
    focus::focus_neighbour_card,
    marked::marked_text,
    overview::kind_line,
};
use crate::{
    hooks::use_painted_later,
    mode::Mode,
    present::{first_screen_cards, grouped, Card, Group, Marked, Outcome, Who},
    route::{Route, SortOrder, View},
    strings::UiLang,
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
    let mode = use_context::<Mode>().unwrap_or_default();
    let outcome = &props.outcome;
    // The articles whose other passages are unfolded, by file (a few, so a
    // list: a set type would cost the page 2.6 KB of code): kept here,
    // not in each group, so that a group keeps its state when it moves
    // between the first screen's list and the one below it.
    let unfolded = use_state(Vec::<String>::new);
    let on_toggle = {
        let unfolded = unfolded.clone();
        Callback::from(move |file: String| {
            let mut files = (*unfolded).clone();
            match files.iter().position(|unfolded| *unfolded == file) {
                Some(at) => {
                    files.swap_remove(at);
                }
                None => files.push(file),
            }
            unfolded.set(files);
        })
    };
    let group = |Group { key, cards }: Group, route: &Route| {
        let unfolded = unfolded.contains(&cards[0].reading.file);
        html! {
            <ArticleGroup {key} {unfolded} on_toggle={on_toggle.clone()} {cards} route={route.clone()} />
        }
    };

    let on_sort = {
        let (route, on_route) = (props.route.clone(), props.on_route.clone());
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let sort = SortOrder::from_key(&select.value()).unwrap_or_default();
            on_route.emit(route.sorted(sort));
        })
    };
    let on_keys = Callback::from(|event: KeyboardEvent| {
        let forward = match event.key().as_str() {
            "ArrowDown" => true,
            "ArrowUp" => false,
            _ => return,
        };
        event.prevent_default();
        focus_neighbour_card(event.target().and_then(|target| target.dyn_into().ok()), forward);
    });

    // The first screen's cards are drawn with the results; the others, out
    // of sight, right after that frame is painted (see `use_painted_later`):
    // meanwhile the previous ones stand there. A list that leaves none below
    // the screen drops them at once.
    let screen_height = web_sys::window().and_then(|window| window.inner_height().ok()).and_then(|height| height.as_f64());
    let mut groups = grouped(&outcome.cards, &props.route);
    let first_screen = first_screen_cards(screen_height.unwrap_or(0.0)).min(groups.len());
    let below = (groups.split_off(first_screen), props.route.clone());
    let painted_below = use_painted_later(|| (Vec::new(), props.route.clone()), below.clone());
    let below_shown = if below.0.is_empty() { below.clone() } else { painted_below };
    let drawing = below_shown != below;

    let noun = if outcome.total == 1 { strings.results_one } else { strings.results_many };
    // The corpus's size only when the list is the whole corpus, narration included.
    let summary = if props.route.query.trim().is_empty() && !props.route.has_filters() && !props.route.attributed_only() {
        format!("{} {}", props.passage_count, strings.passages_total)
    } else {
        format!("{} {}", outcome.total, noun)
    };
    let sort_label = |order: SortOrder| match order {
        SortOrder::Relevance => strings.sort_relevance,
        SortOrder::Newest => strings.sort_newest,
        SortOrder::Oldest => strings.sort_oldest,
    };

    html! {
        <section class="results" aria-labelledby="results-summary">
            <div class="results-bar">
                <p id="results-summary" class="summary" role="status" aria-live="polite">
                    { summary }
                    <span class="timing">{ timing(outcome.elapsed_ms) }</span>
                </p>
                <div class="tools">
                    <label class="sort">
                        <span class="visually-hidden">{ strings.sort_label }</span>
                        <select onchange={on_sort} aria-label={strings.sort_label}>
                            { for SortOrder::ALL.into_iter().map(|order| html! {
                                <option value={order.key()} selected={props.route.sort == order}>{ sort_label(order) }</option>
                            }) }
                        </select>
                    </label>
                    if mode.follows_links() && outcome.total > 0 {
                        <ExportButtons route={props.route.clone()} />
                    }
                </div>
            </div>
            { interpretation(outcome, &props.route) }
            if outcome.cards.is_empty() {
                { empty_state(outcome, &props.route) }
            } else {
                <ol class="cards" onkeydown={on_keys} aria-busy={drawing.then_some("true")}>
                    // Two keyed lists: for a frame, a group may stand in both.
                    <>{ for groups.into_iter().map(|found| group(found, &props.route)) }</>
                    <>{ for below_shown.0.into_iter().map(|found| group(found, &below_shown.1)) }</>
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
struct ArticleGroupProps {
    /// At least one: the article's best card first.
    cards: Vec<Card>,
    route: Route,
    /// Whether its other passages are shown.
    unfolded: bool,
    /// Folds or unfolds the article, given its file.
    on_toggle: Callback<String>,
}

/// An article's best card, and its other matching passages one click away.
#[function_component(ArticleGroup)]
fn article_group(props: &ArticleGroupProps) -> Html {
    let strings = props.route.lang.strings();
    let Some((best, others)) = props.cards.split_first() else { return Html::default() };
    let toggle = props.on_toggle.reform({
        let file = best.reading.file.clone();
        move |_: MouseEvent| file.clone()
    });
    let unfolded = props.unfolded;
    let label = if unfolded {
        strings.hide_other_passages.to_owned()
    } else {
        format!("{} {}", strings.see_also, UiLang::count(others.len(), strings.other_passage_one, strings.other_passages_many))
    };
    html! {
        <li class="group">
            <StatementCard card={best.clone()} route={props.route.clone()} />
            if !others.is_empty() {
                <button type="button" class="small siblings-toggle" aria-expanded={unfolded.to_string()} onclick={toggle}>{ label }</button>
                if unfolded {
                    <ol class="cards siblings">
                        { for others.iter().map(|card| html! {
                            <li><StatementCard card={card.clone()} route={props.route.clone()} /></li>
                        }) }
                    </ol>
                }
            }
        </li>
    }
}

/// One line saying what was searched beyond the words as typed (a typo
/// read as a word, equivalents, words dropped), with a link to the words
/// as typed; or, when they were, a link back.
fn interpretation(outcome: &Outcome, route: &Route) -> Html {
    let strings = route.lang.strings();
    let read = &outcome.interpretation;
    if route.as_typed {
        let href = route.as_typed(false).to_hash();
        return html! { <p class="interpretation">{ strings.searched_as_typed }{ " " }<a href={href}>{ strings.search_with_variants }</a></p> };
    }
    if read.corrected.is_empty() && read.equivalents.is_empty() && read.relaxed.is_none() {
        return Html::default();
    }
    // A few equivalents per word say enough; the gazetteer lists dozens for some bodies.
    let equivalents: Vec<String> = read.equivalents.iter().flat_map(|(_, others)| others.iter().take(3).cloned()).collect();
    let href = route.as_typed(true).to_hash();
    html! {
        <p class="interpretation">
            if !read.corrected.is_empty() {
                <span>{ strings.results_for }{ " " }<em>{ read.corrected.iter().map(|(_, word)| word.as_str()).collect::<Vec<_>>().join(" ") }</em>{ ". " }</span>
            }
            if !equivalents.is_empty() {
                <span>{ strings.also_searched }{ " " }<em>{ equivalents.join(", ") }</em>{ ". " }</span>
            }
            if let Some(complete) = read.relaxed {
                <span>{ if complete == 0 { strings.no_passage_has_all_words } else { strings.few_passages_have_all_words } }{ " " }</span>
            }
            <a class="as-typed" href={href}>{ strings.search_as_typed }{ " " }{ strings.open_quote }{ route.query.trim() }{ strings.close_quote }</a>
        </p>
    }
}

/// No card: a spelling to try, a way out of the filters, or back to every statement.
fn empty_state(outcome: &Outcome, route: &Route) -> Html {
    let strings = route.lang.strings();
    let suggestion = outcome.suggestion.clone().map(|suggestion| {
        let href = route.with_query(suggestion.as_str()).to_hash();
        html! { <p>{ strings.did_you_mean }{ " " }<a class="suggestion" href={href}>{ suggestion }</a>{ " ?" }</p> }
    });
    let relax = route.has_filters().then(|| {
        html! { <p><a class="relax" href={route.without_filters().to_hash()}>{ strings.relax_filters }</a></p> }
    });
    // With nothing better to offer, a way back to every statement.
    let clear = (suggestion.is_none() && !route.query.trim().is_empty()).then(|| {
        let href = route.with_query("").to_hash();
        html! { <p><a class="clear-query" href={href}>{ strings.clear_query }</a></p> }
    });
    html! {
        <div class="empty">
            <p>{ strings.no_results }</p>
            { for suggestion }
            { for clear }
            { for relax }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StatementCardProps {
    pub card: Card,
    pub route: Route,
}

#[function_component(StatementCard)]
pub fn statement_card(props: &StatementCardProps) -> Html {
    let card = &props.card;
    let lang = props.route.lang;
    let strings = lang.strings();
    // Kiosk visitors have no clipboard or files to take away.
    let mode = use_context::<Mode>().unwrap_or_default();
    let href = props.route.reading(card.reading.clone()).to_hash();
    html! {
        <article class="card" part="card">
            { who_line(&card.who, lang) }
            { kind_line(card.kind, lang) }
            if card.other_speakers > 0 {
                <p class="others">
                    { format!("+{}", UiLang::count(card.other_speakers, strings.other_speaker, strings.other_speakers)) }
                </p>
            }
            <a class="open" href={href.clone()} title={strings.open_statement}>
                <blockquote class="snippet">
                    if card.clipped_start { { "… " } }
                    { marked_text(&card.snippet) }
                    if card.clipped_end { { " …" } }
                </blockquote>
            </a>
            if card.article_matches > 1 {
                <a class="article-matches" href={href}>
                    { format!("{} {}", UiLang::count(card.article_matches, strings.results_one, strings.results_many), strings.in_this_article) }
                </a>
            }
            <div class="card-foot">
                <p class="meta">
                    <span class="title">
                        { marked_text(&card.title) }
                    </span>
                    if let Some(section) = &card.section {
                        <span class="section">{ " › " }{ section }</span>
                    }
                    <span class="date">{ " · " }{ card.date.as_deref().unwrap_or(strings.unknown_date) }</span>
                    if let Some(outlet) = &card.outlet {
                        <span class="outlet">{ " · " }{ outlet }</span>
                    }
                </p>
                if mode.follows_links() {
                    <CiteMenu card={card.clone()} {lang} />
                }
            </div>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct SkipToResultsProps {
    pub lang: UiLang,
}

/// Takes a keyboard reader from the search box to the first result, past
/// every filter (dozens of Tab presses); out of sight until focused.
#[function_component(SkipToResults)]
pub fn skip_to_results(props: &SkipToResultsProps) -> Html {
    let onclick = Callback::from(|event: MouseEvent| {
        focus_neighbour_card(event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()), true);
    });
    html! {
        <button class="skip-link" type="button" {onclick}>{ props.lang.strings().skip_to_results }</button>
    }
}

/// "Ghada Waly — Directrice exécutive · ONUDC", whichever parts are known,
/// the name and the country linking to their pages.
pub fn who_line(who: &Who, lang: UiLang) -> Html {
    if who.speaker.is_none() && who.country.is_none() {
        return html! {};
    }
    let page = |view: View| Route::page(view, lang).to_hash();
    let label = who.speaker_label.clone().or_else(|| who.speaker.clone()).unwrap_or_default();
    // An unnamed speaker's label is their role: it is not said twice.
    let role = who.role.as_ref().filter(|role| who.speaker.is_none() || !label.contains(role.as_str()));
    html! {
        <p class="who">
            if let Some(speaker) = &who.speaker {
                <a class="speaker" href={page(View::Speaker(speaker.clone()))}>
                    { marked_text(&Marked { text: label.clone(), highlights: who.speaker_highlights.clone() }) }
                </a>
            }
            if let Some(role) = role {
                <span class="role">{ " — " }{ role }</span>
            }
            if let (Some(country), Some(code)) = (&who.country, &who.country_code) {
                if who.speaker.is_none() || label != *country {
                    <span class="country">
                        { " · " }
                        <a href={page(View::Country(code.clone()))}>
                            <abbr class="code" title={country.clone()}>{ code }</abbr>{ " " }{ country }
                        </a>
                    </span>
                }
            }
        </p>
    }
}

/// " · 0.4 ms": tenths through integers, since formatting a float would
/// bring the whole float-printing machinery into the wasm for one label.
fn timing(elapsed_ms: f64) -> String {
    let tenths = (elapsed_ms.max(0.0) * 10.0).round() as u64;
    format!(" · {}.{} ms", tenths / 10, tenths % 10)
}
