//! Where an article that prints no date stands on the convention's
//! timeline, and which session of the General Assembly it speaks in.
//!
//! Reports and statements often give no date at all: the page had one, the
//! text does not. But they place themselves: "once adopted by the General
//! Assembly" was written before 24 December 2024, "ahead of the signing
//! ceremony" before October 2025, "the General Assembly approved on
//! Tuesday" on that Tuesday. Each such sentence bounds the date; the bounds
//! together give a year when one year holds nearly all of the span left,
//! and a day when a past milestone is told with its weekday. The milestones
//! are data (`lexicon/data/timeline.tsv`).

use crate::lexicon::timeline::{convention_words, milestones, Milestone};
use crate::model::{DatedEvidence, Precision, Source};
use crate::stages::calendar::{day_number, from_day_number, weekday, weekday_number, EN_DAYS, FR_DAYS};
use crate::stages::tense::{tense_before, Tense};
use crate::text::fold::Folded;
use crate::text::patterns::fixed;
use regex::Regex;
use search::Date;
use std::sync::OnceLock;

/// How close "next week" or "on Tuesday" puts a text to the milestone it
/// tells of, in days.
const NEAR: i64 = 14;

/// The share of the span that one year must hold to be given as the year.
const YEAR_SHARE: f64 = 0.9;

/// The General Assembly's session numbers read as such; the 60th opened in
/// 2005. Smaller numbers are more often a committee's own sessions.
const SESSIONS: std::ops::RangeInclusive<i32> = 60..=120;

struct Patterns {
    /// Per milestone, its done phrases and its mention phrases.
    phrases: Vec<(Option<Regex>, Option<Regex>)>,
    convention: Regex,
    near_future: Regex,
    near_past: Regex,
    session: Regex,
    assembly: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let any_of = |phrases: &[String]| -> Option<Regex> {
            let alternatives: Vec<String> = phrases.iter().map(|p| regex::escape(p).replace(' ', r"\s+")).collect();
            (!alternatives.is_empty()).then(|| fixed(&format!(r"\b(?:{})s?\b", alternatives.join("|"))))
        };
        Patterns {
            phrases: milestones().iter().map(|m| (any_of(&m.done), any_of(&m.mentions))).collect(),
            convention: any_of(convention_words()).unwrap_or_else(|| fixed(r"\bconvention\b")),
            near_future: fixed(r"\b(?:next\s+week|la\s+semaine\s+prochaine|tomorrow|demain|in\s+the\s+coming\s+days|dans\s+les\s+prochains\s+jours)\b"),
            near_past: fixed(&format!(
                r"\b(?:yesterday|today|hier|aujourd'hui|last\s+week|la\s+semaine\s+derniere|this\s+week|cette\s+semaine|(?:on\s+|ce\s+|this\s+|last\s+)?({FR_DAYS}|{EN_DAYS})(?:\s+dernier)?)\b"
            )),
            session: fixed(r"\b(\d{2,3})(?:st|nd|rd|th|e|eme|ieme)\s+session\b|\b(?:unga|agnu)\s?-?(\d{2,3})\b"),
            assembly: fixed(r"\b(?:general\s+assembly|assemblee\s+generale)\b|\b(?:unga|agnu)"),
        }
    })
}

/// A span of days, either end open.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Span {
    from: Option<i64>,
    to: Option<i64>,
}

impl Span {
    fn within(self, other: Span) -> Span {
        let max = |a: Option<i64>, b: Option<i64>| a.max(b).or(a).or(b);
        let min = |a: Option<i64>, b: Option<i64>| match (a, b) {
            (Some(x), Some(y)) => Some(x.min(y)),
            _ => a.or(b),
        };
        Span { from: max(self.from, other.from), to: min(self.to, other.to) }
    }

    fn is_empty(self) -> bool {
        matches!((self.from, self.to), (Some(f), Some(t)) if f > t)
    }

    fn holds(self, day: i64) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }
}

/// What one sentence says of one milestone.
struct Placement {
    span: Span,
    /// The milestone's day, when the text tells it as past with its weekday.
    day: Option<i64>,
    evidence: String,
}

/// The date of a text from the milestones it tells of, within the years
/// its own words allow (`at_least`, `at_most`).
pub fn timeline_date(passages: &[&str], at_least: Option<i32>, at_most: Option<i32>) -> Option<DatedEvidence> {
    let placements: Vec<Placement> = passages.iter().flat_map(|text| placements(text)).collect();
    if placements.is_empty() {
        return None;
    }
    let years = Span { from: at_least.map(|y| day_number(y, 1, 1)), to: at_most.map(|y| day_number(y, 12, 31)) };
    let span = placements.iter().fold(years, |span, p| span.within(p.span));
    if span.is_empty() {
        return None;
    }
    let told: Vec<&str> = placements.iter().map(|p| p.evidence.as_str()).collect();
    if let Some(day) = placements.iter().filter_map(|p| p.day).find(|&d| span.holds(d)) {
        let (year, month, d) = from_day_number(day);
        let date = Date { year, month: Some(month), day: Some(d) };
        return Some(DatedEvidence { date, precision: Precision::Day, source: Source::Text, evidence: format!("{date} from the convention's timeline: {}", told.join("; ")) });
    }
    let year = year_holding(span)?;
    Some(DatedEvidence {
        date: Date { year, month: None, day: None },
        precision: Precision::Year,
        source: Source::Text,
        evidence: format!("year {year} from the convention's timeline: {}", told.join("; ")),
    })
}

/// The year that holds nearly all of a closed span.
fn year_holding(span: Span) -> Option<i32> {
    let (from, to) = (span.from?, span.to?);
    let (first, _, _) = from_day_number(from);
    let (last, _, _) = from_day_number(to);
    let total = (to - from + 1) as f64;
    (first..=last).find(|&y| {
        let held = (to.min(day_number(y, 12, 31)) - from.max(day_number(y, 1, 1)) + 1) as f64;
        held / total >= YEAR_SHARE
    })
}

/// The milestones one passage tells of, sentence by sentence.
fn placements(text: &str) -> Vec<Placement> {
    let p = patterns();
    let f = Folded::new(text);
    let t = f.text.to_ascii_lowercase();
    let mut out = Vec::new();
    for (m, (done, mentions)) in milestones().iter().zip(&p.phrases) {
        let hits = done.iter().flat_map(|r| r.find_iter(&t).map(|h| (h, true))).chain(mentions.iter().flat_map(|r| r.find_iter(&t).map(|h| (h, false))));
        for (hit, is_done) in hits {
            let (start, end) = sentence_around(&t, hit.start(), hit.end());
            let sentence = t.get(start..end).unwrap_or("");
            if !p.convention.is_match(sentence) {
                continue;
            }
            let tense = match tense_before(&t, hit.start()) {
                Some(tense) => tense,
                None if is_done => Tense::Past,
                None => continue,
            };
            let told = f.original_slice(hit.start(), hit.end());
            out.push(place(m, tense, sentence, told));
        }
    }
    out
}

/// The span a milestone told in `tense` leaves for the text.
fn place(m: &Milestone, tense: Tense, sentence: &str, told: &str) -> Placement {
    let p = patterns();
    let days: Vec<i64> = m.days.iter().map(|&(y, mo, d)| day_number(y, mo, d)).collect();
    let (first, last) = (days.iter().copied().min().unwrap_or_default(), days.iter().copied().max().unwrap_or_default());
    let dates = m.days.iter().map(|&(y, mo, d)| Date { year: y, month: Some(mo), day: Some(d) }.to_string()).collect::<Vec<_>>().join(", ");
    match tense {
        Tense::Past => {
            let near = p.near_past.captures(sentence);
            let named_day = near.as_ref().and_then(|c| c.get(1)).and_then(|w| weekday_number(w.as_str()));
            let day = named_day.and_then(|w| m.days.iter().find(|&&(y, mo, d)| weekday(y, mo, d) == w)).map(|&(y, mo, d)| day_number(y, mo, d));
            let to = near.is_some().then_some(last + NEAR);
            let when = near.and_then(|c| c.get(0)).map(|w| format!(" « {} »", w.as_str().trim())).unwrap_or_default();
            Placement { span: Span { from: Some(first), to }, day, evidence: format!("« {told} »{when}: after {} ({dates})", m.name) }
        }
        Tense::Future => {
            let announced = day_number(m.announced.0, m.announced.1, m.announced.2);
            let from = if p.near_future.is_match(sentence) { first - NEAR } else { announced };
            Placement { span: Span { from: Some(from.max(announced)), to: Some(last) }, day: None, evidence: format!("« {told} »: before {} ({dates})", m.name) }
        }
    }
}

/// The sentence of `t` around the bytes `start..end`.
fn sentence_around(t: &str, start: usize, end: usize) -> (usize, usize) {
    let stops = |c: char| matches!(c, '.' | ';' | '!' | '?' | '\n');
    let from = t.get(..start).and_then(|b| b.rfind(stops)).map_or(0, |i| i + 1);
    let to = t.get(end..).and_then(|a| a.find(stops)).map_or(t.len(), |i| end + i);
    (from, to)
}

/// The year a text speaks in when it names a session of the General
/// Assembly ("its 78th session", "AGNU80"): the session's opening year,
/// when its general debate and Main Committees meet. The latest session
/// named wins.
pub fn session_year(passages: &[&str]) -> Option<DatedEvidence> {
    let p = patterns();
    let texts: Vec<String> = passages.iter().map(|t| Folded::new(t).text.to_ascii_lowercase()).collect();
    if !texts.iter().any(|t| p.assembly.is_match(t)) {
        return None;
    }
    let (session, told) = texts
        .iter()
        .flat_map(|t| p.session.captures_iter(t))
        .filter_map(|c| {
            let n: i32 = c.get(1).or_else(|| c.get(2))?.as_str().parse().ok()?;
            SESSIONS.contains(&n).then(|| (n, c.get(0).map_or("", |m| m.as_str()).to_string()))
        })
        .max_by_key(|(n, _)| *n)?;
    let year = 1945 + session;
    Some(DatedEvidence {
        date: Date { year, month: None, day: None },
        precision: Precision::Year,
        source: Source::Text,
        evidence: format!("year {year}: « {told} » of the General Assembly opened in September {year}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(passages: &[&str]) -> Option<String> {
        timeline_date(passages, None, None).map(|d| d.date.to_string())
    }

    #[test]
    fn a_step_still_to_come_and_one_done_bound_the_year() {
        // Before the adoption, which was announced when the committee approved the text.
        assert_eq!(dated(&["We will help States ratify the treaty, once adopted by the General Assembly."]), Some("2024".into()));
        assert_eq!(dated(&["Le texte, une fois adopte par l'Assemblee generale, sera ouvert a la signature."]), Some("2024".into()));
        // After the adoption, before the ceremony.
        assert_eq!(dated(&["Les préparatifs de la cérémonie de signature avancent, pour que la Convention soit signée."]), Some("2025".into()));
        assert_eq!(dated(&["Officials are busy with preparations for the signing ceremony of the convention."]), Some("2025".into()));
    }

    #[test]
    fn next_week_puts_the_text_just_before_the_milestone() {
        // Both concluding sessions were in 2024: the year is known, not the month.
        assert_eq!(dated(&["Campaigners attacked the draft treaty ahead of the final round of negotiations next week."]), Some("2024".into()));
        // Without "next week", a step to come only says "after it was announced".
        assert_eq!(dated(&["Activists criticised the draft treaty ahead of the concluding session."]), None);
    }

    #[test]
    fn a_past_milestone_told_with_its_weekday_gives_the_day() {
        assert_eq!(dated(&["The General Assembly approved on Tuesday a treaty on cybercrime."]), Some("2024-12-24".into()));
        assert_eq!(dated(&["L'Assemblée générale a adopté mardi la convention."]), Some("2024-12-24".into()));
        // A weekday that is not the milestone's leaves only "after it".
        assert_eq!(dated(&["The General Assembly approved on Friday a treaty on cybercrime."]), None);
    }

    #[test]
    fn a_phrase_counts_only_beside_the_convention_and_with_a_tense() {
        assert_eq!(dated(&["The General Assembly approved on Tuesday a budget for peacekeeping."]), None);
        // A mention without a marker says nothing of when.
        assert_eq!(dated(&["The signing ceremony of the convention is a milestone."]), None);
    }

    #[test]
    fn the_texts_own_years_narrow_the_span() {
        // Before the ceremony and after the adoption, in a text that plans for 2025 at the latest.
        let passages = ["The convention will open for signature at a ceremony in Hanoi."];
        assert_eq!(timeline_date(&passages, None, Some(2025)).map(|d| d.date.to_string()), Some("2025".into()));
        // Bounds that cannot hold together date nothing.
        assert_eq!(timeline_date(&passages, Some(2026), None), None);
    }

    #[test]
    fn a_session_of_the_general_assembly_gives_its_opening_year() {
        let year = |text: &str| session_year(&[text]).map(|d| d.date.to_string());
        assert_eq!(year("The draft goes to the General Assembly for its 78th session."), Some("2023".into()));
        assert_eq!(year("En marge de l'AGNU80, le ministre a parlé."), Some("2025".into()));
        assert_eq!(year("Lors de la 80e session de l'Assemblée générale, la délégation a parlé."), Some("2025".into()));
        // A committee's sixth session is not the Assembly's.
        assert_eq!(year("The General Assembly's committee held its 6th session."), None);
        assert_eq!(year("The 78th session of the board met."), None);
    }
}
