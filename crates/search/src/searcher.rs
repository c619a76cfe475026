//! The query side: a [`Searcher`] owns an [`Index`] and the state that
//! searching keeps between calls (recent word expansions, the ranking's
//! score arrays, the equivalence table read from the blob), and answers
//! searches with facets and snippets, highlighting for the reading view
//! and the concordance.
//!
//! Each call parses the query, evaluates it to passage bitsets, narrows by
//! the facet selections and ranks what is left; the pieces live in their
//! own modules and this one only wires them together. The state is in
//! cells: a searcher serves one thread (the page's), and no call re-enters
//! another, so a borrow cannot fail.

use std::cell::OnceCell;
use std::ops::Range;

use crate::bitset::BitSet;
use crate::equivalence::LazyEquivalences;
use crate::evaluate::{Context, Evaluation, Literal};
use crate::expand::ExpansionCache;
use crate::facets::{self, FacetTables};
use crate::filters::{self, Selection};
use crate::index::Index;
use crate::query::{parse, ParsedQuery};
use crate::rank::{rank, Scored, Scratch};
use crate::snippet::Highlighter;
use crate::suggest::suggest;
use crate::types::{Hit, Interpretation, KwicLine, PassageId, PerFacet, SearchRequest, SearchResults};

/// Below this many AND matches, passages matching only some words are
/// listed too, ranked after.
const FEW: usize = 5;

/// An index with the state its searches share.
pub struct Searcher<'a> {
    index: Index<'a>,
    expansions: ExpansionCache,
    scratch: Scratch,
    equivalences: LazyEquivalences<'a>,
    /// The passages without a speaker, a country or an outlet.
    lacking: OnceCell<PerFacet<BitSet>>,
    /// Each passage's facet values, numbered for the facet counts.
    facet_tables: OnceCell<FacetTables>,
}

impl std::fmt::Debug for Searcher<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher").field("index", &self.index).finish()
    }
}

/// A query evaluated against the index and the selection.
struct Run<'a> {
    query: ParsedQuery,
    eval: Evaluation<'a>,
    /// Text matches before the facet selection: what facets count.
    matches: BitSet,
    selection: Selection,
    /// `matches` narrowed by every facet: the results.
    results: BitSet,
    /// See [`Interpretation::relaxed`].
    relaxed: Option<usize>,
}

impl<'a> Searcher<'a> {
    pub fn new(index: Index<'a>) -> Searcher<'a> {
        let equivalences = LazyEquivalences::new(index.equivalence_text());
        Searcher { index, expansions: ExpansionCache::default(), scratch: Scratch::default(), equivalences, lacking: OnceCell::new(), facet_tables: OnceCell::new() }
    }

    /// The index searched: records, views and sizes.
    pub fn index(&self) -> &Index<'a> {
        &self.index
    }

    fn lacking(&self) -> &PerFacet<BitSet> {
        self.lacking.get_or_init(|| filters::lacking(&self.index))
    }

    fn evaluate(&self, query: &ParsedQuery, literal: Literal) -> Evaluation<'a> {
        let cx = Context { index: &self.index, expansions: &self.expansions, equivalences: &self.equivalences, literal };
        Evaluation::new(&cx, query)
    }

    fn run(&self, request: &SearchRequest) -> Run<'a> {
        let query = parse(&request.query);
        let literal = if request.as_typed { Literal::AsTyped } else { Literal::Forgiving };
        let eval = self.evaluate(&query, literal);
        let selection = Selection::resolve(&self.index, &self.equivalences, self.lacking(), &query, &request.filters);
        let mut results = eval.all.clone();
        selection.apply(&mut results, None);
        let mut matches = eval.all.clone();
        let mut relaxed = None;
        if literal == Literal::Forgiving && eval.units.len() >= 2 && results.count() < FEW {
            let mut any = eval.any.clone();
            selection.apply(&mut any, None);
            relaxed = (any.count() > results.count()).then_some(results.count());
            matches = eval.any.clone();
            results = any;
        }
        Run { query, eval, matches, selection, results, relaxed }
    }

    fn rank(&self, run: &Run<'a>, request: &SearchRequest, want: usize) -> Vec<Scored> {
        rank(&self.index, &self.scratch, &run.eval, &run.results, request.sort, want)
    }

    /// Runs a search: the page of hits with snippets, the total, the facet
    /// counts, what was searched beyond the words as typed and, when
    /// nothing matched, a suggestion.
    pub fn search(&self, request: &SearchRequest) -> SearchResults {
        let run = self.run(request);
        let index = &self.index;
        let total = run.results.count();
        let ranked = self.rank(&run, request, request.offset.saturating_add(request.limit));
        let hits: Vec<Hit> = match ranked.get(request.offset..) {
            // A page of no hits (the counts a keystroke asks first) builds no highlighter.
            None | Some([]) => Vec::new(),
            Some(page) => {
                let highlighter = Highlighter::new(index, &run.eval);
                page.iter().map(|scored| self.hit(scored, &highlighter, &run.results)).collect()
            }
        };
        let interpretation = Interpretation {
            corrected: run.eval.reading.corrected.iter().map(|(typed, read)| (typed.clone(), as_written(read, &hits))).collect(),
            equivalents: run.eval.reading.equivalents.clone(),
            relaxed: run.relaxed,
        };
        SearchResults {
            total,
            hits,
            facets: facets::count(index, self.facet_tables.get_or_init(|| FacetTables::new(index)), &run.matches, &run.selection),
            suggestion: if total == 0 { suggest(index, &self.expansions, &request.query, &run.query) } else { None },
            query_terms: run.query.terms(),
            interpretation,
        }
    }

    /// One ranked passage as a hit: its snippet, its title's and speaker's
    /// highlights, and how many passages of its article match.
    fn hit(&self, scored: &Scored, highlighter: &Highlighter<'_, 'a>, results: &BitSet) -> Hit {
        let index = &self.index;
        let p = scored.passage;
        let doc = index.passage_document(p);
        let title = doc.and_then(|doc| index.document_title(doc));
        let speaker = index.passage_speaker(p).and_then(|speaker| index.speaker_name(speaker));
        let siblings = doc.and_then(|doc| index.document_passages(doc)).unwrap_or(p..p + 1);
        Hit {
            passage: PassageId(p),
            score: scored.score,
            snippet: highlighter.snippet(index.passage_text(p).unwrap_or("")),
            title_highlights: highlighter.ranges(title.unwrap_or("")),
            speaker_highlights: highlighter.ranges(speaker.unwrap_or("")),
            document_matches: siblings.filter(|&s| results.contains(s)).count(),
        }
    }

    /// The request's page of passages in rank order, without the snippets,
    /// facet counts and suggestion of [`Searcher::search`]: for exports,
    /// which want every result and show none of them.
    pub fn ranked(&self, request: &SearchRequest) -> Vec<PassageId> {
        let run = self.run(request);
        let want = request.offset.saturating_add(request.limit);
        self.rank(&run, request, want).into_iter().skip(request.offset).map(|s| PassageId(s.passage)).collect()
    }

    /// Every passage matching the query and filters with all its words (no
    /// OR fallback), in id order: the plain set semantics of a query.
    pub fn matches(&self, request: &SearchRequest) -> Vec<PassageId> {
        let query = parse(&request.query);
        let literal = if request.as_typed { Literal::AsTyped } else { Literal::Forgiving };
        let mut results = self.evaluate(&query, literal).all;
        Selection::resolve(&self.index, &self.equivalences, self.lacking(), &query, &request.filters).apply(&mut results, None);
        results.iter().map(PassageId).collect()
    }

    /// Byte ranges of the passage text matching the query's words and
    /// phrases, for the reading view. Sorted and disjoint.
    pub fn highlight(&self, query: &str, passage: PassageId) -> Vec<Range<usize>> {
        let Some(text) = self.index.passage_text(passage.0) else { return Vec::new() };
        let eval = self.evaluate(&parse(query), Literal::Forgiving);
        Highlighter::new(&self.index, &eval).ranges(text)
    }

    /// Keyword-in-context lines for the request's matches in rank order:
    /// one line per highlighted word, `width` characters each side, at most
    /// `limit` lines. The request's offset and limit are not used.
    pub fn concordance(&self, request: &SearchRequest, width: usize, limit: usize) -> Vec<KwicLine> {
        let run = self.run(request);
        let highlighter = Highlighter::new(&self.index, &run.eval);
        let mut lines = Vec::new();
        for scored in self.rank(&run, request, limit) {
            if lines.len() >= limit {
                break;
            }
            if let Some(text) = self.index.passage_text(scored.passage) {
                highlighter.kwic(PassageId(scored.passage), text, width, limit, &mut lines);
            }
        }
        lines
    }
}

/// `folded` as a hit's snippet writes it (with its accents), else as is.
fn as_written(folded: &str, hits: &[Hit]) -> String {
    hits.iter()
        .flat_map(|hit| hit.snippet.highlights.iter().filter_map(|r| hit.snippet.text.get(r.clone())))
        .find(|written| crate::analysis::fold(written) == folded)
        .map_or_else(|| folded.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::IndexBuilder;
    use crate::types::{DocumentRecord, PassageRecord};

    #[test]
    fn the_equivalences_are_read_only_when_a_search_has_words_or_filter_values() {
        let mut builder = IndexBuilder::new();
        let document = builder.add_document(DocumentRecord { title: "Un titre".into(), file: "a.txt".into(), ..Default::default() });
        builder.add_passage(PassageRecord { section: None, document, text: "Le rançongiciel frappe.".into(), statements: Vec::new(), mentions: Vec::new() });
        builder.add_equivalence(&["rançongiciel", "ransomware"]);
        let blob = builder.finish();
        let searcher = Searcher::new(Index::open(&blob).expect("a blob just built opens"));
        searcher.search(&SearchRequest::default());
        assert!(!searcher.equivalences.is_read(), "the latest statements need no equivalences");
        let found = searcher.search(&SearchRequest { query: "ransomware".into(), ..SearchRequest::default() });
        assert!(searcher.equivalences.is_read());
        assert_eq!(found.total, 1, "the equivalent still finds the passage");
    }

    #[test]
    fn the_first_letters_typed_light_up_the_completions_they_match() {
        let mut builder = IndexBuilder::new();
        let document = builder.add_document(DocumentRecord { title: "Une note".into(), file: "a.txt".into(), ..Default::default() });
        let text = "La cybercriminalité coûte cher aux centres de données.";
        builder.add_passage(PassageRecord { section: None, document, text: text.into(), statements: Vec::new(), mentions: Vec::new() });
        let blob = builder.finish();
        let searcher = Searcher::new(Index::open(&blob).expect("a blob just built opens"));
        for typed in ["c", "cy", "cybe"] {
            let found = searcher.search(&SearchRequest { query: typed.into(), limit: 1, ..SearchRequest::default() });
            let snippet = &found.hits[0].snippet;
            let lit: Vec<&str> = snippet.highlights.iter().map(|r| &snippet.text[r.clone()]).collect();
            assert!(lit.contains(&"cybercriminalité"), "{typed:?} lit {lit:?}");
            if typed == "c" {
                assert!(lit.contains(&"coûte") && lit.contains(&"centres"), "{typed:?} lit {lit:?}");
            }
        }
    }
}
