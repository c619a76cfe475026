//! Turns engine answers into plain display data: ids resolved to names, dates
//! formatted for the chosen language, permalinks keyed by stable names.
//!
//! Components receive these values as props and only render them; none of
//! them looks anything up in the index or parses text.

use std::ops::Range;

use search::{CountryId, Date, Filters, Index, PassageId, SearchRequest, Sort, SpeakerId};

use crate::{
    route::{Reading, Route, SortOrder},
    strings::{format_date, UiLang},
};

/// Results shown before the reader asks for more.
pub const PAGE_SIZE: usize = 20;

/// Text with the byte ranges to mark, all on char boundaries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marked {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Who {
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub country: Option<String>,
    pub country_code: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub reading: Reading,
    pub who: Who,
    pub date: Option<String>,
    pub title: String,
    pub outlet: Option<String>,
    pub snippet: Marked,
    pub clipped_start: bool,
    pub clipped_end: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FacetEntry {
    /// What goes in the URL: a speaker's name or a country's code.
    pub key: String,
    pub label: String,
    pub count: u32,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub total: usize,
    pub cards: Vec<Card>,
    pub speakers: Vec<FacetEntry>,
    pub countries: Vec<FacetEntry>,
    pub suggestion: Option<String>,
    pub elapsed_ms: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArticlePassage {
    pub ordinal: u32,
    pub text: Marked,
    pub who: Option<Who>,
    pub focused: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub title: String,
    pub outlet: Option<String>,
    /// Only http(s) addresses, so a `javascript:` URL in an article never becomes a link.
    pub url: Option<String>,
    pub date: Option<String>,
    pub passages: Vec<ArticlePassage>,
}

pub fn search(index: &Index<'_>, route: &Route, limit: usize, now_ms: impl Fn() -> f64) -> Outcome {
    let started = now_ms();
    let request = SearchRequest {
        query: route.query.clone(),
        filters: filters(index, route),
        sort: match route.sort {
            SortOrder::Relevance => Sort::Relevance,
            SortOrder::Newest => Sort::DateDesc,
            SortOrder::Oldest => Sort::DateAsc,
        },
        offset: 0,
        limit,
    };
    let results = index.search(&request);
    let elapsed_ms = now_ms() - started;

    let cards = results
        .hits
        .iter()
        .filter_map(|hit| {
            let passage = index.passage(hit.passage)?;
            let document = index.document(passage.document)?;
            Some(Card {
                reading: reading_of(index, hit.passage)?,
                who: who(index, passage.speaker, passage.country, route.lang),
                date: passage.date.map(|date| date_label(route.lang, date)),
                title: document.title.to_owned(),
                outlet: document.outlet.map(str::to_owned),
                snippet: Marked {
                    text: hit.snippet.text.clone(),
                    highlights: hit.snippet.highlights.clone(),
                },
                clipped_start: hit.snippet.truncated_start,
                clipped_end: hit.snippet.truncated_end,
            })
        })
        .collect();

    let speakers = results
        .facets
        .speakers
        .iter()
        .filter_map(|&(id, count)| {
            let name = speaker_name(index, id)?;
            Some(FacetEntry {
                selected: route.speakers.iter().any(|selected| *selected == name),
                label: name.clone(),
                key: name,
                count,
            })
        })
        .collect();
    let countries = results
        .facets
        .countries
        .iter()
        .filter_map(|&(id, count)| {
            let (code, name) = country_names(index, id, route.lang)?;
            Some(FacetEntry {
                selected: route.countries.iter().any(|selected| *selected == code),
                key: code,
                label: name,
                count,
            })
        })
        .collect();

    Outcome { total: results.total, cards, speakers, countries, suggestion: results.suggestion, elapsed_ms }
}

pub fn article(index: &Index<'_>, route: &Route) -> Option<Article> {
    let reading = route.reading.as_ref()?;
    let (_, document) = (0..index.document_count() as u32)
        .map(search::DocId)
        .filter_map(|id| Some((id, index.document(id)?)))
        .find(|(_, document)| document.file == reading.file)?;
    let passages = document
        .passages
        .clone()
        .enumerate()
        .filter_map(|(ordinal, id)| {
            let id = PassageId(id);
            let passage = index.passage(id)?;
            let ordinal = ordinal as u32;
            Some(ArticlePassage {
                ordinal,
                text: Marked { text: passage.text.to_owned(), highlights: index.highlight(&route.query, id) },
                who: passage
                    .speaker
                    .map(|speaker| who(index, Some(speaker), passage.country, route.lang)),
                focused: reading.passage == Some(ordinal),
            })
        })
        .collect();
    Some(Article {
        title: document.title.to_owned(),
        outlet: document.outlet.map(str::to_owned),
        url: document.url.filter(|url| is_web_address(url)).map(str::to_owned),
        date: document.date.map(|date| date_label(route.lang, date)),
        passages,
    })
}

fn filters(index: &Index<'_>, route: &Route) -> Filters {
    let speakers: Vec<SpeakerId> = index
        .speakers()
        .filter(|(_, speaker)| route.speakers.iter().any(|name| name == speaker.name))
        .map(|(id, _)| id)
        .collect();
    let countries: Vec<CountryId> = index
        .countries()
        .filter(|(_, country)| route.countries.iter().any(|code| code == country.code))
        .map(|(id, _)| id)
        .collect();
    Filters {
        speakers,
        countries,
        date_from: route.date_from.as_deref().and_then(|date| date.parse().ok()),
        date_to: route.date_to.as_deref().and_then(|date| date.parse().ok()),
    }
}

fn reading_of(index: &Index<'_>, id: PassageId) -> Option<Reading> {
    let passage = index.passage(id)?;
    let document = index.document(passage.document)?;
    Some(Reading {
        file: document.file.to_owned(),
        passage: id.0.checked_sub(document.passages.start),
    })
}

fn who(index: &Index<'_>, speaker: Option<SpeakerId>, country: Option<CountryId>, lang: UiLang) -> Who {
    let speaker_view = speaker.and_then(|id| index.speaker(id));
    let country = country.and_then(|id| country_names(index, id, lang));
    Who {
        speaker: speaker_view.map(|view| view.name.to_owned()),
        role: speaker_view.and_then(|view| view.role.map(str::to_owned)),
        country_code: country.as_ref().map(|(code, _)| code.clone()),
        country: country.map(|(_, name)| name),
    }
}

fn speaker_name(index: &Index<'_>, id: SpeakerId) -> Option<String> {
    index.speaker(id).map(|view| view.name.to_owned())
}

fn country_names(index: &Index<'_>, id: CountryId, lang: UiLang) -> Option<(String, String)> {
    let view = index.country(id)?;
    let name = match lang {
        UiLang::Fr => view.name_fr,
        UiLang::En => view.name_en,
    };
    Some((view.code.to_owned(), name.to_owned()))
}

fn date_label(lang: UiLang, date: Date) -> String {
    format_date(lang, date.year, date.month, date.day)
}

fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_address("https://example.org/a"));
        assert!(is_web_address("HTTP://example.org"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("data:text/html,x"));
    }
}
