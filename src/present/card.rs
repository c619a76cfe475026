//! One statement as a result card shows it: who, when, where, the snippet
//! with its marks, how much of it is quoted, and the permalink it opens.

use super::*;

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
    /// How much of the main speaker's statement is quoted; `None` for
    /// narration.
    pub kind: Option<StatementKind>,
    /// The words between quotation marks, marks excluded, in order: all a
    /// citation may put in quotation marks.
    pub quoted: Vec<String>,
    /// How many speakers besides the main one the passage quotes.
    pub other_speakers: usize,
    /// How many results are passages of the same article (this one included).
    pub article_matches: usize,
}

/// The statement a permalink points at, for the "selected" event of embeds.
pub fn statement(index: &Index<'_>, reading: &Reading, lang: UiLang) -> Option<Card> {
    let document = document_by_file(index, &reading.file)?;
    let id = document.passages.start.checked_add(reading.passage?)?;
    document.passages.contains(&id).then_some(())?;
    card(index, PassageId(id), None, lang)
}

/// A result card; `hit` brings its snippet and highlights when the card
/// comes from a search, otherwise the whole passage is shown plain.
pub(super) fn card(index: &Index<'_>, id: PassageId, hit: Option<&search::Hit>, lang: UiLang) -> Option<Card> {
    let passage = index.passage(id)?;
    let document = index.document(passage.document)?;
    let snippet = hit.map(|hit| hit.snippet.clone()).unwrap_or_else(|| search::Snippet {
        text: passage.text.to_owned(),
        ..search::Snippet::default()
    });
    let statements = index.statements(id);
    let mut who = who(index, passage.speaker, passage.country, lang);
    // The engine marks the name; an English label is other text.
    if who.speaker_label == who.speaker {
        who.speaker_highlights = hit.map(|hit| hit.speaker_highlights.clone()).unwrap_or_default();
    }
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
        kind: statements.first().map(|statement| statement.kind),
        quoted: quoted_spans(passage.text)
            .iter()
            .filter_map(|span| passage.text.get(span.range()))
            .map(|words| words.trim().to_owned())
            .collect(),
        other_speakers: statements.iter().filter(|s| index.speaker(s.speaker).is_some()).count().saturating_sub(1),
        article_matches: hit.map_or(1, |hit| hit.document_matches),
    })
}
