//! Corpus understanding for the Hanoi Convention explorer: who said what, for
//! which country, and when.
//!
//! This crate runs at build time only. It turns raw news articles (French or
//! English web text with boilerplate, sometimes without accents) into
//! documents made of passages, each attributed to a speaker, with the
//! countries and bodies it mentions and the dates it gives. The pipeline is
//! deliberately rule based and general: articles it has never seen will keep
//! arriving, so no rule may know about a particular file.
//!
//! The stages, one module each: [`decode`] bytes to text, [`clean`] strips
//! boilerplate, [`metadata`] reads the editor's header and finds title, outlet, URL and language, [`dates`]
//! reads dates, [`gazetteer`] knows states and bodies, [`speakers`] attributes
//! passages, [`identity`] merges name variants across the corpus, and
//! [`overrides`] applies the editors' optional `corpus.toml`.

// Library code answers every input, however hostile, with a value or an
// error, never a panic (fuzz/ checks it; `make test-lints` runs clippy): no
// unwrap, expect or panic outside tests. A constant that cannot fail says so
// with an `allow` and a reason where it is built.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use serde::{Serialize, Serializer};
use std::fmt;
use std::path::Path;

mod clean;
mod dates;
mod decode;
mod fold;
mod gazetteer;
mod identity;
mod metadata;
mod overrides;
mod patterns;
mod speakers;
mod tokens;

pub use gazetteer::lookup_entity;
pub use search::{Span, StatementKind};

/// Everything extracted from a directory of articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
}

impl Extraction {
    /// One line for build logs: how much was extracted and how many warnings.
    pub fn summary(&self) -> String {
        let passages: usize = self.corpus.documents.iter().map(|d| d.passages.len()).sum();
        let attributed: usize = self.corpus.documents.iter().flat_map(|d| &d.passages).filter(|p| p.speaker().is_some()).count();
        format!(
            "{} documents, {} passages ({} attributed), {} speakers, {} warnings",
            self.corpus.documents.len(),
            passages,
            attributed,
            self.corpus.speakers.len(),
            self.warnings.len()
        )
    }
}

/// A problem with one input file. The file is never dropped silently: either
/// it is still in the corpus and the warning explains what was repaired, or
/// the warning says why it could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub file: String,
    pub kind: WarningKind,
    pub message: String,
}

/// What a warning is about, for callers that act on some kinds only (a build
/// that must fail on a skipped file, say) without reading its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningKind {
    /// The file could not be read at all: skipped.
    Unreadable,
    /// The bytes are no article (empty, binary, nothing left once the page
    /// furniture is removed): skipped.
    NotAnArticle,
    /// Repaired while decoding (another encoding, NUL bytes): kept.
    Decoding,
    /// Unusually large, or a paragraph split to stay readable: kept.
    Size,
    /// A line of the editor's header could not be used: inferred instead.
    Header,
    /// An entry of `corpus.toml` matched nothing.
    Override,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// A failure that stops the whole extraction: the directory cannot be read,
/// or the editors' overrides file is malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for CorpusError {}

/// The documents and the speakers they share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Deduplicated across the corpus; [`Passage::speaker`] indexes into it.
    pub speakers: Vec<Speaker>,
}

/// One article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub file: String,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub lang: Lang,
    pub date: Option<DatedEvidence>,
    pub passages: Vec<Passage>,
    /// Photo captions, in reading order: page furniture, not statements, so
    /// they are never passages (nor searched), but they are kept here rather
    /// than dropped, for editors checking what the cleaner set aside.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub captions: Vec<String>,
    /// Speakers of this document alone, as returned by [`extract_article`]:
    /// there, [`Passage::speaker`] indexes into this list. Once the document
    /// is part of a [`Corpus`] the ids index [`Corpus::speakers`] and this
    /// list is empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<Speaker>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(&self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A date known to the day, the month or only the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl PartialDate {
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// Dates serialize as ISO strings whose length gives the precision.
impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date and the text that justifies it, so editors can check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedEvidence {
    pub date: PartialDate,
    pub precision: Precision,
    pub evidence: String,
}

/// What a cleaned paragraph is: article body, or page furniture that the
/// speaker stage still reads (a caption names people) but that never
/// becomes a [`Passage`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    Body,
    Heading,
    Caption,
}

/// One paragraph of an article's body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Cleaned paragraph text exactly as shown to users.
    pub text: String,
    /// The sub-heading the passage stands under, if the article has one
    /// above it: headings are titles of the passages that follow, not
    /// passages of their own.
    pub section: Option<String>,
    /// Who speaks in the passage, main speaker first, each with what the
    /// attribution rests on.
    pub statements: Vec<Statement>,
    /// Countries and bodies named in the passage, in order, without repeats.
    pub mentions: Vec<Entity>,
    pub dates: Vec<PartialDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SpeakerId(pub u32);

impl Passage {
    /// The main speaker: the one whose words take most of the passage.
    pub fn speaker(&self) -> Option<SpeakerId> {
        self.statements.first().map(|s| s.speaker)
    }

    /// Every speaker the passage's statements name.
    pub fn speakers(&self) -> impl Iterator<Item = SpeakerId> + '_ {
        self.statements.iter().map(|s| s.speaker)
    }

    /// Points each statement at a new speaker id, dropping those `to` maps
    /// to nothing and, when two speakers became one, the later statement.
    pub fn remap_speakers(&mut self, mut to: impl FnMut(SpeakerId) -> Option<SpeakerId>) {
        let mut kept: Vec<Statement> = Vec::with_capacity(self.statements.len());
        for mut s in std::mem::take(&mut self.statements) {
            let Some(new) = to(s.speaker) else { continue };
            if kept.iter().all(|k| k.speaker != new) {
                s.speaker = new;
                kept.push(s);
            }
        }
        self.statements = kept;
    }
}

/// Words a passage gives to one speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub speaker: SpeakerId,
    pub kind: StatementKind,
    pub evidence: Evidence,
    /// The quoted words, marks excluded, as byte ranges of the passage text.
    pub quotes: Vec<Span>,
}

/// What an attribution rests on, so that a reader can check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "lowercase")]
pub enum Evidence {
    /// A cue in the passage: the reporting verb or marker ("a déclaré",
    /// "said", "Selon", "MODERATOR:"), and the words naming the speaker
    /// when they are not inside the cue ("a-t-il dit" names no one else).
    Cue { cue: Span, mention: Option<Span> },
    /// No cue of its own: the passage continues the speech of another
    /// passage of the document (its index), where the cue is.
    Continuation { passage: u32 },
}


/// A person, an unnamed official (role and country) or a country or body
/// speaking for itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    pub name: Option<String>,
    pub role: Option<String>,
    pub entity: Option<Entity>,
    /// Other spellings met in the text, honorifics included.
    pub aliases: Vec<String>,
}

impl Speaker {
    pub fn display_name(&self) -> String {
        let entity = self.entity.as_ref().map(|e| e.name_fr.as_str());
        match (&self.name, &self.role, entity) {
            (Some(name), _, _) => name.clone(),
            (None, Some(role), Some(e)) => format!("{role} ({e})"),
            (None, Some(role), None) => role.clone(),
            (None, None, Some(e)) => e.to_string(),
            (None, None, None) => String::from("?"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Entity {
    /// ISO 3166-1 alpha-3 for states, an acronym for bodies.
    pub code: String,
    pub kind: EntityKind,
    pub name_fr: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Country,
    Organization,
}

/// Extracts every `*.txt` of `dir`, in file-name order, then applies
/// `dir/corpus.toml` when present.
pub fn extract_dir(dir: &Path) -> Result<Extraction, CorpusError> {
    let dir_name = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| CorpusError {
        file: dir_name.clone(),
        line: None,
        message: format!("cannot read directory: {e}"),
    })?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| CorpusError {
            file: dir_name.clone(),
            line: None,
            message: format!("cannot list directory: {e}"),
        })?;
        let path = entry.path();
        if path.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")) {
            paths.push(path);
        }
    }
    paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));

    let overrides = overrides::load(&dir.join("corpus.toml"))?;
    let mut documents = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        let display = path.display().to_string();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| display.clone());
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                warnings.push(Warning { file: display, kind: WarningKind::Unreadable, message: format!("cannot read file, skipped: {e}") });
                continue;
            }
        };
        match extract_article(&name, &bytes) {
            Ok((doc, ws)) => {
                warnings.extend(ws.into_iter().map(|w| Warning { file: display.clone(), ..w }));
                documents.push(doc);
            }
            Err(w) => warnings.push(Warning { file: display, ..w }),
        }
    }
    let mut corpus = identity::merge(documents);
    dates::infer_missing_years(&mut corpus);
    if let Some(o) = overrides {
        warnings.extend(o.apply(&mut corpus));
    }
    Ok(Extraction { corpus, warnings })
}

/// Articles are a few kilobytes; anything past this is worth a look.
const LARGE_FILE: usize = 5 * 1024 * 1024;

/// Extracts one article. Errors (as a [`Warning`]) only when the bytes cannot
/// be an article at all: empty or binary.
pub fn extract_article(file_name: &str, bytes: &[u8]) -> Result<(Document, Vec<Warning>), Warning> {
    let warn = |kind: WarningKind| move |message: String| Warning { file: file_name.to_string(), kind, message };
    let decoded = decode::decode(bytes).map_err(warn(WarningKind::NotAnArticle))?;
    let mut warnings: Vec<Warning> = decoded.notes.into_iter().map(warn(WarningKind::Decoding)).collect();
    if bytes.len() > LARGE_FILE {
        warnings.push(warn(WarningKind::Size)(format!(
            "very large file ({:.1} MB): extracted, but check it is one article and not a site dump",
            bytes.len() as f64 / 1_048_576.0
        )));
    }
    // An editor's header is not article text: it is read, then removed.
    let (header, text) = metadata::split_header(&decoded.text);
    let header = header.unwrap_or_default();
    warnings.extend(header.problems.iter().cloned().map(warn(WarningKind::Header)));
    let cleaned = clean::clean(text);
    warnings.extend(cleaned.notes.iter().cloned().map(warn(WarningKind::Size)));
    if cleaned.paragraphs.is_empty() {
        return Err(warn(WarningKind::NotAnArticle)(String::from("no article text left after removing boilerplate")));
    }
    let mut meta = metadata::detect(text, &cleaned);
    header.apply(&mut meta);
    let body: Vec<&clean::Paragraph> = cleaned
        .paragraphs
        .iter()
        .skip(usize::from(meta.title_is_first_paragraph))
        .collect();
    let date = header.date.clone().or_else(|| dates::document_date(&meta.date_lines, meta.url.as_deref(), body.iter().map(|p| p.text.as_str())));
    let context_date = date.as_ref().map(|d| d.date);
    // Every paragraph goes to the speaker stage, headings and captions too:
    // a caption often gives the full name the body then shortens.
    let analysed = speakers::attribute(&body, meta.lang);
    let (passages, captions) = body_passages(&body, analysed.passages, context_date);
    let doc = Document {
        file: file_name.to_string(),
        title: meta.title,
        outlet: meta.outlet,
        url: meta.url,
        lang: meta.lang,
        date,
        passages,
        captions,
        speakers: analysed.speakers,
    };
    Ok((doc, warnings))
}

/// Turns the analysed paragraphs into the passages readers search: the
/// body, each under the last sub-heading above it. Headings become those
/// section titles and captions are set aside (returned second), so page
/// furniture never outranks what was said; a paragraph repeating the lead
/// is left out once.
fn body_passages(
    paragraphs: &[&clean::Paragraph],
    analysed: Vec<speakers::PassageResult>,
    context_date: Option<PartialDate>,
) -> (Vec<Passage>, Vec<String>) {
    let repeat = clean::repeated_lead(paragraphs);
    let kept = |at: usize, p: &clean::Paragraph| p.kind == PassageKind::Body && repeat != Some(at);
    // Continuations name the paragraph they continue; once headings,
    // captions and a repeated lead are gone, that is the passage at or just
    // after it (the lead's repeat holds the lead's words).
    let mut passage_at = vec![0u32; paragraphs.len() + 1];
    let mut next = u32::try_from(paragraphs.iter().enumerate().filter(|(at, p)| kept(*at, p)).count()).unwrap_or(u32::MAX);
    for at in (0..paragraphs.len()).rev() {
        if kept(at, paragraphs[at]) {
            next -= 1;
        }
        passage_at[at] = next;
    }
    let mut section: Option<&str> = None;
    let mut passages = Vec::with_capacity(paragraphs.len());
    let mut captions = Vec::new();
    for (at, (p, a)) in paragraphs.iter().zip(analysed).enumerate() {
        match p.kind {
            PassageKind::Heading => section = Some(&p.text),
            PassageKind::Caption => captions.push(p.text.clone()),
            PassageKind::Body if repeat == Some(at) => {}
            PassageKind::Body => {
                let mut statements = a.statements;
                for statement in &mut statements {
                    if let Evidence::Continuation { passage } = &mut statement.evidence {
                        *passage = passage_at.get(*passage as usize).copied().unwrap_or(*passage);
                    }
                }
                passages.push(Passage {
                    text: p.text.clone(),
                    section: section.map(String::from),
                    statements,
                    mentions: a.mentions,
                    dates: dates::passage_dates(&p.text, context_date),
                });
            }
        }
    }
    (passages, captions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Document {
        extract_article("t.txt", text.as_bytes()).map(|(doc, _)| doc).unwrap()
    }

    fn texts(doc: &Document) -> Vec<&str> {
        doc.passages.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn a_continuation_names_its_passage_once_headings_are_gone() {
        let doc = article("Le traité en débat\n\nUn court chapeau sur la journée de signature.\n\nLes enjeux\n\n« Il faut agir », a déclaré Jean Dupont.\n\n« Nous devons signer vite. »\n\nLa séance a ensuite été levée.");
        let quoted = doc.passages.iter().position(|p| p.text.contains("Jean Dupont")).unwrap();
        let continued = doc.passages.iter().find(|p| p.text.contains("signer vite")).unwrap();
        assert_eq!(continued.section.as_deref(), Some("Les enjeux"));
        assert_eq!(continued.statements[0].evidence, Evidence::Continuation { passage: quoted as u32 });
    }

    fn section_of<'a>(doc: &'a Document, start: &str) -> Option<&'a str> {
        doc.passages.iter().find(|p| p.text.starts_with(start)).and_then(|p| p.section.as_deref())
    }

    const FRENCH_SECTIONS: &str = "La ministre salue le traité régional\n\n\
        La ministre a déclaré que le traité protège les citoyens.\n\n\
        Le rôle décisif de la coopération\n\n\
        « Nous travaillerons ensemble », a affirmé le délégué.\n\n\
        Il a ajouté que les États partageront leurs données.\n\n\
        Une étape vers la ratification\n\n\
        La ratification suivra l'an prochain, selon la ministre.\n";

    #[test]
    fn a_french_heading_titles_the_passages_under_it() {
        let doc = article(FRENCH_SECTIONS);
        assert_eq!(doc.title, "La ministre salue le traité régional");
        assert!(!texts(&doc).contains(&"Le rôle décisif de la coopération"), "{:?}", texts(&doc));
        assert!(!texts(&doc).contains(&"Une étape vers la ratification"), "{:?}", texts(&doc));
        assert_eq!(section_of(&doc, "La ministre a déclaré"), None);
        assert_eq!(section_of(&doc, "« Nous travaillerons"), Some("Le rôle décisif de la coopération"));
        assert_eq!(section_of(&doc, "Il a ajouté"), Some("Le rôle décisif de la coopération"));
        assert_eq!(section_of(&doc, "La ratification suivra"), Some("Une étape vers la ratification"));
    }

    #[test]
    fn an_english_heading_without_accents_titles_the_passages_under_it() {
        let doc = article(
            "Ministers back the new treaty\n\n\
             The minister said the treaty would protect citizens.\n\n\
             A shared shield against fraud\n\n\
             \"We will work together,\" the delegate said.\n",
        );
        assert!(!texts(&doc).contains(&"A shared shield against fraud"), "{:?}", texts(&doc));
        assert_eq!(section_of(&doc, "\"We will work together"), Some("A shared shield against fraud"));
    }

    #[test]
    fn captions_and_credits_are_not_passages() {
        let doc = article(
            "Le ministre défend la convention\n\n\
             Le ministre a défendu la convention devant les députés.\n\n\
             tribune-du-ministre.jpg\n\
             Le ministre à la tribune de l'Assemblée. (Photo : Jean Roy/Agence)\n\n\
             Il a répété que la convention protège les victimes.\n",
        );
        assert_eq!(texts(&doc), ["Le ministre a défendu la convention devant les députés.", "Il a répété que la convention protège les victimes."]);
        assert_eq!(doc.captions, ["Le ministre à la tribune de l'Assemblée."]);
        assert!(doc.passages.iter().all(|p| !p.text.contains("Photo")));
    }

    #[test]
    fn an_image_credit_after_a_caption_is_not_a_passage() {
        let doc = article(
            "Treaty talks\n\
             Delegates meet at the conference hall in Geneva. Image: Jane Roe via Pictures\n\n\
             Rights groups warn about the treaty\n\n\
             Rights groups said on Monday that the treaty was too broad.\n",
        );
        assert!(doc.passages.iter().all(|p| !p.text.contains("Delegates meet") && !p.text.contains("Image:")), "{:?}", texts(&doc));
        assert_eq!(doc.captions, ["Delegates meet at the conference hall in Geneva."]);
    }

    #[test]
    fn a_name_in_a_caption_still_reaches_the_speaker_stage() {
        let doc = article(
            "La directrice salue la convention\n\n\
             photo-directrice.jpg\n\
             Amina Belkacem, directrice de l'Office régional, à Hanoï. (Photo : X/Y)\n\n\
             « La convention protège les victimes », a déclaré Mme Belkacem.\n",
        );
        // A guard, not a fix: captions feed the names the speaker stage knows.
        let speaker = doc.passages.iter().find_map(|p| p.speaker()).and_then(|id| doc.speakers.get(id.0 as usize));
        assert!(speaker.is_some_and(|s| s.aliases.iter().any(|a| a == "Amina Belkacem")), "{speaker:?}");
    }

    #[test]
    fn a_french_lead_repeated_in_the_body_is_kept_once() {
        // Repeated without its accents and with another apostrophe, after a connective.
        let doc = article(
            "La convention entre en vigueur\n\n\
             La convention marque un tournant décisif pour la coopération mondiale contre la fraude.\n\n\
             Le 25 octobre, les délégués se sont réunis à Hanoï.\n\n\
             C’est pourquoi la convention marque un tournant decisif pour la cooperation mondiale contre la fraude.\n",
        );
        let repeats = texts(&doc).iter().filter(|t| t.contains("marque un tournant")).count();
        assert_eq!(repeats, 1, "{:?}", texts(&doc));
        assert!(texts(&doc).iter().any(|t| t.starts_with("C’est pourquoi")));
    }

    #[test]
    fn an_english_lead_repeated_as_the_first_paragraph_is_kept_once() {
        let doc = article(
            "Treaty opens for signature\n\n\
             Sixty countries signed the treaty on Saturday in the capital.\n\n\
             Sixty countries signed the treaty on Saturday in the capital. The minister said it was a milestone.\n",
        );
        assert_eq!(texts(&doc), ["Sixty countries signed the treaty on Saturday in the capital. The minister said it was a milestone."]);
    }

    #[test]
    fn a_paragraph_sharing_a_few_words_with_the_lead_stays() {
        let doc = article(
            "Treaty opens for signature\n\n\
             The treaty was signed.\n\n\
             Officials said the treaty was signed after long talks.\n",
        );
        assert_eq!(texts(&doc).len(), 2, "{:?}", texts(&doc));
    }
}
