//! A search as the result list shows it: the cards of a page, the facet
//! lists with their counts, and the timeline's bars.

use super::*;

/// The key of each list's "unknown" entry (`speaker=-`, `country=-`,
/// `source=-`): the passages without a speaker, a country or an outlet. No
/// name, code or outlet is a lone dash, so it cannot shadow one.
pub const UNKNOWN_KEY: &str = "-";

#[derive(Clone, Debug, PartialEq)]
pub struct FacetEntry {
    /// What goes in the URL: a speaker's name, a country's code, an outlet,
    /// or [`UNKNOWN_KEY`].
    pub key: String,
    pub label: String,
    pub count: u32,
    pub selected: bool,
}

impl FacetEntry {
    /// A speaker's entry: keyed by the name, which links and filters use in
    /// either language, and labelled as the interface's language shows it.
    pub fn speaker(view: &search::SpeakerView<'_>, count: u32, selected: bool, lang: UiLang) -> FacetEntry {
        FacetEntry { key: view.name.to_owned(), label: view.label(lang == UiLang::En).to_owned(), count, selected }
    }
}

/// One bar of the timeline: a month, or a day once the range is one month.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// `2025-10` or `2025-10-24`: what a click puts in the date filter.
    pub key: String,
    pub label: String,
    pub count: u32,
    pub selected: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub total: usize,
    pub cards: Vec<Card>,
    pub speakers: Vec<FacetEntry>,
    pub countries: Vec<FacetEntry>,
    pub sources: Vec<FacetEntry>,
    pub timeline: Vec<Bar>,
    pub suggestion: Option<String>,
    /// What was searched beyond the words as typed.
    pub interpretation: search::Interpretation,
    pub elapsed_ms: f64,
}

pub fn search(searcher: &Searcher<'_>, route: &Route, limit: usize, now_ms: impl Fn() -> f64) -> Outcome {
    let index = searcher.index();
    let started = now_ms();
    let results = searcher.search(&request(index, route, limit));
    let elapsed_ms = now_ms() - started;

    let cards = results.hits.iter().filter_map(|hit| card(index, hit.passage, Some(hit), route.lang)).collect();
    let strings = route.lang.strings();
    let unknown = &results.facets.unknown;
    let speakers = results
        .facets
        .speakers
        .iter()
        .filter_map(|&(id, count)| {
            let view = index.speaker(id)?;
            let selected = route.speakers.iter().any(|chosen| chosen == view.name);
            Some(FacetEntry::speaker(&view, count, selected, route.lang))
        })
        .chain(unknown_entry(&route.speakers, strings.unknown_speaker, unknown.speaker))
        .collect();
    let countries = results
        .facets
        .countries
        .iter()
        .filter_map(|&(id, count)| {
            let (code, name) = country_names(index, id, route.lang)?;
            Some(FacetEntry { selected: route.countries.contains(&code), key: code, label: name, count })
        })
        .chain(unknown_entry(&route.countries, strings.unknown_country, unknown.country))
        .collect();
    let timeline = timeline(route, &results.facets.months, &results.facets.days);

    let sources = results
        .facets
        .outlets
        .iter()
        .map(|(name, count)| FacetEntry {
            selected: route.sources.contains(name),
            key: name.clone(),
            label: name.clone(),
            count: *count,
        })
        .chain(unknown_entry(&route.sources, strings.unknown_source, unknown.outlet))
        .collect();
    Outcome {
        total: results.total,
        cards,
        speakers,
        countries,
        sources,
        timeline,
        suggestion: results.suggestion,
        interpretation: results.interpretation,
        elapsed_ms,
    }
}

/// Letters a rehearsal's word keeps at least, so that its search takes the
/// typo path too (the engine allows an edit from four letters of a prefix).
const REHEARSAL_MIN_LETTERS: usize = 4;

/// A query as a reader types one, made from what the first screen shows:
/// the longest word of its first card, its last letter not yet typed, so it
/// is a prefix that also takes the typo path. `None` when the first screen
/// shows no card with a word long enough.
///
/// Searched once, unseen, while the reader looks at the first screen, it
/// prepares what their first keystroke would otherwise pay for: V8 compiles
/// each wasm function at its first call (about 180 of them, 5 to 10 ms on
/// the first search typed), and the engine builds its per-passage tables at
/// its first search.
pub fn rehearsal_query(outcome: &Outcome) -> Option<String> {
    let text = &outcome.cards.first()?.text;
    let longest = text.split(|c: char| !c.is_alphanumeric()).max_by_key(|word| word.chars().count())?;
    let mut typed = longest.chars();
    typed.next_back();
    (typed.clone().count() >= REHEARSAL_MIN_LETTERS).then(|| typed.as_str().to_owned())
}

/// Cards shown together, under a key unique in their list (yew's keyed
/// lists need that: a debug build stops on a repeated key, and a release
/// build may lose track of an element).
#[derive(Clone, PartialEq)]
pub struct Group {
    pub key: String,
    /// At least one.
    pub cards: Vec<Card>,
}

/// A search's cards by article, keyed by the article's file; the first
/// screen's latest statements one by one, since grouping them would show one
/// article's worth, each keyed by its own passage (many share an article).
pub fn grouped(cards: &[Card], route: &Route) -> Vec<Group> {
    if route.query.trim().is_empty() {
        cards
            .iter()
            .map(|card| {
                let key = format!("{}#{}", card.reading.file, card.reading.passage.unwrap_or_default());
                Group { key, cards: vec![card.clone()] }
            })
            .collect()
    } else {
        by_article(cards)
    }
}

/// The cards of each article together, in the rank of each article's best
/// card: an article is listed once, as Pagefind lists a page once.
fn by_article(cards: &[Card]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for card in cards {
        match groups.iter_mut().find(|group| group.key == card.reading.file) {
            Some(group) => group.cards.push(card.clone()),
            None => groups.push(Group { key: card.reading.file.clone(), cards: vec![card.clone()] }),
        }
    }
    groups
}

/// A list's last entry, for the passages lacking its value: there when some
/// do, or when it is ticked (so it can be unticked).
fn unknown_entry(chosen: &[String], label: &str, count: u32) -> Option<FacetEntry> {
    let selected = chosen.iter().any(|key| key == UNKNOWN_KEY);
    (count > 0 || selected).then(|| FacetEntry { key: UNKNOWN_KEY.to_owned(), label: label.to_owned(), count, selected })
}

/// Every result of the current search, for exports.
pub fn all_results(searcher: &Searcher<'_>, route: &Route) -> Vec<Card> {
    let index = searcher.index();
    let ranked = searcher.ranked(&request(index, route, index.passage_count()));
    ranked.into_iter().filter_map(|id| card(index, id, None, route.lang)).collect()
}

/// Months, or the days of the month when the date filter is one month.
pub(super) fn timeline(route: &Route, months: &[(Date, u32)], days: &[(Date, u32)]) -> Vec<Bar> {
    // The month both bounds fall in, when they fall in one.
    let one_month = match (route.date_from, route.date_to) {
        (Some(from), Some(to)) if from.month.is_some() && (from.year, from.month) == (to.year, to.month) => Some((from.year, from.month)),
        _ => None,
    };
    // Date facets ignore the date filter itself (disjunctive), so keep the chosen month's days.
    let bars: Vec<(Date, u32)> = match one_month {
        Some(month) => days.iter().filter(|(date, _)| (date.year, date.month) == month).copied().collect(),
        None => months.to_vec(),
    };
    let selected = |date: Date| route.date_from == Some(date) && route.date_to == Some(date);
    bars.into_iter()
        .map(|(date, count)| {
            let key = date.to_string();
            Bar {
                selected: selected(date),
                label: date_label(route.lang, date),
                key,
                count,
            }
        })
        .collect()
}
