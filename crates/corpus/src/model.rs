//! The data the crate produces, apart from the code that produces it.
//!
//! Every stage reads or fills these types, and callers (the build script,
//! the CLI) see nothing else; keeping them in one module at the bottom of
//! the crate lets every layer use them without using any other layer. The
//! types shared with the index (languages, dates, spans, statement kinds)
//! are the search crate's own, so the two crates cannot drift apart.

use search::{Date, Lang, Span, StatementKind};
use serde::Serialize;
use std::fmt;

/// Everything extracted from a directory of articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
    /// The editors' corrections from `corpus.toml` that took effect.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

/// One correction of `corpus.toml` that changed the corpus, for the
/// editor's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// The overrides file.
    pub file: String,
    /// What it changed: a document's file name or a speaker's name.
    pub target: String,
    pub change: String,
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
    /// A value of a saved page's metadata could not be used (not a date, not
    /// an http(s) address, another language): passed over for the next source.
    Metadata,
    /// A saved web page whose markup was broken or whose declared character
    /// set was wrong: read as a browser would, kept.
    Markup,
    /// A file of a kind the corpus does not read (`.md`, `.pdf`, an
    /// image…), or a folder: skipped.
    NotRead,
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
    /// The article's author or authors, as a saved page names them (text
    /// files drop their bylines with the page furniture).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub lang: Lang,
    pub date: Option<DatedEvidence>,
    /// Where the title, outlet, address and language were read (the date
    /// carries its own in [`DatedEvidence`]).
    pub sources: Sources,
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

/// How much of a date is known: its day, only its month, or only its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    /// The precision a date has: the finest of its parts that is set.
    pub fn of(date: Date) -> Precision {
        match (date.month, date.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
}

/// A date and the text that justifies it, so editors can check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedEvidence {
    pub date: Date,
    pub precision: Precision,
    pub source: Source,
    pub evidence: String,
}

/// Where a document's metadata was read. What a file says of itself (an
/// editor's header, a saved page's metadata) outranks what the rules infer
/// from the text, and the editors' `corpus.toml` outranks both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// An entry of `corpus.toml`.
    Override,
    /// The `key: value` header at the top of a text file.
    Header,
    /// A page's JSON-LD (`NewsArticle` and its kin).
    JsonLd,
    /// A page's Open Graph and `article:` meta tags.
    OpenGraph,
    /// Other `<meta name>` tags (`date`, `dc.date`, `author`…).
    MetaTag,
    /// A page's `<time datetime>`.
    TimeElement,
    /// A page's `<link rel="canonical">`.
    Canonical,
    /// The address a browser writes into a page it saves.
    SavedFrom,
    /// A page's `<html lang>`.
    HtmlLang,
    /// A page's `<title>`.
    TitleElement,
    /// A page's first `<h1>`.
    Heading,
    /// Inferred from the article's text by the rules.
    Text,
}

impl Source {
    /// How the editor's report names it.
    pub fn describe(self) -> &'static str {
        match self {
            Source::Override => "corpus.toml",
            Source::Header => "the file's header",
            Source::JsonLd => "the page's JSON-LD",
            Source::OpenGraph => "the page's Open Graph tags",
            Source::MetaTag => "a <meta> tag",
            Source::TimeElement => "a <time> element",
            Source::Canonical => "<link rel=canonical>",
            Source::SavedFrom => "the browser's \"saved from\" note",
            Source::HtmlLang => "<html lang>",
            Source::TitleElement => "the page's <title>",
            Source::Heading => "the page's <h1>",
            Source::Text => "inferred from the text",
        }
    }

    /// Read from what the file says of itself, rather than inferred.
    pub fn is_given(self) -> bool {
        self != Source::Text
    }
}

/// The [`Source`] of each of a document's metadata fields; `None` where the
/// field itself is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sources {
    pub title: Source,
    pub outlet: Option<Source>,
    pub url: Option<Source>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Source>,
    pub lang: Source,
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
    pub dates: Vec<Date>,
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
    /// How much of the passage is quoted: measured on the passage, so every
    /// statement of one passage has the same kind.
    pub kind: StatementKind,
    pub evidence: Evidence,
    /// The passage's quoted words, marks excluded, as byte ranges of its
    /// text; not told apart by speaker.
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
    /// No cue of its own: the passage is part of the speech whose cue is in
    /// another passage of the document (its index): usually an earlier one
    /// it continues, or the next one when that one sums it up ("C'est ce
    /// qu'a déclaré X").
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
