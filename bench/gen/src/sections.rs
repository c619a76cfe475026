//! Splits the blob's size by section, read from the blob's own section table
//! (layout documented in `crates/search/src/format.rs`: a 24-byte header,
//! then an `(offset u32, length u32)` pair per section, in `Section` order).
//!
//! The index-size target is stated with and without stored text, so the
//! sections are grouped into search structures (fst dictionaries, postings,
//! stem tables, statistics) and stored records (passage text and every other
//! string, the fixed-width records, facet lists).

use search::Section;

const HEADER_LEN: usize = 24;

/// Every section, in blob order (the enum's discriminant order).
const ALL: [Section; 11] = [
    Section::Strings,
    Section::Countries,
    Section::Speakers,
    Section::Documents,
    Section::Passages,
    Section::Lists,
    Section::Terms,
    Section::Postings,
    Section::Stems,
    Section::StemTerms,
    Section::Stats,
];

/// Whether a section exists only to answer queries. Exhaustive on purpose:
/// a section added to the format stops this from compiling until it is
/// classified (and added to [`ALL`]).
fn is_search_structure(section: Section) -> bool {
    match section {
        Section::Strings
        | Section::Countries
        | Section::Speakers
        | Section::Documents
        | Section::Passages
        | Section::Lists => false,
        Section::Terms | Section::Postings | Section::Stems | Section::StemTerms | Section::Stats => true,
    }
}

pub struct SectionSize {
    pub name: String,
    pub search_structure: bool,
    pub bytes: std::ops::Range<usize>,
}

/// The sections, or an error when the table does not look like the layout
/// above (then the report shows the blob total only, and says why).
pub fn read(blob: &[u8]) -> Result<Vec<SectionSize>, String> {
    let u32_at = |at: usize| blob.get(at..at + 4).map(|b| u32::from_le_bytes(b.try_into().unwrap()) as usize);
    let count = u32_at(12).ok_or("blob shorter than its header")?;
    if count != ALL.len() {
        return Err(format!("blob has {count} sections, the bench knows {}", ALL.len()));
    }
    ALL.iter()
        .map(|&section| {
            let entry = HEADER_LEN + section as usize * 8;
            let name = format!("{section:?}");
            match (u32_at(entry), u32_at(entry + 4)) {
                (Some(o), Some(l)) if o + l <= blob.len() => {
                    Ok(SectionSize { name, search_structure: is_search_structure(section), bytes: o..o + l })
                }
                _ => Err(format!("section {name} lies outside the blob")),
            }
        })
        .collect()
}
