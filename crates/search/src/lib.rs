//! Offline full-text search over the Hanoi Convention corpus.
//!
//! At build time an [`IndexBuilder`] analyses the passages and writes one
//! blob; at run time (native or wasm) [`Index::open`] reads that blob in
//! place and answers [`SearchRequest`]s with ranked hits, snippets and
//! facet counts. See the crate README for the blob format and the query
//! syntax.
//!
//! The modules follow the data, each using only those before it:
//! [`analysis`] and `stopwords` (shared by both sides); `format`, `codec`
//! and `postings` (the bytes, both ways); [`equivalence`] (groups of
//! equivalent words, both ways); `builder` (writing); `index` (reading the
//! blob, nothing else); `query`, `expand` with `levenshtein`, `evaluate`
//! with `bitset`, `filters`, `rank`, `facets`, `snippet` and `suggest`
//! (answering), wired together by the [`Searcher`], which owns the index
//! and the state searches share; `distinctive` (the words typical of a
//! speaker or a country); [`order`] (every sort, for the crate and the
//! page, through one copy of the sorting code); `topics` (the words typical of the corpus, for a
//! kiosk to suggest); `quotes` (the quoted words of a passage, for the
//! corpus builder and the page alike); `types` holds the values the app sees.

// Library code answers every input, however hostile, with a value or an
// error, never a panic (fuzz/ checks it; `make test-lints` runs clippy): no
// unwrap, expect or panic outside tests. A constant that cannot fail says so
// with an `allow` and a reason where it is built.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

pub mod analysis;
mod bitset;
mod builder;
mod codec;
mod distinctive;
pub mod equivalence;
mod evaluate;
mod expand;
mod facets;
mod filters;
mod format;
mod index;
mod lead;
pub mod levenshtein;
pub mod order;
mod postings;
mod query;
mod quotes;
mod rank;
mod searcher;
mod snippet;
mod stopwords;
mod suggest;
mod topics;
mod types;

pub use builder::IndexBuilder;
pub use expand::allowed_edits;
pub use format::Section;
pub use index::{Index, IndexError};
pub use quotes::quoted_spans;
pub use query::names_a_speaker;
pub use searcher::Searcher;
pub use types::{
    CountryId, CountryRecord, CountryView, Date, DateParseError, DocId, DocumentRecord, DocumentView, Facets, Filters,
    Hit, Interpretation, KwicLine, Lang, PassageId, PassageRecord, PassageView, PerFacet, SearchRequest, SearchResults, Snippet, Sort,
    Span, SpeakerId, SpeakerRecord, SpeakerView, StatementKind, StatementRecord, Evidence,
};
