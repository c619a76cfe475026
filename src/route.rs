//! The page's whole state as a URL hash, so every view is a permalink that
//! works from a static host and from `file://`, and back/forward just work.
//!
//! Filters are keyed by what survives a rebuild of the corpus (speaker names,
//! country codes, article file names), never by internal ids.
//!
//! Parsing is pure so it can be tested natively; `hooks` does the DOM part.

use search::Date;

use crate::strings::UiLang;

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl SortOrder {
    /// Every order, as offered to the reader.
    pub const ALL: [SortOrder; 3] = [SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest];

    /// The order's name in URLs and forms.
    pub fn key(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        SortOrder::ALL.into_iter().find(|order| order.key() == key)
    }
}

/// Which page is shown under the search box.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Results,
    /// Keyword-in-context lines of the query's matches.
    Concordance { by: ContextSide },
    /// Everything one speaker said, by name.
    Speaker(String),
    /// Everything said for one country or body, by code.
    Country(String),
    /// Two speakers side by side.
    Compare(String, String),
}

/// Which context a concordance is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ContextSide {
    #[default]
    Right,
    Left,
}

/// A passage of an article, by the article's file name and the passage's
/// position in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub file: String,
    pub passage: Option<u32>,
}

/// Longest query the page searches (typed, linked or passed to the API), in characters: far beyond any real
/// question, short enough that a pasted book cannot stall a keystroke.
pub const MAX_QUERY_CHARS: usize = 200;

/// `query` cut to [`MAX_QUERY_CHARS`].
pub fn capped_query(query: &str) -> String {
    query.chars().take(MAX_QUERY_CHARS).collect()
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub query: String,
    pub speakers: Vec<String>,
    pub countries: Vec<String>,
    /// Outlets, by name.
    pub sources: Vec<String>,
    /// Inclusive dates, each as precise as it was given (`2025`, `2025-10`
    /// or `2025-10-24` in the hash); a date that does not read is dropped.
    pub date_from: Option<Date>,
    pub date_to: Option<Date>,
    pub sort: SortOrder,
    /// Search the words as typed: no typo forgiven, no equivalent, no word dropped.
    pub as_typed: bool,
    pub reading: Option<Reading>,
    pub view: View,
    pub lang: UiLang,
    /// The reader's choice of listing only statements attributed to a
    /// speaker; `None` leaves it to [`Route::attributed_only`]'s default.
    pub attributed: Option<bool>,
}

impl Route {
    /// Reads a hash such as `#q=cooperation&country=RUS`; unknown keys and
    /// malformed values are ignored so an old or hand-edited link still opens.
    pub fn from_hash(hash: &str) -> Route {
        let mut route = Route::default();
        let mut file = None;
        let mut passage = None;
        let mut view = None;
        let mut who: Vec<String> = Vec::new();
        let mut place = None;
        let mut by = ContextSide::default();
        let query = hash.strip_prefix('#').unwrap_or(hash);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match &*key {
                "q" => route.query = capped_query(value),
                "speaker" => push_unique(&mut route.speakers, value),
                "country" => push_unique(&mut route.countries, value),
                "source" => push_unique(&mut route.sources, value),
                "from" => route.date_from = value.parse().ok(),
                "to" => route.date_to = value.parse().ok(),
                "sort" => route.sort = SortOrder::from_key(value).unwrap_or_default(),
                "exact" => route.as_typed = value == "1",
                "doc" => file = Some(value.to_owned()),
                "p" => passage = value.parse().ok(),
                "lang" => route.lang = UiLang::from_code(value).unwrap_or_default(),
                "view" => view = Some(value.to_owned()),
                "who" => push_unique(&mut who, value),
                "place" => place = Some(value.to_owned()),
                "by" if value == "left" => by = ContextSide::Left,
                "attributed" => route.attributed = Some(value == "1"),
                _ => {}
            }
        }
        route.reading = file.map(|file| Reading { file, passage });
        let mut who = who.into_iter();
        route.view = match (view.as_deref(), who.next(), who.next(), place) {
            (Some("kwic"), ..) => View::Concordance { by },
            (Some("speaker"), Some(name), ..) => View::Speaker(name),
            (Some("country"), _, _, Some(code)) => View::Country(code),
            (Some("compare"), Some(first), Some(second), _) => View::Compare(first, second),
            _ => View::Results,
        };
        route
    }

    /// The canonical hash for this state, with a leading `#`; empty values are
    /// left out so links stay short.
    pub fn to_hash(&self) -> String {
        let mut out = form_urlencoded::Serializer::for_suffix(String::from("#"), 1);
        if !self.query.is_empty() {
            out.append_pair("q", &self.query);
        }
        for speaker in &self.speakers {
            out.append_pair("speaker", speaker);
        }
        for country in &self.countries {
            out.append_pair("country", country);
        }
        for source in &self.sources {
            out.append_pair("source", source);
        }
        if let Some(from) = &self.date_from {
            out.append_pair("from", &from.to_string());
        }
        if let Some(to) = &self.date_to {
            out.append_pair("to", &to.to_string());
        }
        if self.sort != SortOrder::default() {
            out.append_pair("sort", self.sort.key());
        }
        if self.as_typed {
            out.append_pair("exact", "1");
        }
        if let Some(attributed) = self.attributed {
            out.append_pair("attributed", if attributed { "1" } else { "0" });
        }
        match &self.view {
            View::Results => {}
            View::Concordance { by } => {
                out.append_pair("view", "kwic");
                if *by == ContextSide::Left {
                    out.append_pair("by", "left");
                }
            }
            View::Speaker(name) => {
                out.append_pair("view", "speaker");
                out.append_pair("who", name);
            }
            View::Country(code) => {
                out.append_pair("view", "country");
                out.append_pair("place", code);
            }
            View::Compare(first, second) => {
                out.append_pair("view", "compare");
                out.append_pair("who", first);
                out.append_pair("who", second);
            }
        }
        if let Some(reading) = &self.reading {
            out.append_pair("doc", &reading.file);
            if let Some(passage) = reading.passage {
                out.append_pair("p", &passage.to_string());
            }
        }
        if self.lang != UiLang::default() {
            out.append_pair("lang", self.lang.code());
        }
        out.finish()
    }

    // Every change of state the page makes goes through one of these, so a
    // component says what it does ("toggling_speaker") rather than which
    // fields it overwrites.

    /// A fresh state showing `view` in `lang`: the links to a speaker's or a
    /// country's page, and a kiosk's suggestions.
    pub fn page(view: View, lang: UiLang) -> Route {
        Route { view, lang, ..Route::default() }
    }

    /// A fresh state searching `query` in `lang`.
    pub fn searching(query: &str, lang: UiLang) -> Route {
        Route { query: capped_query(query), lang, ..Route::default() }
    }

    /// A permalink: a passage of an article in `lang`, nothing else.
    pub fn permalink(reading: Reading, lang: UiLang) -> Route {
        Route { reading: Some(reading), lang, ..Route::default() }
    }

    /// The same search, filtered to one speaker or one country only.
    pub fn scoped_to(&self, speaker: Option<&str>, country: Option<&str>) -> Route {
        let one = |value: Option<&str>| value.map(String::from).into_iter().collect();
        Route { speakers: one(speaker), countries: one(country), ..self.clone() }
    }

    /// The same state with the query replaced (capped to its maximum length).
    pub fn with_query(&self, query: &str) -> Route {
        Route { query: capped_query(query), ..self.clone() }
    }

    /// The same search, reading a passage.
    pub fn reading(&self, reading: Reading) -> Route {
        Route { reading: Some(reading), ..self.clone() }
    }

    /// The same search, with the article closed.
    pub fn closed(&self) -> Route {
        Route { reading: None, ..self.clone() }
    }

    /// The same search in another view, the article closed.
    pub fn in_view(&self, view: View) -> Route {
        Route { view, reading: None, ..self.clone() }
    }

    /// The same state in the other interface language.
    pub fn in_other_lang(&self) -> Route {
        Route { lang: self.lang.other(), ..self.clone() }
    }

    pub fn sorted(&self, sort: SortOrder) -> Route {
        Route { sort, ..self.clone() }
    }

    /// The same search with or without its forgiving reading (typos,
    /// equivalents, dropped words).
    pub fn as_typed(&self, as_typed: bool) -> Route {
        Route { as_typed, ..self.clone() }
    }

    /// A speaker filter ticked or unticked.
    pub fn toggling_speaker(&self, name: &str) -> Route {
        Route { speakers: toggle(&self.speakers, name), ..self.clone() }
    }

    /// A country filter (by code) ticked or unticked.
    pub fn toggling_country(&self, code: &str) -> Route {
        Route { countries: toggle(&self.countries, code), ..self.clone() }
    }

    /// A source filter (by outlet name) ticked or unticked.
    pub fn toggling_source(&self, name: &str) -> Route {
        Route { sources: toggle(&self.sources, name), ..self.clone() }
    }

    /// The same state between two dates, either open.
    pub fn between(&self, from: Option<Date>, to: Option<Date>) -> Route {
        Route { date_from: from, date_to: to, ..self.clone() }
    }

    /// The same state with its start date replaced.
    pub fn starting(&self, from: Option<Date>) -> Route {
        self.between(from, self.date_to)
    }

    /// The same state with its end date replaced.
    pub fn ending(&self, to: Option<Date>) -> Route {
        self.between(self.date_from, to)
    }

    /// The same state with every filter removed.
    pub fn without_filters(&self) -> Route {
        Route {
            speakers: Vec::new(),
            countries: Vec::new(),
            sources: Vec::new(),
            date_from: None,
            date_to: None,
            ..self.clone()
        }
    }

    /// Whether only attributed statements are listed: as the reader chose,
    /// else on for the first screen (no query: the product is who said
    /// what) and for a query naming a speaker, off for a search of words,
    /// so narration stays searchable.
    pub fn attributed_only(&self) -> bool {
        self.attributed.unwrap_or_else(|| self.query.trim().is_empty() || search::names_a_speaker(&self.query))
    }

    /// The same state listing only attributed statements, or everything.
    pub fn with_attributed_only(&self, attributed: bool) -> Route {
        Route { attributed: Some(attributed), ..self.clone() }
    }

    /// Two speakers side by side, keeping the query that narrows both.
    pub fn comparing(&self, first: &str, second: &str) -> Route {
        Route { view: View::Compare(first.to_owned(), second.to_owned()), reading: None, ..self.clone() }
    }

    pub fn has_filters(&self) -> bool {
        !self.speakers.is_empty()
            || !self.countries.is_empty()
            || !self.sources.is_empty()
            || self.date_from.is_some()
            || self.date_to.is_some()
    }
}

fn push_unique(values: &mut Vec<String>, value: &str) {
    if !values.iter().any(|existing| existing == value) {
        values.push(value.to_owned());
    }
}

/// Adds `value` if absent, removes it if present: what a facet checkbox does.
fn toggle(values: &[String], value: &str) -> Vec<String> {
    if values.iter().any(|existing| existing == value) {
        values.iter().filter(|existing| *existing != value).cloned().collect()
    } else {
        let mut next = values.to_vec();
        next.push(value.to_owned());
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_field() {
        let route = Route {
            query: "coopération \"état de droit\" & <b>".into(),
            speakers: vec!["Ghada Waly".into(), "vice-Premier ministre (Pologne)".into()],
            countries: vec!["RUS".into()],
            sources: vec!["VNA".into(), "Lao Động".into()],
            date_from: "2025-10".parse().ok(),
            date_to: "2025-10-31".parse().ok(),
            sort: SortOrder::Newest,
            as_typed: true,
            reading: Some(Reading { file: "001_x.txt".into(), passage: Some(4) }),
            view: View::Compare("Ghada Waly".into(), "Artur Liukmanov".into()),
            lang: UiLang::En,
            attributed: Some(false),
        };
        assert_eq!(Route::from_hash(&route.to_hash()), route);
    }

    #[test]
    fn a_linked_query_is_capped_like_a_typed_one() {
        let long = "é".repeat(MAX_QUERY_CHARS * 50);
        let route = Route::from_hash(&Route { query: long, ..Route::default() }.to_hash());
        assert_eq!(route.query.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn round_trips_every_view() {
        let views = [
            View::Results,
            View::Concordance { by: ContextSide::Left },
            View::Concordance { by: ContextSide::Right },
            View::Speaker("Bui Hoai Son".into()),
            View::Country("VNM".into()),
            View::Compare("A".into(), "B".into()),
        ];
        for view in views {
            let route = Route { view: view.clone(), ..Route::default() };
            assert_eq!(Route::from_hash(&route.to_hash()).view, view);
        }
    }

    #[test]
    fn incomplete_views_fall_back_to_results() {
        assert_eq!(Route::from_hash("#view=speaker").view, View::Results);
        assert_eq!(Route::from_hash("#view=compare&who=A").view, View::Results);
        assert_eq!(Route::from_hash("#view=nonsense&who=A").view, View::Results);
    }

    #[test]
    fn hashes_are_canonical() {
        let route = Route { query: "a b".into(), countries: vec!["RUS".into()], ..Route::default() };
        assert_eq!(route.to_hash(), "#q=a+b&country=RUS");
    }

    #[test]
    fn default_state_is_an_empty_hash() {
        assert_eq!(Route::default().to_hash(), "#");
        assert_eq!(Route::from_hash(""), Route::default());
        assert_eq!(Route::from_hash("#"), Route::default());
    }

    #[test]
    fn ignores_junk_and_keeps_the_rest() {
        let route = Route::from_hash("#q=cyber&p=notanumber&sort=sideways&zzz=1&%FF=%FE&country=VNM&country=VNM");
        assert_eq!(route.query, "cyber");
        assert_eq!(route.sort, SortOrder::Relevance);
        assert_eq!(route.countries, vec!["VNM".to_owned()]);
        assert_eq!(route.reading, None);
    }

    #[test]
    fn attributed_only_by_default_with_no_query_or_a_speaker_field_unless_chosen() {
        assert!(Route::default().attributed_only());
        assert!(Route::from_hash("#q=cyber+orateur%3Awaly").attributed_only());
        assert!(!Route::from_hash("#q=cyber").attributed_only());
        assert!(!Route::from_hash("#attributed=0").attributed_only());
        assert!(Route::from_hash("#q=cyber&attributed=1").attributed_only());
        assert_eq!(Route::default().with_attributed_only(false).to_hash(), "#attributed=0");
    }

    #[test]
    fn each_change_of_state_is_a_named_method() {
        let route = Route::searching("waly", UiLang::En).toggling_speaker("Ghada Waly").between("2025-10".parse().ok(), None);
        assert_eq!(route.to_hash(), "#q=waly&speaker=Ghada+Waly&from=2025-10&lang=en");
        assert_eq!(route.toggling_speaker("Ghada Waly").speakers, Vec::<String>::new());
        let reading = Reading { file: "a.txt".into(), passage: Some(2) };
        assert_eq!(route.reading(reading.clone()).closed(), route);
        assert_eq!(Route::permalink(reading, UiLang::Fr).to_hash(), "#doc=a.txt&p=2");
        // Typed dates: what does not read is dropped, what reads keeps its precision.
        let parsed = Route::from_hash("#from=2025-10&to=hier");
        assert_eq!(parsed.date_from.map(|d| d.to_string()).as_deref(), Some("2025-10"));
        assert_eq!(parsed.date_to, None);
    }

    #[test]
    fn toggle_adds_then_removes() {
        let once = toggle(&[], "RUS");
        assert_eq!(once, vec!["RUS".to_owned()]);
        assert!(toggle(&once, "RUS").is_empty());
    }
}
