//! The first screen is about who said what: one line on what the corpus
//! holds (attributed statements, their speakers, outlets and dates), and
//! the kind of each statement, quoted or reported, for its card.

use super::*;

/// What the corpus holds, counted over attributed statements only.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CorpusSummary {
    pub statements: usize,
    pub speakers: usize,
    pub sources: usize,
    /// The first and last dates, as the page writes dates.
    pub span: Option<(String, String)>,
}

pub fn corpus_summary(searcher: &Searcher<'_>, lang: UiLang) -> CorpusSummary {
    let index = searcher.index();
    let every_statement = request(index, &Route { attributed: Some(true), lang, ..Route::default() }, 0);
    let counts = searcher.search(&every_statement);
    let dates = searcher.matches(&every_statement).into_iter().filter_map(|id| index.passage(id)?.date);
    let span = dates.fold(None, |span: Option<(Date, Date)>, date| match span {
        None => Some((date, date)),
        Some((first, last)) => Some((first.min(date), last.max(date))),
    });
    CorpusSummary {
        statements: counts.total,
        speakers: counts.facets.speakers.len(),
        sources: counts.facets.outlets.len(),
        span: span.map(|(first, last)| (date_label(lang, first), date_label(lang, last))),
    }
}

impl CorpusSummary {
    /// "1 234 déclarations de 56 orateurs, 7 sources, de mai 2020 à octobre 2025".
    pub fn line(&self, lang: UiLang) -> String {
        let strings = lang.strings();
        let mut line = strings
            .corpus_line
            .replace("{statements}", &self.statements.to_string())
            .replace("{speakers}", &self.speakers.to_string())
            .replace("{sources}", &self.sources.to_string());
        if let Some((first, last)) = &self.span {
            line.push_str(&strings.corpus_dates.replace("{first}", first).replace("{last}", last));
        }
        line
    }
}

/// The label a card shows for a statement's kind.
pub fn kind_label(kind: search::StatementKind, lang: UiLang) -> &'static str {
    let strings = lang.strings();
    match kind {
        search::StatementKind::Direct => strings.kind_direct,
        search::StatementKind::Indirect => strings.kind_indirect,
        search::StatementKind::Mixed => strings.kind_mixed,
    }
}
