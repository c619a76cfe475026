//! The concordance: every occurrence of the query with its context on
//! either side, sorted by the words before or after it, with who said it,
//! for whom and when, as researchers cite a line; and its own CSV.

use search::order;

use super::*;

/// Keyword-in-context lines shown at most, and characters of context each side.
pub(super) const CONCORDANCE_LINES: usize = 300;

pub(super) const CONCORDANCE_WIDTH: usize = 60;

#[derive(Clone, Debug, PartialEq)]
pub struct ConcordanceLine {
    pub reading: Reading,
    pub left: String,
    pub keyword: String,
    pub right: String,
    pub who: Who,
    pub date: Option<String>,
    /// ISO form of the date, for the CSV.
    pub iso_date: Option<String>,
    pub title: String,
    pub outlet: Option<String>,
}

pub fn concordance(searcher: &Searcher<'_>, route: &Route, by: ContextSide) -> Vec<ConcordanceLine> {
    let index = searcher.index();
    let mut lines: Vec<ConcordanceLine> = searcher
        .concordance(&request(index, route, CONCORDANCE_LINES), CONCORDANCE_WIDTH, CONCORDANCE_LINES)
        .into_iter()
        .filter_map(|line| {
            let passage = index.passage(line.passage)?;
            let document = index.document(passage.document)?;
            Some(ConcordanceLine {
                reading: reading_of(index, line.passage)?,
                left: line.left,
                keyword: line.keyword,
                right: line.right,
                who: who(index, passage.speaker, passage.country, route.lang),
                date: passage.date.map(|date| date_label(route.lang, date)),
                iso_date: passage.date.map(|date| date.to_string()),
                title: document.title.to_owned(),
                outlet: document.outlet.map(str::to_owned),
            })
        })
        .collect();
    // Sorting by the words nearest the keyword groups recurring phrases together.
    match by {
        ContextSide::Right => order::sort_by_owned_key(&mut lines, |line| (0, sort_key(line.right.split_whitespace()))),
        ContextSide::Left => order::sort_by_owned_key(&mut lines, |line| (0, sort_key(line.left.split_whitespace().rev()))),
    }
    lines
}

/// The first four words, lowercased, joined by a character below every
/// other, so that keys compare as the lists of words would.
fn sort_key<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.take(4).map(str::to_lowercase).collect::<Vec<_>>().join("\u{0}")
}

/// "12 occurrences dans 9 passages": a passage can hold the word several
/// times, so the count says which it counts, and that lines stop at the cap.
pub fn concordance_count(lines: &[ConcordanceLine], lang: UiLang) -> String {
    let strings = lang.strings();
    let mut passages: Vec<&Reading> = lines.iter().map(|line| &line.reading).collect();
    order::sort_by_key(&mut passages, |reading| (reading.passage.map_or(0, |p| u128::from(p) + 1), reading.file.as_str()));
    passages.dedup();
    let mut count = strings
        .concordance_count
        .replace("{occurrences}", &lines.len().to_string())
        .replace("{passages}", &passages.len().to_string());
    if lines.len() >= CONCORDANCE_LINES {
        count.push_str(&strings.concordance_capped.replace("{}", &CONCORDANCE_LINES.to_string()));
    }
    count
}

/// The CSV header of [`concordance_csv`].
pub const CONCORDANCE_COLUMNS: [&str; 10] =
    ["left", "keyword", "right", "speaker", "country", "country_code", "date", "outlet", "title", "permalink"];

/// The concordance as a spreadsheet opens it: a UTF-8 byte-order mark (so
/// accents survive Excel), one column per field, cells guarded against
/// formulas as the result export's are, permalinks absolute against `page_url`.
pub fn concordance_csv(lines: &[ConcordanceLine], page_url: &str, lang: UiLang) -> String {
    let base = page_url.split('#').next().unwrap_or(page_url);
    let mut out = String::from('\u{feff}');
    let mut push = |cells: [&str; 10]| {
        let escaped: Vec<String> = cells.into_iter().map(csv_cell).collect();
        out.push_str(&escaped.join(","));
        out.push_str("\r\n");
    };
    push(CONCORDANCE_COLUMNS);
    for line in lines {
        let permalink = format!("{base}{}", Route::permalink(line.reading.clone(), lang).to_hash());
        push([
            line.left.trim(),
            &line.keyword,
            line.right.trim(),
            line.who.speaker_label.as_deref().unwrap_or_default(),
            line.who.country.as_deref().unwrap_or_default(),
            line.who.country_code.as_deref().unwrap_or_default(),
            line.iso_date.as_deref().unwrap_or_default(),
            line.outlet.as_deref().unwrap_or_default(),
            &line.title,
            &permalink,
        ]);
    }
    out
}
