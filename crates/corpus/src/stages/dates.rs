//! Dates in French and English, with their precision and the evidence used.
//!
//! News copy often drops the year ("Le 8 août", "vendredi 22 mai"): the
//! reader knows it from the page, which we do not have. A weekday fixes the
//! year among the plausible ones; otherwise the years the text mentions, and
//! as a last resort the rest of the corpus, break the tie. The evidence says
//! which of these was used so that editors can check and override it.

use crate::model::{Corpus, DatedEvidence, Document, Precision, Source};
use crate::stages::calendar::{month_number, valid, weekday, weekday_number, days_in_month, EN_DAYS, EN_FULL_MONTHS, EN_MONTHS, FR_DAYS, FR_MONTHS, FR_MONTH_ABBREVIATIONS};
use crate::stages::tense::{tense_before, Tense};
use crate::stages::timeline::{session_year, timeline_date};
use crate::text::fold::Folded;
use crate::text::patterns::fixed;
use regex::Regex;
use search::Date;
use std::collections::HashMap;
use std::sync::OnceLock;


/// Small counts written out, as in "Four years later" or "trois ans plus tard".
const NUMBER_WORDS: &[(&str, i32)] = &[
    ("a", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
    ("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("sept", 7), ("huit", 8), ("neuf", 9), ("dix", 10),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Year,
    Month,
}

/// Phrases that place a passage relative to the document's own date,
/// folded and lowercased, with the unit and the shift they mean.
const RELATIVE_PHRASES: &[(&str, Unit, i32)] = &[
    ("last year", Unit::Year, -1), ("next year", Unit::Year, 1), ("this year", Unit::Year, 0),
    ("l'annee derniere", Unit::Year, -1), ("l'an dernier", Unit::Year, -1), ("l'annee passee", Unit::Year, -1), ("l'an passe", Unit::Year, -1),
    ("l'annee prochaine", Unit::Year, 1), ("l'an prochain", Unit::Year, 1), ("cette annee", Unit::Year, 0),
    ("last month", Unit::Month, -1), ("next month", Unit::Month, 1), ("this month", Unit::Month, 0),
    ("le mois dernier", Unit::Month, -1), ("le mois passe", Unit::Month, -1), ("le mois prochain", Unit::Month, 1), ("ce mois-ci", Unit::Month, 0),
];

/// `a|b|c` from the words of a table, for a pattern.
fn alternatives<T>(table: &[(&str, T)]) -> String {
    table.iter().map(|(w, _)| *w).collect::<Vec<_>>().join("|")
}

/// Years outside this range are taken for numbers, not dates.
const FIRST_YEAR: i32 = 1945;
const LAST_YEAR: i32 = 2099;

/// A date expression as found, before any year is inferred.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    /// 0 = Monday.
    weekday: Option<u8>,
    start: usize,
    /// End of the expression in the folded text.
    end: usize,
    evidence: String,
}

struct Patterns {
    iso: Regex,
    slash: Regex,
    fr_day: Regex,
    en_day_month: Regex,
    en_month_day: Regex,
    month_year: Regex,
    year: Regex,
    deadline_year: Regex,
    metadata_month: Regex,
    labelled_year: Regex,
    url_segments: Regex,
    url_digits: Regex,
    agency_after: Regex,
    agency_before: Regex,
    place_before: Regex,
    dash_after: Regex,
    years_later: Regex,
    relative: Regex,
    named_month_relative: Regex,
    bare_weekday: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: String| fixed(&s);
        let fr_abbr = FR_MONTH_ABBREVIATIONS.iter().map(|(a, _)| *a).collect::<Vec<_>>().join("|");
        Patterns {
            // A timestamp's "T" ends the date as well as a word boundary does.
            iso: re(r"\b(\d{4})-(\d{2})-(\d{2})(?:T|\b)".into()),
            slash: re(r"(?:^|[^\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b".into()),
            fr_day: re(format!(
                r"(?i)\b(?:({FR_DAYS})\s+)?(\d{{1,2}})(?:er)?(?:\s+(?:et|au|-)\s+\d{{1,2}}(?:er)?)?\s+({FR_MONTHS}|{fr_abbr})\b\.?(?:\s+((?:19|20)\d{{2}})\b)?"
            )),
            en_day_month: re(format!(
                r"(?i)\b(?:({EN_DAYS}),?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|and|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?({EN_MONTHS})\b\.?(?:,?\s+((?:19|20)\d{{2}})\b)?"
            )),
            en_month_day: re(format!(
                r"(?i)\b(?:({EN_DAYS}),?\s+)?({EN_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*(?:-|and|to)\s*\d{{1,2}})?(?:,?\s+((?:19|20)\d{{2}})\b)?"
            )),
            month_year: re(format!(r"(?i)\b({FR_MONTHS}|{EN_MONTHS}|{fr_abbr})\.?\s+((?:19|20)\d{{2}})\b")),
            year: re(r"(?i)\b(?:en|in|depuis|since|de|d'ici|annee|l'annee|year|of|fin|debut|mi)\s+((?:19|20)\d{2})\b".into()),
            deadline_year: re(r"(?i)\b(?:jusqu'(?:au|en|a)|d'ici|until|till|by)\s+(?:le\s+|the\s+)?(?:\d{1,2}(?:er)?\s+\S+\s+)?((?:19|20)\d{2})\b".into()),
            // "2025-04" alone, not the start of a full ISO date nor a range.
            metadata_month: re(r"(?:^|[^\d-])((?:19|20)\d{2})-(\d{2})(?:$|[^\d-])".into()),
            labelled_year: re(r"(?i)^\s*(?:date|published|posted|publie(?:\s+le)?|publication|mis\s+en\s+ligne(?:\s+le)?)\s*:?\s*((?:19|20)\d{2})(?:$|[^\d/.-])".into()),
            url_segments: re(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?:[/_.?#-]|$)".into()),
            url_digits: re(r"(?:^|\D)((?:19|20)\d{6}(?:\d{2}){0,3})(?:\D|$)".into()),
            agency_after: re(r"^\s*,?\s*\([A-Za-z][A-Za-z+ .]{1,20}\)".into()),
            agency_before: re(r"\([A-Za-z][A-Za-z+ .]{1,20}\)\s*[,-]?\s*$".into()),
            place_before: re(r"^\s*[A-Z][A-Za-z' -]{1,30},\s*(?:le\s+|on\s+)?$".into()),
            dash_after: re(r"^\s*[-:]".into()),
            years_later: re(format!(r"(?i)\b(\d{{1,2}}|{})\s+(?:years?\s+later|ans?\s+plus\s+tard|ans?\s+apres|annees?\s+plus\s+tard)\b", alternatives(NUMBER_WORDS))),
            relative: re(format!(r"(?i)\b(?:{})\b", RELATIVE_PHRASES.iter().map(|(p, _, _)| p.replace(' ', r"\s+")).collect::<Vec<_>>().join("|"))),
            named_month_relative: re(format!(r"(?i)\b(?:(next|last)\s+({EN_FULL_MONTHS})|({FR_MONTHS})\s+(prochain|dernier))\b")),
            bare_weekday: re(format!(r"(?i)\b(?:(last|next|this|ce)\s+)?({FR_DAYS}|{EN_DAYS})\b(?:\s+(dernier|prochain))?")),
        }
    })
}

fn parse_year(s: &str) -> Option<i32> {
    s.parse().ok().filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y))
}

/// The first date with a day in `passages`, read in order: a huge document
/// stops at its first.
fn first_with_day<'a>(passages: impl IntoIterator<Item = &'a str>) -> Option<Found> {
    passages.into_iter().find_map(|p| find(p).into_iter().find(|f| f.day.is_some()))
}

/// Every date expression of a text, left to right, without overlaps.
fn find(text: &str) -> Vec<Found> {
    // Every form has a digit; most passages have none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    find_in(&Folded::new(text))
}

/// [`find`] on a text already folded, for callers that also read the
/// words around each date.
fn find_in(f: &Folded) -> Vec<Found> {
    let t = f.text.as_str();
    let p = patterns();
    let mut out: Vec<Found> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut push = |found: Found, start: usize, end: usize, out: &mut Vec<Found>| {
        if taken.iter().all(|&(s, e)| end <= s || start >= e) {
            taken.push((start, end));
            out.push(found);
        }
    };
    let evidence = |s: usize, e: usize| f.original_slice(s, e).trim().to_string();
    for c in p.iso.captures_iter(t) {
        let (Some(m), Some(y), Some(mo), Some(d)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else { continue };
        let (year, month, day) = (parse_year(y.as_str()), mo.as_str().parse().ok(), d.as_str().parse().ok());
        if let (Some(year), Some(month), Some(day)) = (year, month, day) {
            if valid(Some(year), month, day) {
                let found = Found { year: Some(year), month: Some(month), day: Some(day), weekday: None, start: m.start(), end: m.end(), evidence: evidence(m.start(), m.end()) };
                push(found, m.start(), m.end(), &mut out);
            }
        }
    }
    for c in p.slash.captures_iter(t) {
        let (Some(d), Some(mo), Some(y)) = (c.get(1), c.get(2), c.get(3)) else { continue };
        let (Some(year), Ok(a), Ok(b)) = (parse_year(y.as_str()), d.as_str().parse::<u8>(), mo.as_str().parse::<u8>()) else { continue };
        // Day first, as in French and British usage, unless impossible.
        let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        if valid(Some(year), month, day) {
            let found = Found { year: Some(year), month: Some(month), day: Some(day), weekday: None, start: d.start(), end: y.end(), evidence: evidence(d.start(), y.end()) };
            push(found, d.start(), y.end(), &mut out);
        }
    }
    for (re, day_group, month_group) in [(&p.fr_day, 2, 3), (&p.en_day_month, 2, 3), (&p.en_month_day, 3, 2)] {
        for c in re.captures_iter(t) {
            let (Some(m), Some(d), Some(mo)) = (c.get(0), c.get(day_group), c.get(month_group)) else { continue };
            let (Ok(day), Some(month)) = (d.as_str().parse::<u8>(), month_number(mo.as_str())) else { continue };
            let year = c.get(4).and_then(|y| parse_year(y.as_str()));
            if !valid(year, month, day) {
                continue;
            }
            let weekday = c.get(1).and_then(|w| weekday_number(w.as_str()));
            let found = Found { year, month: Some(month), day: Some(day), weekday, start: m.start(), end: m.end(), evidence: evidence(m.start(), m.end()) };
            push(found, m.start(), m.end(), &mut out);
        }
    }
    for c in p.month_year.captures_iter(t) {
        let (Some(m), Some(mo), Some(y)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        if let (Some(month), Some(year)) = (month_number(mo.as_str()), parse_year(y.as_str())) {
            let found = Found { year: Some(year), month: Some(month), day: None, weekday: None, start: m.start(), end: m.end(), evidence: evidence(m.start(), m.end()) };
            push(found, m.start(), m.end(), &mut out);
        }
    }
    for c in p.year.captures_iter(t) {
        let (Some(m), Some(y)) = (c.get(0), c.get(1)) else { continue };
        if let Some(year) = parse_year(y.as_str()) {
            let found = Found { year: Some(year), month: None, day: None, weekday: None, start: y.start(), end: y.end(), evidence: evidence(m.start(), m.end()) };
            push(found, y.start(), y.end(), &mut out);
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// Years a text refers to, with counts, leaving out deadlines ("jusqu'au 31
/// décembre 2026"), which say nothing about when the text was written.
fn mentioned_years(text: &str) -> HashMap<i32, usize> {
    let f = Folded::new(text);
    let deadlines: Vec<(usize, usize)> = patterns()
        .deadline_year
        .captures_iter(&f.text)
        .filter_map(|c| c.get(1).map(|m| (m.start(), m.end())))
        .collect();
    let mut years = HashMap::new();
    for (i, _) in f.text.match_indices(|c: char| c.is_ascii_digit()) {
        let prev_digit = i > 0 && f.text.as_bytes().get(i - 1).is_some_and(u8::is_ascii_digit);
        let Some(w) = f.text.get(i..i + 4) else { continue };
        let next_digit = f.text.as_bytes().get(i + 4).is_some_and(u8::is_ascii_digit);
        if prev_digit || next_digit || !w.bytes().all(|b| b.is_ascii_digit()) || deadlines.iter().any(|&(s, _)| s == i) {
            continue;
        }
        if let Some(y) = parse_year(w) {
            *years.entry(y).or_insert(0) += 1;
        }
    }
    years
}

/// Chooses a year for a day and month given without one.
fn infer_year(month: u8, day: u8, wd: Option<u8>, years: &HashMap<i32, usize>, context: Option<i32>) -> Option<(i32, String)> {
    let fits = |y: i32| valid(Some(y), month, day) && wd.is_none_or(|w| weekday(y, month, day) == w);
    let mut ranked: Vec<(i32, usize)> = years.iter().map(|(&y, &n)| (y, n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    if let Some(&(y, _)) = ranked.iter().find(|(y, _)| fits(*y)) {
        let why = if wd.is_some() { "the weekday matches it and the text mentions it" } else { "the most mentioned (then latest) year of the text" };
        return Some((y, format!("year {y} inferred: {why}")));
    }
    let anchor = ranked.first().map(|&(y, _)| y).or(context)?;
    if wd.is_none() {
        return fits(anchor).then(|| (anchor, format!("year {anchor} inferred from the corpus")));
    }
    let best = (0..=40).flat_map(|d| [anchor - d, anchor + d]).find(|&y| fits(y))?;
    Some((best, format!("year {best} inferred: nearest to {anchor} where the weekday matches")))
}

/// What the years of a text say about when it was written.
#[derive(Debug, Default)]
struct YearReading {
    /// A year the text speaks from: "in 2019 … Four years later".
    now: Option<(i32, String)>,
    /// The latest year mentioned without a past, future or deadline marker.
    plain: Option<(i32, String)>,
    /// The latest past event recalled: the text is from then or later.
    at_least: Option<(i32, String)>,
    /// The earliest plan or deadline: the text is from then or earlier.
    at_most: Option<(i32, String)>,
}

impl YearReading {
    /// The year a reader would date the text to from its own words, if the
    /// text anchors itself: a year it speaks from, else the latest plain
    /// mention (lifted to a later recalled event, which it cannot precede).
    fn best(&self) -> Option<(i32, String)> {
        if let Some((y, why)) = &self.now {
            return Some((*y, why.clone()));
        }
        let (plain, why) = self.plain.as_ref()?;
        match &self.at_least {
            Some((past, past_why)) if past > plain => Some((*past, past_why.clone())),
            _ => Some((*plain, why.clone())),
        }
    }

    /// Whether `year` fits the bounds the text sets, when it sets any.
    fn admits(&self, year: i32) -> bool {
        let bounded = self.at_least.is_some() || self.at_most.is_some();
        bounded && self.at_least.as_ref().is_none_or(|(y, _)| year >= *y) && self.at_most.as_ref().is_none_or(|(y, _)| year <= *y)
    }
}

/// A year a text mentions, or a count of years after the one before it.
enum Mention {
    Year(Found),
    Later { years: i32, phrase: String },
}

/// Reads every year the passages mention (in date expressions, so counts
/// and resolution numbers are left out) and sorts it by its role.
fn year_reading(passages: &[&str]) -> YearReading {
    let p = patterns();
    let mut reading = YearReading::default();
    let mut last_year: Option<i32> = None;
    let keep_max = |slot: &mut Option<(i32, String)>, y: i32, why: String| {
        if slot.as_ref().is_none_or(|(old, _)| y > *old) {
            *slot = Some((y, why));
        }
    };
    for text in passages {
        let f = Folded::new(text);
        let t = f.text.as_str();
        let deadlines: Vec<usize> = p.deadline_year.captures_iter(t).filter_map(|c| c.get(1).map(|m| m.start())).collect();
        let mut mentions: Vec<(usize, Mention)> = find_in(&f).into_iter().filter(|x| x.year.is_some()).map(|x| (x.start, Mention::Year(x))).collect();
        for c in p.years_later.captures_iter(t) {
            let (Some(m), Some(n)) = (c.get(0), c.get(1)) else { continue };
            if let Some(years) = count(n.as_str()) {
                mentions.push((m.start(), Mention::Later { years, phrase: f.original_slice(m.start(), m.end()).to_string() }));
            }
        }
        mentions.sort_by_key(|m| m.0);
        for (_, mention) in mentions {
            let found = match mention {
                Mention::Later { years, phrase } => {
                    if let Some(anchor) = last_year {
                        let y = anchor + years;
                        keep_max(&mut reading.now, y, format!("year {y}: « {phrase} » after {anchor}"));
                    }
                    continue;
                }
                Mention::Year(found) => found,
            };
            let Some(y) = found.year else { continue };
            last_year = Some(y);
            let tense = if deadlines.iter().any(|&d| d >= found.start && d < found.end) { Some(Tense::Future) } else { tense_before(t, found.start) };
            let why = format!("« {} »", found.evidence);
            match tense {
                None => keep_max(&mut reading.plain, y, format!("the latest year the text mentions: {why}")),
                Some(Tense::Past) => keep_max(&mut reading.at_least, y, format!("a past event of {y}: {why}")),
                Some(Tense::Future) => {
                    if reading.at_most.as_ref().is_none_or(|(old, _)| y < *old) {
                        reading.at_most = Some((y, format!("a plan or deadline of {y}: {why}")));
                    }
                }
            }
        }
    }
    reading
}

fn count(word: &str) -> Option<i32> {
    let w = word.to_lowercase();
    w.parse().ok().or_else(|| NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v))
}

fn complete(f: &Found) -> Option<Date> {
    Some(Date { year: f.year?, month: f.month, day: f.day })
}

/// A date written by an editor as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, ASCII
/// digits only; a month or day that cannot exist is refused.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let shape_ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    if !shape_ok {
        return None;
    }
    let year = parse_year(parts.first()?)?;
    let month: Option<u8> = parts.get(1).and_then(|m| m.parse().ok());
    let day: Option<u8> = parts.get(2).and_then(|d| d.parse().ok());
    let ok = match (month, day) {
        (Some(m), Some(d)) => valid(Some(year), m, d),
        (Some(m), None) => (1..=12).contains(&m),
        _ => true,
    };
    ok.then_some(Date { year, month, day })
}

/// The date of a document, from the strongest evidence it offers: a
/// metadata line with a day, the source URL, a metadata line with only a
/// month or a year, a dateline, the first dated day of the body (inferring
/// its year when missing) and, when no day is given, the year the text
/// speaks from, else where it stands on the convention's timeline or in
/// which session of the General Assembly. A month or a year from metadata
/// or the URL takes its day from the body when the two agree.
pub fn document_date<'a>(meta_lines: &[String], url: Option<&str>, body: impl Iterator<Item = &'a str>) -> Option<DatedEvidence> {
    let passages: Vec<&str> = body.collect();
    let declared = metadata_date(meta_lines).or_else(|| url.and_then(url_date));
    if let Some(d) = &declared {
        if d.precision == Precision::Day {
            return declared;
        }
    }
    let first_day = dateline(&passages).or_else(|| first_with_day(passages.iter().copied()));
    if let Some(d) = declared {
        return Some(first_day.and_then(|f| refine(&d, &f)).unwrap_or(d));
    }
    let Some(first_day) = first_day else {
        let reading = year_reading(&passages);
        return reading.best().map(|(year, why)| year_only(year, why)).or_else(|| {
            let (at_least, at_most) = (reading.at_least.as_ref().map(|(y, _)| *y), reading.at_most.as_ref().map(|(y, _)| *y));
            timeline_date(&passages, at_least, at_most).or_else(|| session_year(&passages))
        });
    };
    let years = if first_day.year.is_none() { mentioned_years(&passages.join("\n")) } else { HashMap::new() };
    date_from(&first_day, &years, None)
}

fn year_only(year: i32, evidence: String) -> DatedEvidence {
    DatedEvidence { date: Date { year, month: None, day: None }, precision: Precision::Year, source: Source::Text, evidence }
}

/// A date printed on a metadata line ("Publié le …", " date 2025-10-27",
/// "Published: 2023"): one with a day wins over one with a month, which
/// wins over a bare year.
fn metadata_date(meta_lines: &[String]) -> Option<DatedEvidence> {
    let labelled = |f: &Found, label: &str| {
        let date = complete(f)?;
        Some(DatedEvidence { date, precision: Precision::of(date), source: Source::Text, evidence: format!("{label}: « {} »", f.evidence) })
    };
    let with_day = meta_lines.iter().find_map(|l| find(l).into_iter().find(|f| f.year.is_some() && f.day.is_some()));
    if let Some(f) = with_day {
        return labelled(&f, "metadata line");
    }
    let p = patterns();
    for (re, label) in [(&p.metadata_month, "metadata line"), (&p.labelled_year, "metadata line")] {
        let partial = meta_lines.iter().find_map(|l| {
            let c = re.captures(l)?;
            let (m, y) = (c.get(0)?, c.get(1)?);
            let month = match c.get(2) {
                Some(mo) => Some(mo.as_str().parse::<u8>().ok().filter(|n| (1..=12).contains(n))?),
                None => None,
            };
            Some(Found { year: Some(parse_year(y.as_str())?), month, day: None, weekday: None, start: m.start(), end: m.end(), evidence: m.as_str().trim().to_string() })
        });
        if let Some(f) = partial {
            return labelled(&f, label);
        }
    }
    None
}

/// The date a page's own address gives: "/2024/12/24/", "/2024/12/", or a
/// run of digits such as "20240724103015" (a date, then maybe a time).
/// Only the path is read: host names carry digits that are not dates.
fn url_date(url: &str) -> Option<DatedEvidence> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').and_then(|i| path.get(i..))?;
    let p = patterns();
    let from_segments = p.url_segments.captures(path).and_then(|c| {
        let year = parse_year(c.get(1)?.as_str())?;
        let month: u8 = c.get(2)?.as_str().parse().ok()?;
        let day: Option<u8> = c.get(3).and_then(|d| d.as_str().parse().ok());
        valid(Some(year), month, day.unwrap_or(1)).then_some((Date { year, month: Some(month), day }, c.get(0)?.as_str()))
    });
    let from_digits = || p.url_digits.captures_iter(path).find_map(|c| digit_run_date(c.get(1)?.as_str()).map(|d| (d, c.get(1).map_or("", |m| m.as_str()))));
    let (date, shown) = from_segments.or_else(from_digits)?;
    Some(DatedEvidence { date, precision: Precision::of(date), source: Source::Text, evidence: format!("source URL: « {} »", shown.trim_matches('/')) })
}

/// A digit run read as YYYYMMDD, optionally followed by hours, minutes and
/// seconds, each of which must be possible: an article id is not a date.
fn digit_run_date(run: &str) -> Option<Date> {
    let num = |i: usize| run.get(i..i + 2).and_then(|x| x.parse::<u8>().ok());
    let year = parse_year(run.get(0..4)?)?;
    let (month, day) = (num(4)?, num(6)?);
    let time_ok = [(8, 24), (10, 60), (12, 60)].iter().all(|&(i, limit)| i >= run.len() || num(i).is_some_and(|v| v < limit));
    (valid(Some(year), month, day) && time_ok).then_some(Date { year, month: Some(month), day: Some(day) })
}

/// A month or a year declared by metadata or the URL, made precise to the
/// day by the body's first day when it falls inside it.
fn refine(declared: &DatedEvidence, first: &Found) -> Option<DatedEvidence> {
    let d = declared.date;
    let (month, day) = (first.month?, first.day?);
    let agrees = first.year.is_none_or(|y| y == d.year) && d.month.is_none_or(|m| m == month) && valid(Some(d.year), month, day);
    agrees.then(|| {
        let date = Date { year: d.year, month: Some(month), day: Some(day) };
        DatedEvidence { date, precision: Precision::Day, source: Source::Text, evidence: format!("{}; day from « {} »", declared.evidence, first.evidence) }
    })
}

/// A dateline: the date that opens one of the first paragraphs next to a
/// place or an agency ("Hanoï, 28 décembre (Xinhua) –", "GENEVA, Dec. 12
/// (Reuters) -", "New York (VNA) 14 juin -"). It is when the story was
/// filed, so it outranks dates the body mentions before it.
fn dateline(passages: &[&str]) -> Option<Found> {
    const FIRST_PARAGRAPHS: usize = 3;
    const OPENING: usize = 60;
    let p = patterns();
    passages.iter().take(FIRST_PARAGRAPHS).find_map(|text| {
        let f = Folded::new(text);
        let t = f.text.as_str();
        find_in(&f).into_iter().filter(|d| d.day.is_some() && d.start <= OPENING).find(|d| {
            let (before, after) = (t.get(..d.start).unwrap_or(""), t.get(d.end..).unwrap_or(""));
            let short_opening = before.split_whitespace().count() <= 5 && !before.contains(['.', '!', '?', '"', '«']);
            let agency_after = p.agency_after.is_match(after);
            let agency_before = p.agency_before.is_match(before) && p.dash_after.is_match(after);
            let place_before = p.place_before.is_match(before) && p.dash_after.is_match(after);
            short_opening && (agency_after || agency_before || place_before)
        })
    })
}

fn date_from(f: &Found, years: &HashMap<i32, usize>, context: Option<i32>) -> Option<DatedEvidence> {
    match (f.year, f.month, f.day) {
        (Some(_), _, _) => {
            let date = complete(f)?;
            Some(DatedEvidence { date, precision: Precision::of(date), source: Source::Text, evidence: format!("first date of the text: « {} »", f.evidence) })
        }
        (None, Some(month), Some(day)) => {
            let (year, why) = infer_year(month, day, f.weekday, years, context)?;
            let date = Date { year, month: Some(month), day: Some(day) };
            Some(DatedEvidence { date, precision: Precision::of(date), source: Source::Text, evidence: format!("« {} »; {why}", f.evidence) })
        }
        _ => None,
    }
}

/// Dates mentioned in a passage; a day and month without a year take the
/// document's year, and phrases relative to the document's date ("last
/// year", "le mois prochain", "en octobre prochain", "on Tuesday") are
/// resolved against it as far as its precision allows.
pub fn passage_dates(text: &str, context: Option<Date>) -> Vec<Date> {
    let context_year = context.map(|c| c.year);
    let f = Folded::new(text);
    let found = if text.bytes().any(|b| b.is_ascii_digit()) { find_in(&f) } else { Vec::new() };
    let mut dated: Vec<(usize, Date)> = found
        .iter()
        .filter_map(|x| Some((x.start, Date { year: x.year.or(context_year)?, month: x.month, day: x.day })))
        .collect();
    if let Some(c) = context {
        let taken: Vec<(usize, usize)> = found.iter().map(|x| (x.start, x.end)).collect();
        dated.extend(relative_dates(&f.text, c, &taken));
    }
    dated.sort_by_key(|&(start, _)| start);
    let mut out = Vec::new();
    for (_, date) in dated {
        if !out.contains(&date) {
            out.push(date);
        }
    }
    out
}

/// Phrases of a folded passage that name a date relative to `context`,
/// with where they start; `taken` spans (full dates) are skipped.
fn relative_dates(folded: &str, context: Date, taken: &[(usize, usize)]) -> Vec<(usize, Date)> {
    let p = patterns();
    let free = |s: usize, e: usize| taken.iter().all(|&(ts, te)| e <= ts || s >= te);
    let mut out = Vec::new();
    for m in p.relative.find_iter(folded) {
        let phrase = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let Some(&(_, unit, shift)) = RELATIVE_PHRASES.iter().find(|(p, _, _)| *p == phrase) else { continue };
        let date = match unit {
            Unit::Year => Some(Date { year: context.year + shift, month: None, day: None }),
            Unit::Month => context.month.map(|mo| shift_months(context.year, mo, shift)),
        };
        out.extend(date.filter(|_| free(m.start(), m.end())).map(|d| (m.start(), d)));
    }
    if let Some(month) = context.month {
        for c in p.named_month_relative.captures_iter(folded) {
            let Some(m) = c.get(0) else { continue };
            let (name, direction) = match (c.get(2).zip(c.get(1)), c.get(3).zip(c.get(4))) {
                (Some((name, dir)), _) | (None, Some((name, dir))) => (name.as_str(), dir.as_str().to_lowercase()),
                _ => continue,
            };
            let Some(named) = month_number(name) else { continue };
            let year = match direction.as_str() {
                "next" | "prochain" => context.year + i32::from(named <= month),
                _ => context.year - i32::from(named >= month),
            };
            out.push((m.start(), Date { year, month: Some(named), day: None }));
        }
    }
    if let (Some(month), Some(day)) = (context.month, context.day) {
        for c in p.bare_weekday.captures_iter(folded) {
            let (Some(m), Some(name)) = (c.get(0), c.get(2)) else { continue };
            // "mardi 24 décembre" is a full date, read by `find`.
            let followed_by_day = folded.get(m.end()..).is_some_and(|rest| rest.trim_start_matches([' ', ',']).starts_with(|ch: char| ch.is_ascii_digit()));
            let Some(target) = weekday_number(name.as_str()) else { continue };
            if followed_by_day || !free(m.start(), m.end()) {
                continue;
            }
            let word = |i: usize| c.get(i).map(|x| x.as_str().to_lowercase());
            let direction = word(1).or_else(|| word(3));
            let (y, mo, d) = nearest_weekday(context.year, month, day, target, direction.as_deref());
            out.push((m.start(), Date { year: y, month: Some(mo), day: Some(d) }));
        }
    }
    out
}

/// The month `shift` months from `year`-`month`, as a month-precision date.
fn shift_months(year: i32, month: u8, shift: i32) -> Date {
    let index = year * 12 + i32::from(month) - 1 + shift;
    let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    Date { year: index.div_euclid(12), month: Some(month), day: None }
}

/// The day before or after a date.
fn step_day((year, month, day): (i32, u8, u8), forward: bool) -> (i32, u8, u8) {
    if forward {
        if day < days_in_month(year, month) {
            (year, month, day + 1)
        } else if month < 12 {
            (year, month + 1, 1)
        } else {
            (year + 1, 1, 1)
        }
    } else if day > 1 {
        (year, month, day - 1)
    } else if month > 1 {
        (year, month - 1, days_in_month(year, month - 1))
    } else {
        (year - 1, 12, 31)
    }
}

/// The weekday `target` nearest the document's date in the direction the
/// text gives: "next"/"prochain" after it, "last"/"dernier" before it, and
/// otherwise on or before it, since news reports what already happened
/// ("approved on Tuesday" in Wednesday's paper).
fn nearest_weekday(year: i32, month: u8, day: u8, target: u8, direction: Option<&str>) -> (i32, u8, u8) {
    let forward = matches!(direction, Some("next" | "prochain"));
    let strict = matches!(direction, Some("next" | "prochain" | "last" | "dernier"));
    let mut date = (year, month, day);
    if strict {
        date = step_day(date, forward);
    }
    for _ in 0..7 {
        if weekday(date.0, date.1, date.2) == target {
            break;
        }
        date = step_day(date, forward);
    }
    date
}

/// Documents whose only dates lack a year get one from the corpus: the year
/// of another document dated the same day and month, else the commonest
/// document year. Documents whose years only bound their date ("adopted in
/// 2024", "will open in 2026") take the commonest year when it fits the
/// bounds, else the latest past event they recall.
pub fn infer_missing_years(corpus: &mut Corpus) {
    let known: Vec<Date> = corpus.documents.iter().filter_map(|d| d.date.as_ref().map(|e| e.date)).collect();
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for d in &known {
        *counts.entry(d.year).or_insert(0) += 1;
    }
    let common = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(&y, _)| y);
    for doc in corpus.documents.iter_mut().filter(|d| d.date.is_none()) {
        let Some(first) = first_with_day(doc.passages.iter().map(|p| p.text.as_str())) else {
            let texts: Vec<&str> = doc.passages.iter().map(|p| p.text.as_str()).collect();
            if let Some(dated) = bounded_year(&year_reading(&texts), common) {
                set_date(doc, dated);
            }
            continue;
        };
        let same_day = known.iter().find(|k| k.month == first.month && k.day == first.day).map(|k| k.year);
        let Some(mut dated) = date_from(&first, &HashMap::new(), same_day.or(common)) else { continue };
        if same_day.is_some() {
            dated.evidence = format!("« {} »; year {} from another document of the corpus dated that day", first.evidence, dated.date.year);
        }
        set_date(doc, dated);
    }
}

/// A year for a text whose years only bound its date: the corpus's
/// commonest year when it fits, else the latest past event recalled.
fn bounded_year(reading: &YearReading, common: Option<i32>) -> Option<DatedEvidence> {
    if let Some(y) = common.filter(|&y| reading.admits(y)) {
        let bounds: Vec<&str> = [&reading.at_least, &reading.at_most].into_iter().flatten().map(|(_, why)| why.as_str()).collect();
        return Some(year_only(y, format!("year {y} from the corpus, within the text's bounds ({})", bounds.join("; "))));
    }
    let (y, why) = reading.at_least.as_ref()?;
    Some(year_only(*y, format!("no later year known: {why}")))
}

/// Sets a document's date and re-reads its passages' dates against it.
fn set_date(doc: &mut Document, dated: DatedEvidence) {
    let context = dated.date;
    doc.date = Some(dated);
    for p in &mut doc.passages {
        p.dates = passage_dates(&p.text, Some(context));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        document_date(&[], None, std::iter::once(s)).map(|d| d.date.to_string())
    }

    /// The date of a document given as passages, with an optional source URL.
    fn doc_date(url: Option<&str>, passages: &[&str]) -> Option<String> {
        document_date(&[], url, passages.iter().copied()).map(|d| d.date.to_string())
    }

    fn strings(dates: &[Date]) -> Vec<String> {
        dates.iter().map(ToString::to_string).collect()
    }

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date { year: y, month: Some(m), day: Some(day) }
    }

    #[test]
    fn reads_explicit_forms() {
        assert_eq!(date("Publié le 3 mars 2021 à Paris."), Some("2021-03-03".into()));
        assert_eq!(date("Le 1er fevrier 2019, le ministre a parle."), Some("2019-02-01".into()));
        assert_eq!(date("Signed on 14 July 2023 in Geneva."), Some("2023-07-14".into()));
        assert_eq!(date("On March 5, 2024, the minister said."), Some("2024-03-05".into()));
        assert_eq!(date("Mis en ligne 07/11/2022"), Some("2022-11-07".into()));
        let meta = vec![String::from("date 2021-06-30 Le texte")];
        assert_eq!(document_date(&meta, None, std::iter::empty()).unwrap().date, d(2021, 6, 30));
    }

    #[test]
    fn weekday_fixes_the_year_and_mentions_break_ties() {
        // 12 June was a Saturday in 2021 and 2027; the text talks of 2021.
        let got = document_date(&[], None, std::iter::once("Samedi 12 juin, le sommet s'est ouvert. En 2021, il a eu lieu.")).unwrap();
        assert_eq!(got.date, d(2021, 6, 12));
        assert!(got.evidence.contains("weekday"));
        // Without a year in the text, the nearest matching year to the context.
        let years = HashMap::new();
        assert_eq!(infer_year(6, 12, Some(5), &years, Some(2022)).unwrap().0, 2021);
        assert_eq!(infer_year(7, 4, Some(3), &years, Some(2024)).unwrap().0, 2024);
    }

    #[test]
    fn yearless_date_takes_latest_mentioned_year_not_deadlines() {
        let got = document_date(&[], None, std::iter::once("Le 8 juin, le texte a ete adopte. Depuis 2021, les attaques augmentent; il restera ouvert jusqu'au 31 decembre 2030.")).unwrap();
        assert_eq!(got.date, d(2021, 6, 8));
    }

    #[test]
    fn passage_dates_with_precision() {
        let got = passage_dates("Le 3 avril et les 5 et 6 mai, puis en juin 2022 et en 2019.", Some(Date { year: 2023, month: None, day: None }));
        assert_eq!(got.iter().map(|x| x.to_string()).collect::<Vec<_>>(), ["2023-04-03", "2023-05-05", "2022-06", "2019"]);
        assert_eq!(Precision::of(got[2]), Precision::Month);
        assert_eq!(passage_dates("the twenty 1980s, 12345 and 2020-13-45", None), Vec::<Date>::new());
    }

    #[test]
    fn timestamps_and_french_abbreviated_months() {
        assert_eq!(date("Mis à jour 2024-12-24T10:05:00Z"), Some("2024-12-24".into()));
        assert_eq!(date("Le 1er sept. 2024, la reunion a commence."), Some("2024-09-01".into()));
        assert_eq!(date("Publié le 3 févr. 2025 à 9 h"), Some("2025-02-03".into()));
        assert_eq!(date("Paris, le 7 juil 2023 : le texte circule."), Some("2023-07-07".into()));
    }

    #[test]
    fn metadata_lines_with_a_month_or_a_year_only() {
        let month = vec![String::from(" date 2025-04 Un titre qui suit la date")];
        assert_eq!(document_date(&month, None, std::iter::empty()).map(|d| d.date.to_string()), Some("2025-04".into()));
        let year = vec![String::from("Published: 2023")];
        let got = document_date(&year, None, std::iter::empty()).unwrap();
        assert_eq!((got.date.to_string(), got.precision), ("2023".into(), Precision::Year));
        // A month given by the metadata takes the day from the body when they agree.
        let refined = document_date(&month, None, std::iter::once("Le 9 avril, les délégués se sont réunis.")).unwrap();
        assert_eq!(refined.date, d(2025, 4, 9));
    }

    #[test]
    fn dates_in_the_source_url() {
        let body = ["Le ministre a parlé."];
        assert_eq!(doc_date(Some("https://news.example/2024/12/24/un-traite-adopte/"), &body), Some("2024-12-24".into()));
        assert_eq!(doc_date(Some("https://news.example/world/2023/09/summit-ends"), &body), Some("2023-09".into()));
        assert_eq!(doc_date(Some("https://site.example/treaty-post-20240724103015.html"), &body), Some("2024-07-24".into()));
        assert_eq!(doc_date(Some("https://site.example/article-20241324.html"), &body), None);
        assert_eq!(doc_date(Some("https://2024.example/page-12345678.html"), &body), None);
        // The URL outranks a date merely mentioned in the body.
        assert_eq!(doc_date(Some("https://news.example/2024/12/24/x"), &["Le 3 mai 2019, le texte a ete lance."]), Some("2024-12-24".into()));
    }

    #[test]
    fn datelines_outrank_earlier_dates() {
        let fr = ["Le sommet du 3 mai avait ete reporte.", "Hanoï, 28 décembre (Xinhua) – Le ministre a parlé de 2024."];
        assert_eq!(doc_date(None, &fr), Some("2024-12-28".into()));
        let en = ["Delegates first met on 3 May 2023.", "GENEVA, Dec. 12, 2023 (Reuters) - The talks ended."];
        assert_eq!(doc_date(None, &en), Some("2023-12-12".into()));
        let agency_first = ["Photo prise le 2 juin 2022.", "New York (VNA) 14 juin 2022 - Le texte a été adopté."];
        assert_eq!(doc_date(None, &agency_first), Some("2022-06-14".into()));
    }

    #[test]
    fn a_year_only_text_gets_a_year_precision_date() {
        let got = document_date(&[], None, ["In 2023, ransomware attacks rose sharply, the report said."].into_iter()).unwrap();
        assert_eq!((got.date.to_string(), got.precision), ("2023".into(), Precision::Year));
        // "N years later" counts from the year just mentioned.
        assert_eq!(doc_date(None, &["The talks were launched in 2019.", "Four years later, there is still no agreement."]), Some("2023".into()));
        assert_eq!(doc_date(None, &["Le texte a ete lance en 2020. Trois ans plus tard, il est adopte."]), Some("2023".into()));
        // Deadlines, future plans and past events only bound the date.
        assert_eq!(doc_date(None, &["Le traité sera ouvert à la signature en 2026."]), None);
        assert_eq!(doc_date(None, &["Adopted in December 2024, the treaty now has signatories."]), None);
        assert_eq!(doc_date(None, &["Depuis 2021, les attaques augmentent; les Etats ont jusqu'en 2030."]), None);
    }

    #[test]
    fn relative_dates_from_the_document_date() {
        let ctx = Some(d(2025, 4, 16)); // a Wednesday
        assert_eq!(strings(&passage_dates("L'année dernière, le texte a été adopté.", ctx)), ["2024"]);
        assert_eq!(strings(&passage_dates("Last year the talks stalled; next year they resume.", ctx)), ["2024", "2026"]);
        assert_eq!(strings(&passage_dates("Le mois prochain, la ceremonie aura lieu.", ctx)), ["2025-05"]);
        assert_eq!(strings(&passage_dates("Last month the committee met, and next month it votes.", ctx)), ["2025-03", "2025-05"]);
        assert_eq!(strings(&passage_dates("La signature est prévue en octobre prochain; en janvier dernier, rien.", ctx)), ["2025-10", "2025-01"]);
        assert_eq!(strings(&passage_dates("The vote comes next March.", ctx)), ["2026-03"]);
        // A month relative to a year-only document date says nothing.
        assert_eq!(passage_dates("Le mois prochain, rien.", Some(Date { year: 2025, month: None, day: None })), Vec::<Date>::new());
    }

    #[test]
    fn bare_weekdays_from_the_document_date() {
        let ctx = Some(d(2024, 12, 25)); // a Wednesday
        assert_eq!(strings(&passage_dates("The Assembly approved the text on Tuesday.", ctx)), ["2024-12-24"]);
        assert_eq!(strings(&passage_dates("Mardi, l'Assemblee a adopte le texte.", ctx)), ["2024-12-24"]);
        assert_eq!(strings(&passage_dates("Les delegues se reverront vendredi prochain.", ctx)), ["2024-12-27"]);
        assert_eq!(strings(&passage_dates("Last Wednesday the session opened.", ctx)), ["2024-12-18"]);
        // A weekday that opens a full date is read with it, once.
        assert_eq!(strings(&passage_dates("Mardi 24 décembre, le texte a été adopté.", ctx)), ["2024-12-24"]);
    }
}
