//! A speaker's or a country's page: their statements, the words typical of
//! them and their timeline; and the names the compare view picks from.

use search::order;

use super::*;

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
pub(super) const DISTINCTIVE_WORDS: usize = 12;

/// A profile's statements, oldest first, with the facet counts of its page.
/// The engine is asked for counts only (a page of no hits) and for the plain
/// set of matches: a profile shows whole passages, so ranking them and cutting
/// a snippet from each would be thrown away.
pub(super) fn profile_statements(searcher: &Searcher<'_>, request: &SearchRequest, lang: UiLang) -> (search::SearchResults, Vec<Card>) {
    let index = searcher.index();
    let counts = searcher.search(request);
    let mut dated: Vec<(Option<Date>, PassageId)> =
        searcher.matches(request).into_iter().filter_map(|id| Some((index.passage(id)?.date, id))).collect();
    // Undated passages last, then by date, then in reading order.
    order::sort_by_key(&mut dated, |&(date, PassageId(id))| {
        order::numbers([u32::from(date.is_none()), date.map_or(0, Date::order_key), id])
    });
    let cards = dated.into_iter().filter_map(|(_, id)| card(index, id, None, lang)).collect();
    (counts, cards)
}

/// A speaker's page; a `query` keeps only the statements matching it, as
/// the compare view narrows both columns.
pub fn speaker_profile(searcher: &Searcher<'_>, name: &str, query: &str, lang: UiLang) -> Option<Profile> {
    let index = searcher.index();
    let (id, view) = index.speakers().find(|(_, speaker)| speaker.name == name)?;
    let route =
        Route { query: query.to_owned(), speakers: vec![name.to_owned()], sort: SortOrder::Oldest, lang, ..Route::default() };
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
        heading: view.label(lang == UiLang::En).to_owned(),
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
    // Narration about the country stays on its page, as before the first
    // screen kept to attributed statements.
    let route = Route {
        countries: vec![code.clone()],
        sort: SortOrder::Oldest,
        lang,
        attributed: Some(false),
        ..Route::default()
    };
    let scope = request(index, &route, 0);
    let (results, statements) = profile_statements(searcher, &scope, lang);
    let speakers = results
        .facets
        .speakers
        .iter()
        .filter_map(|&(speaker, count)| {
            let speaker = index.speaker(speaker)?;
            (speaker.country == Some(id)).then(|| FacetEntry::speaker(&speaker, count, false, lang))
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
    // "A" before "a" when they differ only in case, as in a stable listing.
    order::sort_by_owned_key(&mut names, |name| (0, format!("{}\u{0}{name}", name.to_lowercase())));
    names
}
