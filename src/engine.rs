//! The embedded corpus index, opened once and handed to components by context.
//!
//! Opening is cheap: the `search` crate reads the fst and postings in place, so
//! nothing is parsed or copied when the page starts; it still happens once.

use std::{ops::Deref, rc::Rc};

use search::{Index, IndexError, Searcher};

static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// SHA-256 of the embedded index, as the build printed it.
pub const CORPUS_SHA256: &str = env!("HANOI_CORPUS_SHA256");

/// A cheaply cloned handle to the index, comparable by identity so yew can
/// pass it through a context without comparing whole indexes.
#[derive(Clone)]
pub struct Engine(Rc<Searcher<'static>>);

thread_local! {
    /// The blob never changes while the page lives, so it is checked and
    /// opened once, however many explorers and API calls share the page.
    static OPENED: Result<Engine, IndexError> = Index::open(INDEX_BYTES).map(|index| Engine(Rc::new(Searcher::new(index))));
}

impl Engine {
    pub fn open() -> Result<Self, IndexError> {
        OPENED.with(Clone::clone)
    }
}

impl PartialEq for Engine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Engine {
    type Target = Searcher<'static>;

    fn deref(&self) -> &Searcher<'static> {
        &self.0
    }
}
