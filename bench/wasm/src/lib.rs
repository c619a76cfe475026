//! The search engine behind the smallest JS surface that lets Node time it:
//! open a blob, run a keystroke's search, list a query's matches; and the
//! typo walk with two automata (hanoi-bench-automata), timed inside.
//!
//! Timing is done in JS with `performance.now()` around each call, so the
//! numbers include crossing the wasm boundary with the query string, as the
//! page does. The call does the page's whole work (hits, 10 snippets, facet
//! counts) and returns only the total, so no result marshalling is timed
//! that the page would not pay.

use std::cell::Cell;

use search::{Filters, Index, SearchRequest, Searcher, Sort};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The open index. Its blob is leaked on purpose: `Index` borrows the
    /// bytes, and a bench process opens exactly one corpus for its lifetime.
    static INDEX: Cell<Option<&'static Searcher<'static>>> = const { Cell::new(None) };
}

fn index() -> Result<&'static Searcher<'static>, JsError> {
    INDEX.with(Cell::get).ok_or_else(|| JsError::new("call open(bytes) first"))
}

/// Opens (and validates) a blob written by `search::IndexBuilder`.
#[wasm_bindgen]
pub fn open(bytes: Vec<u8>) -> Result<(), JsError> {
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let index = Index::open(bytes).map_err(|e| JsError::new(&format!("{e:?}")))?;
    INDEX.with(|slot| slot.set(Some(Box::leak(Box::new(Searcher::new(index))))));
    Ok(())
}

/// One keystroke's search: `limit` hits with snippets plus facet counts.
/// Returns the total number of matching passages.
#[wasm_bindgen]
pub fn search(query: &str, limit: usize) -> Result<u32, JsError> {
    let results = index()?.search(&request(query, limit));
    Ok(results.total as u32)
}

/// Every passage matching all the query's words, by id: what the recall
/// check compares with the expected passages.
#[wasm_bindgen]
pub fn matches(query: &str) -> Result<Vec<u32>, JsError> {
    Ok(index()?.matches(&request(query, 0)).into_iter().map(|p| p.0).collect())
}

fn request(query: &str, limit: usize) -> SearchRequest {
    SearchRequest { query: query.to_string(), filters: Filters::default(), sort: Sort::Relevance, offset: 0, limit, as_typed: false }
}

#[wasm_bindgen]
extern "C" {
    /// Milliseconds, Node's global clock.
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

/// The typo walk with both automata over a dictionary given one term a
/// line, sorted, `reps` times: the report's JSON.
#[wasm_bindgen]
pub fn automata(dictionary: &str, reps: usize) -> Result<String, JsError> {
    let terms: Vec<String> = dictionary.lines().filter(|line| !line.is_empty()).map(str::to_owned).collect();
    let report = hanoi_bench_automata::compare(&terms, reps, &|| now() * 1000.0).map_err(|e| JsError::new(&e))?;
    Ok(report.to_string())
}
