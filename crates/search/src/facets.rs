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
//! once, and reads each passage's speaker, country, month, day and outlet
//! into one row ([`FacetTables`]), so a count is one row and a few array
//! slots per passage, and a walk over the values that occur, never over
//! every document. Reading the values from the blob's records at each count
//! (three bounds-checked reads a passage) was half of a count's
//! instructions; the rows take 20 bytes a passage and one walk at the
//! first search.
//!
//! A set holding most of the corpus (a short prefix such as `con` matches
//! three passages in four) is counted from the other side: the counts of
//! every passage, tallied once per index, less those of the passages
//! outside the set. A count walks at most half the passages.

use std::cell::OnceCell;

use crate::bitset::BitSet;
use crate::filters::{Facet, Selection};
use crate::index::Index;
use crate::order;
use crate::types::{CountryId, Date, Facets, PerFacet, SpeakerId};

/// Marks a passage without a value (no speaker, country, month, day or outlet).
const NONE: u32 = u32::MAX;

/// Each passage's facet values as small numbers, and the values they
/// stand for: months and days in date order, outlets by where their name
/// is stored. Built once per index by the [`crate::Searcher`]: 20 bytes a
/// passage.
#[derive(Debug, Default)]
pub(crate) struct FacetTables {
    passages: Vec<PassageFacets>,
    months: Vec<Date>,
    days: Vec<Date>,
    /// A document of each outlet, to read its name from.
    outlets: Vec<u32>,
    /// The counts of every passage, tallied the first time a set holding
    /// most of them is counted.
    everything: OnceCell<Tallies>,
}

/// One passage's speaker and country as the index numbers them, and its
/// document's month, day and outlet as [`FacetTables`] does; [`NONE`]
/// where it has none.
#[derive(Clone, Copy, Debug)]
struct PassageFacets {
    speaker: u32,
    country: u32,
    month: u32,
    day: u32,
    outlet: u32,
}

impl FacetTables {
    pub(crate) fn new(index: &Index<'_>) -> FacetTables {
        let mut tables = FacetTables::default();
        // Per document: (month, day, outlet).
        let mut documents = vec![(NONE, NONE, NONE); index.document_count()];
        let mut outlet_offsets: Vec<(u32, u32)> = Vec::new();
        for (doc, slot) in documents.iter_mut().enumerate() {
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
            let Some(slot) = documents.get_mut(doc as usize) else { continue };
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
        tables.passages = (0..index.passage_count() as u32)
            .map(|p| {
                let (month, day, outlet) = index.passage_document(p).and_then(|doc| documents.get(doc as usize).copied()).unwrap_or((NONE, NONE, NONE));
                let speaker = index.passage_speaker(p).map_or(NONE, |speaker| speaker.0);
                let country = index.passage_country(p).map_or(NONE, |country| country.0);
                PassageFacets { speaker, country, month, day, outlet }
            })
            .collect();
        tables
    }
}

pub(crate) fn count(index: &Index<'_>, tables: &FacetTables, matches: &BitSet, selection: &Selection) -> Facets {
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
        counter.count(matches, Counted::ALL);
        unknown = lacking_among(selection, matches, matches, matches);
    } else {
        let narrowed = |facet| narrowed_for(matches, selection, facet);
        let speakers = narrowed(Facet::Speaker);
        counter.count(&speakers, Counted::SPEAKER);
        let countries = narrowed(Facet::Country);
        counter.count(&countries, Counted::COUNTRY);
        counter.count(&narrowed(Facet::Date), Counted::DATE);
        let outlets = narrowed(Facet::Outlet);
        counter.count(&outlets, Counted::OUTLET);
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

/// Per-value counts of one set of passages, each list indexed as the
/// index numbers speakers and countries and [`FacetTables`] numbers
/// months, days and outlets.
#[derive(Clone, Debug, Default)]
struct Tallies {
    speakers: Vec<u32>,
    countries: Vec<u32>,
    months: Vec<u32>,
    days: Vec<u32>,
    outlets: Vec<u32>,
}

impl Tallies {
    fn zero(index: &Index<'_>, tables: &FacetTables) -> Tallies {
        Tallies {
            speakers: vec![0; index.speaker_count()],
            countries: vec![0; index.country_count()],
            months: vec![0; tables.months.len()],
            days: vec![0; tables.days.len()],
            outlets: vec![0; tables.outlets.len()],
        }
    }

    /// Takes `facets`' lists from `other`.
    fn copy(&mut self, other: &Tallies, facets: Counted) {
        if facets.speaker {
            self.speakers.clone_from(&other.speakers);
        }
        if facets.country {
            self.countries.clone_from(&other.countries);
        }
        if facets.date {
            self.months.clone_from(&other.months);
            self.days.clone_from(&other.days);
        }
        if facets.outlet {
            self.outlets.clone_from(&other.outlets);
        }
    }
}

/// Which facets one walk over a set counts.
#[derive(Clone, Copy, Debug)]
struct Counted {
    speaker: bool,
    country: bool,
    date: bool,
    outlet: bool,
}

impl Counted {
    const ALL: Counted = Counted { speaker: true, country: true, date: true, outlet: true };
    const SPEAKER: Counted = Counted { speaker: true, ..Counted::NONE };
    const COUNTRY: Counted = Counted { country: true, ..Counted::NONE };
    const DATE: Counted = Counted { date: true, ..Counted::NONE };
    const OUTLET: Counted = Counted { outlet: true, ..Counted::NONE };
    const NONE: Counted = Counted { speaker: false, country: false, date: false, outlet: false };
}

/// Which way a walk moves the counts: up for the passages of a set, or
/// down from every passage's counts for the passages outside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Up,
    Down,
}

struct Counter<'i, 'a> {
    index: &'i Index<'a>,
    tables: &'i FacetTables,
    tallies: Tallies,
}

impl<'i, 'a> Counter<'i, 'a> {
    fn new(index: &'i Index<'a>, tables: &'i FacetTables) -> Self {
        Counter { index, tables, tallies: Tallies::zero(index, tables) }
    }

    /// Counts `facets` over `set`, walking whichever is smaller: the set, or
    /// the passages outside it (down from every passage's counts).
    fn count(&mut self, set: &BitSet, facets: Counted) {
        if set.count() * 2 <= self.index.passage_count() {
            set.iter().for_each(|p| self.passage(p, facets, Step::Up));
            return;
        }
        let (index, tables) = (self.index, self.tables);
        let everything = tables.everything.get_or_init(|| {
            let mut all = Counter::new(index, tables);
            (0..index.passage_count() as u32).for_each(|p| all.passage(p, Counted::ALL, Step::Up));
            all.tallies
        });
        self.tallies.copy(everything, facets);
        set.complement().iter().for_each(|p| self.passage(p, facets, Step::Down));
    }

    fn passage(&mut self, passage: u32, facets: Counted, step: Step) {
        let Some(&row) = self.tables.passages.get(passage as usize) else { return };
        let tallies = &mut self.tallies;
        if facets.speaker {
            add(&mut tallies.speakers, row.speaker, step);
        }
        if facets.country {
            add(&mut tallies.countries, row.country, step);
        }
        if facets.date {
            add(&mut tallies.months, row.month, step);
            add(&mut tallies.days, row.day, step);
        }
        if facets.outlet {
            add(&mut tallies.outlets, row.outlet, step);
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
                add(&mut self.tallies.speakers, speaker.0, Step::Up);
            }
            if counted.0 != passage {
                counted = (passage, main.and_then(|m| self.index.speaker_country(m)).into_iter().collect());
            }
            let Some(country) = self.index.speaker_country(speaker) else { continue };
            if counted.1.contains(&country) || !country_set.contains(passage) {
                continue;
            }
            counted.1.push(country);
            add(&mut self.tallies.countries, country.0, Step::Up);
        }
    }

    fn finish(self) -> Facets {
        let tables = self.tables;
        let tallies = self.tallies;
        let occurring = |values: &[Date], counts: Vec<u32>| -> Vec<(Date, u32)> {
            values.iter().zip(counts).filter(|&(_, n)| n > 0).map(|(&date, n)| (date, n)).collect()
        };
        let mut outlets: Vec<(String, u32)> = tables
            .outlets
            .iter()
            .zip(tallies.outlets)
            .filter(|&(_, n)| n > 0)
            .filter_map(|(&doc, n)| Some((self.index.document_outlet(doc)?.to_owned(), n)))
            .collect();
        order::sort_by_key(&mut outlets, |(name, n)| (order::pack([!n]), name.as_str()));
        Facets {
            speakers: ranked(tallies.speakers).into_iter().map(|(id, n)| (SpeakerId(id), n)).collect(),
            countries: ranked(tallies.countries).into_iter().map(|(id, n)| (CountryId(id), n)).collect(),
            months: occurring(&tables.months, tallies.months),
            days: occurring(&tables.days, tallies.days),
            outlets,
            unknown: PerFacet::default(),
        }
    }
}

/// Counts one more (or one fewer) in `counts[at]`, unless `at` is
/// [`NONE`] or out of range (a damaged blob).
fn add(counts: &mut [u32], at: u32, step: Step) {
    if let Some(slot) = counts.get_mut(at as usize) {
        *slot = match step {
            Step::Up => slot.saturating_add(1),
            Step::Down => slot.saturating_sub(1),
        };
    }
}

/// Non-zero counts by count desc, then id.
fn ranked(counts: Vec<u32>) -> Vec<(u32, u32)> {
    let mut ranked: Vec<(u32, u32)> =
        counts.into_iter().enumerate().filter(|&(_, n)| n > 0).map(|(id, n)| (id as u32, n)).collect();
    order::by_count_descending(&mut ranked);
    ranked
}
