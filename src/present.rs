//! Turns engine answers into plain display data: ids resolved to names, dates
//! formatted for the chosen language, permalinks keyed by stable names.
//!
//! Components receive these values as props and only render them; none of
//! them looks anything up in the index or parses text. Everything here is
//! pure, so it is tested natively.

use std::ops::Range;

use search::{CountryId, Date, Evidence, Filters, Index, PassageId, SearchRequest, Searcher, Sort, SpeakerId};

use crate::{
    route::{ContextSide, Reading, Route, SortOrder},
    strings::{format_date, UiLang},
};

/// Results shown before the reader asks for more.
pub const PAGE_SIZE: usize = 20;
/// Keyword-in-context lines shown at most, and characters of context each side.
const CONCORDANCE_LINES: usize = 300;
const CONCORDANCE_WIDTH: usize = 60;

/// Text with the byte ranges to mark, all on char boundaries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marked {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Who {
    pub speaker: Option<String>,
    /// Byte ranges of `speaker` matching the query, on result cards.
    pub speaker_highlights: Vec<Range<usize>>,
    pub role: Option<String>,
    pub country: Option<String>,
    pub country_code: Option<String>,
}

/// One statement as a result card shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub reading: Reading,
    pub who: Who,
    pub date: Option<String>,
    /// ISO form of the date, for sorting and exports.
    pub iso_date: Option<String>,
    /// The document's title, with the words matching the query.
    pub title: Marked,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub snippet: Marked,
    /// The sub-heading the passage stands under, as a small label.
    pub section: Option<String>,
    pub clipped_start: bool,
    pub clipped_end: bool,
    /// The whole passage, for citations and exports.
    pub text: String,
    /// How many speakers besides the main one the passage quotes.
    pub other_speakers: usize,
    /// How many results are passages of the same article (this one included).
    pub article_matches: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FacetEntry {
    /// What goes in the URL: a speaker's name or a country's code.
    pub key: String,
    pub label: String,
    pub count: u32,
    pub selected: bool,
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

#[derive(Clone, Debug, PartialEq)]
pub struct ArticlePassage {
    pub ordinal: u32,
    /// The sub-heading to show above this passage: set on the first passage
    /// of each section only, as the article printed it once.
    pub opens_section: Option<String>,
    pub text: Marked,
    pub who: Option<Who>,
    pub focused: bool,
    /// What each attribution of the passage rests on, main speaker first.
    pub evidence: Vec<Attribution>,
}

/// One speaker of a passage and what the attribution rests on, for the
/// reading view to mark so a reader can check it against the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub speaker: String,
    pub basis: Basis,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Basis {
    /// The reporting verb or marker, and the words naming the speaker when
    /// they are not inside it: byte ranges of the passage text.
    Cue { cue: Range<usize>, mention: Option<Range<usize>> },
    /// No cue in this passage: it continues the words of the passage with
    /// this ordinal in the article.
    Continues(u32),
    /// Nothing recorded.
    Unmarked,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub file: String,
    pub title: String,
    pub outlet: Option<String>,
    /// Only http(s) addresses, so a `javascript:` URL in an article never becomes a link.
    pub url: Option<String>,
    pub date: Option<String>,
    pub passages: Vec<ArticlePassage>,
}

impl Article {
    /// The passages before and after the focused one that match the query,
    /// for "previous / next match".
    pub fn neighbouring_matches(&self) -> (Option<u32>, Option<u32>) {
        let focused = self.passages.iter().find(|passage| passage.focused).map(|passage| passage.ordinal);
        let matching = self.passages.iter().filter(|passage| !passage.text.highlights.is_empty());
        let mut previous = None;
        let mut next = None;
        for passage in matching {
            match focused {
                Some(at) if passage.ordinal < at => previous = Some(passage.ordinal),
                Some(at) if passage.ordinal > at && next.is_none() => next = Some(passage.ordinal),
                None if next.is_none() => next = Some(passage.ordinal),
                _ => {}
            }
        }
        (previous, next)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConcordanceLine {
    pub reading: Reading,
    pub left: String,
    pub keyword: String,
    pub right: String,
}

/// A speaker's or a country's page.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub heading: String,
    pub who: Who,
    pub statements: Vec<Card>,
    pub timeline: Vec<Bar>,
    /// For a country: who speaks for it, with how many statements.
    pub speakers: Vec<FacetEntry>,
    /// The words this speaker or country uses more than the corpus does.
    pub distinctive: Vec<String>,
}

/// Distinctive words shown on a profile.
const DISTINCTIVE_WORDS: usize = 12;

pub fn search(searcher: &Searcher<'_>, route: &Route, limit: usize, now_ms: impl Fn() -> f64) -> Outcome {
    let index = searcher.index();
    let started = now_ms();
    let results = searcher.search(&request(index, route, limit));
    let elapsed_ms = now_ms() - started;

    let cards = results.hits.iter().filter_map(|hit| card(index, hit.passage, Some(hit), route.lang)).collect();
    let speakers = results
        .facets
        .speakers
        .iter()
        .filter_map(|&(id, count)| {
            let name = index.speaker(id)?.name.to_owned();
            Some(FacetEntry { selected: route.speakers.contains(&name), label: name.clone(), key: name, count })
        })
        .collect();
    let countries = results
        .facets
        .countries
        .iter()
        .filter_map(|&(id, count)| {
            let (code, name) = country_names(index, id, route.lang)?;
            Some(FacetEntry { selected: route.countries.contains(&code), key: code, label: name, count })
        })
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

/// Every result of the current search, for exports.
pub fn all_results(searcher: &Searcher<'_>, route: &Route) -> Vec<Card> {
    let index = searcher.index();
    let ranked = searcher.ranked(&request(index, route, index.passage_count()));
    ranked.into_iter().filter_map(|id| card(index, id, None, route.lang)).collect()
}

/// A profile's statements, oldest first, with the facet counts of its page.
/// The engine is asked for counts only (a page of no hits) and for the plain
/// set of matches: a profile shows whole passages, so ranking them and cutting
/// a snippet from each would be thrown away.
fn profile_statements(searcher: &Searcher<'_>, request: &SearchRequest, lang: UiLang) -> (search::SearchResults, Vec<Card>) {
    let index = searcher.index();
    let counts = searcher.search(request);
    let mut dated: Vec<(bool, Option<Date>, PassageId)> = searcher
        .matches(request)
        .into_iter()
        .filter_map(|id| {
            let date = index.passage(id)?.date;
            Some((date.is_none(), date, id))
        })
        .collect();
    // Undated passages last, then by date, then in reading order.
    dated.sort_unstable();
    let cards = dated.into_iter().filter_map(|(_, _, id)| card(index, id, None, lang)).collect();
    (counts, cards)
}

fn document_by_file<'a>(index: &Index<'a>, file: &str) -> Option<search::DocumentView<'a>> {
    (0..index.document_count() as u32)
        .filter_map(|id| index.document(search::DocId(id)))
        .find(|document| document.file == file)
}

pub fn concordance(searcher: &Searcher<'_>, route: &Route, by: ContextSide) -> Vec<ConcordanceLine> {
    let mut lines: Vec<ConcordanceLine> = searcher
        .concordance(&request(searcher.index(), route, CONCORDANCE_LINES), CONCORDANCE_WIDTH, CONCORDANCE_LINES)
        .into_iter()
        .filter_map(|line| {
            Some(ConcordanceLine {
                reading: reading_of(searcher.index(), line.passage)?,
                left: line.left,
                keyword: line.keyword,
                right: line.right,
            })
        })
        .collect();
    // Sorting by the words nearest the keyword groups recurring phrases together.
    match by {
        ContextSide::Right => lines.sort_by_cached_key(|line| sort_key(line.right.split_whitespace())),
        ContextSide::Left => lines.sort_by_cached_key(|line| sort_key(line.left.split_whitespace().rev())),
    }
    lines
}

fn sort_key<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    words.take(4).map(str::to_lowercase).collect()
}

pub fn speaker_profile(searcher: &Searcher<'_>, name: &str, lang: UiLang) -> Option<Profile> {
    let index = searcher.index();
    let (id, view) = index.speakers().find(|(_, speaker)| speaker.name == name)?;
    let route = Route { speakers: vec![name.to_owned()], sort: SortOrder::Oldest, lang, ..Route::default() };
    let scope = request(index, &route, 0);
    let (results, statements) = profile_statements(searcher, &scope, lang);
    // A speaker's own name is typical of their passages but tells the reader nothing.
    let own_name = search::analysis::fold(view.name);
    let distinctive = searcher
        .distinctive_terms(&scope.filters, DISTINCTIVE_WORDS + 4)
        .into_iter()
        .filter(|word| !own_name.split_whitespace().any(|part| part == search::analysis::fold(word)))
        .take(DISTINCTIVE_WORDS)
        .collect();
    Some(Profile {
        distinctive,
        heading: view.name.to_owned(),
        who: who(index, Some(id), view.country, lang),
        statements,
        timeline: timeline(&route, &results.facets.months, &results.facets.days),
        speakers: Vec::new(),
    })
}

pub fn country_profile(searcher: &Searcher<'_>, code: &str, lang: UiLang) -> Option<Profile> {
    let index = searcher.index();
    let (id, _) = index.countries().find(|(_, country)| country.code == code)?;
    let (code, name) = country_names(index, id, lang)?;
    let route = Route { countries: vec![code.clone()], sort: SortOrder::Oldest, lang, ..Route::default() };
    let scope = request(index, &route, 0);
    let (results, statements) = profile_statements(searcher, &scope, lang);
    let speakers = results
        .facets
        .speakers
        .iter()
        .filter_map(|&(speaker, count)| {
            let speaker = index.speaker(speaker)?;
            (speaker.country == Some(id)).then(|| FacetEntry {
                key: speaker.name.to_owned(),
                label: speaker.name.to_owned(),
                count,
                selected: false,
            })
        })
        .collect();
    Some(Profile {
        distinctive: searcher.distinctive_terms(&scope.filters, DISTINCTIVE_WORDS),
        heading: name.clone(),
        who: Who { country: Some(name), country_code: Some(code), ..Who::default() },
        statements,
        timeline: timeline(&route, &results.facets.months, &results.facets.days),
        speakers,
    })
}

/// Every speaker's name, for the compare view's pickers.
pub fn speaker_names(index: &Index<'_>) -> Vec<String> {
    let mut names: Vec<String> = index.speakers().map(|(_, speaker)| speaker.name.to_owned()).collect();
    names.sort_by_key(|name| name.to_lowercase());
    names
}

/// The statement a permalink points at, for the "selected" event of embeds.
pub fn statement(index: &Index<'_>, reading: &Reading, lang: UiLang) -> Option<Card> {
    let document = document_by_file(index, &reading.file)?;
    let id = document.passages.start.checked_add(reading.passage?)?;
    document.passages.contains(&id).then_some(())?;
    card(index, PassageId(id), None, lang)
}

pub fn article(searcher: &Searcher<'_>, route: &Route) -> Option<Article> {
    let index = searcher.index();
    let reading = route.reading.as_ref()?;
    let document = document_by_file(index, &reading.file)?;
    let mut current_section = None;
    let passages = document
        .passages
        .clone()
        .enumerate()
        .filter_map(|(ordinal, id)| {
            let id = PassageId(id);
            let passage = index.passage(id)?;
            let ordinal = ordinal as u32;
            let opens_section = passage.section.filter(|_| passage.section != current_section).map(str::to_owned);
            current_section = passage.section;
            Some(ArticlePassage {
                ordinal,
                opens_section,
                text: Marked { text: passage.text.to_owned(), highlights: searcher.highlight(&route.query, id) },
                who: passage.speaker.map(|speaker| who(index, Some(speaker), passage.country, route.lang)),
                focused: reading.passage == Some(ordinal),
                evidence: attributions(index, id, document.passages.clone()),
            })
        })
        .collect();
    Some(Article {
        file: document.file.to_owned(),
        title: document.title.to_owned(),
        outlet: document.outlet.map(str::to_owned),
        url: document.url.filter(|url| is_web_address(url)).map(str::to_owned),
        date: document.date.map(|date| date_label(route.lang, date)),
        passages,
    })
}

/// "Ghada Waly (ONUDC), 25 octobre 2025, VNA : « … »" followed by the source,
/// in the form a footnote or a press review would want.
pub fn citation(card: &Card, lang: UiLang) -> String {
    let strings = lang.strings();
    let speaker = match (&card.who.speaker, &card.who.country) {
        (Some(speaker), Some(country)) if speaker != country => format!("{speaker} ({country})"),
        (Some(speaker), _) => speaker.clone(),
        (None, Some(country)) => country.clone(),
        (None, None) => card.title.text.clone(),
    };
    // French sets a space before the colon, English does not.
    let (open, close, colon) = match lang {
        UiLang::Fr => ("« ", " »", " : "),
        UiLang::En => ("“", "”", ": "),
    };
    let mut parts = vec![speaker];
    parts.extend(card.date.clone());
    parts.extend(card.outlet.clone());
    let mut citation = format!("{}{colon}{open}{}{close}", parts.join(", "), card.text.trim());
    citation.push_str(&format!(" — {}{colon}{}", strings.source, card.title.text));
    if let Some(url) = &card.url {
        citation.push_str(&format!(", {url}"));
    }
    citation
}

/// One statement as exports and the JavaScript API hand it out: plain
/// strings, the permalink absolute so it still works outside the page.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ExportRow {
    pub speaker: String,
    pub role: String,
    pub country: String,
    pub country_code: String,
    pub date: String,
    pub outlet: String,
    pub title: String,
    pub url: String,
    pub text: String,
    pub permalink: String,
}

impl ExportRow {
    /// The CSV header, in the order of [`ExportRow::cells`].
    pub const COLUMNS: [&'static str; 10] =
        ["speaker", "role", "country", "country_code", "date", "outlet", "title", "url", "text", "permalink"];

    fn cells(&self) -> [&str; 10] {
        [
            &self.speaker,
            &self.role,
            &self.country,
            &self.country_code,
            &self.date,
            &self.outlet,
            &self.title,
            &self.url,
            &self.text,
            &self.permalink,
        ]
    }
}

/// One export row per card, with the permalink made absolute against `page_url`.
pub fn export_rows(cards: &[Card], page_url: &str, lang: UiLang) -> Vec<ExportRow> {
    let base = page_url.split('#').next().unwrap_or(page_url);
    cards
        .iter()
        .map(|card| {
            let permalink = Route { reading: Some(card.reading.clone()), lang, ..Route::default() }.to_hash();
            ExportRow {
                speaker: card.who.speaker.clone().unwrap_or_default(),
                role: card.who.role.clone().unwrap_or_default(),
                country: card.who.country.clone().unwrap_or_default(),
                country_code: card.who.country_code.clone().unwrap_or_default(),
                date: card.iso_date.clone().unwrap_or_default(),
                outlet: card.outlet.clone().unwrap_or_default(),
                title: card.title.text.clone(),
                url: card.url.clone().unwrap_or_default(),
                text: card.text.clone(),
                permalink: format!("{base}{permalink}"),
            }
        })
        .collect()
}

/// RFC 4180 CSV with a header row. Cells that a spreadsheet would run as a
/// formula get a leading apostrophe, so an exported quote cannot execute.
pub fn to_csv(rows: &[ExportRow]) -> String {
    let mut out = String::new();
    let mut line = |cells: [&str; 10]| {
        let escaped: Vec<String> = cells.into_iter().map(csv_cell).collect();
        out.push_str(&escaped.join(","));
        out.push_str("\r\n");
    };
    line(ExportRow::COLUMNS);
    for row in rows {
        line(row.cells());
    }
    out
}

fn csv_cell(cell: &str) -> String {
    let guarded = if cell.starts_with(['=', '+', '-', '@']) { format!("'{cell}") } else { cell.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn request(index: &Index<'_>, route: &Route, limit: usize) -> SearchRequest {
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

/// A result card; `hit` brings its snippet and highlights when the card
/// comes from a search, otherwise the whole passage is shown plain.
fn card(index: &Index<'_>, id: PassageId, hit: Option<&search::Hit>, lang: UiLang) -> Option<Card> {
    let passage = index.passage(id)?;
    let document = index.document(passage.document)?;
    let snippet = hit.map(|hit| hit.snippet.clone()).unwrap_or_else(|| search::Snippet {
        text: passage.text.to_owned(),
        ..search::Snippet::default()
    });
    let mut who = who(index, passage.speaker, passage.country, lang);
    who.speaker_highlights = hit.map(|hit| hit.speaker_highlights.clone()).unwrap_or_default();
    Some(Card {
        reading: reading_of(index, id)?,
        who,
        date: passage.date.map(|date| date_label(lang, date)),
        iso_date: passage.date.map(|date| date.to_string()),
        title: Marked {
            text: document.title.to_owned(),
            highlights: hit.map(|hit| hit.title_highlights.clone()).unwrap_or_default(),
        },
        outlet: document.outlet.map(str::to_owned),
        url: document.url.filter(|url| is_web_address(url)).map(str::to_owned),
        clipped_start: snippet.truncated_start,
        clipped_end: snippet.truncated_end,
        snippet: Marked { text: snippet.text, highlights: snippet.highlights },
        section: passage.section.map(str::to_owned),
        text: passage.text.to_owned(),
        other_speakers: index.statements(id).iter().filter(|s| index.speaker(s.speaker).is_some()).count().saturating_sub(1),
        article_matches: hit.map_or(1, |hit| hit.document_matches),
    })
}

/// Months, or the days of the month when the date filter is one month.
fn timeline(route: &Route, months: &[(Date, u32)], days: &[(Date, u32)]) -> Vec<Bar> {
    let one_month = match (&route.date_from, &route.date_to) {
        (Some(from), Some(to)) => from.get(..7).filter(|month| to.get(..7) == Some(*month)).is_some(),
        _ => false,
    };
    // Date facets ignore the date filter itself (disjunctive), so keep the chosen month's days.
    let month_prefix = route.date_from.as_deref().and_then(|from| from.get(..7)).filter(|_| one_month);
    let bars: Vec<(Date, u32)> = match month_prefix {
        Some(prefix) => days.iter().filter(|(date, _)| date.to_string().starts_with(prefix)).copied().collect(),
        None => months.to_vec(),
    };
    let selected = |key: &str| {
        route.date_from.as_deref() == Some(key) && route.date_to.as_deref() == Some(key)
    };
    bars.into_iter()
        .map(|(date, count)| {
            let key = date.to_string();
            Bar {
                selected: selected(&key),
                label: date_label(route.lang, date),
                key,
                count,
            }
        })
        .collect()
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
        outlets: route.sources.clone(),
        date_from: route.date_from.as_deref().and_then(|date| date.parse().ok()),
        date_to: route.date_to.as_deref().and_then(|date| date.parse().ok()),
    }
}

fn reading_of(index: &Index<'_>, id: PassageId) -> Option<Reading> {
    let passage = index.passage(id)?;
    let document = index.document(passage.document)?;
    Some(Reading { file: document.file.to_owned(), passage: id.0.checked_sub(document.passages.start) })
}

/// A passage's attributions and what each rests on; a continuation names
/// its passage by ordinal in the article that starts at passage `first`.
fn attributions(index: &Index<'_>, id: PassageId, passages: std::ops::Range<u32>) -> Vec<Attribution> {
    index
        .statements(id)
        .into_iter()
        .filter_map(|statement| {
            let basis = match statement.evidence {
                Evidence::Cue { cue, mention } => Basis::Cue { cue: cue.range(), mention: mention.map(|m| m.range()) },
                // Only a passage of the same article can be linked to.
                Evidence::Continuation(from) => Basis::Continues(passages.contains(&from.0).then(|| from.0 - passages.start)?),
                Evidence::Unmarked => Basis::Unmarked,
            };
            Some(Attribution { speaker: index.speaker(statement.speaker)?.name.to_owned(), basis })
        })
        .collect()
}

fn who(index: &Index<'_>, speaker: Option<SpeakerId>, country: Option<CountryId>, lang: UiLang) -> Who {
    let speaker_view = speaker.and_then(|id| index.speaker(id));
    let country = country.and_then(|id| country_names(index, id, lang));
    Who {
        speaker: speaker_view.map(|view| view.name.to_owned()),
        speaker_highlights: Vec::new(),
        role: speaker_view.and_then(|view| view.role.map(str::to_owned)),
        country_code: country.as_ref().map(|(code, _)| code.clone()),
        country: country.map(|(_, name)| name),
    }
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

/// A date filter from the address (`2025-10-25`, `2025-10`) as the page
/// writes dates; as typed when it is not one.
pub fn date_filter_label(lang: UiLang, value: &str) -> String {
    value.parse::<Date>().map_or_else(|_| value.to_owned(), |date| date_label(lang, date))
}

fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;
    use search::{CountryRecord, DocumentRecord, IndexBuilder, Lang, PassageRecord, SpeakerRecord, StatementRecord};

    /// A two-article corpus written for these tests.
    fn blob() -> Vec<u8> {
        let mut builder = IndexBuilder::new();
        let ruritania = builder.add_country(CountryRecord {
            code: "RUR".into(),
            name_fr: "Ruritanie".into(),
            name_en: "Ruritania".into(),
            is_country: true,
        });
        let minister = builder.add_speaker(SpeakerRecord {
            name: "Anna Example".into(),
            role: Some("ministre".into()),
            country: Some(ruritania),
        });
        let first = builder.add_document(DocumentRecord {
            title: "Un accord signé".into(),
            outlet: Some("Agence".into()),
            url: Some("javascript:alert(1)".into()),
            lang: Lang::Fr,
            date: Some(Date::ymd(2025, 10, 25)),
            file: "a.txt".into(),
        });
        for (text, section) in [
            ("La ministre a salué la coopération entre les États.", None),
            ("Le texte entre en vigueur plus tard.", Some("Un calendrier serré")),
            ("Elle a ajouté que la coopération protège les victimes.", Some("Un calendrier serré")),
        ] {
            builder.add_passage(PassageRecord {
                section: section.map(String::from),
                document: first,
                text: text.into(),
                statements: vec![StatementRecord::plain(minister)],
                mentions: vec![ruritania],
            });
        }
        let second = builder.add_document(DocumentRecord {
            title: "Un autre jour".into(),
            outlet: None,
            url: Some("https://example.org/b".into()),
            lang: Lang::Fr,
            date: Some(Date::ymd(2025, 11, 3)),
            file: "b.txt".into(),
        });
        builder.add_passage(PassageRecord {
            section: None,
            document: second,
            text: "Des experts parlent de cybersécurité, \"sans\" formule =SUM(A1).".into(),
            statements: vec![],
            mentions: vec![],
        });
        builder.finish()
    }

    #[test]
    fn a_section_title_opens_its_first_passage_only_and_labels_cards() {
        let blob = blob();
        let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let route = Route { reading: Some(Reading { file: "a.txt".into(), passage: Some(2) }), ..Route::default() };
        let article = article(&index, &route).expect("the article");
        let opens: Vec<Option<&str>> = article.passages.iter().map(|p| p.opens_section.as_deref()).collect();
        assert_eq!(opens, [None, Some("Un calendrier serré"), None]);
        let outcome = search(&index, &Route { query: "victimes".into(), ..Route::default() }, 10, || 0.0);
        assert_eq!(outcome.cards[0].section.as_deref(), Some("Un calendrier serré"));
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_address("https://example.org/a"));
        assert!(is_web_address("HTTP://example.org"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("data:text/html,x"));
    }

    #[test]
    fn date_filters_read_as_dates() {
        assert_eq!(date_filter_label(UiLang::Fr, "2025-10-25"), format_date(UiLang::Fr, 2025, Some(10), Some(25)));
        assert_eq!(date_filter_label(UiLang::En, "2025-10"), format_date(UiLang::En, 2025, Some(10), None));
        assert_eq!(date_filter_label(UiLang::Fr, "demain"), "demain");
    }

    #[test]
    fn cards_resolve_names_and_drop_unsafe_urls() {
        let blob = blob();
        let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let route = Route { query: "cooperation".into(), ..Route::default() };
        let outcome = search(&index, &route, 10, || 0.0);
        assert_eq!(outcome.total, 2);
        let card = &outcome.cards[0];
        assert_eq!(card.who.speaker.as_deref(), Some("Anna Example"));
        assert_eq!(card.who.country_code.as_deref(), Some("RUR"));
        assert_eq!(card.date.as_deref(), Some("25 octobre 2025"));
        assert_eq!(card.url, None, "a javascript: URL must not survive");
        assert_eq!(outcome.speakers[0].count, 2);
        assert_eq!(outcome.sources.iter().map(|s| (s.key.as_str(), s.count)).collect::<Vec<_>>(), [("Agence", 2)]);
    }

    #[test]
    fn timeline_zooms_to_days_inside_one_month() {
        let blob = blob();
        let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let months = search(&index, &Route::default(), 10, || 0.0).timeline;
        assert_eq!(months.iter().map(|bar| bar.key.as_str()).collect::<Vec<_>>(), ["2025-10", "2025-11"]);
        let october = Route { date_from: Some("2025-10".into()), date_to: Some("2025-10".into()), ..Route::default() };
        let days = search(&index, &october, 10, || 0.0).timeline;
        assert_eq!(days.iter().map(|bar| bar.key.as_str()).collect::<Vec<_>>(), ["2025-10-25"]);
    }

    #[test]
    fn neighbouring_matches_skip_passages_without_hits() {
        let blob = blob();
        let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let route = Route {
            query: "cooperation".into(),
            reading: Some(Reading { file: "a.txt".into(), passage: Some(0) }),
            ..Route::default()
        };
        let article = article(&index, &route).expect("a.txt exists");
        assert_eq!(article.neighbouring_matches(), (None, Some(2)));
    }

    #[test]
    fn profiles_list_statements_in_date_order() {
        let blob = blob();
        let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let profile = speaker_profile(&index, "Anna Example", UiLang::Fr).expect("speaker exists");
        assert_eq!(profile.statements.len(), 3);
        assert!(profile.distinctive.iter().any(|word| word == "coopération"), "{:?}", profile.distinctive);
        let country = country_profile(&index, "RUR", UiLang::En).expect("country exists");
        assert_eq!(country.heading, "Ruritania");
        assert_eq!(country.speakers.len(), 1);
        assert!(speaker_profile(&index, "Nobody", UiLang::Fr).is_none());
    }

    #[test]
    fn concordance_sorts_by_the_chosen_side() {
        let blob = blob();
        let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let route = Route { query: "cooperation".into(), ..Route::default() };
        let right = concordance(&index, &route, ContextSide::Right);
        assert_eq!(right.len(), 2);
        assert!(right[0].right.trim_start() <= right[1].right.trim_start());
        assert!(right.iter().all(|line| line.keyword.to_lowercase().starts_with("coop")));
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let blob = blob();
        let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let cards = all_results(&index, &Route { query: "experts".into(), ..Route::default() });
        let csv = to_csv(&export_rows(&cards, "https://host/app/#q=x", UiLang::Fr));
        let mut lines = csv.split("\r\n");
        assert_eq!(lines.next(), Some(ExportRow::COLUMNS.join(",").as_str()));
        let row = lines.next().expect("one data row");
        assert!(row.contains("\"Des experts parlent de cybersécurité, \"\"sans\"\" formule =SUM(A1).\""));
        assert!(row.ends_with("https://host/app/#doc=b.txt&p=0"), "{row}");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
    }

    #[test]
    fn citation_names_speaker_date_outlet_and_source() {
        let blob = blob();
        let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let cards = all_results(&index, &Route { query: "salue".into(), ..Route::default() });
        let citation = citation(&cards[0], UiLang::Fr);
        assert!(citation.starts_with("Anna Example (Ruritanie), 25 octobre 2025, Agence : « La ministre"), "{citation}");
        assert!(citation.contains("Source : Un accord signé"));
        let english = super::citation(&cards[0], UiLang::En);
        assert!(english.contains("Agence: “La ministre") && english.contains("Source: Un accord signé"), "{english}");
    }
}
