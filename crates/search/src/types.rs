//! Plain value types shared by the builder, the reader and the app: ids,
//! languages, partial dates, the records fed to [`crate::IndexBuilder`] and the
//! borrowed views handed out by [`crate::Index`].
//!
//! They live apart from both sides so that the app can name them without
//! caring whether it holds a builder or a blob.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub struct $name(pub u32);
    };
}

id_type!(
    /// A document (one article), numbered in the order it was added.
    DocId
);
id_type!(
    /// A passage, numbered in the order it was added; the unit of search.
    PassageId
);
id_type!(
    /// A speaker, numbered in the order it was added.
    SpeakerId
);
id_type!(
    /// A country or an international body (ONU, ONUDC...).
    CountryId
);

/// Language of a document; chooses the stop words and the stemmer.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "lowercase"))]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code ("fr", "en"), as written in headers and listings.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub(crate) fn code(self) -> u8 {
        match self {
            Lang::Fr => 0,
            Lang::En => 1,
        }
    }

    pub(crate) fn from_code(code: u32) -> Option<Lang> {
        match code {
            0 => Some(Lang::Fr),
            1 => Some(Lang::En),
            _ => None,
        }
    }
}

/// A possibly partial calendar date: a year, a month or a day.
///
/// The derived order puts a coarser date before the finer ones it contains
/// (`2025` < `2025-10` < `2025-10-01`), which is what chronological facets
/// want.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    pub fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date { year, month: Some(month), day: Some(day) }
    }

    pub fn ym(year: i32, month: u8) -> Date {
        Date { year, month: Some(month), day: None }
    }

    pub fn y(year: i32) -> Date {
        Date { year, month: None, day: None }
    }

    /// A number that orders as the dates do (a year before its months, a
    /// month before its days): the blob's own packing, for sort keys.
    pub fn order_key(self) -> u32 {
        Date::pack(Some(self))
    }

    /// The same date with out-of-range parts dropped, so that `2025-13-40`
    /// cannot reach the blob; a day without a valid month is dropped too.
    pub(crate) fn normalized(self) -> Date {
        let month = self.month.filter(|m| (1..=12).contains(m));
        let day = month.and(self.day.filter(|d| (1..=31).contains(d)));
        Date { year: self.year.clamp(1, 9999), month, day }
    }

    /// Month precision of this date, if it has one.
    pub fn to_month(self) -> Option<Date> {
        self.month.map(|m| Date::ym(self.year, m))
    }

    /// Packs into a `u32`, `0` meaning "no date". Year in the high half,
    /// month and day below, so packed values sort like dates.
    pub(crate) fn pack(date: Option<Date>) -> u32 {
        match date {
            None => 0,
            Some(d) => {
                let d = d.normalized();
                ((d.year as u32) << 16) | (u32::from(d.month.unwrap_or(0)) << 8) | u32::from(d.day.unwrap_or(0))
            }
        }
    }

    pub(crate) fn unpack(packed: u32) -> Option<Date> {
        if packed == 0 {
            return None;
        }
        let year = (packed >> 16) as i32;
        let month = ((packed >> 8) & 0xff) as u8;
        let day = (packed & 0xff) as u8;
        Some(
            Date { year, month: (month != 0).then_some(month), day: (day != 0).then_some(day) }
                .normalized(),
        )
    }

    /// The days this date covers, as packed `(first, last)` day keys: a
    /// month-precision date spans the whole month. Used to decide whether a
    /// passage date lies inside a filter range.
    pub(crate) fn day_span(self) -> (u32, u32) {
        let d = self.normalized();
        let (m0, m1) = d.month.map_or((1, 12), |m| (m, m));
        let (d0, d1) = d.day.map_or((1, 31), |x| (x, x));
        let key = |m: u8, day: u8| ((d.year as u32) << 16) | (u32::from(m) << 8) | u32::from(day);
        (key(m0, d0), key(m1, d1))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// Serialises as the text [`Display`](fmt::Display) gives ("2025",
/// "2025-10", "2025-10-24"): its length says its precision.
#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Error for [`Date::from_str`]: the text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateParseError;

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a date like 2025, 2025-10 or 2025-10-24")
    }
}

impl std::error::Error for DateParseError {}

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let mut parts = s.trim().split('-');
        let number = |p: Option<&str>, digits: std::ops::RangeInclusive<usize>| -> Result<Option<u32>, DateParseError> {
            match p {
                None => Ok(None),
                Some(p) if digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| DateParseError)
                }
                Some(_) => Err(DateParseError),
            }
        };
        let year = number(parts.next(), 4..=4)?.ok_or(DateParseError)?;
        let month = number(parts.next(), 1..=2)?;
        let day = number(parts.next(), 1..=2)?;
        if parts.next().is_some()
            || month.is_some_and(|m| !(1..=12).contains(&m))
            || day.is_some_and(|d| !(1..=31).contains(&d))
        {
            return Err(DateParseError);
        }
        Ok(Date { year: year as i32, month: month.map(|m| m as u8), day: day.map(|d| d as u8) })
    }
}

/// A country or an international body, as given to the builder.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CountryRecord {
    pub code: String,
    pub name_fr: String,
    pub name_en: String,
    /// `false` for bodies such as the ONU or the ONUDC.
    pub is_country: bool,
}

/// A speaker, as given to the builder.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SpeakerRecord {
    /// Display name, e.g. "Ghada Waly" or "vice-Premier ministre (Pologne)";
    /// also the key filters and permalinks name the speaker by.
    pub name: String,
    pub role: Option<String>,
    pub country: Option<CountryId>,
    /// The name in English when it is not a person's but a label made of a
    /// role and a country ("Deputy Prime Minister (Poland)"), or a body's.
    pub label_en: Option<String>,
    /// The role in English ("Prime Minister" for "Premier ministre"), when
    /// the corpus's table of roles knows it whole.
    pub role_en: Option<String>,
}

/// A document (article), as given to the builder.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DocumentRecord {
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub lang: Lang,
    pub date: Option<Date>,
    pub file: String,
}

/// A passage, as given to the builder. Its date is its document's and its
/// countries (for the country facet) are its speakers'.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassageRecord {
    pub document: DocId,
    pub text: String,
    /// The sub-heading the passage stands under, shown above it; not searched.
    pub section: Option<String>,
    /// Who speaks, main speaker first; empty for narration.
    pub statements: Vec<StatementRecord>,
    pub mentions: Vec<CountryId>,
}

impl PassageRecord {
    /// The main speaker: the one a card shows.
    pub fn speaker(&self) -> Option<SpeakerId> {
        self.statements.first().map(|s| s.speaker)
    }
}

/// Words a passage gives to one speaker, and what the attribution rests on,
/// so that a reader can check it against the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatementRecord {
    pub speaker: SpeakerId,
    pub kind: StatementKind,
    pub evidence: Evidence,
}

impl StatementRecord {
    /// A statement with nothing to show for it, for tests and synthetic corpora.
    pub fn plain(speaker: SpeakerId) -> StatementRecord {
        StatementRecord { speaker, kind: StatementKind::Indirect, evidence: Evidence::Unmarked }
    }
}

/// How much of a statement is quoted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "lowercase"))]
pub enum StatementKind {
    /// Quotation makes most of the passage.
    Direct,
    /// Reported speech only.
    Indirect,
    /// Reported speech with quoted words.
    Mixed,
}

/// A byte range of a passage's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// `start..end`, saturating at `u32::MAX`, never reversed.
    pub fn new(start: usize, end: usize) -> Span {
        let at = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Span { start: at(start), end: at(end.max(start)) }
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What an attribution rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// A cue in the passage (the reporting verb or marker) and the words
    /// naming the speaker, when they are not inside the cue.
    Cue { cue: Span, mention: Option<Span> },
    /// No cue of its own: it continues the speech of this passage.
    Continuation(PassageId),
    /// Nothing recorded (synthetic corpora).
    Unmarked,
}

/// A speaker read back from the blob.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeakerView<'a> {
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub country: Option<CountryId>,
    pub label_en: Option<&'a str>,
    pub role_en: Option<&'a str>,
}

impl<'a> SpeakerView<'a> {
    /// How the speaker is shown: the name, or its English label in an
    /// English interface when there is one.
    pub fn label(&self, english: bool) -> &'a str {
        self.label_en.filter(|_| english).unwrap_or(self.name)
    }

    /// The role as shown: in English in an English interface when it is
    /// known in English, else as the article gives it.
    pub fn role(&self, english: bool) -> Option<&'a str> {
        self.role_en.filter(|_| english).or(self.role)
    }
}

/// A country or body read back from the blob.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountryView<'a> {
    pub code: &'a str,
    pub name_fr: &'a str,
    pub name_en: &'a str,
    pub is_country: bool,
}

/// A document read back from the blob.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentView<'a> {
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub url: Option<&'a str>,
    pub lang: Lang,
    pub date: Option<Date>,
    pub file: &'a str,
    /// The document's passages, as `PassageId` numbers.
    pub passages: Range<u32>,
}

/// A passage read back from the blob.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassageView<'a> {
    pub text: &'a str,
    /// The sub-heading the passage stands under.
    pub section: Option<&'a str>,
    pub document: DocId,
    pub speaker: Option<SpeakerId>,
    /// The speaker's country.
    pub country: Option<CountryId>,
    pub mentions: Vec<CountryId>,
    /// The document's date.
    pub date: Option<Date>,
}

/// Order of the hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first; an empty query lists newest first.
    #[default]
    Relevance,
    DateDesc,
    DateAsc,
}

/// Facet selections: OR within one facet, AND across facets.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Filters {
    pub speakers: Vec<SpeakerId>,
    pub countries: Vec<CountryId>,
    /// Sources, by outlet name as given to the builder.
    pub outlets: Vec<String>,
    pub date_from: Option<Date>,
    pub date_to: Option<Date>,
    /// Also select, within each facet, the passages that lack its value: the
    /// "unknown" entry of a list, ORed with that list's other choices.
    pub unknown: PerFacet<bool>,
}

/// One value for each facet a passage can lack a value of: a passage may
/// have no speaker (narration), no country (its speakers have none) or no
/// outlet (its article names none). Ticked in [`Filters`], counted in
/// [`Facets`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PerFacet<T> {
    pub speaker: T,
    pub country: T,
    pub outlet: T,
}

/// One search: the query text, facet selections, order and page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    pub query: String,
    pub filters: Filters,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
    /// Search the words as typed: no typo forgiven, no equivalent added,
    /// no word dropped when all of them together find nothing (stems and
    /// the completions of the word being typed still match).
    pub as_typed: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest { query: String::new(), filters: Filters::default(), sort: Sort::Relevance, offset: 0, limit: 10, as_typed: false }
    }
}

/// The passage text to show for a hit: a window around the best matches.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges into `text`, on char boundaries, sorted and disjoint.
    pub highlights: Vec<Range<usize>>,
    /// The window starts after the passage start (show an ellipsis).
    pub truncated_start: bool,
    /// The window ends before the passage end.
    pub truncated_end: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub passage: PassageId,
    pub score: f32,
    pub snippet: Snippet,
    /// Byte ranges of the document's title that match the query, and of the
    /// speaker's name: a passage found through its title or speaker shows
    /// why, where its snippet may have nothing to highlight.
    pub title_highlights: Vec<Range<usize>>,
    pub speaker_highlights: Vec<Range<usize>>,
    /// How many of the results (this one included) are passages of the
    /// same article, for grouping them under the best.
    pub document_matches: usize,
}

/// Facet counts over the matching passages; each facet counted as if its
/// own selection were cleared.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Facets {
    /// Sorted by count desc, then id.
    pub speakers: Vec<(SpeakerId, u32)>,
    /// Sorted by count desc, then id.
    pub countries: Vec<(CountryId, u32)>,
    /// Chronological.
    pub months: Vec<(Date, u32)>,
    /// Chronological.
    pub days: Vec<(Date, u32)>,
    /// Sources by outlet name, sorted by count desc, then name.
    pub outlets: Vec<(String, u32)>,
    /// Passages without a speaker, a country or an outlet, counted like the
    /// lists they complete, so that a list's counts add up to the results.
    pub unknown: PerFacet<u32>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SearchResults {
    /// Number of matching passages (all pages).
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// A corrected query when nothing matched.
    pub suggestion: Option<String>,
    /// The analysed (folded) query words and phrase words.
    pub query_terms: Vec<String>,
    /// What was searched beyond the words as typed.
    pub interpretation: Interpretation,
}

/// What a search ran beyond the words as typed, so the page can say so
/// and offer the words as typed instead.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Interpretation {
    /// (word as typed, folded; the word it was read as, as written in a
    /// result when one shows it): words found only through typos.
    pub corrected: Vec<(String, String)>,
    /// (words as typed, folded; their equivalents, as written).
    pub equivalents: Vec<(String, Vec<String>)>,
    /// Few passages hold every word (this many, maybe none): passages
    /// holding some of them follow, those holding the most first.
    pub relaxed: Option<usize>,
}

/// One keyword-in-context line for the concordance view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    pub passage: PassageId,
    pub left: String,
    pub keyword: String,
    pub right: String,
}
