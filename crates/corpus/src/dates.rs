//! Dates in French and English, with their precision and the evidence used.
//!
//! News copy often drops the year ("Le 8 août", "vendredi 22 mai"): the
//! reader knows it from the page, which we do not have. A weekday fixes the
//! year among the plausible ones; otherwise the years the text mentions, and
//! as a last resort the rest of the corpus, break the tie. The evidence says
//! which of these was used so that editors can check and override it.

use crate::fold::Folded;
use crate::{Corpus, DatedEvidence, PartialDate};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::patterns::fixed;

const FR_MONTHS: &str = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";
const EN_MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const FR_DAYS: &str = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
const EN_DAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

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
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: String| fixed(&s);
        Patterns {
            iso: re(r"\b(\d{4})-(\d{2})-(\d{2})\b".into()),
            slash: re(r"(?:^|[^\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b".into()),
            fr_day: re(format!(
                r"(?i)\b(?:({FR_DAYS})\s+)?(\d{{1,2}})(?:er)?(?:\s+(?:et|au|-)\s+\d{{1,2}}(?:er)?)?\s+({FR_MONTHS})\b(?:\s+((?:19|20)\d{{2}})\b)?"
            )),
            en_day_month: re(format!(
                r"(?i)\b(?:({EN_DAYS}),?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|and|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?({EN_MONTHS})\b\.?(?:,?\s+((?:19|20)\d{{2}})\b)?"
            )),
            en_month_day: re(format!(
                r"(?i)\b(?:({EN_DAYS}),?\s+)?({EN_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*(?:-|and|to)\s*\d{{1,2}})?(?:,?\s+((?:19|20)\d{{2}})\b)?"
            )),
            month_year: re(format!(r"(?i)\b({FR_MONTHS}|{EN_MONTHS})\.?\s+((?:19|20)\d{{2}})\b")),
            year: re(r"(?i)\b(?:en|in|depuis|since|de|d'ici|annee|l'annee|year|of|fin|debut|mi)\s+((?:19|20)\d{2})\b".into()),
            deadline_year: re(r"(?i)\b(?:jusqu'(?:au|en|a)|d'ici|until|till|by)\s+(?:le\s+|the\s+)?(?:\d{1,2}(?:er)?\s+\S+\s+)?((?:19|20)\d{2})\b".into()),
        }
    })
}

fn month_number(name: &str) -> Option<u8> {
    let n = name.to_lowercase();
    let fr = FR_MONTHS.split('|').position(|m| m == n);
    // Abbreviations follow the twelve full names in EN_MONTHS.
    const ABBREVIATED: [usize; 12] = [0, 1, 2, 3, 5, 6, 7, 8, 8, 9, 10, 11];
    let en = EN_MONTHS.split('|').position(|m| m == n).and_then(|i| if i < 12 { Some(i) } else { ABBREVIATED.get(i - 12).copied() });
    fr.or(en).and_then(|i| u8::try_from(i + 1).ok())
}

fn weekday_number(name: &str) -> Option<u8> {
    let n = name.to_lowercase();
    FR_DAYS
        .split('|')
        .position(|d| d == n)
        .or_else(|| EN_DAYS.split('|').position(|d| d == n))
        .and_then(|i| u8::try_from(i).ok())
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day of the week, 0 = Monday (Sakamoto's method).
fn weekday(year: i32, month: u8, day: u8) -> u8 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_based = (y + y / 4 - y / 100 + y / 400 + T[usize::from(month - 1)] + i32::from(day)).rem_euclid(7);
    u8::try_from((sunday_based + 6) % 7).unwrap_or(0)
}

fn valid(year: Option<i32>, month: u8, day: u8) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year.unwrap_or(2000), month)
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
    let f = Folded::new(text);
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
                let found = Found { year: Some(year), month: Some(month), day: Some(day), weekday: None, start: m.start(), evidence: evidence(m.start(), m.end()) };
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
            let found = Found { year: Some(year), month: Some(month), day: Some(day), weekday: None, start: d.start(), evidence: evidence(d.start(), y.end()) };
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
            let found = Found { year, month: Some(month), day: Some(day), weekday, start: m.start(), evidence: evidence(m.start(), m.end()) };
            push(found, m.start(), m.end(), &mut out);
        }
    }
    for c in p.month_year.captures_iter(t) {
        let (Some(m), Some(mo), Some(y)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        if let (Some(month), Some(year)) = (month_number(mo.as_str()), parse_year(y.as_str())) {
            let found = Found { year: Some(year), month: Some(month), day: None, weekday: None, start: m.start(), evidence: evidence(m.start(), m.end()) };
            push(found, m.start(), m.end(), &mut out);
        }
    }
    for c in p.year.captures_iter(t) {
        let (Some(m), Some(y)) = (c.get(0), c.get(1)) else { continue };
        if let Some(year) = parse_year(y.as_str()) {
            let found = Found { year: Some(year), month: None, day: None, weekday: None, start: y.start(), evidence: evidence(m.start(), m.end()) };
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

fn complete(f: &Found) -> Option<PartialDate> {
    Some(PartialDate { year: f.year?, month: f.month, day: f.day })
}

/// The date of a document: its metadata lines first, then the first date of
/// the body that has a day, inferring the year when missing.
pub fn document_date<'a>(meta_lines: &[String], body: impl Iterator<Item = &'a str>) -> Option<DatedEvidence> {
    for line in meta_lines {
        if let Some(f) = find(line).into_iter().find(|f| f.year.is_some() && f.day.is_some()) {
            let date = complete(&f)?;
            return Some(DatedEvidence { date, precision: date.precision(), evidence: format!("metadata line: « {} »", f.evidence) });
        }
    }
    let passages: Vec<&str> = body.collect();
    let first_day = first_with_day(passages.iter().copied())?;
    let years = if first_day.year.is_none() { mentioned_years(&passages.join("\n")) } else { HashMap::new() };
    date_from(&first_day, &years, None)
}

fn date_from(f: &Found, years: &HashMap<i32, usize>, context: Option<i32>) -> Option<DatedEvidence> {
    match (f.year, f.month, f.day) {
        (Some(_), _, _) => {
            let date = complete(f)?;
            Some(DatedEvidence { date, precision: date.precision(), evidence: format!("first date of the text: « {} »", f.evidence) })
        }
        (None, Some(month), Some(day)) => {
            let (year, why) = infer_year(month, day, f.weekday, years, context)?;
            let date = PartialDate { year, month: Some(month), day: Some(day) };
            Some(DatedEvidence { date, precision: date.precision(), evidence: format!("« {} »; {why}", f.evidence) })
        }
        _ => None,
    }
}

/// Dates mentioned in a passage; a day and month without a year take the
/// document's year.
pub fn passage_dates(text: &str, context_year: Option<i32>) -> Vec<PartialDate> {
    let mut out = Vec::new();
    for f in find(text) {
        let date = match f.year.or(context_year) {
            Some(year) => PartialDate { year, month: f.month, day: f.day },
            None => continue,
        };
        if !out.contains(&date) {
            out.push(date);
        }
    }
    out
}

/// Documents whose only dates lack a year get one from the corpus: the year
/// of another document dated the same day and month, else the commonest
/// document year.
pub fn infer_missing_years(corpus: &mut Corpus) {
    let known: Vec<PartialDate> = corpus.documents.iter().filter_map(|d| d.date.as_ref().map(|e| e.date)).collect();
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for d in &known {
        *counts.entry(d.year).or_insert(0) += 1;
    }
    let common = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(&y, _)| y);
    for doc in corpus.documents.iter_mut().filter(|d| d.date.is_none()) {
        let Some(first) = first_with_day(doc.passages.iter().map(|p| p.text.as_str())) else { continue };
        let same_day = known.iter().find(|k| k.month == first.month && k.day == first.day).map(|k| k.year);
        let Some(mut dated) = date_from(&first, &HashMap::new(), same_day.or(common)) else { continue };
        if same_day.is_some() {
            dated.evidence = format!("« {} »; year {} from another document of the corpus dated that day", first.evidence, dated.date.year);
        }
        let year = dated.date.year;
        doc.date = Some(dated);
        for p in &mut doc.passages {
            p.dates = passage_dates(&p.text, Some(year));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        document_date(&[], std::iter::once(s)).map(|d| d.date.to_string())
    }

    fn d(y: i32, m: u8, day: u8) -> PartialDate {
        PartialDate { year: y, month: Some(m), day: Some(day) }
    }

    #[test]
    fn reads_explicit_forms() {
        assert_eq!(date("Publié le 3 mars 2021 à Paris."), Some("2021-03-03".into()));
        assert_eq!(date("Le 1er fevrier 2019, le ministre a parle."), Some("2019-02-01".into()));
        assert_eq!(date("Signed on 14 July 2023 in Geneva."), Some("2023-07-14".into()));
        assert_eq!(date("On March 5, 2024, the minister said."), Some("2024-03-05".into()));
        assert_eq!(date("Mis en ligne 07/11/2022"), Some("2022-11-07".into()));
        let meta = vec![String::from("date 2021-06-30 Le texte")];
        assert_eq!(document_date(&meta, std::iter::empty()).unwrap().date, d(2021, 6, 30));
    }

    #[test]
    fn weekday_fixes_the_year_and_mentions_break_ties() {
        // 12 June was a Saturday in 2021 and 2027; the text talks of 2021.
        let got = document_date(&[], std::iter::once("Samedi 12 juin, le sommet s'est ouvert. En 2021, il a eu lieu.")).unwrap();
        assert_eq!(got.date, d(2021, 6, 12));
        assert!(got.evidence.contains("weekday"));
        // Without a year in the text, the nearest matching year to the context.
        let years = HashMap::new();
        assert_eq!(infer_year(6, 12, Some(5), &years, Some(2022)).unwrap().0, 2021);
        assert_eq!(infer_year(7, 4, Some(3), &years, Some(2024)).unwrap().0, 2024);
    }

    #[test]
    fn yearless_date_takes_latest_mentioned_year_not_deadlines() {
        let got = document_date(&[], std::iter::once("Le 8 juin, le texte a ete adopte. Depuis 2021, les attaques augmentent; il restera ouvert jusqu'au 31 decembre 2030.")).unwrap();
        assert_eq!(got.date, d(2021, 6, 8));
    }

    #[test]
    fn passage_dates_with_precision() {
        let got = passage_dates("Le 3 avril et les 5 et 6 mai, puis en juin 2022 et en 2019.", Some(2023));
        assert_eq!(got.iter().map(|x| x.to_string()).collect::<Vec<_>>(), ["2023-04-03", "2023-05-05", "2022-06", "2019"]);
        assert_eq!(got[2].precision(), crate::Precision::Month);
        assert_eq!(passage_dates("the twenty 1980s, 12345 and 2020-13-45", None), Vec::<PartialDate>::new());
    }

    #[test]
    fn weekday_computation() {
        assert_eq!(weekday(2020, 5, 22), 4); // a Friday
        assert_eq!(weekday(2025, 10, 25), 5); // a Saturday
    }
}
