//! An article in the reading view: its passages under their sections, who
//! speaks in each, and the evidence each attribution rests on.

use super::*;

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

/// Where the focused passage stands among the article's matches, for the
/// reading bar's "3 sur 7" and its previous / next links.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchNav {
    pub previous: Option<u32>,
    /// The next match, or the first one again after the last.
    pub next: Option<u32>,
    /// `next` goes back to the first match: the focused one is the last.
    pub wraps: bool,
    /// 1-based rank of the focused passage among the matches, when it is one.
    pub position: Option<usize>,
    pub total: usize,
}

impl Article {
    /// The matches around the focused passage; passages without a hit of
    /// the query are skipped.
    pub fn match_nav(&self) -> MatchNav {
        let focused = self.passages.iter().find(|passage| passage.focused).map(|passage| passage.ordinal);
        let matching: Vec<u32> =
            self.passages.iter().filter(|passage| !passage.text.highlights.is_empty()).map(|passage| passage.ordinal).collect();
        let before = |at: u32| matching.iter().copied().rev().find(|&ordinal| ordinal < at);
        let after = |at: u32| matching.iter().copied().find(|&ordinal| ordinal > at);
        let previous = focused.and_then(before);
        let following = match focused {
            Some(at) => after(at),
            None => matching.first().copied(),
        };
        // Past the last match the reader goes round to the first, told so.
        let wraps = following.is_none() && matching.len() > 1;
        MatchNav {
            previous,
            next: following.or_else(|| matching.first().copied().filter(|_| wraps)),
            wraps,
            position: focused.and_then(|at| matching.iter().position(|&ordinal| ordinal == at)).map(|at| at + 1),
            total: matching.len(),
        }
    }
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
                evidence: attributions(index, id, document.passages.clone(), route.lang),
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

/// A passage's attributions and what each rests on; a continuation names
/// its passage by ordinal in the article that starts at passage `first`.
pub(super) fn attributions(index: &Index<'_>, id: PassageId, passages: std::ops::Range<u32>, lang: UiLang) -> Vec<Attribution> {
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
            Some(Attribution { speaker: index.speaker(statement.speaker)?.label(lang == UiLang::En).to_owned(), basis })
        })
        .collect()
}
