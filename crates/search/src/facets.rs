//! Facet counts that follow the query.
//!
//! Each facet is counted over the query's matches narrowed by the *other*
//! facets' selections (disjunctive faceting), so picking one speaker does
//! not make the other speakers vanish from the list. Counting walks the
//! bitset once per facet and reads the fixed-width passage records. The
//! passages lacking a facet's value are counted the same way, so that a
//! list with its "unknown" entry adds up to the results.

use std::collections::BTreeMap;

use crate::bitset::BitSet;
use crate::filters::{Facet, Selection};
use crate::index::Index;
use crate::order;
use crate::types::{CountryId, Date, Facets, PerFacet, SpeakerId};

pub(crate) fn count(index: &Index<'_>, matches: &BitSet, selection: &Selection) -> Facets {
    let mut counter = Counter::new(index);
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
        // All facets count the same passages, in one pass; dates and outlets
        // are both per document, so one per-document tally serves both.
        for passage in matches.iter() {
            counter.speaker(passage);
            counter.country(passage);
            counter.date(passage);
        }
        counter.outlet_documents = counter.documents.clone();
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
    speakers: Vec<u32>,
    countries: Vec<u32>,
    /// Matching passages per document: dates are per document, so passages
    /// are counted there and dates looked up once per document.
    documents: Vec<u32>,
    /// The same for the outlet facet, which leaves out its own selection.
    outlet_documents: Vec<u32>,
}

impl<'i, 'a> Counter<'i, 'a> {
    fn new(index: &'i Index<'a>) -> Self {
        Counter {
            index,
            speakers: vec![0; index.speaker_count()],
            countries: vec![0; index.country_count()],
            documents: vec![0; index.document_count()],
            outlet_documents: vec![0; index.document_count()],
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

    fn date(&mut self, passage: u32) {
        if let Some(slot) = self.index.passage_document(passage).and_then(|d| self.documents.get_mut(d as usize)) {
            *slot += 1;
        }
    }

    fn outlet(&mut self, passage: u32) {
        if let Some(slot) = self.index.passage_document(passage).and_then(|d| self.outlet_documents.get_mut(d as usize)) {
            *slot += 1;
        }
    }

    fn outlets(&self) -> Vec<(String, u32)> {
        // Documents of one outlet share one stored name (the builder writes
        // it once), so they are tallied by its offset and each name is read
        // once, not once per document.
        let mut by_offset: BTreeMap<u32, (u32, u32)> = BTreeMap::new();
        for (doc, &n) in self.outlet_documents.iter().enumerate().filter(|&(_, &n)| n > 0) {
            if let Some(offset) = self.index.document_outlet_offset(doc as u32) {
                by_offset.entry(offset).or_insert((doc as u32, 0)).1 += n;
            }
        }
        let mut outlets: Vec<(String, u32)> = by_offset
            .into_values()
            .filter_map(|(doc, n)| Some((self.index.document_outlet(doc)?.to_owned(), n)))
            .collect();
        order::sort_by_key(&mut outlets, |(name, n)| (order::pack([!n]), name.as_str()));
        outlets
    }

    fn finish(self) -> Facets {
        let outlets = self.outlets();
        let dates = self.index.documents_by_date().filter_map(|doc| {
            let n = *self.documents.get(doc as usize)?;
            (n > 0).then(|| (self.index.document_date_key(doc), n))
        });
        let mut months: Vec<(Date, u32)> = Vec::new();
        let mut days: Vec<(Date, u32)> = Vec::new();
        for (date, count) in dates.filter_map(|(key, n)| Some((Date::unpack(key)?, n))) {
            let Some(month) = date.to_month() else { continue };
            match months.last_mut() {
                Some((m, total)) if *m == month => *total += count,
                _ => months.push((month, count)),
            }
            if date.day.is_some() {
                match days.last_mut() {
                    Some((d, total)) if *d == date => *total += count,
                    _ => days.push((date, count)),
                }
            }
        }
        Facets {
            speakers: ranked(self.speakers).into_iter().map(|(id, n)| (SpeakerId(id), n)).collect(),
            countries: ranked(self.countries).into_iter().map(|(id, n)| (CountryId(id), n)).collect(),
            months,
            days,
            outlets,
            unknown: PerFacet::default(),
        }
    }
}

/// Non-zero counts by count desc, then id.
fn ranked(counts: Vec<u32>) -> Vec<(u32, u32)> {
    let mut ranked: Vec<(u32, u32)> =
        counts.into_iter().enumerate().filter(|&(_, n)| n > 0).map(|(id, n)| (id as u32, n)).collect();
    order::sort_by_key(&mut ranked, |&(id, n)| order::numbers([!n, id]));
    ranked
}
