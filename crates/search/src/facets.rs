//! Facet counts that follow the query.
//!
//! Each facet is counted over the query's matches narrowed by the *other*
//! facets' selections (disjunctive faceting), so picking one speaker does
//! not make the other speakers vanish from the list. Counting walks the
//! bitset once per facet and reads the fixed-width passage records. The
//! passages lacking a facet's value are counted the same way, so that a
//! list with its "unknown" entry adds up to the results.
//!
//! Months, days and outlets are per document. The searcher numbers them
//! once ([`DocumentFacets`]), so a count is a few array slots per passage
//! and a walk over the values that occur, never over every document.

use crate::bitset::BitSet;
use crate::filters::{Facet, Selection};
use crate::index::Index;
use crate::order;
use crate::types::{CountryId, Date, Facets, PerFacet, SpeakerId};

/// Marks a document without a value (no month, no day, no outlet).
const NONE: u32 = u32::MAX;

/// Each document's month, day and outlet as small numbers, and the values
/// they stand for: months and days in date order, outlets by where their
/// name is stored. Built once per index by the [`crate::Searcher`].
#[derive(Debug, Default)]
pub(crate) struct DocumentFacets {
    /// Per document: (month, day, outlet), each an index into the lists
    /// below or [`NONE`].
    documents: Vec<(u32, u32, u32)>,
    months: Vec<Date>,
    days: Vec<Date>,
    /// A document of each outlet, to read its name from.
    outlets: Vec<u32>,
}

impl DocumentFacets {
    pub(crate) fn new(index: &Index<'_>) -> DocumentFacets {
        let mut tables = DocumentFacets { documents: vec![(NONE, NONE, NONE); index.document_count()], ..Default::default() };
        let mut outlet_offsets: Vec<(u32, u32)> = Vec::new();
        for (doc, slot) in tables.documents.iter_mut().enumerate() {
            let Some(offset) = index.document_outlet_offset(doc as u32) else { continue };
            let ordinal = match outlet_offsets.binary_search_by_key(&offset, |&(o, _)| o) {
                Ok(at) => outlet_offsets[at].1,
                Err(at) => {
                    let ordinal = tables.outlets.len() as u32;
                    tables.outlets.push(doc as u32);
                    outlet_offsets.insert(at, (offset, ordinal));
                    ordinal
                }
            };
            slot.2 = ordinal;
        }
        // Oldest first, so equal months and days are neighbours.
        for doc in index.documents_by_date() {
            let Some(date) = Date::unpack(index.document_date_key(doc)) else { continue };
            let Some(month) = date.to_month() else { continue };
            let Some(slot) = tables.documents.get_mut(doc as usize) else { continue };
            if tables.months.last() != Some(&month) {
                tables.months.push(month);
            }
            slot.0 = tables.months.len() as u32 - 1;
            if date.day.is_some() {
                if tables.days.last() != Some(&date) {
                    tables.days.push(date);
                }
                slot.1 = tables.days.len() as u32 - 1;
            }
        }
        tables
    }

    fn of(&self, doc: u32) -> (u32, u32, u32) {
        self.documents.get(doc as usize).copied().unwrap_or((NONE, NONE, NONE))
    }
}

pub(crate) fn count(index: &Index<'_>, tables: &DocumentFacets, matches: &BitSet, selection: &Selection) -> Facets {
    let mut counter = Counter::new(index, tables);
    let nothing_selected = selection.speakers.is_none()
        && selection.countries.is_none()
        && selection.outlets.is_none()
        && selection.dates.is_none();
    // The sets the speaker and country facets count over; `None` is the
    // matches themselves.
    let mut speaker_set = None;
    let mut country_set = None;
    let unknown;
    if nothing_selected {
        // All facets count the same passages, in one pass.
        for passage in matches.iter() {
            counter.speaker(passage);
            counter.country(passage);
            counter.date_and_outlet(passage);
        }
        unknown = lacking_among(selection, matches, matches, matches);
    } else {
        let narrowed = |facet| narrowed_for(matches, selection, facet);
        let speakers = narrowed(Facet::Speaker);
        speakers.iter().for_each(|p| counter.speaker(p));
        let countries = narrowed(Facet::Country);
        countries.iter().for_each(|p| counter.country(p));
        narrowed(Facet::Date).iter().for_each(|p| counter.date(p));
        let outlets = narrowed(Facet::Outlet);
        outlets.iter().for_each(|p| counter.outlet(p));
        unknown = lacking_among(selection, &speakers, &countries, &outlets);
        speaker_set = Some(speakers);
        country_set = Some(countries);
    }
    counter.other_speakers(speaker_set.as_ref().unwrap_or(matches), country_set.as_ref().unwrap_or(matches));
    Facets { unknown, ..counter.finish() }
}

/// How many passages of each facet's set lack that facet's value.
fn lacking_among(selection: &Selection, speakers: &BitSet, countries: &BitSet, outlets: &BitSet) -> PerFacet<u32> {
    let among = |set: &BitSet, lacking: &BitSet| {
        let mut set = set.clone();
        set.intersect(lacking);
        u32::try_from(set.count()).unwrap_or(u32::MAX)
    };
    let lacking = &selection.lacking;
    PerFacet {
        speaker: among(speakers, &lacking.speaker),
        country: among(countries, &lacking.country),
        outlet: among(outlets, &lacking.outlet),
    }
}

/// The matches narrowed by every selection but `facet`'s.
fn narrowed_for(matches: &BitSet, selection: &Selection, facet: Facet) -> BitSet {
    let mut set = matches.clone();
    selection.apply(&mut set, Some(facet));
    set
}

struct Counter<'i, 'a> {
    index: &'i Index<'a>,
    tables: &'i DocumentFacets,
    speakers: Vec<u32>,
    countries: Vec<u32>,
    /// Indexed as [`DocumentFacets`] numbers them.
    months: Vec<u32>,
    days: Vec<u32>,
    outlets: Vec<u32>,
}

impl<'i, 'a> Counter<'i, 'a> {
    fn new(index: &'i Index<'a>, tables: &'i DocumentFacets) -> Self {
        Counter {
            index,
            tables,
            speakers: vec![0; index.speaker_count()],
            countries: vec![0; index.country_count()],
            months: vec![0; tables.months.len()],
            days: vec![0; tables.days.len()],
            outlets: vec![0; tables.outlets.len()],
        }
    }

    /// A passage counts under each of its speakers and their countries: the
    /// statements of speakers other than the main one are few, so they are
    /// walked once and checked against the sets counted over.
    fn other_speakers(&mut self, speaker_set: &BitSet, country_set: &BitSet) {
        // Countries already counted for the passage being walked (records
        // come in passage order): two other speakers of one country count
        // it once, as the country filter would find the passage once.
        let mut counted: (u32, Vec<CountryId>) = (u32::MAX, Vec::new());
        for (passage, speaker) in self.index.other_statements() {
            let main = self.index.passage_speaker(passage);
            if main != Some(speaker) && speaker_set.contains(passage) {
                if let Some(slot) = self.speakers.get_mut(speaker.0 as usize) {
                    *slot += 1;
                }
            }
            if counted.0 != passage {
                counted = (passage, main.and_then(|m| self.index.speaker_country(m)).into_iter().collect());
            }
            let Some(country) = self.index.speaker_country(speaker) else { continue };
            if counted.1.contains(&country) || !country_set.contains(passage) {
                continue;
            }
            counted.1.push(country);
            if let Some(slot) = self.countries.get_mut(country.0 as usize) {
                *slot += 1;
            }
        }
    }

    fn speaker(&mut self, passage: u32) {
        if let Some(slot) = self.index.passage_speaker(passage).and_then(|s| self.speakers.get_mut(s.0 as usize)) {
            *slot += 1;
        }
    }

    fn country(&mut self, passage: u32) {
        if let Some(slot) = self.index.passage_country(passage).and_then(|c| self.countries.get_mut(c.0 as usize)) {
            *slot += 1;
        }
    }

    fn document_facets_of(&self, passage: u32) -> (u32, u32, u32) {
        self.index.passage_document(passage).map_or((NONE, NONE, NONE), |doc| self.tables.of(doc))
    }

    fn date(&mut self, passage: u32) {
        let (month, day, _) = self.document_facets_of(passage);
        add_one(&mut self.months, month);
        add_one(&mut self.days, day);
    }

    fn outlet(&mut self, passage: u32) {
        let (_, _, outlet) = self.document_facets_of(passage);
        add_one(&mut self.outlets, outlet);
    }

    /// Dates and outlets of one passage, when both count the same set.
    fn date_and_outlet(&mut self, passage: u32) {
        let (month, day, outlet) = self.document_facets_of(passage);
        add_one(&mut self.months, month);
        add_one(&mut self.days, day);
        add_one(&mut self.outlets, outlet);
    }

    fn finish(self) -> Facets {
        let tables = self.tables;
        let occurring = |values: &[Date], counts: Vec<u32>| -> Vec<(Date, u32)> {
            values.iter().zip(counts).filter(|&(_, n)| n > 0).map(|(&date, n)| (date, n)).collect()
        };
        let mut outlets: Vec<(String, u32)> = tables
            .outlets
            .iter()
            .zip(self.outlets)
            .filter(|&(_, n)| n > 0)
            .filter_map(|(&doc, n)| Some((self.index.document_outlet(doc)?.to_owned(), n)))
            .collect();
        order::sort_by_key(&mut outlets, |(name, n)| (order::pack([!n]), name.as_str()));
        Facets {
            speakers: ranked(self.speakers).into_iter().map(|(id, n)| (SpeakerId(id), n)).collect(),
            countries: ranked(self.countries).into_iter().map(|(id, n)| (CountryId(id), n)).collect(),
            months: occurring(&tables.months, self.months),
            days: occurring(&tables.days, self.days),
            outlets,
            unknown: PerFacet::default(),
        }
    }
}

/// Counts one more in `counts[at]`, unless `at` is [`NONE`].
fn add_one(counts: &mut [u32], at: u32) {
    if let Some(slot) = counts.get_mut(at as usize) {
        *slot += 1;
    }
}

/// Non-zero counts by count desc, then id.
fn ranked(counts: Vec<u32>) -> Vec<(u32, u32)> {
    let mut ranked: Vec<(u32, u32)> =
        counts.into_iter().enumerate().filter(|&(_, n)| n > 0).map(|(id, n)| (id as u32, n)).collect();
    order::sort_by_key(&mut ranked, |&(id, n)| order::numbers([!n, id]));
    ranked
}
