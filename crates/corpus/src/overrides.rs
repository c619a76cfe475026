//! Editors' overrides (placeholder).
use crate::{Corpus, CorpusError, Warning};
use std::path::Path;

pub struct Overrides;

pub fn load(path: &Path) -> Result<Option<Overrides>, CorpusError> {
    let _ = path;
    Ok(None)
}

impl Overrides {
    pub fn apply(&self, _corpus: &mut Corpus) -> Vec<Warning> {
        Vec::new()
    }
}
