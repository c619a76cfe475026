//! Builds the blob at build time from records.
//!
//! Everything is collected in memory, analysed with [`crate::analysis`], and
//! written in one go by [`IndexBuilder::finish`]. Only ordered maps are used
//! so the same input always gives the same bytes (the blob is committed to
//! a wasm bundle, and reproducible builds make diffs meaningful).

use std::collections::{BTreeMap, HashMap};

use crate::analysis::{is_stop_word, tokenize_into, Token, TokenKind};
use crate::codec::{checksum_parts, put_u32, put_u64};
use crate::format::{self, Section, COMPLETED_PREFIX, COMPLETIONS, GUARDED, HEADER_LEN, MAGIC, NONE, VERSION};
use crate::postings::{self, BodyPosting};
use crate::types::{
    CountryId, CountryRecord, Date, DocId, DocumentRecord, Evidence, Lang, PassageId, PassageRecord, SpeakerId, SpeakerRecord,
    StatementKind, StatementRecord,
};

/// Collects records and writes the index blob.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    countries: Vec<CountryRecord>,
    speakers: Vec<SpeakerRecord>,
    documents: Vec<DocumentRecord>,
    passages: Vec<PassageRecord>,
    equivalences: Vec<Vec<String>>,
}

/// Everything known about one term while building.
#[derive(Default)]
struct TermEntry {
    title: Vec<(u32, u32)>,
    speaker: Vec<(u32, u32)>,
    body: Vec<(u32, Vec<u32>)>,
}

impl IndexBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a country or an international body (ONU, ONUDC...).
    pub fn add_country(&mut self, c: CountryRecord) -> CountryId {
        self.countries.push(c);
        CountryId(self.countries.len() as u32 - 1)
    }

    pub fn add_speaker(&mut self, s: SpeakerRecord) -> SpeakerId {
        self.speakers.push(s);
        SpeakerId(self.speakers.len() as u32 - 1)
    }

    pub fn add_document(&mut self, d: DocumentRecord) -> DocId {
        self.documents.push(d);
        DocId(self.documents.len() as u32 - 1)
    }

    /// Adds a passage. Add a document's passages together and in reading
    /// order: a document's passages are read back as one id range.
    pub fn add_passage(&mut self, p: PassageRecord) -> PassageId {
        self.passages.push(p);
        PassageId(self.passages.len() as u32 - 1)
    }

    /// Adds a group of equivalent words or phrases: a query for one member
    /// also finds the others, ranked below it. Groups sharing a member are
    /// merged; see [`crate::equivalence::parse_groups`] for the term file.
    pub fn add_equivalence<S: AsRef<str>>(&mut self, members: &[S]) {
        self.equivalences.push(members.iter().map(|m| m.as_ref().to_string()).collect());
    }

    fn doc_lang(&self, doc: DocId) -> Lang {
        self.documents.get(doc.0 as usize).map_or(Lang::Fr, |d| d.lang)
    }

    /// A passage's statements whose speaker was added, main one first: the
    /// blob keeps only these, so the passage record, the statements section
    /// and the speaker lists agree on who the main speaker is.
    fn known_statements<'p>(&self, passage: &'p PassageRecord) -> impl Iterator<Item = &'p StatementRecord> {
        let speakers = self.speakers.len();
        passage.statements.iter().filter(move |s| (s.speaker.0 as usize) < speakers)
    }

    fn speaker_country(&self, speaker: Option<SpeakerId>) -> Option<CountryId> {
        let country = self.speakers.get(speaker?.0 as usize)?.country?;
        ((country.0 as usize) < self.countries.len()).then_some(country)
    }

    /// Writes the blob. Deterministic: same input, same bytes.
    pub fn finish(self) -> Vec<u8> {
        let mut terms: BTreeMap<String, TermEntry> = BTreeMap::new();
        let mut tokens: Vec<Token> = Vec::new();

        let mut passage_lens = Vec::with_capacity(self.passages.len());
        for (id, passage) in self.passages.iter().enumerate() {
            let lang = self.doc_lang(passage.document);
            tokenize_into(&passage.text, &mut tokens);
            let mut per_term: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
            for token in tokens.iter().filter(|t| !is_stop_word(&t.term, lang)) {
                per_term.entry(&token.term).or_default().push(token.position);
            }
            passage_lens.push(indexed_len(&tokens, lang));
            for (term, mut positions) in per_term {
                positions.sort_unstable();
                positions.dedup();
                terms.entry(term.to_string()).or_default().body.push((id as u32, positions));
            }
        }

        let mut title_lens = Vec::with_capacity(self.documents.len());
        for (id, doc) in self.documents.iter().enumerate() {
            tokenize_into(&doc.title, &mut tokens);
            title_lens.push(indexed_len(&tokens, doc.lang));
            for (term, tf) in field_counts(&tokens, doc.lang) {
                terms.entry(term).or_default().title.push((id as u32, tf));
            }
        }

        let mut speaker_lens = Vec::with_capacity(self.speakers.len());
        for (id, speaker) in self.speakers.iter().enumerate() {
            let field = match &speaker.role {
                Some(role) => format!("{} {}", speaker.name, role),
                None => speaker.name.clone(),
            };
            tokenize_into(&field, &mut tokens);
            // Names are not French or English; only the shared stop words go.
            let lang = Lang::Fr;
            speaker_lens.push(indexed_len(&tokens, lang));
            for (term, tf) in field_counts(&tokens, lang) {
                terms.entry(term).or_default().speaker.push((id as u32, tf));
            }
        }

        let mut out = Sections::default();

        // Terms, their postings and the stem groups pointing at them.
        // A term is known by where its postings start.
        let mut term_map = fst::MapBuilder::memory();
        let mut postings_bytes = Vec::new();
        // Short prefix -> (body frequency desc, id) of its best completions.
        let mut completions: BTreeMap<&str, Vec<(std::cmp::Reverse<usize>, u32)>> = BTreeMap::new();
        for (term, entry) in &terms {
            let id = postings_bytes.len() as u32;
            // BTreeMap iterates in byte order without duplicates, which is all
            // the fst builder asks for.
            if term_map.insert(term, u64::from(id)).is_err() {
                continue;
            }
            for end in term.char_indices().map(|(i, c)| i + c.len_utf8()).take(COMPLETED_PREFIX) {
                let list = completions.entry(&term[..end]).or_default();
                list.push((std::cmp::Reverse(entry.body.len()), id));
                if list.len() > 4 * COMPLETIONS {
                    list.sort_unstable();
                    list.truncate(COMPLETIONS);
                }
            }
            let body: Vec<BodyPosting> =
                entry.body.iter().map(|(p, positions)| BodyPosting { passage: *p, positions }).collect();
            postings::encode(&mut postings_bytes, &entry.title, &entry.speaker, &body);
        }

        let mut lists = ListWriter::default();
        let mut completion_map = fst::MapBuilder::memory();
        for (prefix, mut best) in completions {
            best.sort_unstable();
            best.truncate(COMPLETIONS);
            let ids: Vec<u32> = best.into_iter().map(|(_, id)| id).collect();
            let (start, len) = lists.append(&ids);
            let _ = completion_map.insert(prefix, (u64::from(start) << 8) | u64::from(len));
        }

        // Records.
        let mut speaker_passages: Vec<Vec<u32>> = vec![Vec::new(); self.speakers.len()];
        let mut country_passages: Vec<Vec<u32>> = vec![Vec::new(); self.countries.len()];
        // A passage is listed under each of its speakers and their countries,
        // once each, so that filtering by a speaker finds every passage where
        // they speak, main speaker or not; the speaker field's ranking reads
        // the same lists, so a speaker's name also raises the passages where
        // they are not the main speaker.
        for (id, passage) in self.passages.iter().enumerate() {
            let id = id as u32;
            for statement in self.known_statements(passage) {
                if let Some(list) = speaker_passages.get_mut(statement.speaker.0 as usize) {
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                }
                if let Some(list) = self.speaker_country(Some(statement.speaker)).and_then(|c| country_passages.get_mut(c.0 as usize)) {
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                }
            }
        }
        let mut strings = StringWriter::default();

        let mut countries = Vec::with_capacity(self.countries.len() * format::country::WIDTH);
        for (country, passages) in self.countries.iter().zip(&country_passages) {
            strings.put(&mut countries, Some(&country.code));
            strings.put(&mut countries, Some(&country.name_fr));
            strings.put(&mut countries, Some(&country.name_en));
            put_u32(&mut countries, u32::from(country.is_country));
            lists.put(&mut countries, passages);
        }

        let mut speakers = Vec::with_capacity(self.speakers.len() * format::speaker::WIDTH);
        for ((speaker, passages), len) in self.speakers.iter().zip(&speaker_passages).zip(&speaker_lens) {
            strings.put(&mut speakers, Some(&speaker.name));
            strings.put_shared(&mut speakers, speaker.role.as_deref());
            let country = speaker.country.filter(|c| (c.0 as usize) < self.countries.len());
            put_u32(&mut speakers, country.map_or(NONE, |c| c.0));
            lists.put(&mut speakers, passages);
            put_u32(&mut speakers, *len);
            strings.put_shared(&mut speakers, speaker.label_en.as_deref());
            strings.put_shared(&mut speakers, speaker.role_en.as_deref());
        }

        // A document's passages: from its first to its last added passage.
        let mut ranges: Vec<Option<(u32, u32)>> = vec![None; self.documents.len()];
        for (id, passage) in self.passages.iter().enumerate() {
            if let Some(range) = ranges.get_mut(passage.document.0 as usize) {
                let id = id as u32;
                *range = Some(range.map_or((id, id + 1), |(start, _)| (start, id + 1)));
            }
        }
        let mut documents = Vec::with_capacity(self.documents.len() * format::document::WIDTH);
        for ((doc, range), len) in self.documents.iter().zip(&ranges).zip(&title_lens) {
            strings.put(&mut documents, Some(&doc.title));
            // Shared, so the outlet facet can count by string offset.
            strings.put_shared(&mut documents, doc.outlet.as_deref());
            strings.put(&mut documents, doc.url.as_deref());
            strings.put(&mut documents, Some(&doc.file));
            put_u32(&mut documents, Date::pack(doc.date));
            put_u32(&mut documents, u32::from(doc.lang.code()));
            let (start, end) = range.unwrap_or((0, 0));
            put_u32(&mut documents, start);
            put_u32(&mut documents, end);
            put_u32(&mut documents, *len);
        }

        let mut passages = Vec::with_capacity(self.passages.len() * format::passage::WIDTH);
        for (passage, len) in self.passages.iter().zip(&passage_lens) {
            let doc = self.documents.get(passage.document.0 as usize);
            strings.put(&mut passages, Some(&passage.text));
            put_u32(&mut passages, if doc.is_some() { passage.document.0 } else { NONE });
            // The main speaker is the first known one, as in the statements section.
            let speaker = self.known_statements(passage).next().map(|s| s.speaker);
            put_u32(&mut passages, speaker.map_or(NONE, |s| s.0));
            put_u32(&mut passages, self.speaker_country(speaker).map_or(NONE, |c| c.0));
            put_u32(&mut passages, Date::pack(doc.and_then(|d| d.date)));
            let mentions: Vec<u32> =
                passage.mentions.iter().filter(|c| (c.0 as usize) < self.countries.len()).map(|c| c.0).collect();
            lists.put(&mut passages, &mentions);
            put_u32(&mut passages, *len);
            strings.put_shared(&mut passages, passage.section.as_deref());
        }

        let (statements, other_statements) = self.statement_records();

        let mut stats = Vec::with_capacity(format::stats::LEN);
        for lens in [&passage_lens, &title_lens, &speaker_lens] {
            let avg = if lens.is_empty() { 1.0 } else { lens.iter().map(|&l| l as f64).sum::<f64>() / lens.len() as f64 };
            put_u32(&mut stats, (avg.max(1.0) as f32).to_bits());
        }
        let mut dated: Vec<(u32, u32)> =
            self.documents.iter().enumerate().map(|(id, doc)| (Date::pack(doc.date), id as u32)).filter(|&(key, _)| key != 0).collect();
        dated.sort_unstable();
        lists.put(&mut stats, &dated.into_iter().map(|(_, id)| id).collect::<Vec<_>>());
        lists.put(&mut stats, &other_statements);

        out.set(Section::Strings, strings.bytes);
        out.set(Section::Countries, countries);
        out.set(Section::Speakers, speakers);
        out.set(Section::Documents, documents);
        out.set(Section::Passages, passages);
        out.set(Section::Statements, statements);
        out.set(Section::Lists, lists.bytes);
        out.set(Section::Terms, term_map.into_inner().unwrap_or_default());
        out.set(Section::Postings, postings_bytes);
        out.set(Section::Completions, completion_map.into_inner().unwrap_or_default());
        out.set(Section::Stats, stats);
        out.set(Section::Equivalences, crate::equivalence::encode(&self.equivalences).into_bytes());
        out.write()
    }
}

impl IndexBuilder {
    /// The statements section: every statement of every passage, in passage
    /// order, main one first; and the rows that are not a main statement.
    /// Statements of unknown speakers are left out.
    fn statement_records(&self) -> (Vec<u8>, Vec<u32>) {
        use format::statement::*;
        let mut out = Vec::new();
        let mut others = Vec::new();
        for (id, passage) in self.passages.iter().enumerate() {
            for (k, statement) in self.known_statements(passage).enumerate() {
                let kind = match statement.kind {
                    StatementKind::Direct => 0,
                    StatementKind::Indirect => 1,
                    StatementKind::Mixed => 2,
                };
                let (by, a, b, c, d) = match statement.evidence {
                    Evidence::Unmarked => (0, NONE, NONE, NONE, NONE),
                    Evidence::Cue { cue, mention } => (1, cue.start, cue.end, mention.map_or(NONE, |m| m.start), mention.map_or(NONE, |m| m.end)),
                    Evidence::Continuation(from) => (2, from.0, NONE, NONE, NONE),
                };
                if k > 0 {
                    others.push((out.len() / WIDTH) as u32);
                }
                for value in [id as u32, statement.speaker.0, kind | (by << 2), a, b, c, d] {
                    put_u32(&mut out, value);
                }
            }
        }
        (out, others)
    }
}

/// Number of tokens that reach the index, the field length for BM25F.
/// Compound wholes are not counted: they double their parts.
fn indexed_len(tokens: &[Token], lang: Lang) -> u32 {
    tokens.iter().filter(|t| t.kind != TokenKind::Whole && !is_stop_word(&t.term, lang)).count() as u32
}

fn field_counts(tokens: &[Token], lang: Lang) -> BTreeMap<String, u32> {
    let mut counts = BTreeMap::new();
    for token in tokens.iter().filter(|t| !is_stop_word(&t.term, lang)) {
        *counts.entry(token.term.clone()).or_insert(0) += 1;
    }
    counts
}

#[derive(Default)]
struct StringWriter {
    bytes: Vec<u8>,
    /// (offset, len) of the strings written with [`StringWriter::put_shared`].
    shared: HashMap<String, (u32, u32)>,
}

impl StringWriter {
    /// Appends the string and writes its (offset, len) reference to `record`.
    fn put(&mut self, record: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => {
                put_u32(record, self.bytes.len() as u32);
                put_u32(record, s.len() as u32);
                self.bytes.extend_from_slice(s.as_bytes());
            }
            None => {
                put_u32(record, NONE);
                put_u32(record, 0);
            }
        }
    }

    /// Like [`StringWriter::put`], but equal strings share one copy, so
    /// their offset identifies them: for values many records repeat.
    fn put_shared(&mut self, record: &mut Vec<u8>, s: Option<&str>) {
        let Some(s) = s else { return self.put(record, None) };
        let (offset, len) = match self.shared.get(s) {
            Some(&reference) => reference,
            None => {
                let reference = (self.bytes.len() as u32, s.len() as u32);
                self.bytes.extend_from_slice(s.as_bytes());
                self.shared.insert(s.to_owned(), reference);
                reference
            }
        };
        put_u32(record, offset);
        put_u32(record, len);
    }
}

#[derive(Default)]
struct ListWriter {
    bytes: Vec<u8>,
}

impl ListWriter {
    /// Appends the list and writes its (start, len) reference to `record`.
    fn put(&mut self, record: &mut Vec<u8>, list: &[u32]) {
        let (start, len) = self.append(list);
        put_u32(record, start);
        put_u32(record, len);
    }

    /// Appends the list; returns its (start, len) in `u32` units.
    fn append(&mut self, list: &[u32]) -> (u32, u32) {
        let start = (self.bytes.len() / 4) as u32;
        for &x in list {
            put_u32(&mut self.bytes, x);
        }
        (start, list.len() as u32)
    }
}

#[derive(Default)]
struct Sections {
    bytes: Vec<Vec<u8>>,
}

impl Sections {
    fn set(&mut self, section: Section, bytes: Vec<u8>) {
        let i = section as usize;
        if self.bytes.len() <= i {
            self.bytes.resize(i + 1, Vec::new());
        }
        self.bytes[i] = bytes;
    }

    fn write(self) -> Vec<u8> {
        let table_len = Section::ALL.len() * 8;
        let total = HEADER_LEN + table_len + self.bytes.iter().map(Vec::len).sum::<usize>();
        let mut body = Vec::with_capacity(total);
        let mut offset = HEADER_LEN + table_len;
        for i in 0..Section::ALL.len() {
            let len = self.bytes.get(i).map_or(0, Vec::len);
            put_u32(&mut body, offset as u32);
            put_u32(&mut body, len as u32);
            offset += len;
        }
        let mut parts: Vec<&[u8]> = vec![&body];
        parts.extend(GUARDED.iter().map(|&s| self.bytes.get(s as usize).map_or(&[][..], Vec::as_slice)));
        let sum = checksum_parts(&parts);
        for section in &self.bytes {
            body.extend_from_slice(section);
        }
        let mut out = Vec::with_capacity(total);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, VERSION);
        put_u32(&mut out, Section::ALL.len() as u32);
        put_u64(&mut out, sum);
        out.extend_from_slice(&body);
        out
    }
}
