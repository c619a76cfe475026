//! Document metadata: title, outlet, source URL, language, and the lines that
//! carry a publication date.
//!
//! Outlets sign in many ways: a "Source : URL" line, a dateline such as
//! "New York (VNA) –", a trailing "-VNA/VI", a site name glued to the date.
//! These are ranked by how directly they name the publisher: a source URL
//! beats a byline, which beats a dateline agency (agencies are republished
//! by other sites).
//!
//! What a file says of itself ([`Given`]: an editor's header at the top of
//! a seed, `title: …`, `date: …`, or a saved page's metadata) is what no
//! rule has to guess: it wins over everything inferred here.

use crate::lexicon::outlets::outlets;
use crate::model::{DatedEvidence, PassageKind, Precision, Source, Sources};
use crate::stages::clean::{Cleaned, Paragraph};
use crate::stages::dates::parse_iso_date;
use crate::text::fold::{fold, key};
use crate::text::patterns::fixed;
use regex::Regex;
use search::Lang;
use std::sync::OnceLock;

pub struct Meta {
    pub title: String,
    pub title_is_first_paragraph: bool,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub lang: Lang,
    /// Short raw lines that look like publication metadata and hold a date.
    pub date_lines: Vec<String>,
}

struct Patterns {
    url: Regex,
    source: Regex,
    date_line: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        url: fixed(r"https?://[^\s)>\]]+"),
        source: fixed(r"(?i)^\s*(source|nguon|via)\s*:\s*(.+)$"),
        date_line: fixed(r"(?i)(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\b\d{1,2}(er)? [a-z]+ \d{4}\b|\b[A-Z][a-z]+\.? \d{1,2}, \d{4}\b)"),
    })
}

pub fn detect(raw: &str, cleaned: &Cleaned) -> Meta {
    let lines: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let (url, outlet) = source_and_outlet(&lines);
    let first = cleaned.paragraphs.first();
    let title_is_first_paragraph = first.is_some_and(|p| p.kind == PassageKind::Heading) && cleaned.paragraphs.len() > 1;
    let title = match first {
        Some(p) if title_is_first_paragraph => p.text.clone(),
        _ => derived_title(&cleaned.paragraphs),
    };
    let body: String = cleaned.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ");
    let date_lines = lines
        .iter()
        .filter(|l| {
            // Only a line's opening can be metadata; long lines stay cheap.
            let f = fold(&l.chars().take(200).collect::<String>());
            let lower = f.trim().to_lowercase();
            (l.split_whitespace().count() <= 8 && patterns().date_line.is_match(&f))
                || lower.starts_with("date ")
                || lower.starts_with("published")
                || lower.starts_with("publie")
                || lower.starts_with("mis a jour")
                || lower.starts_with("updated")
        })
        .map(|l| l.chars().take(200).collect())
        .collect();
    Meta { title, title_is_first_paragraph, outlet, url, lang: detect_lang(&body), date_lines }
}

/// Without a title line, the first sentence stands in for one.
fn derived_title(paragraphs: &[Paragraph]) -> String {
    let Some(p) = paragraphs.iter().find(|p| p.kind == PassageKind::Body).or(paragraphs.first()) else {
        return String::new();
    };
    let sentence_end = p.text.find(". ").map(|i| i + 1).unwrap_or(p.text.len());
    let sentence = &p.text[..sentence_end];
    if sentence.chars().count() <= 140 {
        return sentence.to_string();
    }
    let mut cut: String = sentence.chars().take(140).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    format!("{cut}…")
}

fn source_and_outlet(lines: &[&str]) -> (Option<String>, Option<String>) {
    let p = patterns();
    // (rank, outlet): lower rank wins; ties go to the first seen.
    let mut best: Option<(u8, String)> = None;
    let mut offer = |rank: u8, name: &str| {
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            best = Some((rank, name.to_string()));
        }
    };
    let mut url = None;
    for line in lines.iter().filter(|l| l.contains(':')) {
        if let Some(c) = p.source.captures(line) {
            let value = c.get(2).map_or("", |m| m.as_str()).trim();
            if let Some(u) = p.url.find(value) {
                url.get_or_insert_with(|| u.as_str().to_string());
                if let Some(o) = outlet_by_domain(u.as_str()) {
                    offer(0, &o);
                }
            } else if let Some(o) = outlet_by_name(value) {
                offer(1, &o);
            }
        }
    }
    for line in lines.iter().filter(|l| l.contains("http")) {
        if let Some(u) = p.url.find(line) {
            if line.len() < 300 {
                url.get_or_insert_with(|| u.as_str().to_string());
                if let Some(o) = outlet_by_domain(u.as_str()) {
                    offer(2, &o);
                }
            }
        }
    }
    for (i, line) in lines.iter().enumerate() {
        let near_edge = i < 8 || i + 8 >= lines.len();
        if near_edge && line.chars().count() <= 80 && !line.ends_with('.') {
            if let Some(o) = outlet_by_name(line) {
                offer(3, &o);
            }
        }
        // Datelines open an article and signatures close it.
        if let Some(o) = (i < 10 || i + 40 >= lines.len()).then(|| outlet_by_signature(line)).flatten() {
            offer(4, &o);
        }
    }
    (url, best.map(|(_, o)| o))
}

pub fn outlet_by_domain(url: &str) -> Option<String> {
    let host = url.split("://").nth(1)?.split('/').next()?.to_lowercase();
    outlets()
        .iter()
        .find(|o| o.domains.iter().any(|d| host == *d || host.ends_with(&format!(".{d}"))))
        .map(|o| o.name.clone())
}

/// A site name written out in a short line ("VietnamPlus25/10/2025").
pub fn outlet_by_name(line: &str) -> Option<String> {
    let k = key(line);
    outlets()
        .iter()
        .find(|o| o.keys.iter().enumerate().any(|(i, m)| (i == 0 || m.chars().count() > 4) && k.contains(m.as_str())))
        .map(|o| o.name.clone())
}

/// Agency markers in datelines and signatures: "Paris (AFP) –",
/// "(VOVWORLD) -", "... citoyens. -VNA/VI", "(Vietnam+)".
fn outlet_by_signature(line: &str) -> Option<String> {
    let f = fold(line);
    if !f.contains('(') && !f.contains('-') {
        return None;
    }
    outlets()
        .iter()
        .find(|o| {
            o.markers.iter().any(|m| {
                let paren = format!("({m})");
                let dateline = f.find(&paren).is_some_and(|i| {
                    let before = &f[..i];
                    let after = f[i + paren.len()..].trim_start();
                    (before.trim().is_empty() || before.split_whitespace().count() <= 3)
                        && (after.is_empty() || after.starts_with('-') || after.starts_with(':'))
                });
                let trimmed = f.trim_end();
                let signature = [format!("-{m}"), format!("- {m}")].iter().any(|s| {
                    trimmed.ends_with(s.as_str())
                        || trimmed.rsplit_once('/').is_some_and(|(head, tail)| {
                            tail.len() <= 4 && tail.chars().all(|c| c.is_ascii_uppercase()) && head.ends_with(s.as_str())
                        })
                });
                dateline || signature
            })
        })
        .map(|o| o.name.clone())
}

/// A value a file gives of itself, and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

/// What a file says of itself, outranking what the rules infer: an
/// editor's header at the top of a text file, or a saved page's metadata
/// (read by the `html` stage).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Given {
    pub title: Option<Sourced<String>>,
    pub date: Option<DatedEvidence>,
    pub url: Option<Sourced<String>>,
    pub outlet: Option<Sourced<String>>,
    pub author: Option<Sourced<String>>,
    pub lang: Option<Sourced<Lang>>,
    /// Values that could not be used, each saying where it was.
    pub problems: Vec<String>,
}

impl Given {
    /// Replaces what was inferred with what the file gave, and says where
    /// each field now comes from.
    pub fn apply(&self, meta: &mut Meta) -> Sources {
        let text = |present: bool| present.then_some(Source::Text);
        let author = self.author.as_ref().map(|a| a.source);
        let mut sources = Sources { title: Source::Text, outlet: text(meta.outlet.is_some()), url: text(meta.url.is_some()), author, lang: Source::Text };
        if let Some(t) = &self.title {
            meta.title = t.value.clone();
            sources.title = t.source;
        }
        if let Some(u) = &self.url {
            meta.url = Some(u.value.clone());
            sources.url = Some(u.source);
        }
        if let Some(o) = &self.outlet {
            meta.outlet = Some(o.value.clone());
            sources.outlet = Some(o.source);
        }
        if let Some(l) = &self.lang {
            meta.lang = l.value;
            sources.lang = l.source;
        }
        sources
    }
}

/// The keys an editor's header may use, lowercase as documented.
const HEADER_KEYS: &[&str] = &["title", "date", "url", "outlet", "author", "lang"];

/// A header line: a known key, a colon, a value. Keys are matched exactly
/// so that prose opening with "Title: …" is never taken for one.
fn header_line(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    HEADER_KEYS.contains(&key).then(|| (key, value.trim()))
}

/// Splits an editor's header (`title:`, `date:`, `url:`, `outlet:`,
/// `author:`, `lang:` lines before the first blank line) from the article
/// text. The top of the file is a header only when every line before the
/// first blank line is a header line; otherwise nothing is taken and the
/// whole text is the article. Values that cannot be used are reported by
/// line and left to inference.
pub fn split_header(raw: &str) -> (Option<Given>, &str) {
    let mut lines = Vec::new();
    let mut rest_at = raw.len();
    let mut offset = 0;
    for line in raw.split_inclusive('\n') {
        offset += line.len();
        if line.trim().is_empty() {
            rest_at = offset;
            break;
        }
        match header_line(line.trim_end()) {
            Some(kv) => lines.push(kv),
            None => return (None, raw),
        }
    }
    if lines.is_empty() {
        return (None, raw);
    }
    let mut header = Given::default();
    for (i, (key, value)) in lines.into_iter().enumerate() {
        header.read_header_line(i + 1, key, value);
    }
    (Some(header), raw.get(rest_at..).unwrap_or(""))
}

impl Given {
    /// Reads one `key: value` line of a header, numbered from 1; the first
    /// value of a key wins and a repeat is reported.
    fn read_header_line(&mut self, line: usize, key: &str, value: &str) {
        let mut problem = |why: String| self.problems.push(format!("header line {line}: {why}; inferred from the text instead"));
        if value.is_empty() {
            problem(format!("`{key}:` has no value"));
            return;
        }
        let taken = match key {
            "title" => self.title.is_some(),
            "date" => self.date.is_some(),
            "url" => self.url.is_some(),
            "outlet" => self.outlet.is_some(),
            "author" => self.author.is_some(),
            _ => self.lang.is_some(),
        };
        if taken {
            self.problems.push(format!("header line {line}: `{key}:` given twice, the first value is kept"));
            return;
        }
        let header = |value: &str| Some(Sourced { value: value.to_string(), source: Source::Header });
        match key {
            "title" => self.title = header(value),
            "outlet" => self.outlet = header(value),
            "author" => self.author = header(value),
            "url" if is_web_address(value) => self.url = header(value),
            "url" => problem(format!("url \"{value}\" is not an http(s) address")),
            "date" => match parse_iso_date(value) {
                Some(date) => {
                    self.date = Some(DatedEvidence {
                        date,
                        precision: Precision::of(date),
                        source: Source::Header,
                        evidence: format!("header line {line}: « date: {value} »"),
                    })
                }
                None => problem(format!("date \"{value}\" is not a real YYYY, YYYY-MM or YYYY-MM-DD date")),
            },
            _ => match language(value) {
                Some(lang) => self.lang = Some(Sourced { value: lang, source: Source::Header }),
                None => problem(format!("lang \"{value}\" is not fr or en")),
            },
        }
    }
}

/// `fr` or `en`, alone or with a region (`fr-FR`, `en_GB`), any case.
pub fn language(tag: &str) -> Option<Lang> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    }
}

pub fn is_web_address(value: &str) -> bool {
    (value.starts_with("http://") || value.starts_with("https://")) && !value.contains(char::is_whitespace) && value.len() > "https://".len()
}

/// Function words settle French against English even without accents.
fn detect_lang(text: &str) -> Lang {
    const FR: &[&str] = &["le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "que", "qui", "sur", "avec", "au", "aux", "a"];
    const EN: &[&str] = &["the", "and", "of", "to", "is", "in", "that", "for", "with", "on", "was", "by", "as", "are", "has"];
    let (mut fr, mut en) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphabetic()).take(5000) {
        let w = w.to_lowercase();
        if FR.contains(&w.as_str()) {
            fr += 1;
        }
        if EN.contains(&w.as_str()) {
            en += 1;
        }
    }
    if en > fr {
        Lang::En
    } else {
        Lang::Fr
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::clean::clean;

    fn meta(raw: &str) -> Meta {
        detect(raw, &clean(raw))
    }

    #[test]
    fn source_url_wins_over_banner_and_credit() {
        let m = meta("Vietnam.vn\n\nUn titre court ici\n\nLe texte dit une chose. (Photo : X/VNA)\n\nSource : https://www.vietnamplus.vn/abc-post1.vnp\n");
        assert_eq!(m.outlet.as_deref(), Some("VietnamPlus"));
        assert_eq!(m.url.as_deref(), Some("https://www.vietnamplus.vn/abc-post1.vnp"));
        assert_eq!(m.title, "Un titre court ici");
        assert!(m.title_is_first_paragraph);
    }

    #[test]
    fn datelines_and_signatures() {
        assert_eq!(meta("Paris (VNA) – Le ministre a parlé.\nFin.").outlet.as_deref(), Some("VNA"));
        assert_eq!(meta("(VOVWORLD) - Le ministre a parlé.").outlet.as_deref(), Some("VOV World"));
        assert_eq!(meta("Le ministre a parlé. -VNA/VI").outlet.as_deref(), Some("VNA"));
        assert_eq!(meta("LONDON (Reuters) - The minister spoke on Monday.").outlet.as_deref(), Some("Reuters"));
    }

    fn article(raw: &str) -> (crate::Document, Vec<crate::Warning>) {
        crate::extract_article("seed.txt", raw.as_bytes()).unwrap()
    }

    fn texts(doc: &crate::Document) -> String {
        doc.passages.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn editor_header_overrides_what_is_inferred() {
        let raw = "title: Un titre choisi\ndate: 2025-10\nurl: https://news.example/a\noutlet: Le Journal\nlang: en\n\nLe 3 mars 2021, le ministre a déclaré que le texte est important.\n";
        let (doc, warnings) = article(raw);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(doc.title, "Un titre choisi");
        let date = doc.date.clone().unwrap();
        assert_eq!((date.date.to_string(), date.precision), ("2025-10".into(), crate::Precision::Month));
        assert!(date.evidence.contains("line 2"), "{}", date.evidence);
        assert_eq!(doc.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(doc.outlet.as_deref(), Some("Le Journal"));
        assert_eq!(doc.lang, Lang::En);
        assert!(!texts(&doc).contains("title:") && !texts(&doc).contains("2025-10"));
        assert!(texts(&doc).starts_with("Le 3 mars 2021"));
        // A day, or only a year, are dates too.
        assert_eq!(article("date: 2024-12-24\n\nThe vote was held.").0.date.unwrap().date.to_string(), "2024-12-24");
        assert_eq!(article("date: 2023\n\nLe vote a eu lieu.").0.date.unwrap().precision, crate::Precision::Year);
    }

    #[test]
    fn an_editor_header_names_the_author_once() {
        let (doc, warnings) = article("author: Jeanne Martin\nlang: fr\n\nLe ministre a parlé des délégués.\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(doc.author.as_deref(), Some("Jeanne Martin"));
        assert_eq!(doc.sources.author, Some(Source::Header));
        assert!(!texts(&doc).contains("Jeanne Martin"), "the header is not a passage");
        let (doc, warnings) = article("author: Jeanne Martin\nauthor: Paul Roy\n\nLe ministre a parlé.\n");
        assert_eq!(doc.author.as_deref(), Some("Jeanne Martin"));
        assert!(warnings.iter().any(|w| w.message.contains("line 2") && w.message.contains("twice")), "{warnings:?}");
    }

    #[test]
    fn malformed_header_values_warn_and_the_rest_is_inferred() {
        let raw = "title: Sommet de Hanoi\ndate: 2025-13-40\nlang: de\n\nLe 8 octobre 2024, le ministre a parlé avec les délégués.\n";
        let (doc, warnings) = article(raw);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings.iter().all(|w| w.file == "seed.txt"));
        assert!(warnings[0].message.contains("line 2") && warnings[0].message.contains("2025-13-40"), "{}", warnings[0].message);
        assert!(warnings[1].message.contains("line 3") && warnings[1].message.contains("de"), "{}", warnings[1].message);
        assert_eq!(doc.title, "Sommet de Hanoi");
        assert_eq!(doc.date.as_ref().unwrap().date.to_string(), "2024-10-08");
        assert_eq!(doc.lang, Lang::Fr);
        assert!(!texts(&doc).contains("lang:"));
        // Empty values, other digits and other schemes: a warning, never a panic.
        let (_, w) = article("date:\nurl: ftp://files.example/x\ndate: ２０２５\n\nThe minister spoke to the press.");
        assert_eq!(w.len(), 3, "{w:?}");
    }

    #[test]
    fn prose_that_looks_like_a_header_is_kept() {
        // A header, then an article whose first line happens to start "Title:".
        let (doc, _) = article("lang: en\n\nTitle: le ministre a choisi ce mot pour ouvrir son discours.\nIl a ensuite parle des Etats.\n");
        assert_eq!(doc.lang, Lang::En);
        assert!(texts(&doc).contains("Title: le ministre"));
        // Not a header: a capitalised key, an unknown key, or prose before the blank line.
        for raw in ["Title: Une phrase en prose.\nLa suite du texte.", "note: x\ndate: 2025\n\nLe texte.", "date: 2025\nLe ministre a parlé.\n\nSuite."] {
            let (doc, w) = article(raw);
            assert!(w.is_empty() && doc.date.as_ref().is_none_or(|d| d.date.to_string() != "2025"), "{raw}: {w:?} {:?}", doc.date);
            assert!(texts(&doc).contains(raw.lines().next().unwrap_or("")), "{raw}");
        }
    }

    #[test]
    fn title_from_first_sentence_and_language() {
        let m = meta("The minister said the treaty matters. It was signed in Hanoi by many states.");
        assert_eq!(m.title, "The minister said the treaty matters.");
        assert_eq!(m.lang, Lang::En);
        assert_eq!(meta("Le ministre a dit que le traite est important pour les pays").lang, Lang::Fr);
    }
}
