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
//! The crate is built in layers, each using only those below it (the test
//! `tests/layers.rs` holds it to that), lowest first:
//!
//! - `model`: the public data types, re-exported here;
//! - `text`: folding accents with a way back, words and their spans, fixed
//!   patterns;
//! - `lexicon`: what the rules know of the languages and the world: states
//!   and bodies, outlets, role words, function words (data in
//!   `src/lexicon/data/`);
//! - `names`: how person names are written and compared;
//! - `stages`: bytes to text (`decode`), saved web pages to text and
//!   their metadata (`html`), boilerplate out (`clean`), dates (`dates`),
//!   the editor's header, title, outlet, URL and language (`metadata`);
//! - `attribution`: who speaks in each passage;
//! - `identity`: one speaker for a person's spellings across the corpus;
//! - `overrides`: the editors' optional `corpus.toml`;
//! - `report`: the editor's report, one HTML page of what was understood;
//! - this file: the pipeline that runs them, article by article.

// Library code answers every input, however hostile, with a value or an
// error, never a panic (fuzz/ checks it; `make test-lints` runs clippy): no
// unwrap, expect or panic outside tests. A constant that cannot fail says so
// with an `allow` and a reason where it is built.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use std::path::Path;

mod attribution;
mod identity;
mod lexicon;
mod model;
mod names;
mod overrides;
pub mod report;
mod stages;
mod text;

pub use lexicon::gazetteer::{entity_names, lookup_entity};
pub use lexicon::roles::{english_label, english_role};
pub use model::*;
pub use search::{Date, Lang, Span, StatementKind};

use stages::clean::{self, Paragraph};
use stages::metadata::Given;
use stages::{dates, decode, html, metadata};

/// Extracts every article of `dir` (`*.txt`, and saved pages `*.html`,
/// `*.htm`), in file-name order, then applies `dir/corpus.toml` when
/// present. Other files are named in a warning, never read; the `_files`
/// folders browsers save beside a page, and hidden files, are passed over.
pub fn extract_dir(dir: &Path) -> Result<Extraction, CorpusError> {
    let dir_name = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| CorpusError {
        file: dir_name.clone(),
        line: None,
        message: format!("cannot read directory: {e}"),
    })?;
    let mut paths = Vec::new();
    let mut warnings = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| CorpusError {
            file: dir_name.clone(),
            line: None,
            message: format!("cannot list directory: {e}"),
        })?;
        let path = entry.path();
        match InputKind::of(&path) {
            InputKind::Article => paths.push(path),
            InputKind::PassedOver => {}
            InputKind::Folder => warnings.push(Warning {
                file: path.display().to_string(),
                kind: WarningKind::NotRead,
                message: String::from("cannot read a folder as an article: not read (articles go directly in the corpus folder)"),
            }),
            InputKind::Other => warnings.push(Warning {
                file: path.display().to_string(),
                kind: WarningKind::NotRead,
                message: String::from("not read: the corpus reads .txt files and saved web pages (.html, .htm); save or paste the article as one of those"),
            }),
        }
    }
    paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    warnings.sort_by(|a, b| a.file.cmp(&b.file));

    let overrides = overrides::load(&dir.join("corpus.toml"))?;
    let mut documents = Vec::new();
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
    let mut corrections = Vec::new();
    if let Some(o) = overrides {
        let applied = o.apply(&mut corpus);
        warnings.extend(applied.warnings);
        corrections = applied.corrections;
    }
    Ok(Extraction { corpus, warnings, corrections })
}

/// What a directory entry is to the corpus.
enum InputKind {
    /// A `.txt` or a saved page: read.
    Article,
    /// `corpus.toml`, a hidden file, a saved page's `_files` folder.
    PassedOver,
    /// Another folder: named, not read.
    Folder,
    /// Any other file: named, not read.
    Other,
}

impl InputKind {
    fn of(path: &Path) -> InputKind {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') || name == "corpus.toml" {
            InputKind::PassedOver
        } else if path.is_dir() {
            if name.ends_with("_files") { InputKind::PassedOver } else { InputKind::Folder }
        } else if name.to_ascii_lowercase().ends_with(".txt") || html::is_page(&name) {
            InputKind::Article
        } else {
            InputKind::Other
        }
    }
}

/// Makes the warnings of one kind about one file.
fn warning(file: &str, kind: WarningKind) -> impl Fn(String) -> Warning + '_ {
    move |message| Warning { file: file.to_string(), kind, message }
}

/// Articles are a few kilobytes; anything past this is worth a look.
const LARGE_FILE: usize = 5 * 1024 * 1024;

/// An article's text as the first stage gives it, before cleaning: from a
/// text file (its header split off) or from a saved page.
struct Input {
    text: String,
    given: Given,
    /// The text opens with the title line the file gave.
    starts_with_title: bool,
    captions: Vec<String>,
    warnings: Vec<Warning>,
}

impl Input {
    fn read(file_name: &str, bytes: &[u8]) -> Result<Input, Warning> {
        let warn = |kind| warning(file_name, kind);
        if html::is_page(file_name) {
            let page = html::read(bytes).map_err(warn(WarningKind::NotAnArticle))?;
            let warnings = (page.decoding.into_iter().map(warn(WarningKind::Decoding)))
                .chain(page.markup.into_iter().map(warn(WarningKind::Markup)))
                .chain(page.given.problems.iter().cloned().map(warn(WarningKind::Metadata)))
                .collect();
            return Ok(Input { text: page.text, given: page.given, starts_with_title: page.starts_with_title, captions: page.captions, warnings });
        }
        let decoded = decode::decode(bytes).map_err(warn(WarningKind::NotAnArticle))?;
        let mut warnings: Vec<Warning> = decoded.notes.into_iter().map(warn(WarningKind::Decoding)).collect();
        // An editor's header is not article text: it is read, then removed.
        let (header, text) = metadata::split_header(&decoded.text);
        let given = header.unwrap_or_default();
        warnings.extend(given.problems.iter().cloned().map(warn(WarningKind::Header)));
        Ok(Input { text: text.to_string(), given, starts_with_title: false, captions: Vec::new(), warnings })
    }
}

/// Extracts one article, a text file or a saved page (by its name's
/// extension). Errors (as a [`Warning`]) only when the bytes cannot be an
/// article at all: empty, binary, or no article text in them.
pub fn extract_article(file_name: &str, bytes: &[u8]) -> Result<(Document, Vec<Warning>), Warning> {
    let warn = |kind| warning(file_name, kind);
    let input = Input::read(file_name, bytes)?;
    let mut warnings = input.warnings;
    if bytes.len() > LARGE_FILE {
        warnings.push(warn(WarningKind::Size)(format!(
            "very large file ({:.1} MB): {} KB of article text kept; check it is one article and not a site dump",
            bytes.len() as f64 / 1_048_576.0,
            input.text.len() / 1024
        )));
    }
    let mut cleaned = clean::clean(&input.text);
    warnings.extend(cleaned.notes.iter().cloned().map(warn(WarningKind::Size)));
    if cleaned.paragraphs.is_empty() {
        return Err(warn(WarningKind::NotAnArticle)(String::from("no article text left after removing boilerplate")));
    }
    mark_captions(&mut cleaned.paragraphs, &input.captions);
    let mut meta = metadata::detect(&input.text, &cleaned);
    if input.starts_with_title {
        // The file's own title line is the title, whatever its shape.
        meta.title_is_first_paragraph = cleaned.paragraphs.len() > 1 && input.given.title.as_ref().is_some_and(|t| cleaned.paragraphs[0].text == t.value);
    }
    let sources = input.given.apply(&mut meta);
    let body: Vec<&Paragraph> = cleaned
        .paragraphs
        .iter()
        .skip(usize::from(meta.title_is_first_paragraph))
        .collect();
    let date = input.given.date.clone().or_else(|| dates::document_date(&meta.date_lines, meta.url.as_deref(), body.iter().map(|p| p.text.as_str())));
    let context_date = date.as_ref().map(|d| d.date);
    // Every paragraph goes to the speaker stage, headings and captions too:
    // a caption often gives the full name the body then shortens.
    let analysed = attribution::attribute(&body, meta.lang);
    let (passages, captions) = body_passages(&body, analysed.passages, context_date);
    let doc = Document {
        file: file_name.to_string(),
        title: meta.title,
        outlet: meta.outlet,
        url: meta.url,
        author: input.given.author.map(|a| a.value),
        lang: meta.lang,
        date,
        sources,
        passages,
        captions,
        speakers: analysed.speakers,
    };
    Ok((doc, warnings))
}

/// A saved page says which of its blocks are captions (`<figcaption>`);
/// the cleaner, which may have cut a photo credit from one, keeps its start.
fn mark_captions(paragraphs: &mut [Paragraph], captions: &[String]) {
    for p in paragraphs.iter_mut().filter(|p| !p.text.is_empty()) {
        if captions.iter().any(|c| c.starts_with(p.text.as_str())) {
            p.kind = PassageKind::Caption;
        }
    }
}

/// Turns the analysed paragraphs into the passages readers search: the
/// body, each under the last sub-heading above it. Headings become those
/// section titles and captions are set aside (returned second), so page
/// furniture never outranks what was said; a paragraph repeating the lead
/// is left out once.
fn body_passages(
    paragraphs: &[&Paragraph],
    analysed: Vec<attribution::PassageResult>,
    context_date: Option<Date>,
) -> (Vec<Passage>, Vec<String>) {
    let repeat = clean::repeated_lead(paragraphs);
    let dropped = repeat.map(|r| r.dropped);
    let kept = |at: usize, p: &Paragraph| p.kind == PassageKind::Body && dropped != Some(at);
    // Continuations name the paragraph they continue; once headings,
    // captions and a repeated lead are gone, that is the passage it became,
    // or, for a dropped lead, the passage that repeats it.
    let mut passage_at: Vec<Option<u32>> = vec![None; paragraphs.len()];
    let mut next = 0u32;
    for (at, p) in paragraphs.iter().enumerate() {
        if kept(at, p) {
            passage_at[at] = Some(next);
            next = next.saturating_add(1);
        }
    }
    if let Some(r) = repeat {
        passage_at[r.dropped] = passage_at.get(r.kept).copied().flatten();
    }
    let mut section: Option<&str> = None;
    let mut passages = Vec::with_capacity(paragraphs.len());
    let mut captions = Vec::new();
    for (at, (p, a)) in paragraphs.iter().zip(analysed).enumerate() {
        match p.kind {
            PassageKind::Heading => section = Some(&p.text),
            PassageKind::Caption => captions.push(p.text.clone()),
            PassageKind::Body if dropped == Some(at) => {}
            PassageKind::Body => {
                let own = passage_at.get(at).copied().flatten();
                let mut statements = a.statements;
                // A continuation whose passage is gone, or that would now
                // point at itself, rests on nothing a reader can check.
                statements.retain_mut(|statement| match &mut statement.evidence {
                    Evidence::Continuation { passage } => match passage_at.get(*passage as usize).copied().flatten() {
                        Some(target) if Some(target) != own => {
                            *passage = target;
                            true
                        }
                        _ => false,
                    },
                    Evidence::Cue { .. } => true,
                });
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
    fn a_continuation_of_a_dropped_lead_points_at_its_repeat_never_at_itself() {
        let doc = article("Le traité en débat\n\n« Il faut agir ensemble et sans attendre », a déclaré Jean Dupont à la presse.\n\n« Et vite. »\n\nLe ministre a rappelé : « Il faut agir ensemble et sans attendre », a déclaré Jean Dupont à la presse.");
        for (at, passage) in doc.passages.iter().enumerate() {
            for statement in &passage.statements {
                if let Evidence::Continuation { passage: target } = statement.evidence {
                    assert_ne!(target as usize, at, "passage {at} continues itself");
                    assert!((target as usize) < doc.passages.len());
                }
            }
        }
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
