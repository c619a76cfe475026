//! Raw web text to paragraphs: boilerplate out, every body sentence kept.
//!
//! Pasted articles carry their page furniture: site banners, share buttons,
//! bylines, image file names, photo credits, comment counters and lists of
//! related articles. Each rule here targets a *kind* of furniture seen on news
//! sites, never a particular article. When unsure, a line is kept: losing a
//! sentence of the body is worse than showing a stray line.

use crate::lexicon::outlets::is_site_name;
use crate::model::PassageKind;
use crate::text::fold::{fold, key, Folded};
use crate::text::patterns::fixed;
use regex::Regex;
use std::sync::OnceLock;

/// A paragraph of the cleaned article.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub text: String,
    pub kind: PassageKind,
}

pub struct Cleaned {
    pub paragraphs: Vec<Paragraph>,
    pub notes: Vec<String>,
}

/// Lines longer than this are split at sentence ends so that one passage
/// stays readable and the per-passage rules stay cheap.
const MAX_PARAGRAPH: usize = 4000;

struct Rules {
    furniture: Regex,
    tail: Regex,
    image_file: Regex,
    teaser: Regex,
    url_line: Regex,
    photo_credit: Regex,
    photo_only: Regex,
    image_alt_prefix: Regex,
    date_prefix: Regex,
    outlet_prefix: Regex,
    outlet_suffix: Regex,
    outlet_line: Regex,
    header_date: Regex,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let re = fixed;
        Rules {
            furniture: re(r"(?i)^(chia se|partager|partagez|share|tweet|imprimer|print|e-?mail|facebook|twitter|x|zalo|linkedin|whatsapp|telegram|copier le lien|copy link|lire aussi|lire la suite|voir aussi|voir plus|read more|see also|tags?|mots[- ]cles|keywords|publicite|advertisement|retour en haut|back to top|suivez-nous|follow us|newsletter|abonnez-vous|subscribe|votre avis|your opinion|ecouter|listen|video|audio|accueil|home)\s*:?$"),
            tail: re(r"(?i)^(comments?|commentaires?|vos commentaires|reagir|no data|meme sujet|meme categorie|meme auteur|sur le meme sujet|dans la meme rubrique|a lire aussi|articles? lies|articles similaires|related|related news|related articles|related stories|more stories|most read|les plus lus)\s*(\(\d+\))?\s*:?$"),
            image_file: re(r"(?i)^\S+\.(jpe?g|png|gif|webp|avif|svg|bmp)(\?\S*)?$"),
            teaser: re(r"^(>>|»»|>)\s*\S"),
            url_line: re(r"(?i)^(source\s*:\s*)?(https?://|www\.)\S+$"),
            photo_credit: re(r"(?i)\s*\(?\s*(photos?|images?|anh|credits? photo|photo credit|credit|source photo|illustration)\s*:\s*[^()\n.]{1,80}\)?\s*$"),
            photo_only: re(r"(?i)^\(?\s*(photos?|images?|anh|credits? photo|photo credit|illustration)\s*:"),
            image_alt_prefix: re(r"^.{3,300}? - anh \d+\s*"),
            date_prefix: re(r"(?i)^\s*(date|published|publie le|publication)\s*:?\s*\d{4}-\d{2}-\d{2}(T[\d:]+Z?)?\s*"),
            outlet_prefix: re(r"^\([A-Z][A-Za-z+]{1,15}\)\s*-\s*"),
            outlet_suffix: re(r"([.!?»\x22])\s*-\s*[A-Z]{2,8}(/[A-Z]{2,4})?\s*$"),
            outlet_line: re(r"^\([A-Za-z][A-Za-z+ ]{1,20}\)$"),
            header_date: re(r"(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})"),
        }
    })
}

pub fn clean(text: &str) -> Cleaned {
    let r = rules();
    let mut notes = Vec::new();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    // A line may continue the previous one when the text is hard-wrapped.
    let mut open = false;
    let mut caption_next = false;
    // The header (title, byline, date) ends with the first real sentence.
    let mut header = true;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        let folded = fold(line);
        let folded = folded.trim();
        if r.tail.is_match(folded) && !header {
            break;
        }
        if r.furniture.is_match(folded)
            || r.tail.is_match(folded)
            || r.teaser.is_match(folded)
            || r.url_line.is_match(folded)
            || r.outlet_line.is_match(folded)
            || r.photo_only.is_match(folded)
            || is_foreign_furniture(line)
            || is_site_name(folded)
            || (header && is_byline(folded))
        {
            open = false;
            continue;
        }
        if r.image_file.is_match(folded) {
            caption_next = true;
            open = false;
            continue;
        }
        let mut body = line.to_string();
        let mut kind = if caption_next { PassageKind::Caption } else { PassageKind::Body };
        caption_next = false;
        if let Some(m) = r.image_alt_prefix.find(folded) {
            // Image alt text glued to its caption: "<title> - ảnh 1<caption>".
            body = Folded::new(line).original_slice(m.end(), folded.len()).to_string();
            kind = PassageKind::Caption;
        }
        // The rules are tried on the folded line first: most lines match
        // none, and folding again is what costs on a 50 MB file.
        if r.date_prefix.is_match(folded) || r.outlet_prefix.is_match(folded) {
            body = strip(&r.date_prefix, &body);
            body = strip(&r.outlet_prefix, &body);
        }
        if let Some(c) = r.photo_credit.is_match(folded).then(|| fold_find(&r.photo_credit, &body)).flatten() {
            body.truncate(c);
            kind = PassageKind::Caption;
        }
        if r.outlet_suffix.is_match(folded) {
            let f = Folded::new(&body);
            if let Some(c) = r.outlet_suffix.captures(&f.text) {
                if let (Some(whole), Some(punct)) = (c.get(0), c.get(1)) {
                    let cut = whole.start() + punct.len();
                    body = f.original_slice(0, cut).to_string();
                }
            }
        }
        let body = body.trim().to_string();
        if body.is_empty() {
            continue;
        }
        if r.header_date.is_match(&body) && body.split_whitespace().count() <= 8 && !ends_sentence(&body) {
            continue;
        }
        if open && kind == PassageKind::Body && continues(&paragraphs, &body) {
            if let Some(last) = paragraphs.last_mut() {
                last.text.push(' ');
                last.text.push_str(&body);
                header = header && !ends_sentence(&last.text);
                continue;
            }
        }
        open = true;
        header = header && !ends_sentence(&body);
        paragraphs.push(Paragraph { text: body, kind });
    }
    let mut out = Vec::with_capacity(paragraphs.len());
    let count = paragraphs.len();
    for (i, mut p) in paragraphs.into_iter().enumerate() {
        if p.kind == PassageKind::Body && is_heading(&p.text) && i + 1 < count {
            p.kind = PassageKind::Heading;
        }
        if p.text.len() > MAX_PARAGRAPH {
            let parts = split_long(&p.text);
            notes.push(format!(
                "paragraph {} is {} bytes long; split into {} passages",
                out.len() + 1,
                p.text.len(),
                parts.len()
            ));
            out.extend(parts.into_iter().map(|text| Paragraph { text, kind: p.kind }));
        } else {
            out.push(p);
        }
    }
    Cleaned { paragraphs: out, notes }
}

/// Fewer words than this and a lead is not compared: a short opening line
/// ("Hanoi, 25 October") met again later is not a repeated summary.
const LEAD_MIN_WORDS: usize = 6;
/// A lead is a sentence or two. A longer first paragraph is body text, and
/// the parts of one over-long line split in [`split_long`] may well be
/// equal without repeating anything.
const LEAD_MAX_BYTES: usize = 1000;

/// The paragraph that repeats the lead, to be kept out of the passages.
///
/// News pages print their opening summary (the lead, or chapô) above the
/// body, and the body often says it again: the lead returns as the first
/// paragraph, or opens a paragraph, or closes one after a connective ("C'est
/// pourquoi …"). Read twice, it would be found and shown twice. The lead is
/// the first body paragraph; when a later body paragraph holds all of its
/// words in order, the lead goes (the later one says it in context, often
/// with its speaker); when the lead holds all of a later paragraph, that
/// paragraph goes. Texts are compared folded, so a copy that lost its
/// accents or changed its apostrophes is still a copy.
/// A lead the body repeats: the paragraph left out and the one kept for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat {
    pub dropped: usize,
    pub kept: usize,
}

pub fn repeated_lead(paragraphs: &[&Paragraph]) -> Option<Repeat> {
    let (lead_at, lead) = paragraphs.iter().enumerate().find(|(_, p)| p.kind == PassageKind::Body)?;
    if lead.text.len() > LEAD_MAX_BYTES {
        return None;
    }
    let lead_words = comparable_words(&lead.text);
    if lead_words.split(' ').count() < LEAD_MIN_WORDS {
        return None;
    }
    let later = paragraphs.iter().enumerate().skip(lead_at + 1).filter(|(_, p)| p.kind == PassageKind::Body);
    for (at, paragraph) in later {
        let words = comparable_words(&paragraph.text);
        if holds_words(&words, &lead_words) {
            return Some(Repeat { dropped: lead_at, kept: at });
        }
        if words.split(' ').count() >= LEAD_MIN_WORDS && holds_words(&lead_words, &words) {
            return Some(Repeat { dropped: at, kept: lead_at });
        }
    }
    None
}

/// A text's words, folded and lowercased, one space apart, punctuation
/// gone: what stays equal when a sentence is pasted twice.
fn comparable_words(text: &str) -> String {
    let letters: String = key(text).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    letters.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `words` holds all of `part`, on word boundaries.
fn holds_words(words: &str, part: &str) -> bool {
    format!(" {words} ").contains(&format!(" {part} "))
}

/// Finds a rule in the folded text and returns the original byte offset.
fn fold_find(re: &Regex, s: &str) -> Option<usize> {
    let f = Folded::new(s);
    let m = re.find(&f.text)?;
    Some(f.original_slice(0, m.start()).len())
}

fn strip(re: &Regex, s: &str) -> String {
    let f = Folded::new(s);
    match re.find(&f.text) {
        Some(m) if m.start() == 0 => f.original_slice(m.end(), f.text.len()).to_string(),
        _ => s.to_string(),
    }
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', ':', ';', '»', '"', '”', '…', ')'])
}

fn continues(paragraphs: &[Paragraph], line: &str) -> bool {
    let starts_lower = line.chars().next().is_some_and(|c| c.is_lowercase());
    paragraphs.last().is_some_and(|p| !ends_sentence(&p.text) && p.kind == PassageKind::Body) && starts_lower
}

/// Section titles: short, capitalized, no closing punctuation.
fn is_heading(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (2..=25).contains(&words)
        && s.len() <= 220
        && s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !ends_sentence(s)
        || s.trim_end().ends_with('?') && words <= 20
}

/// Author lines under a title: a few capitalized words, maybe dashes.
fn is_byline(folded: &str) -> bool {
    if folded.len() > 120 {
        return false;
    }
    let words: Vec<&str> = folded.split_whitespace().filter(|w| *w != "-" && *w != "&" && *w != "/").collect();
    !words.is_empty()
        && words.len() <= 6
        && folded.contains([' ', '-'])
        && folded.contains(" - ")
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        || folded.to_lowercase().starts_with("par ") && words.len() <= 6
        || folded.to_lowercase().starts_with("by ") && words.len() <= 6
}

/// Site banners and buttons in Vietnamese, left over in French or English
/// articles: short lines where many words carry Vietnamese-only letters.
fn is_foreign_furniture(line: &str) -> bool {
    if line.len() > 400 {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || line.chars().count() > 100 {
        return false;
    }
    let vietnamese = |c: char| matches!(c, '\u{1EA0}'..='\u{1EF9}' | 'ơ' | 'ư' | 'Ơ' | 'Ư' | 'đ' | 'Đ' | 'ă' | 'Ă');
    let marked = words.iter().filter(|w| w.chars().any(vietnamese)).count();
    marked * 10 >= words.len() * 3
}

/// Splits an over-long line at sentence ends, or at spaces, or anywhere on
/// a character boundary when it has neither.
fn split_long(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text;
    while rest.len() > MAX_PARAGRAPH {
        let mut limit = MAX_PARAGRAPH;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &rest[..limit];
        let cut = window
            .rfind(". ")
            .map(|i| i + 1)
            .filter(|&i| i > MAX_PARAGRAPH / 4)
            .or_else(|| window.rfind(' ').filter(|&i| i > MAX_PARAGRAPH / 4))
            .unwrap_or(limit);
        parts.push(rest[..cut].trim().to_string());
        rest = &rest[cut..];
    }
    if !rest.trim().is_empty() {
        parts.push(rest.trim().to_string());
    }
    parts.retain(|p| !p.is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(String, PassageKind)> {
        clean(s).paragraphs.into_iter().map(|p| (p.text, p.kind)).collect()
    }

    #[test]
    fn removes_furniture_keeps_body() {
        let raw = "Un titre sur le traité\n\nJean Dupont – Marie Roy\nPartager\n\n(ABCWORLD) - Le ministre a parlé hier.\n\nphoto-du-jour.jpg\nLe ministre à la tribune. (Photo : Jean Roy/ABC)\n\n>> Autre article à lire\nLa suite du discours est ici. -ABC/XY\n\nComment (0)\n\nNo data\nMême sujet\nUn autre titre sans rapport\n";
        let got = texts(raw);
        assert_eq!(got[0], ("Un titre sur le traité".into(), PassageKind::Heading));
        assert_eq!(got[1], ("Le ministre a parlé hier.".into(), PassageKind::Body));
        assert_eq!(got[2], ("Le ministre à la tribune.".into(), PassageKind::Caption));
        assert_eq!(got[3], ("La suite du discours est ici.".into(), PassageKind::Body));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn strips_iso_date_prefix_and_joins_wrapped_lines() {
        let got = texts(" date 2024-01-02 The minister said the treaty\nwas a milestone.\nA second line.");
        assert_eq!(got[0].0, "The minister said the treaty was a milestone.");
        assert_eq!(got[1].0, "A second line.");
    }

    #[test]
    fn drops_vietnamese_banner_and_glued_image_alt() {
        let got = texts("Báo Điện tử - Trang chủ của Việt Nam\nLe titre - ảnh 1La délégation arrive. Photo: X/Y\n\nCorps du texte ici.");
        assert_eq!(got[0], ("La délégation arrive.".into(), PassageKind::Caption));
        assert_eq!(got[1].0, "Corps du texte ici.");
    }

    #[test]
    fn an_image_credit_makes_a_caption() {
        let got = texts("Treaty talks\nDelegates meet in the hall. Image: Jane Roe via Pictures\n\nThe treaty was adopted.\n");
        assert!(got.contains(&("Delegates meet in the hall.".into(), PassageKind::Caption)), "{got:?}");
        assert!(texts("Image : Jean Roy/Agence\n\nLe traité a été adopté.\n").iter().all(|(t, _)| !t.contains("Jean Roy")));
    }

    fn paragraph(text: &str, kind: PassageKind) -> Paragraph {
        Paragraph { text: text.into(), kind }
    }

    #[test]
    fn the_lead_goes_when_the_body_repeats_it() {
        let lead = paragraph("Les États signent une convention contre la fraude en ligne.", PassageKind::Body);
        let caption = paragraph("Les délégués à Hanoï.", PassageKind::Caption);
        let other = paragraph("Les délégués se sont réunis samedi.", PassageKind::Body);
        let repeat = paragraph("Ainsi, les Etats signent une convention contre la fraude en ligne, a dit le ministre.", PassageKind::Body);
        assert_eq!(repeated_lead(&[&lead, &caption, &other, &repeat]), Some(Repeat { dropped: 0, kept: 3 }));
        assert_eq!(repeated_lead(&[&lead, &other]), None);
    }

    #[test]
    fn a_later_paragraph_the_lead_already_holds_goes() {
        let lead = paragraph("Sixty states signed the treaty in Hanoi. The minister called it a milestone.", PassageKind::Body);
        let sentence = paragraph("Sixty states signed the treaty in Hanoi.", PassageKind::Body);
        assert_eq!(repeated_lead(&[&lead, &sentence]), Some(Repeat { dropped: 1, kept: 0 }));
        let short = paragraph("Sixty states signed.", PassageKind::Body);
        assert_eq!(repeated_lead(&[&lead, &short]), None);
    }

    #[test]
    fn a_long_first_paragraph_is_not_a_lead() {
        let part = "Le ministre a déclaré que la coopération compte. ".repeat(30);
        let (first, second) = (paragraph(&part, PassageKind::Body), paragraph(&part, PassageKind::Body));
        assert_eq!(repeated_lead(&[&first, &second]), None);
    }

    #[test]
    fn a_short_lead_is_never_compared() {
        let lead = paragraph("Hanoi, 25 October", PassageKind::Body);
        let body = paragraph("Hanoi, 25 October: the ceremony opened with a speech by the host.", PassageKind::Body);
        assert_eq!(repeated_lead(&[&lead, &body]), None);
    }

    #[test]
    fn splits_one_megabyte_line() {
        let line = "Le ministre a parlé longuement. ".repeat(32 * 1024);
        let c = clean(&line);
        assert!(c.paragraphs.len() > 100);
        assert!(c.paragraphs.iter().all(|p| p.text.len() <= MAX_PARAGRAPH));
        assert!(c.notes[0].contains("split"));
        let nospace = "é".repeat(600_000);
        assert!(clean(&nospace).paragraphs.iter().all(|p| p.text.len() <= MAX_PARAGRAPH));
    }
}
