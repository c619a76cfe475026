//! The convention's milestones and the phrases that tell of them, from
//! `data/timeline.tsv`, and the words by which a sentence names the
//! convention, from `data/convention-words.txt`.
//!
//! Many articles print no date, but place themselves on the convention's
//! timeline ("once adopted by the General Assembly", "ahead of the signing
//! ceremony"): the timeline stage dates them from these. Editors extend the
//! files when the convention reaches a new milestone.

use crate::lexicon::lists::{entries, rows};
use std::sync::OnceLock;

const TIMELINE: &str = include_str!("data/timeline.tsv");
const CONVENTION_WORDS: &str = include_str!("data/convention-words.txt");

/// A calendar day as written in the data: year, month, day.
pub type Day = (i32, u8, u8);

/// One milestone of the convention.
#[derive(Debug)]
pub struct Milestone {
    /// How the evidence names it: "the General Assembly's adoption".
    pub name: String,
    /// The days it happened on; a session held twice has two.
    pub days: Vec<Day>,
    /// The day it was first announced: a text that tells of it as still to
    /// come was written on or after this day.
    pub announced: Day,
    /// Phrases with a past tense of their own, folded and lowercase.
    pub done: Vec<String>,
    /// Phrases that need a marker of tense, folded and lowercase.
    pub mentions: Vec<String>,
}

/// The milestones of `data/timeline.tsv`, read once; a row whose days do
/// not read is left out (the crate's tests read every row).
pub fn milestones() -> &'static [Milestone] {
    static M: OnceLock<Vec<Milestone>> = OnceLock::new();
    M.get_or_init(|| rows(TIMELINE).filter_map(milestone).collect())
}

fn milestone(row: &str) -> Option<Milestone> {
    let cols: Vec<&str> = row.split('\t').collect();
    let phrases = |i: usize| -> Vec<String> {
        cols.get(i).map(|c| c.split('|').map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()).unwrap_or_default()
    };
    let days: Option<Vec<Day>> = cols.get(1)?.split('|').map(day).collect();
    Some(Milestone { name: cols.first()?.trim().to_string(), days: days.filter(|d| !d.is_empty())?, announced: day(cols.get(2)?)?, done: phrases(3), mentions: phrases(4) })
}

/// `YYYY-MM-DD`.
fn day(s: &str) -> Option<Day> {
    let mut parts = s.trim().split('-');
    let day = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    parts.next().is_none().then_some(day)
}

/// The words by which a sentence names the convention, folded and lowercase.
pub fn convention_words() -> &'static [String] {
    static W: OnceLock<Vec<String>> = OnceLock::new();
    W.get_or_init(|| entries(CONVENTION_WORDS).map(String::from).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_timeline_reads() {
        assert_eq!(milestones().len(), rows(TIMELINE).count());
        for m in milestones() {
            assert!(!m.done.is_empty() || !m.mentions.is_empty(), "{} has no phrase", m.name);
            assert!(m.days.iter().all(|d| *d >= m.announced), "{} happens before it is announced", m.name);
            let folded = |p: &String| p.is_ascii() && *p == p.to_lowercase();
            assert!(m.done.iter().chain(&m.mentions).all(folded), "{}: phrases are folded and lowercase", m.name);
        }
        assert!(convention_words().iter().any(|w| w == "convention"));
    }
}
