//! The concordance: every occurrence of the query with its context on
//! either side, sorted by the words before or after it.

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

pub(super) fn sort_key<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    words.take(4).map(str::to_lowercase).collect()
}
