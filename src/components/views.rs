//! The pages beside the result list: the concordance, a speaker's or a
//! country's page, and two speakers compared side by side.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{export::download, results::StatementCard, timeline::Timeline};
use crate::{
    engine::Engine,
    hooks::{page_url, HistoryMode, Navigate},
    present::{self, Profile, PAGE_SIZE},
    route::{ContextSide, Route, View},
    strings::UiLang,
};

#[derive(Properties, PartialEq)]
pub struct ConcordanceViewProps {
    pub route: Route,
    pub by: ContextSide,
}

/// Keyword in context: every match on its own line, the keyword aligned in
/// a column, sorted by the words to its left or right, with who said it,
/// for whom and when; on a phone the source goes under the line.
#[function_component(ConcordanceView)]
pub fn concordance_view(props: &ConcordanceViewProps) -> Html {
    let engine = use_context::<Engine>();
    let lang = props.route.lang;
    let strings = lang.strings();
    let lines = use_memo((props.route.clone(), props.by), move |(route, by)| {
        engine.map(|engine| present::concordance(&engine, route, *by)).unwrap_or_default()
    });
    if props.route.query.trim().is_empty() {
        return html! { <p class="empty">{ strings.concordance_needs_query }</p> };
    }
    let sorted_by = |by: ContextSide| props.route.in_view(View::Concordance { by }).to_hash();
    let on_csv = {
        let lines = lines.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download("hanoi-concordance.csv", "text/csv;charset=utf-8", &present::concordance_csv(&lines, &page_url(), lang));
        })
    };
    html! {
        <section class="concordance">
            <div class="results-bar">
                <p class="summary" role="status">{ present::concordance_count(&lines, lang) }</p>
                <nav class="tools" aria-label={strings.sort_label}>
                    <a class={classes!("small", (props.by == ContextSide::Left).then_some("active"))}
                       href={sorted_by(ContextSide::Left)}
                       aria-current={(props.by == ContextSide::Left).then_some("true")}>{ strings.sort_by_left }</a>
                    <a class={classes!("small", (props.by == ContextSide::Right).then_some("active"))}
                       href={sorted_by(ContextSide::Right)}
                       aria-current={(props.by == ContextSide::Right).then_some("true")}>{ strings.sort_by_right }</a>
                    if !lines.is_empty() {
                        <button type="button" class="small concordance-csv" onclick={on_csv} title={strings.concordance_csv}>
                            <span aria-hidden="true">{ "CSV" }</span>
                            <span class="visually-hidden">{ strings.concordance_csv }</span>
                        </button>
                    }
                </nav>
            </div>
            <table class="kwic">
                <thead>
                    <tr>
                        <th scope="col" class="head-left">{ strings.column_left }</th>
                        <th scope="col" class="head-keyword">{ strings.column_keyword }</th>
                        <th scope="col" class="head-right">{ strings.column_right }</th>
                        <th scope="col" class="head-speaker">{ strings.column_speaker }</th>
                        <th scope="col" class="head-country">{ strings.column_country }</th>
                        <th scope="col" class="head-date">{ strings.column_date }</th>
                    </tr>
                </thead>
                <tbody>
                    { for lines.iter().map(|line| {
                        let href = props.route.reading(line.reading.clone()).to_hash();
                        html! {
                            <tr>
                                <td class="left"><span>{ &line.left }</span></td>
                                <td class="keyword"><a href={href}><mark>{ &line.keyword }</mark></a></td>
                                <td class="right">{ &line.right }</td>
                                <td class="speaker">{ line.who.speaker_label.as_deref().unwrap_or("—") }</td>
                                <td class="country">
                                    if let (Some(code), Some(country)) = (&line.who.country_code, &line.who.country) {
                                        <abbr class="code" title={country.clone()}>{ code }</abbr>
                                        <span class="name">{ " " }{ country }</span>
                                    }
                                </td>
                                <td class="date">{ line.date.as_deref().unwrap_or(strings.unknown_date) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProfileViewProps {
    pub route: Route,
}

/// A speaker's or a country's page, from the route's view.
#[function_component(ProfileView)]
pub fn profile_view(props: &ProfileViewProps) -> Html {
    let engine = use_context::<Engine>();
    let strings = props.route.lang.strings();
    // A profile reads every statement of its speaker: only a new page or
    // language recomputes it, not each keystroke in the search box.
    let profile = use_memo((props.route.view.clone(), props.route.lang), move |(view, lang)| {
        let engine = engine?;
        let profile = match view {
            View::Speaker(name) => present::speaker_profile(&engine, name, "", *lang),
            View::Country(code) => present::country_profile(&engine, code, *lang),
            _ => None,
        };
        profile.map(Rc::new)
    });
    // Every hook before the return: a page not found may be followed by one found.
    let navigate = use_context::<Navigate>();
    // Shared with the column, not copied: a country's profile holds every statement.
    let Some(profile) = (*profile).clone() else {
        return html! { <p class="empty" role="alert">{ strings.not_found }</p> };
    };
    let compare = match &props.route.view {
        View::Speaker(name) => {
            let (route, first) = (props.route.clone(), name.clone());
            let on_pick = Callback::from(move |second: String| {
                if let Some(navigate) = &navigate {
                    navigate.emit((route.comparing(&first, &second), HistoryMode::Push));
                }
            });
            html! { <SpeakerPicker label={strings.compare_with} chosen={None::<String>} other={name.clone()} {on_pick} /> }
        }
        _ => html! {},
    };
    html! {
        <section class="profile">
            { compare }
            <ProfileColumn profile={profile} route={props.route.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SpeakerPickerProps {
    label: &'static str,
    /// The speaker shown, if any: with none, the picker offers "…".
    chosen: Option<String>,
    /// The speaker on the other side, not offered here.
    other: String,
    on_pick: Callback<String>,
}

/// A list of every speaker, to put one on a side of the comparison.
#[function_component(SpeakerPicker)]
fn speaker_picker(props: &SpeakerPickerProps) -> Html {
    let engine = use_context::<Engine>();
    let names = use_memo((), move |_| engine.map(|engine| present::speaker_names(engine.index())).unwrap_or_default());
    let on_pick = props.on_pick.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        let name = select.value();
        if !name.is_empty() {
            on_pick.emit(name);
        }
    });
    html! {
        <label class="compare-picker">
            { props.label }{ " " }
            <select {onchange}>
                if props.chosen.is_none() {
                    <option value="" selected=true>{ "…" }</option>
                }
                { for names.iter().filter(|name| **name != props.other).map(|name| html! {
                    <option value={name.clone()} selected={props.chosen.as_ref() == Some(name)}>{ name.clone() }</option>
                }) }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub route: Route,
    pub first: String,
    pub second: String,
}

/// Two speakers side by side, each side's speaker one pick away; the
/// search box's query narrows both columns.
#[function_component(CompareView)]
pub fn compare_view(props: &CompareViewProps) -> Html {
    let engine = use_context::<Engine>();
    let lang = props.route.lang;
    let strings = lang.strings();
    let query = props.route.query.trim().to_owned();
    let profiles = use_memo((props.first.clone(), props.second.clone(), query.clone(), lang), move |(first, second, query, lang)| {
        let profile = |name: &str| engine.as_ref().and_then(|engine| present::speaker_profile(engine, name, query, *lang)).map(Rc::new);
        (profile(first), profile(second))
    });
    let navigate = use_context::<Navigate>();
    let pick = |first_side: bool| {
        let (route, navigate, first, second) = (props.route.clone(), navigate.clone(), props.first.clone(), props.second.clone());
        Callback::from(move |name: String| {
            let next = if first_side { route.comparing(&name, &second) } else { route.comparing(&first, &name) };
            if let Some(navigate) = &navigate {
                navigate.emit((next, HistoryMode::Push));
            }
        })
    };
    let column = |name: &str, profile: &Option<Rc<Profile>>| match profile.clone() {
        Some(profile) => html! { <ProfileColumn profile={profile} route={props.route.clone()} /> },
        None => html! { <p class="empty">{ name.to_owned() }{ " — " }{ strings.not_found }</p> },
    };
    html! {
        <section class="compare" aria-label={strings.compare}>
            <p class="compare-scope">
                if query.is_empty() {
                    { strings.compare_hint }
                } else {
                    { strings.compare_narrowed }{ " " }{ strings.open_quote }<strong>{ query.clone() }</strong>{ strings.close_quote }
                }
            </p>
            <div class="compare-side">
                <SpeakerPicker label={strings.compare_first} chosen={Some(props.first.clone())} other={props.second.clone()} on_pick={pick(true)} />
                { column(&props.first, &profiles.0) }
            </div>
            <div class="compare-side">
                <SpeakerPicker label={strings.compare_second} chosen={Some(props.second.clone())} other={props.first.clone()} on_pick={pick(false)} />
                { column(&props.second, &profiles.1) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ProfileColumnProps {
    profile: Rc<Profile>,
    route: Route,
}

#[function_component(ProfileColumn)]
fn profile_column(props: &ProfileColumnProps) -> Html {
    let strings = props.route.lang.strings();
    let profile = &props.profile;
    // A country on a large corpus has thousands of statements: show them a
    // page at a time, starting over for each profile.
    let pages = use_state(|| (profile.heading.clone(), 1usize));
    let shown = PAGE_SIZE * if pages.0 == profile.heading { pages.1 } else { 1 };
    let on_more = {
        let (pages, heading) = (pages.clone(), profile.heading.clone());
        Callback::from(move |_: MouseEvent| pages.set((heading.clone(), shown / PAGE_SIZE + 1)))
    };
    // Cards and bars lead back to the result list, scoped to this speaker or country.
    let country = profile.who.country_code.as_deref().filter(|_| profile.who.speaker.is_none());
    let statement_route = Route::searching(&props.route.query, props.route.lang).scoped_to(profile.who.speaker.as_deref(), country);
    html! {
        <div class="profile-column">
            <header class="profile-head">
                <h2>{ &profile.heading }</h2>
                <p class="who">
                    if let Some(role) = &profile.who.role { <span class="role">{ role }</span> }
                    if let (Some(country), Some(code), true) = (&profile.who.country, &profile.who.country_code, profile.who.speaker.is_some()) {
                        if profile.who.role.is_some() { { " · " } }
                        <abbr class="code" title={country.clone()}>{ code }</abbr>{ " " }{ country }
                    }
                </p>
                <p class="count">{ UiLang::count(profile.statements.len(), strings.statement, strings.statements) }</p>
            </header>
            if !profile.distinctive.is_empty() {
                <div class="distinctive">
                    <h3>{ strings.distinctive_words }</h3>
                    <div class="chips">
                        { for profile.distinctive.iter().map(|word| {
                            let href = statement_route.with_query(word).to_hash();
                            html! { <a class="chip" href={href}>{ word }</a> }
                        }) }
                    </div>
                </div>
            }
            <Timeline bars={profile.timeline.clone()} label={strings.timeline} hint={strings.timeline_drag} route={statement_route.clone()} />
            if !profile.speakers.is_empty() {
                <h3>{ strings.speaks_for }</h3>
                <ul class="speaker-list">
                    { for profile.speakers.iter().map(|speaker| {
                        let href = Route::page(View::Speaker(speaker.key.clone()), props.route.lang).to_hash();
                        html! { <li><a href={href}>{ &speaker.label }</a>{ format!(" ({})", speaker.count) }</li> }
                    }) }
                </ul>
            }
            <ol class="cards">
                { for profile.statements.iter().take(shown).map(|card| html! {
                    <li><StatementCard card={card.clone()} route={statement_route.clone()} /></li>
                }) }
            </ol>
            if profile.statements.len() > shown {
                <button class="more" type="button" onclick={on_more}>
                    { format!("{} ({}/{})", strings.show_more, shown, profile.statements.len()) }
                </button>
            }
        </div>
    }
}
