//! Facet selections as passage bitsets, from both [`Filters`] and the
//! query's `speaker:`, `country:` and `date:` fields.
//!
//! Each facet is kept as its own bitset (or `None` when nothing is selected)
//! so that the facet counts can leave out their own selection while
//! applying the others (disjunctive faceting). Within a facet the choices
//! are ORed, across facets ANDed; date ranges narrow each other. A
//! `speaker:` or `country:` value also stands for its equivalents
//! (`pays:Vietnam` for "Viêt Nam", `orateur:Putin` for "Poutine"). Each
//! facet's "unknown" choice selects the passages lacking its value.

use crate::analysis::{fold, tokenize, TokenKind};
use crate::bitset::BitSet;
use crate::equivalence::LazyEquivalences;
use crate::index::Index;
use crate::query::ParsedQuery;
use crate::types::{Filters, PerFacet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Facet {
    Speaker,
    Country,
    Outlet,
    Date,
}

pub(crate) struct Selection {
    pub speakers: Option<BitSet>,
    pub countries: Option<BitSet>,
    pub outlets: Option<BitSet>,
    pub dates: Option<BitSet>,
    /// The passages without a speaker, a country or an outlet, among all.
    pub lacking: PerFacet<BitSet>,
}

impl Selection {
    /// `lacking` is [`lacking`] of this index, which the searcher computes once.
    pub(crate) fn resolve(index: &Index<'_>, equivalences: &LazyEquivalences<'_>, lacking: &PerFacet<BitSet>, query: &ParsedQuery, filters: &Filters) -> Selection {
        let n = index.passage_count();
        let with_equivalents = |values: &[String]| -> Vec<String> {
            let mut all = values.to_vec();
            for value in values {
                let folded = tokenize(value).into_iter().filter(|t| t.kind != TokenKind::Part).map(|t| t.term).collect::<Vec<_>>().join(" ");
                all.extend(equivalences.get().others(&folded).into_iter().map(|(_, written)| written.to_string()));
            }
            all
        };
        let lacking = lacking.clone();
        let speaker_values = with_equivalents(&query.speakers);
        let country_values = with_equivalents(&query.countries);

        let speakers = (!filters.speakers.is_empty() || !query.speakers.is_empty() || filters.unknown.speaker).then(|| {
            let mut set = if filters.unknown.speaker { lacking.speaker.clone() } else { BitSet::empty(n) };
            let by_name = index.speakers().filter(|(_, s)| {
                let text = match s.role {
                    Some(role) => format!("{} {}", s.name, role),
                    None => s.name.to_string(),
                };
                speaker_values.iter().any(|value| words_match(value, &text))
            });
            for id in filters.speakers.iter().copied().chain(by_name.map(|(id, _)| id)) {
                for passage in index.speaker_passages(id.0) {
                    set.insert(passage);
                }
            }
            set
        });

        let countries = (!filters.countries.is_empty() || !query.countries.is_empty() || filters.unknown.country).then(|| {
            let mut set = if filters.unknown.country { lacking.country.clone() } else { BitSet::empty(n) };
            let by_name = index.countries().filter(|(_, c)| {
                country_values.iter().any(|value| {
                    fold(value.trim()) == fold(c.code) || words_match(value, c.name_fr) || words_match(value, c.name_en)
                })
            });
            for id in filters.countries.iter().copied().chain(by_name.map(|(id, _)| id)) {
                for passage in index.country_passages(id.0) {
                    set.insert(passage);
                }
            }
            set
        });

        // Outlets are per document, so a chosen one selects its documents' passages.
        let outlets = (!filters.outlets.is_empty() || filters.unknown.outlet).then(|| {
            let mut set = if filters.unknown.outlet { lacking.outlet.clone() } else { BitSet::empty(n) };
            for doc in 0..index.document_count() as u32 {
                let outlet = index.document(crate::types::DocId(doc)).and_then(|d| d.outlet);
                if outlet.is_some_and(|outlet| filters.outlets.iter().any(|wanted| wanted == outlet)) {
                    for passage in index.document_passages(doc).unwrap_or(0..0) {
                        set.insert(passage);
                    }
                }
            }
            set
        });

        let mut from = filters.date_from;
        let mut to = filters.date_to;
        for range in &query.dates {
            from = from.max(range.from);
            to = match (to, range.to) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        let dates = (from.is_some() || to.is_some()).then(|| {
            let low = from.map_or(0, |d| d.day_span().0);
            let high = to.map_or(u32::MAX, |d| d.day_span().1);
            let mut set = BitSet::empty(n);
            for passage in 0..n as u32 {
                if let Some(date) = index.passage_date(passage) {
                    let (first, last) = date.day_span();
                    if low <= first && last <= high {
                        set.insert(passage);
                    }
                }
            }
            set
        });

        Selection { speakers, countries, outlets, dates, lacking }
    }

    /// Narrows `set` to the selection, leaving out one facet if asked.
    pub(crate) fn apply(&self, set: &mut BitSet, except: Option<Facet>) {
        let facets = [
            (Facet::Speaker, &self.speakers),
            (Facet::Country, &self.countries),
            (Facet::Outlet, &self.outlets),
            (Facet::Date, &self.dates),
        ];
        for (facet, selected) in facets {
            if let Some(selected) = selected.as_ref().filter(|_| except != Some(facet)) {
                set.intersect(selected);
            }
        }
    }
}

/// The passages a speaker, country or outlet filter can never find: no
/// statement, no speaker with a country, or an article without an outlet.
/// A walk over every passage: the searcher does it once, not per search.
pub(crate) fn lacking(index: &Index<'_>) -> PerFacet<BitSet> {
    let n = index.passage_count();
    let mut speaker = BitSet::empty(n);
    let mut outlet = BitSet::empty(n);
    for passage in 0..n as u32 {
        if index.passage_speaker(passage).is_none() {
            speaker.insert(passage);
        }
    }
    for doc in 0..index.document_count() as u32 {
        if index.document_outlet_offset(doc).is_none() {
            outlet.insert_range(index.document_passages(doc).unwrap_or(0..0));
        }
    }
    let mut with_country = BitSet::empty(n);
    for id in 0..index.country_count() as u32 {
        index.country_passages(id).for_each(|passage| with_country.insert(passage));
    }
    let mut country = BitSet::full(n);
    country.subtract(&with_country);
    PerFacet { speaker, country, outlet }
}

/// Whether every word of `value` starts a word of `text`: `waly` finds
/// "Ghada Waly", `"vice-premier"` finds "vice-Premier ministre (Pologne)".
fn words_match(value: &str, text: &str) -> bool {
    let wanted: Vec<String> = tokenize(value).into_iter().filter(|t| t.kind != TokenKind::Part).map(|t| t.term).collect();
    let have: Vec<String> = tokenize(text).into_iter().map(|t| t.term).collect();
    !wanted.is_empty() && wanted.iter().all(|w| have.iter().any(|h| h.starts_with(w.as_str())))
}
