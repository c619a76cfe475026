//! Turns engine answers into plain display data: ids resolved to names, dates
//! formatted for the chosen language, permalinks keyed by stable names.
//!
//! Components receive these values as props and only render them; none of
//! them looks anything up in the index or parses text. Everything here is
//! pure, so it is tested natively. One module per view model; this one holds
//! what they share: names, dates and the request a route asks for.

use std::ops::Range;

use search::{
    quoted_spans, CountryId, Date, Evidence, Filters, Index, PassageId, PerFacet, SearchRequest, Searcher, Sort, SpeakerId,
    StatementKind,
};

use crate::{
    route::{ContextSide, Reading, Route, SortOrder},
    strings::{format_date, UiLang},
};

mod article;
mod card;
mod concordance;
mod export;
mod overview;
mod profile;
mod results;
#[cfg(test)]
mod export_tests;
#[cfg(test)]
mod tests;

pub use self::{article::*, card::*, concordance::*, export::*, overview::*, profile::*, results::*};

/// Results shown before the reader asks for more.
pub const PAGE_SIZE: usize = 20;

/// Cards drawn in the frame that shows a search's results, the app's first
/// included (an article's best card each, its others folded under it): a
/// screen's worth, from `screen_height` in CSS pixels, at the height of the
/// shortest card, and six at least; the rest follow once that frame is
/// painted.
pub fn first_screen_cards(screen_height: f64) -> usize {
    const SHORTEST_CARD_PX: f64 = 150.0;
    const AT_LEAST: usize = 6;
    let fitting = if screen_height.is_finite() && screen_height > 0.0 {
        (screen_height / SHORTEST_CARD_PX).ceil().min(PAGE_SIZE as f64) as usize
    } else {
        0
    };
    AT_LEAST.max(fitting)
}

/// Text with the byte ranges to mark, all on char boundaries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marked {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Who {
    /// The speaker's name, as filters and permalinks name them.
    pub speaker: Option<String>,
    /// The speaker as shown: the name, or in English an unnamed speaker's
    /// English label ("Deputy Prime Minister (Poland)").
    pub speaker_label: Option<String>,
    /// Byte ranges of `speaker_label` matching the query, on result cards.
    pub speaker_highlights: Vec<Range<usize>>,
    pub role: Option<String>,
    pub country: Option<String>,
    pub country_code: Option<String>,
}

pub(super) fn document_by_file<'a>(index: &Index<'a>, file: &str) -> Option<search::DocumentView<'a>> {
    (0..index.document_count() as u32)
        .filter_map(|id| index.document(search::DocId(id)))
        .find(|document| document.file == file)
}

pub(super) fn request(index: &Index<'_>, route: &Route, limit: usize) -> SearchRequest {
    SearchRequest {
        query: route.query.clone(),
        filters: filters(index, route),
        sort: match route.sort {
            SortOrder::Relevance => Sort::Relevance,
            SortOrder::Newest => Sort::DateDesc,
            SortOrder::Oldest => Sort::DateAsc,
        },
        offset: 0,
        limit,
        as_typed: route.as_typed,
    }
}

pub(super) fn filters(index: &Index<'_>, route: &Route) -> Filters {
    let mut speakers: Vec<SpeakerId> = index
        .speakers()
        .filter(|(_, speaker)| route.speakers.iter().any(|name| name == speaker.name))
        .map(|(id, _)| id)
        .collect();
    if keeps_every_speaker(route) {
        speakers = index.speakers().map(|(id, _)| id).collect();
    }
    let countries: Vec<CountryId> = index
        .countries()
        .filter(|(_, country)| route.countries.iter().any(|code| code == country.code))
        .map(|(id, _)| id)
        .collect();
    let unknown = |keys: &[String]| keys.iter().any(|key| key == UNKNOWN_KEY);
    Filters {
        speakers,
        countries,
        outlets: route.sources.iter().filter(|source| *source != UNKNOWN_KEY).cloned().collect(),
        unknown: PerFacet { speaker: unknown(&route.speakers), country: unknown(&route.countries), outlet: unknown(&route.sources) },
        date_from: route.date_from,
        date_to: route.date_to,
    }
}

/// Attributed statements only, with no speaker chosen: every speaker, OR-ed,
/// is "some speaker", so narration drops out and the facets count what is
/// listed. A speaker chosen, or named in the query (which the engine ORs
/// with the filter's), already keeps narration out.
fn keeps_every_speaker(route: &Route) -> bool {
    route.attributed_only() && route.speakers.is_empty() && !search::names_a_speaker(&route.query)
}

pub(super) fn reading_of(index: &Index<'_>, id: PassageId) -> Option<Reading> {
    let passage = index.passage(id)?;
    let document = index.document(passage.document)?;
    Some(Reading { file: document.file.to_owned(), passage: id.0.checked_sub(document.passages.start) })
}

pub(super) fn who(index: &Index<'_>, speaker: Option<SpeakerId>, country: Option<CountryId>, lang: UiLang) -> Who {
    let speaker_view = speaker.and_then(|id| index.speaker(id));
    let country = country.and_then(|id| country_names(index, id, lang));
    Who {
        speaker: speaker_view.map(|view| view.name.to_owned()),
        speaker_label: speaker_view.map(|view| view.label(lang == UiLang::En).to_owned()),
        speaker_highlights: Vec::new(),
        role: speaker_view.and_then(|view| view.role(lang == UiLang::En).map(str::to_owned)),
        country_code: country.as_ref().map(|(code, _)| code.clone()),
        country: country.map(|(_, name)| name),
    }
}

pub(super) fn country_names(index: &Index<'_>, id: CountryId, lang: UiLang) -> Option<(String, String)> {
    let view = index.country(id)?;
    let name = match lang {
        UiLang::Fr => view.name_fr,
        UiLang::En => view.name_en,
    };
    Some((view.code.to_owned(), name.to_owned()))
}

/// A date as the page writes it, at its precision ("25 octobre 2025",
/// "octobre 2025").
pub fn date_label(lang: UiLang, date: Date) -> String {
    format_date(lang, date.year, date.month, date.day)
}

pub(super) fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
