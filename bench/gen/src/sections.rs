//! Splits the blob's size by section, so the index-size target can be stated
//! three ways: the search structures alone (term fst, postings, stored
//! completions), everything but the stored strings (adding the fixed-width
//! records and facet lists), and the whole blob.
//!
//! Names and sizes come from `Index::sizes()`; the byte ranges, needed to
//! gzip each section alone, from the blob's section table (layout in
//! `crates/search/README.md`: a 24-byte header, then an `(offset u32,
//! length u32)` pair per section, in the same order).

use search::{Index, Section};

const HEADER_LEN: usize = 24;

/// What a section is for, in the three tiers above.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// The fst term dictionary, the postings and the stored completions:
    /// what matching words to passages needs.
    Terms,
    /// Records, facet lists, statistics: needed to show and count results.
    Records,
    /// The stored strings, passage text above all.
    Text,
}

impl Group {
    pub fn name(self) -> &'static str {
        match self {
            Group::Terms => "terms",
            Group::Records => "records",
            Group::Text => "text",
        }
    }
}

pub struct SectionSize {
    pub name: String,
    pub group: Group,
    pub bytes: std::ops::Range<usize>,
}

/// The sections of `blob`, opened as `index`, or why the table does not
/// match the sizes the index reports (then the report shows totals only).
pub fn read(index: &Index, blob: &[u8]) -> Result<Vec<SectionSize>, String> {
    let u32_at = |at: usize| blob.get(at..at + 4).map(|b| u32::from_le_bytes(b.try_into().unwrap()) as usize);
    index
        .sizes()
        .into_iter()
        .enumerate()
        .map(|(i, (section, len))| {
            let name = format!("{section:?}");
            let offset = u32_at(HEADER_LEN + i * 8).filter(|_| u32_at(HEADER_LEN + i * 8 + 4) == Some(len));
            let group = match section {
                Section::Terms | Section::Postings | Section::Completions => Group::Terms,
                Section::Strings => Group::Text,
                _ => Group::Records,
            };
            match offset {
                Some(o) if o + len <= blob.len() => Ok(SectionSize { name, group, bytes: o..o + len }),
                _ => Err(format!("section {name}: the blob's table disagrees with Index::sizes()")),
            }
        })
        .collect()
}
