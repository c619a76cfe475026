//! The blob layout, shared by the writer ([`crate::builder`]) and the reader
//! ([`crate::index`]) so the two cannot drift apart.
//!
//! ```text
//! header   magic "HANOIIDX" | version u32 | section count u32 | checksum u64
//! table    per section: offset u32, length u32 (offsets from the blob start)
//! sections in `Section` order, each a plain byte range
//! ```
//! The checksum covers the table and the fst sections ([`GUARDED`]): the
//! `fst` crate trusts an fst it has accepted and may panic on a damaged one,
//! while this crate reads every other byte defensively. Checksumming only
//! those keeps `open` proportional to the dictionary, not to the text.
//! All integers are little-endian. Records are fixed width so row `i`
//! is found by multiplication; strings are `(offset, length)` pairs into
//! the strings section, `NONE` as offset meaning "absent".

pub(crate) const MAGIC: &[u8; 8] = b"HANOIIDX";
pub(crate) const VERSION: u32 = 8;
pub(crate) const HEADER_LEN: usize = 8 + 4 + 4 + 8;
/// The sections the header checksum covers, after the section table.
pub(crate) const GUARDED: [Section; 2] = [Section::Terms, Section::Completions];

/// Completions kept per short prefix.
pub(crate) const COMPLETIONS: usize = 16;
/// Longest prefix, in chars, with stored completions.
pub(crate) const COMPLETED_PREFIX: usize = 2;
/// Marks an absent string or id.
pub(crate) const NONE: u32 = u32::MAX;

/// The sections, in blob order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// All strings, UTF-8; each is validated when read.
    Strings,
    Countries,
    Speakers,
    Documents,
    Passages,
    /// Fixed-width statement records, in passage order: who speaks in each
    /// passage and the byte ranges the attribution rests on.
    Statements,
    /// `u32` lists: passage mentions, and passages per speaker and per country.
    Lists,
    /// fst map: folded term -> its id, which is where its postings start.
    Terms,
    /// Each term's postings, self-delimiting, in term order: ids grow with
    /// the terms, so a prefix's completions are the records between two ids
    /// (`Index::prefix_terms`).
    Postings,
    /// fst map: a one- or two-letter prefix -> (start << 8 | count) into
    /// `Lists`: its most frequent completions, most frequent first. The
    /// first keystrokes would otherwise rank thousands of terms each.
    Completions,
    /// Corpus statistics for BM25F (average body, title and speaker
    /// lengths) and the documents in date order.
    Stats,
    /// UTF-8 text: groups of equivalent words and phrases, one a line,
    /// members as written, separated by tabs (see `equivalence`).
    Equivalences,
}

impl Section {
    pub(crate) const ALL: [Section; 12] = [
        Section::Strings,
        Section::Countries,
        Section::Speakers,
        Section::Documents,
        Section::Passages,
        Section::Statements,
        Section::Lists,
        Section::Terms,
        Section::Postings,
        Section::Completions,
        Section::Stats,
        Section::Equivalences,
    ];
}

/// Byte offsets of the fields inside a country record.
pub(crate) mod country {
    pub const CODE: usize = 0;
    pub const NAME_FR: usize = 8;
    pub const NAME_EN: usize = 16;
    pub const IS_COUNTRY: usize = 24;
    /// (start, len) into `Lists`: the passages whose speaker is of this country.
    pub const PASSAGES: usize = 28;
    pub const WIDTH: usize = 36;
}

pub(crate) mod speaker {
    pub const NAME: usize = 0;
    pub const ROLE: usize = 8;
    pub const COUNTRY: usize = 16;
    /// (start, len) into `Lists`: the speaker's passages.
    pub const PASSAGES: usize = 20;
    /// Indexed tokens in the speaker field (BM25F length).
    pub const FIELD_LEN: usize = 28;
    pub const LABEL_EN: usize = 32;
    pub const ROLE_EN: usize = 40;
    pub const WIDTH: usize = 48;
}

pub(crate) mod document {
    pub const TITLE: usize = 0;
    pub const OUTLET: usize = 8;
    pub const URL: usize = 16;
    pub const FILE: usize = 24;
    pub const DATE: usize = 32;
    pub const LANG: usize = 36;
    pub const FIRST_PASSAGE: usize = 40;
    pub const END_PASSAGE: usize = 44;
    /// Indexed tokens in the title (BM25F length).
    pub const FIELD_LEN: usize = 48;
    pub const WIDTH: usize = 52;
}

pub(crate) mod passage {
    pub const TEXT: usize = 0;
    pub const DOCUMENT: usize = 8;
    pub const SPEAKER: usize = 12;
    pub const COUNTRY: usize = 16;
    pub const DATE: usize = 20;
    /// (start, len) into `Lists`.
    pub const MENTIONS: usize = 24;
    /// Indexed tokens in the body (BM25F length).
    pub const FIELD_LEN: usize = 32;
    /// The sub-heading the passage stands under; a shared string, since a
    /// section titles several passages.
    pub const SECTION: usize = 36;
    pub const WIDTH: usize = 44;
}

/// A statement record. The main speaker of a passage is also in the
/// passage record; its other speakers are only here.
pub(crate) mod statement {
    pub const PASSAGE: usize = 0;
    pub const SPEAKER: usize = 4;
    /// Bits 0–1 the kind (0 direct, 1 indirect, 2 mixed), bits 2–3 the
    /// evidence (0 none, 1 cue, 2 continuation).
    pub const FLAGS: usize = 8;
    /// Cue start and end, or the continued passage in `A` (`B` unused).
    pub const A: usize = 12;
    pub const B: usize = 16;
    /// Mention start and end, `NONE` when absent.
    pub const C: usize = 20;
    pub const D: usize = 24;
    pub const WIDTH: usize = 28;
}

/// The `Stats` section: average field lengths as `f32` bits, then where
/// the dated documents are listed in date order.
pub(crate) mod stats {
    pub const AVG_BODY: usize = 0;
    pub const AVG_TITLE: usize = 4;
    pub const AVG_SPEAKER: usize = 8;
    /// (start, len) into `Lists`: the dated documents, oldest first, so the
    /// date facet walks them in order instead of sorting on each keystroke.
    pub const DATE_ORDER: usize = 12;
    /// (start, len) into `Lists`: the rows of the statements section that
    /// are not their passage's main statement, so the facets walk only those
    /// on each keystroke.
    pub const OTHER_STATEMENTS: usize = 20;
    pub const LEN: usize = 28;
}
