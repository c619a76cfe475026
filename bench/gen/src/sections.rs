//! Splits the blob's size by section, read from the blob's own section table
//! (layout documented in `crates/search/src/format.rs`: a 24-byte header,
//! then an `(offset u32, length u32)` pair per section).
//!
//! The index-size target is stated with and without stored text, so the
//! sections are grouped into "search structures" (fst dictionaries,
//! postings, stem tables, statistics) and "stored records" (passage text and
//! every other string, the fixed-width records, facet lists).

const HEADER_LEN: usize = 24;

/// Section names in blob order, and whether each is a search structure.
const SECTIONS: &[(&str, bool)] = &[
    ("strings", false),
    ("countries", false),
    ("speakers", false),
    ("documents", false),
    ("passages", false),
    ("lists", false),
    ("terms fst", true),
    ("term offsets", true),
    ("postings", true),
    ("stems fst", true),
    ("stem terms", true),
    ("stats", true),
];

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
    if count != SECTIONS.len() {
        return Err(format!("blob has {count} sections, the bench knows {}", SECTIONS.len()));
    }
    SECTIONS
        .iter()
        .enumerate()
        .map(|(i, &(name, search_structure))| {
            let (offset, len) = (u32_at(HEADER_LEN + i * 8), u32_at(HEADER_LEN + i * 8 + 4));
            match (offset, len) {
                (Some(o), Some(l)) if o + l <= blob.len() => {
                    Ok(SectionSize { name: name.into(), search_structure, bytes: o..o + l })
                }
                _ => Err(format!("section {name} lies outside the blob")),
            }
        })
        .collect()
}
