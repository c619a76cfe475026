//! The query entry points of [`Index`]: search with facets and snippets,
//! highlighting for the reading view, and the concordance.
//!
//! Each call parses the query, evaluates it to passage bitsets, narrows by
//! the facet selections and ranks what is left; the pieces live in their
//! own modules and this one only wires them together.

use std::ops::Range;

use crate::bitset::BitSet;
use crate::evaluate::Evaluation;
use crate::facets;
use crate::filters::Selection;
use crate::index::Index;
use crate::query::parse;
use crate::rank::rank;
use crate::snippet::Highlighter;
use crate::suggest::suggest;
use crate::types::{Hit, KwicLine, PassageId, SearchRequest, SearchResults};

/// Below this many AND matches, passages matching only some words are
/// listed too, ranked after.
const FEW: usize = 5;

/// A query evaluated against the index and the selection.
struct Run<'a> {
    eval: Evaluation<'a>,
    /// Text matches before the facet selection: what facets count.
    matches: BitSet,
    selection: Selection,
    /// `matches` narrowed by every facet: the results.
    results: BitSet,
}

impl<'a> Index<'a> {
    fn run(&self, request: &SearchRequest) -> (Run<'a>, crate::query::ParsedQuery) {
        let query = parse(&request.query);
        let eval = Evaluation::new(self, &query);
        let selection = Selection::resolve(self, &query, &request.filters);
        let mut results = eval.all.clone();
        selection.apply(&mut results, None);
        let mut matches = eval.all.clone();
        if eval.required >= 2 && results.count() < FEW {
            matches = eval.any.clone();
            results = eval.any.clone();
            selection.apply(&mut results, None);
        }
        (Run { eval, matches, selection, results }, query)
    }

    /// Runs a search: the page of hits with snippets, the total, the facet
    /// counts and, when nothing matched, a suggestion.
    pub fn search(&self, request: &SearchRequest) -> SearchResults {
        let (run, query) = self.run(request);
        let total = run.results.count();
        let want = request.offset.saturating_add(request.limit);
        let ranked = rank(self, &run.eval, &run.results, request.sort, want);
        let highlighter = Highlighter::new(self, &run.eval);
        let hits = ranked
            .into_iter()
            .skip(request.offset)
            .map(|scored| {
                let p = scored.passage;
                let title = self.passage_document(p).and_then(|doc| self.document_title(doc));
                let speaker = self.passage_speaker(p).and_then(|speaker| self.speaker_name(speaker));
                Hit {
                    passage: PassageId(p),
                    score: scored.score,
                    snippet: highlighter.snippet(self.passage_text(p).unwrap_or("")),
                    title_highlights: highlighter.ranges(title.unwrap_or("")),
                    speaker_highlights: highlighter.ranges(speaker.unwrap_or("")),
                }
            })
            .collect();
        SearchResults {
            total,
            hits,
            facets: facets::count(self, &run.matches, &run.selection),
            suggestion: if total == 0 { suggest(self, &request.query, &query) } else { None },
            query_terms: query.terms(),
        }
    }

    /// The request's page of passages in rank order, without the snippets,
    /// facet counts and suggestion of [`Index::search`]: for exports, which
    /// want every result and show none of them.
    pub fn ranked(&self, request: &SearchRequest) -> Vec<PassageId> {
        let (run, _) = self.run(request);
        let want = request.offset.saturating_add(request.limit);
        rank(self, &run.eval, &run.results, request.sort, want).into_iter().skip(request.offset).map(|s| PassageId(s.passage)).collect()
    }

    /// Every passage matching the query and filters with all its words (no
    /// OR fallback), in id order: the plain set semantics of a query.
    pub fn matches(&self, request: &SearchRequest) -> Vec<PassageId> {
        let query = parse(&request.query);
        let eval = Evaluation::new(self, &query);
        let mut results = eval.all;
        Selection::resolve(self, &query, &request.filters).apply(&mut results, None);
        results.iter().map(PassageId).collect()
    }

    /// Byte ranges of the passage text matching the query's words and
    /// phrases, for the reading view. Sorted and disjoint.
    pub fn highlight(&self, query: &str, passage: PassageId) -> Vec<Range<usize>> {
        let Some(text) = self.passage_text(passage.0) else { return Vec::new() };
        let eval = Evaluation::new(self, &parse(query));
        Highlighter::new(self, &eval).ranges(text)
    }

    /// Keyword-in-context lines for the request's matches in rank order:
    /// one line per highlighted word, `width` characters each side, at most
    /// `limit` lines. The request's offset and limit are not used.
    pub fn concordance(&self, request: &SearchRequest, width: usize, limit: usize) -> Vec<KwicLine> {
        let (run, _) = self.run(request);
        let highlighter = Highlighter::new(self, &run.eval);
        let mut lines = Vec::new();
        for scored in rank(self, &run.eval, &run.results, request.sort, limit) {
            if lines.len() >= limit {
                break;
            }
            if let Some(text) = self.passage_text(scored.passage) {
                highlighter.kwic(PassageId(scored.passage), text, width, limit, &mut lines);
            }
        }
        lines
    }
}
