//! The zero-copy reader over the blob.
//!
//! [`Index::open`] checks the header, the checksum of the section table and
//! the fsts, that every section lies inside the blob, that record sections
//! are whole numbers of records and that the fst maps are well formed: work
//! proportional to the dictionary, not to the text. After that nothing is
//! copied or rebuilt: records, strings and postings are read in place, each
//! read bounds-checked (strings UTF-8-checked as they are read), so damage
//! anywhere else yields `None` or an empty result, never a panic.

use std::fmt;
use std::ops::Range;

use fst::{IntoStreamer, Streamer};

use crate::codec::{checksum_parts, read_u32, read_u64};
use crate::format::{self, Section, GUARDED, HEADER_LEN, MAGIC, NONE, VERSION};
use crate::postings::{self, Postings};
use crate::types::{
    CountryId, CountryView, Date, DocId, DocumentView, Evidence, Lang, PassageId, PassageView, Span, SpeakerId, SpeakerView,
    StatementKind, StatementRecord,
};

/// Why a blob was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexError {
    /// Shorter than its header or section table.
    Truncated,
    /// Not an index blob.
    BadMagic,
    /// Written by another format version; rebuild it.
    UnsupportedVersion(u32),
    /// The bytes were damaged after being written.
    Checksum,
    /// A section lies outside the blob or has an impossible shape.
    BadSection(Section),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::Truncated => f.write_str("index blob is truncated"),
            IndexError::BadMagic => f.write_str("not a search index blob"),
            IndexError::UnsupportedVersion(v) => write!(f, "index format version {v} is not supported (expected {VERSION})"),
            IndexError::Checksum => f.write_str("index blob is damaged (checksum mismatch)"),
            IndexError::BadSection(s) => write!(f, "index section {s:?} is malformed"),
        }
    }
}

impl std::error::Error for IndexError {}

/// Fixed-width records.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Table<'a> {
    bytes: &'a [u8],
    width: usize,
}

impl<'a> Table<'a> {
    // `is_multiple_of` is newer than the workspace's rust-version.
    #[allow(clippy::manual_is_multiple_of)]
    fn new(bytes: &'a [u8], width: usize, section: Section) -> Result<Self, IndexError> {
        if bytes.len() % width != 0 {
            return Err(IndexError::BadSection(section));
        }
        Ok(Table { bytes, width })
    }

    pub(crate) fn len(&self) -> usize {
        self.bytes.len() / self.width
    }

    pub(crate) fn u32(&self, row: u32, field: usize) -> Option<u32> {
        read_u32(self.bytes, (row as usize).checked_mul(self.width)?.checked_add(field)?)
    }
}

/// Average field lengths, the denominators of BM25F length normalisation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stats {
    pub avg_body: f32,
    pub avg_title: f32,
    pub avg_speaker: f32,
}

/// A search index read in place from its blob.
pub struct Index<'a> {
    /// Section lengths, for size reports.
    sizes: [(Section, usize); Section::ALL.len()],
    strings: &'a [u8],
    pub(crate) countries: Table<'a>,
    pub(crate) speakers: Table<'a>,
    pub(crate) documents: Table<'a>,
    pub(crate) passages: Table<'a>,
    statements: Table<'a>,
    lists: &'a [u8],
    pub(crate) terms: fst::Map<&'a [u8]>,
    postings: &'a [u8],
    completions: fst::Map<&'a [u8]>,
    pub(crate) stats: Stats,
    stats_bytes: &'a [u8],
    equivalences: &'a [u8],
}

impl fmt::Debug for Index<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Index")
            .field("passages", &self.passage_count())
            .field("documents", &self.document_count())
            .field("terms", &self.terms.len())
            .finish()
    }
}

impl<'a> Index<'a> {
    /// Opens a blob written by [`crate::IndexBuilder::finish`].
    pub fn open(bytes: &'a [u8]) -> Result<Index<'a>, IndexError> {
        if bytes.len() < HEADER_LEN {
            return Err(IndexError::Truncated);
        }
        if &bytes[..MAGIC.len()] != MAGIC {
            return Err(IndexError::BadMagic);
        }
        let version = read_u32(bytes, 8).ok_or(IndexError::Truncated)?;
        if version != VERSION {
            return Err(IndexError::UnsupportedVersion(version));
        }
        let count = read_u32(bytes, 12).ok_or(IndexError::Truncated)? as usize;
        if count != Section::ALL.len() {
            return Err(IndexError::UnsupportedVersion(version));
        }
        let stored_checksum = read_u64(bytes, 16).ok_or(IndexError::Truncated)?;
        let table = bytes.get(HEADER_LEN..HEADER_LEN + Section::ALL.len() * 8).ok_or(IndexError::Truncated)?;
        let section = |s: Section| -> Result<&'a [u8], IndexError> {
            let entry = HEADER_LEN + s as usize * 8;
            let offset = read_u32(bytes, entry).ok_or(IndexError::Truncated)? as usize;
            let len = read_u32(bytes, entry + 4).ok_or(IndexError::Truncated)? as usize;
            bytes.get(offset..offset.checked_add(len).ok_or(IndexError::BadSection(s))?).ok_or(IndexError::BadSection(s))
        };
        let mut parts = vec![table];
        for s in GUARDED {
            parts.push(section(s)?);
        }
        if checksum_parts(&parts) != stored_checksum {
            return Err(IndexError::Checksum);
        }
        let strings = section(Section::Strings)?;
        let fst_map = |s: Section| fst::Map::new(section(s)?).map_err(|_| IndexError::BadSection(s));
        let terms = fst_map(Section::Terms)?;
        let stats_bytes = section(Section::Stats)?;
        let stat = |at: usize| {
            read_u32(stats_bytes, at)
                .map(f32::from_bits)
                .filter(|x| x.is_finite() && *x >= 1.0)
                .ok_or(IndexError::BadSection(Section::Stats))
        };
        let stats = Stats {
            avg_body: stat(format::stats::AVG_BODY)?,
            avg_title: stat(format::stats::AVG_TITLE)?,
            avg_speaker: stat(format::stats::AVG_SPEAKER)?,
        };
        let mut sizes = Section::ALL.map(|s| (s, 0));
        for (s, len) in &mut sizes {
            *len = section(*s)?.len();
        }
        Ok(Index {
            sizes,
            strings,
            countries: Table::new(section(Section::Countries)?, format::country::WIDTH, Section::Countries)?,
            speakers: Table::new(section(Section::Speakers)?, format::speaker::WIDTH, Section::Speakers)?,
            documents: Table::new(section(Section::Documents)?, format::document::WIDTH, Section::Documents)?,
            passages: Table::new(section(Section::Passages)?, format::passage::WIDTH, Section::Passages)?,
            statements: Table::new(section(Section::Statements)?, format::statement::WIDTH, Section::Statements)?,
            lists: section(Section::Lists)?,
            terms,
            postings: section(Section::Postings)?,
            completions: fst_map(Section::Completions)?,
            stats,
            stats_bytes,
            equivalences: section(Section::Equivalences)?,
        })
    }

    /// Bytes taken by each section: `Strings` is the stored text, the rest
    /// is index overhead.
    pub fn sizes(&self) -> [(Section, usize); Section::ALL.len()] {
        self.sizes
    }

    pub fn passage_count(&self) -> usize {
        self.passages.len()
    }

    pub fn document_count(&self) -> usize {
        self.documents.len()
    }

    pub fn speaker_count(&self) -> usize {
        self.speakers.len()
    }

    pub fn country_count(&self) -> usize {
        self.countries.len()
    }

    /// All speakers, in id order.
    pub fn speakers(&self) -> impl Iterator<Item = (SpeakerId, SpeakerView<'a>)> + '_ {
        (0..self.speakers.len() as u32).filter_map(|i| Some((SpeakerId(i), self.speaker(SpeakerId(i))?)))
    }

    /// All countries and bodies, in id order.
    pub fn countries(&self) -> impl Iterator<Item = (CountryId, CountryView<'a>)> + '_ {
        (0..self.countries.len() as u32).filter_map(|i| Some((CountryId(i), self.country(CountryId(i))?)))
    }

    pub fn speaker(&self, id: SpeakerId) -> Option<SpeakerView<'a>> {
        use format::speaker::*;
        Some(SpeakerView {
            name: self.string(self.speakers, id.0, NAME)??,
            role: self.string(self.speakers, id.0, ROLE)?,
            country: self.id(self.speakers, id.0, COUNTRY)?.map(CountryId),
            label_en: self.string(self.speakers, id.0, LABEL_EN)?,
            role_en: self.string(self.speakers, id.0, ROLE_EN)?,
        })
    }

    pub fn country(&self, id: CountryId) -> Option<CountryView<'a>> {
        use format::country::*;
        Some(CountryView {
            code: self.string(self.countries, id.0, CODE)??,
            name_fr: self.string(self.countries, id.0, NAME_FR)??,
            name_en: self.string(self.countries, id.0, NAME_EN)??,
            is_country: self.countries.u32(id.0, IS_COUNTRY)? != 0,
        })
    }

    pub fn document(&self, id: DocId) -> Option<DocumentView<'a>> {
        use format::document::*;
        let t = self.documents;
        Some(DocumentView {
            title: self.string(t, id.0, TITLE)??,
            outlet: self.string(t, id.0, OUTLET)?,
            url: self.string(t, id.0, URL)?,
            lang: Lang::from_code(t.u32(id.0, LANG)?)?,
            date: Date::unpack(t.u32(id.0, DATE)?),
            file: self.string(t, id.0, FILE)??,
            passages: self.document_passages(id.0)?,
        })
    }

    pub fn passage(&self, id: PassageId) -> Option<PassageView<'a>> {
        use format::passage::*;
        let t = self.passages;
        Some(PassageView {
            text: self.passage_text(id.0)?,
            // A damaged section reference costs the title, not the passage.
            section: self.string(t, id.0, SECTION).flatten(),
            document: DocId(self.id(t, id.0, DOCUMENT)??),
            speaker: self.passage_speaker(id.0),
            country: self.passage_country(id.0),
            mentions: self.list(t, id.0, MENTIONS)?.map(CountryId).collect(),
            date: self.passage_date(id.0),
        })
    }

    /// Reads a string reference; `Some(None)` is an absent string, `None` a damaged one.
    fn string(&self, table: Table<'a>, row: u32, field: usize) -> Option<Option<&'a str>> {
        let offset = table.u32(row, field)?;
        if offset == NONE {
            return Some(None);
        }
        let len = table.u32(row, field + 4)? as usize;
        let start = offset as usize;
        std::str::from_utf8(self.strings.get(start..start.checked_add(len)?)?).ok().map(Some)
    }

    /// Reads an optional id; `Some(None)` is an absent id.
    fn id(&self, table: Table<'a>, row: u32, field: usize) -> Option<Option<u32>> {
        let value = table.u32(row, field)?;
        Some((value != NONE).then_some(value))
    }

    /// Reads a `(start, len)` list reference into the lists section.
    pub(crate) fn list(&self, table: Table<'a>, row: u32, field: usize) -> Option<impl Iterator<Item = u32> + 'a> {
        self.list_at(table.u32(row, field)?, table.u32(row, field + 4)?)
    }

    /// The `len` numbers of the lists section from the `start`-th.
    fn list_at(&self, start: u32, len: u32) -> Option<impl Iterator<Item = u32> + 'a> {
        let (start, len) = (start as usize, len as usize);
        let bytes = self.lists.get(start.checked_mul(4)?..start.checked_add(len)?.checked_mul(4)?)?;
        Some(bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])))
    }

    pub(crate) fn passage_text(&self, passage: u32) -> Option<&'a str> {
        self.string(self.passages, passage, format::passage::TEXT)?
    }

    pub(crate) fn passage_document(&self, passage: u32) -> Option<u32> {
        self.id(self.passages, passage, format::passage::DOCUMENT)?
    }

    /// Where the document's outlet name is stored: equal names share one
    /// copy, so this identifies the outlet without reading it.
    pub(crate) fn document_outlet_offset(&self, doc: u32) -> Option<u32> {
        self.id(self.documents, doc, format::document::OUTLET)?
    }

    pub(crate) fn document_outlet(&self, doc: u32) -> Option<&'a str> {
        self.string(self.documents, doc, format::document::OUTLET)?
    }

    pub(crate) fn document_title(&self, doc: u32) -> Option<&'a str> {
        self.string(self.documents, doc, format::document::TITLE)?
    }

    pub(crate) fn speaker_name(&self, speaker: SpeakerId) -> Option<&'a str> {
        self.string(self.speakers, speaker.0, format::speaker::NAME)?
    }

    /// The dated documents, oldest first.
    pub(crate) fn documents_by_date(&self) -> impl Iterator<Item = u32> + 'a {
        let start = read_u32(self.stats_bytes, format::stats::DATE_ORDER);
        let len = read_u32(self.stats_bytes, format::stats::DATE_ORDER + 4);
        start.zip(len).and_then(|(start, len)| self.list_at(start, len)).into_iter().flatten()
    }

    /// The packed date (`0` when undated), which sorts like the date.
    pub(crate) fn document_date_key(&self, doc: u32) -> u32 {
        self.documents.u32(doc, format::document::DATE).unwrap_or(0)
    }

    /// Every statement of a passage, main one first: who speaks in it and
    /// what each attribution rests on. Records are in passage order, so the
    /// passage's are found by binary search.
    pub fn statements(&self, passage: PassageId) -> Vec<StatementRecord> {
        let rows = self.statement_rows(passage.0);
        rows.filter_map(|row| self.statement(row)).collect()
    }

    /// The rows of the statements section that belong to `passage`.
    fn statement_rows(&self, passage: u32) -> Range<u32> {
        let table = self.statements;
        let at = |row: u32| table.u32(row, format::statement::PASSAGE).unwrap_or(u32::MAX);
        let (mut lo, mut hi) = (0u32, table.len() as u32);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if at(mid) < passage {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let start = lo;
        let mut end = start;
        while end < table.len() as u32 && at(end) == passage {
            end += 1;
        }
        start..end
    }

    fn statement(&self, row: u32) -> Option<StatementRecord> {
        use format::statement::*;
        let t = self.statements;
        let flags = t.u32(row, FLAGS)?;
        let kind = match flags & 3 {
            0 => StatementKind::Direct,
            1 => StatementKind::Indirect,
            2 => StatementKind::Mixed,
            _ => return None,
        };
        let span = |a: u32, b: u32| (a != NONE && b != NONE && a <= b).then_some(Span { start: a, end: b });
        let (a, b, c, d) = (t.u32(row, A)?, t.u32(row, B)?, t.u32(row, C)?, t.u32(row, D)?);
        let evidence = match (flags >> 2) & 3 {
            0 => Evidence::Unmarked,
            1 => Evidence::Cue { cue: span(a, b)?, mention: span(c, d) },
            2 if (a as usize) < self.passages.len() => Evidence::Continuation(PassageId(a)),
            _ => return None,
        };
        let speaker = t.u32(row, SPEAKER)?;
        ((speaker as usize) < self.speakers.len()).then_some(StatementRecord { speaker: SpeakerId(speaker), kind, evidence })
    }

    /// Every statement that is not its passage's main one, as (passage,
    /// speaker), in passage order: the facets count a passage under each of
    /// its speakers. Only those rows are read, through their list in `Stats`.
    pub(crate) fn other_statements(&self) -> impl Iterator<Item = (u32, SpeakerId)> + '_ {
        use format::statement::*;
        let t = self.statements;
        let start = read_u32(self.stats_bytes, format::stats::OTHER_STATEMENTS);
        let len = read_u32(self.stats_bytes, format::stats::OTHER_STATEMENTS + 4);
        let rows = start.zip(len).and_then(|(start, len)| self.list_at(start, len)).into_iter().flatten();
        rows.filter_map(move |row| Some((t.u32(row, PASSAGE)?, SpeakerId(t.u32(row, SPEAKER)?))))
    }

    pub(crate) fn passage_speaker(&self, passage: u32) -> Option<SpeakerId> {
        self.id(self.passages, passage, format::passage::SPEAKER)?.map(SpeakerId)
    }

    pub(crate) fn speaker_country(&self, speaker: SpeakerId) -> Option<CountryId> {
        self.id(self.speakers, speaker.0, format::speaker::COUNTRY)?.map(CountryId)
    }

    pub(crate) fn passage_country(&self, passage: u32) -> Option<CountryId> {
        self.id(self.passages, passage, format::passage::COUNTRY)?.map(CountryId)
    }

    /// The packed date (`0` when undated), which sorts like the date.
    pub(crate) fn passage_date_key(&self, passage: u32) -> u32 {
        self.passages.u32(passage, format::passage::DATE).unwrap_or(0)
    }

    pub(crate) fn passage_date(&self, passage: u32) -> Option<Date> {
        Date::unpack(self.passage_date_key(passage))
    }

    pub(crate) fn passage_len(&self, passage: u32) -> u32 {
        self.passages.u32(passage, format::passage::FIELD_LEN).unwrap_or(0)
    }

    pub(crate) fn document_passages(&self, doc: u32) -> Option<Range<u32>> {
        let start = self.documents.u32(doc, format::document::FIRST_PASSAGE)?;
        let end = self.documents.u32(doc, format::document::END_PASSAGE)?;
        Some(start..end.max(start).min(self.passages.len() as u32))
    }

    pub(crate) fn title_len(&self, doc: u32) -> u32 {
        self.documents.u32(doc, format::document::FIELD_LEN).unwrap_or(0)
    }

    pub(crate) fn speaker_len(&self, speaker: u32) -> u32 {
        self.speakers.u32(speaker, format::speaker::FIELD_LEN).unwrap_or(0)
    }

    pub(crate) fn speaker_passages(&self, speaker: u32) -> impl Iterator<Item = u32> + 'a {
        self.list(self.speakers, speaker, format::speaker::PASSAGES).into_iter().flatten()
    }

    pub(crate) fn country_passages(&self, country: u32) -> impl Iterator<Item = u32> + 'a {
        self.list(self.countries, country, format::country::PASSAGES).into_iter().flatten()
    }

    /// The id of a folded term, if the dictionary has it.
    pub(crate) fn term(&self, term: &str) -> Option<u32> {
        self.terms.get(term).and_then(|id| u32::try_from(id).ok())
    }

    /// A term's postings; empty if the id points at damaged bytes.
    pub(crate) fn postings(&self, term: u32) -> Postings<'a> {
        self.postings.get(term as usize..).and_then(Postings::decode).unwrap_or_default()
    }

    /// The most frequent terms starting with a one- or two-letter prefix,
    /// most frequent first.
    pub(crate) fn completions(&self, prefix: &str) -> Vec<u32> {
        let Some(value) = self.completions.get(prefix) else { return Vec::new() };
        self.list_at((value >> 8) as u32, (value & 0xff) as u32).into_iter().flatten().collect()
    }

    /// The terms starting with `prefix`, as the ids of the first and of the
    /// first after them. Ids are where postings start and postings are laid
    /// out in dictionary order, so every id in between is a term with that
    /// prefix, reached by [`Index::next_term`] without walking the fst.
    pub(crate) fn prefix_terms(&self, prefix: &str) -> std::ops::Range<u32> {
        let first_at_or_after = |key: &[u8]| {
            let mut stream = self.terms.range().ge(key).into_stream();
            stream.next().and_then(|(_, id)| u32::try_from(id).ok()).unwrap_or(self.postings.len() as u32)
        };
        let start = first_at_or_after(prefix.as_bytes());
        // The smallest key above every key starting with `prefix`.
        let mut above = prefix.as_bytes().to_vec();
        while let Some(last) = above.pop() {
            if last < u8::MAX {
                above.push(last + 1);
                return start..first_at_or_after(&above).max(start);
            }
        }
        start..self.postings.len() as u32
    }

    /// The term after `term` in dictionary order; `None` at the end or on
    /// damaged bytes.
    pub(crate) fn next_term(&self, term: u32) -> Option<u32> {
        let len = postings::record_len(self.postings.get(term as usize..)?)?;
        u32::try_from(len).ok().and_then(|len| term.checked_add(len))
    }

    /// The groups of equivalent words, as the builder wrote them; empty
    /// when damaged.
    pub(crate) fn equivalence_text(&self) -> &'a str {
        std::str::from_utf8(self.equivalences).unwrap_or("")
    }

    /// Number of passage bodies holding a term, without decoding its postings.
    pub(crate) fn body_frequency(&self, term: u32) -> u32 {
        self.postings.get(term as usize..).map_or(0, postings::body_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::IndexBuilder;
    use crate::types::{CountryRecord, DocumentRecord, PassageRecord, SearchRequest, SpeakerRecord, Sort};
    use proptest::prelude::*;

    fn blob() -> Vec<u8> {
        let mut b = IndexBuilder::new();
        let c = b.add_country(CountryRecord { code: "RU".into(), name_fr: "Russie".into(), name_en: "Russia".into(), is_country: true });
        let s = b.add_speaker(SpeakerRecord { name: "Ghada Waly".into(), role: Some("directrice exécutive".into()), country: Some(c), label_en: None, role_en: Some("Executive Director".into()) });
        for d in 0..3 {
            let doc = b.add_document(DocumentRecord {
                title: format!("Convention de Hanoï {d}"),
                date: Some(Date::ymd(2025, 10, 20 + d as u8)),
                file: format!("{d}.txt"),
                ..Default::default()
            });
            for p in 0..4 {
                b.add_passage(PassageRecord {
                    section: None,
                    document: doc,
                    text: format!("La coopération internationale contre la cybercriminalité, étape {p} à Hanoï."),
                    statements: (p % 2 == 0).then_some(StatementRecord::plain(s)).into_iter().collect(),
                    mentions: vec![c],
                });
            }
        }
        b.finish()
    }


    #[test]
    fn a_speakers_role_reads_back_in_either_language() {
        let blob = blob();
        let index = Index::open(&blob).expect("the test blob opens");
        let (_, speaker) = index.speakers().next().expect("one speaker");
        assert_eq!(speaker.role(false), Some("directrice exécutive"));
        assert_eq!(speaker.role(true), Some("Executive Director"));
        assert_eq!(speaker.label(true), "Ghada Waly", "a person keeps their name");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
        ))]
        #[test]
        /// Damage outside the checksummed table and fsts gets past `open`:
        /// everything this crate reads itself must hold. (The fst crate
        /// trusts an fst once `Map::new` accepted it, which is why those
        /// sections are checksummed.)
        fn damage_outside_the_fsts_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
            let mut bytes = blob();
            let index = Index::open(&bytes).unwrap();
            let fst_ranges: Vec<std::ops::Range<usize>> = [Section::Terms, Section::Completions]
                .iter()
                .map(|&s| {
                    let entry = HEADER_LEN + s as usize * 8;
                    let offset = read_u32(&bytes, entry).unwrap() as usize;
                    offset..offset + index.sizes()[s as usize].1
                })
                .collect();
            let table_end = HEADER_LEN + Section::ALL.len() * 8;
            for (at, byte) in edits {
                let at = table_end + at % (bytes.len() - table_end);
                if fst_ranges.iter().all(|r| !r.contains(&at)) {
                    bytes[at] = byte;
                }
            }
            // Still opens, unless the damage hit something `open` checks (statistics).
            if let Ok(index) = Index::open(&bytes).map(crate::Searcher::new) {
                for query in ["coopération", "coop", "cybercriminalte", "\"contre la cybercriminalité\"", "hanoi -russie", "speaker:waly", "pays:ru date:2025-10", ""] {
                    for sort in [Sort::Relevance, Sort::DateDesc] {
                        let request = SearchRequest { query: query.into(), sort, ..Default::default() };
                        let _ = index.search(&request);
                        let _ = index.concordance(&request, 10, 10);
                    }
                    let _ = index.highlight(query, PassageId(1));
                }
                let _ = index.index().speakers().count();
                let _ = index.index().countries().count();
                for i in 0..4 {
                    let _ = index.index().document(DocId(i));
                }
                for i in 0..14 {
                    let _ = index.index().passage(PassageId(i));
                }
            }
        }
    }
}
