//! Facet counts that follow the query.
//!
//! Each facet is counted over the query's matches narrowed by the *other*
//! facets' selections (disjunctive faceting), so picking one speaker does
//! not make the other speakers vanish from the list. Counting walks the
//! bitset once per facet and reads the fixed-width passage records.

use std::collections::BTreeMap;

use crate::bitset::BitSet;
use crate::filters::{Facet, Selection};
use crate::index::Index;
use crate::types::{CountryId, Date, Facets, SpeakerId};

pub(crate) fn count(index: &Index<'_>, matches: &BitSet, selection: &Selection) -> Facets {
    let narrowed = |facet| {
        let mut set = matches.clone();
        selection.apply(&mut set, Some(facet));
        set
    };

    let mut speaker_counts = vec![0u32; index.speaker_count()];
    for passage in narrowed(Facet::Speaker).iter() {
        if let Some(slot) = index.passage_speaker(passage).and_then(|s| speaker_counts.get_mut(s.0 as usize)) {
            *slot += 1;
        }
    }
    let mut country_counts = vec![0u32; index.country_count()];
    for passage in narrowed(Facet::Country).iter() {
        if let Some(slot) = index.passage_country(passage).and_then(|c| country_counts.get_mut(c.0 as usize)) {
            *slot += 1;
        }
    }
    let mut months: BTreeMap<Date, u32> = BTreeMap::new();
    let mut days: BTreeMap<Date, u32> = BTreeMap::new();
    for passage in narrowed(Facet::Date).iter() {
        let Some(date) = index.passage_date(passage) else { continue };
        if let Some(month) = date.to_month() {
            *months.entry(month).or_insert(0) += 1;
            if date.day.is_some() {
                *days.entry(date).or_insert(0) += 1;
            }
        }
    }

    Facets {
        speakers: ranked(speaker_counts).into_iter().map(|(id, n)| (SpeakerId(id), n)).collect(),
        countries: ranked(country_counts).into_iter().map(|(id, n)| (CountryId(id), n)).collect(),
        months: months.into_iter().collect(),
        days: days.into_iter().collect(),
    }
}

/// Non-zero counts by count desc, then id.
fn ranked(counts: Vec<u32>) -> Vec<(u32, u32)> {
    let mut ranked: Vec<(u32, u32)> =
        counts.into_iter().enumerate().filter(|&(_, n)| n > 0).map(|(id, n)| (id as u32, n)).collect();
    ranked.sort_by_key(|&(id, n)| (std::cmp::Reverse(n), id));
    ranked
}
