//! The first screen is about statements: a line on what the corpus holds,
//! the switch that keeps the list to attributed statements (narration
//! stays one click away), and each card's kind of statement.

use yew::prelude::*;

use crate::{
    engine::Engine,
    present::{self, CorpusSummary},
    route::Route,
    strings::UiLang,
};

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub route: Route,
    pub on_route: Callback<Route>,
}

/// Above the result list: with no query, what the corpus holds; always,
/// the attributed-statements switch.
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let engine = use_context::<Engine>();
    let lang = props.route.lang;
    let strings = lang.strings();
    // Once per language: the counts do not change while the page lives.
    let summary = use_memo(lang, move |&lang| engine.map(|engine| present::corpus_summary(&engine, lang)).unwrap_or_default());
    let attributed = props.route.attributed_only();
    let onchange = {
        let (route, on_route) = (props.route.clone(), props.on_route.clone());
        Callback::from(move |_: Event| on_route.emit(route.with_attributed_only(!attributed)))
    };
    let first_screen = props.route.query.trim().is_empty() && !props.route.has_filters();
    html! {
        <div class="overview">
            if first_screen && *summary != CorpusSummary::default() {
                <p class="corpus-line">{ summary.line(lang) }</p>
            }
            <label class="attributed-switch">
                <input type="checkbox" role="switch" checked={attributed} {onchange} />
                { strings.attributed_only }
            </label>
        </div>
    }
}

/// "Citation directe", "Paraphrase": how the card's words are given, from
/// the corpus's attribution, so a paraphrase is never read as a quotation.
/// Nothing for narration (`None`).
pub fn kind_line(kind: Option<search::StatementKind>, lang: UiLang) -> Html {
    let Some(kind) = kind else { return Html::default() };
    let strings = lang.strings();
    html! {
        <p class={classes!("kind", format!("kind-{}", kind_class(kind)))}>
            <span class="visually-hidden">{ strings.kind_label }</span>
            { present::kind_label(kind, lang) }
        </p>
    }
}

fn kind_class(kind: search::StatementKind) -> &'static str {
    match kind {
        search::StatementKind::Direct => "direct",
        search::StatementKind::Indirect => "indirect",
        search::StatementKind::Mixed => "mixed",
    }
}
