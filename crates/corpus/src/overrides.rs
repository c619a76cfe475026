//! Editors' corrections, from an optional `corpus.toml` beside the articles.
//!
//! Extraction must stand on its own, but an editor who knows better can fix
//! a date, merge two spellings of a speaker, or set a speaker's country and
//! role. A malformed file stops the build with the file and line, since a
//! silently ignored correction would be worse than none; a correction that
//! matches nothing is only a warning, as articles come and go.

use crate::identity::{merge_into, remove_orphans};
use crate::lexicon::gazetteer::lookup_entity;
use crate::model::{Corpus, Correction, CorpusError, DatedEvidence, Precision, Source, Speaker, Warning, WarningKind};
use crate::names::name_key;
use crate::stages::dates;
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    #[serde(skip)]
    file: String,
    #[serde(default)]
    date: Vec<DateFix>,
    #[serde(default)]
    alias: Vec<AliasFix>,
    #[serde(default)]
    speaker: Vec<SpeakerFix>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DateFix {
    file: String,
    date: String,
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFix {
    name: String,
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeakerFix {
    name: String,
    country: Option<String>,
    role: Option<String>,
}

/// Reads `path` if it exists.
pub fn load(path: &Path) -> Result<Option<Overrides>, CorpusError> {
    let file = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(CorpusError { file, line: None, message: format!("cannot read: {e}") }),
    };
    parse(&file, &text).map(Some)
}

fn parse(file: &str, text: &str) -> Result<Overrides, CorpusError> {
    let mut o: Overrides = toml::from_str(text).map_err(|e| CorpusError {
        file: file.to_string(),
        line: e.span().map(|s| line_of(text, s.start)),
        message: e.message().to_string(),
    })?;
    o.file = file.to_string();
    let bad = |value: &str, message: String| CorpusError {
        file: file.to_string(),
        line: text.find(value).map(|i| line_of(text, i)),
        message,
    };
    for d in &o.date {
        if dates::parse_iso_date(&d.date).is_none() {
            return Err(bad(&d.date, format!("date \"{}\" is not YYYY, YYYY-MM or YYYY-MM-DD", d.date)));
        }
    }
    for s in &o.speaker {
        if let Some(c) = &s.country {
            if lookup_entity(c).is_none() {
                return Err(bad(c, format!("unknown country or body \"{c}\" (use a code such as RUS or a name such as Russie)")));
            }
        }
    }
    Ok(o)
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

impl Overrides {
    /// Applies the corrections: what took effect and what matched nothing.
    pub fn apply(&self, corpus: &mut Corpus) -> Applied {
        let mut warnings = Vec::new();
        let mut corrections = Vec::new();
        let mut warn = |message: String| warnings.push(Warning { file: self.file.clone(), kind: WarningKind::Override, message });
        let mut applied = |target: &str, change: String| corrections.push(Correction { file: self.file.clone(), target: target.to_string(), change });
        for fix in &self.date {
            let Some(date) = dates::parse_iso_date(&fix.date) else { continue };
            match corpus.documents.iter_mut().find(|d| d.file == fix.file) {
                Some(doc) => {
                    let note = fix.note.clone().unwrap_or_else(|| String::from("set by the editors"));
                    doc.date = Some(DatedEvidence { date, precision: Precision::of(date), source: Source::Override, evidence: format!("corpus.toml: {note}") });
                    for p in &mut doc.passages {
                        p.dates = dates::passage_dates(&p.text, Some(date));
                    }
                    applied(&fix.file, format!("date set to {date}"));
                }
                None => warn(format!("date override for \"{}\": no such document", fix.file)),
            }
        }
        for fix in &self.alias {
            let Some(target) = find_speaker(corpus, &fix.name) else {
                warn(format!("alias override: no speaker named \"{}\"", fix.name));
                continue;
            };
            applied(&fix.name, format!("spellings merged: {}", fix.aliases.join(", ")));
            for alias in &fix.aliases {
                let k = name_key(alias);
                let others: Vec<usize> = (0..corpus.speakers.len()).filter(|&i| i != target && named(&corpus.speakers[i], &k)).collect();
                for other in others {
                    merge_into(corpus, other, target);
                }
                let s = &mut corpus.speakers[target];
                if !s.aliases.contains(alias) && s.name.as_deref() != Some(alias.as_str()) {
                    s.aliases.push(alias.clone());
                }
            }
        }
        for fix in &self.speaker {
            let Some(i) = find_speaker(corpus, &fix.name) else {
                warn(format!("speaker override: no speaker named \"{}\"", fix.name));
                continue;
            };
            let s = &mut corpus.speakers[i];
            if let Some(c) = fix.country.as_deref().and_then(lookup_entity) {
                s.entity = Some(c);
            }
            if let Some(r) = &fix.role {
                s.role = Some(r.clone());
            }
            let changes: Vec<String> = [fix.country.as_ref().map(|c| format!("country {c}")), fix.role.as_ref().map(|r| format!("role {r}"))].into_iter().flatten().collect();
            applied(&fix.name, format!("set {}", changes.join(", ")));
        }
        remove_orphans(corpus);
        Applied { warnings, corrections }
    }
}

/// What applying `corpus.toml` did.
pub struct Applied {
    pub warnings: Vec<Warning>,
    pub corrections: Vec<Correction>,
}

/// A speaker by canonical name or any alias, compared without accents, case
/// or honorifics. Merged-away records have no name and never match.
fn find_speaker(corpus: &Corpus, name: &str) -> Option<usize> {
    let k = name_key(name);
    corpus.speakers.iter().position(|s| named(s, &k))
}

fn named(s: &Speaker, k: &str) -> bool {
    s.name.as_deref().is_some_and(|n| name_key(n) == k) || (s.name.is_some() && s.aliases.iter().any(|a| name_key(a) == k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_file_names_file_and_line() {
        let e = parse("seeds/corpus.toml", "[[date]]\nfile = \"a.txt\"\ndate = 2024-13\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().starts_with("seeds/corpus.toml:3:"));
        let e = parse("c.toml", "[[date]]\nfile = \"a.txt\"\ndate = \"2024-13-01\"\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = parse("c.toml", "[[speaker]]\nname = \"X\"\ncountry = \"Atlantis\"\n").unwrap_err();
        assert!(e.message.contains("Atlantis"));
        let e = parse("c.toml", "[[speakers]]\nname = \"X\"\n").unwrap_err();
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn an_impossible_date_stops_the_build() {
        let e = parse("c.toml", "[[date]]\nfile = \"a.txt\"\ndate = \"2025-02-31\"\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(parse("c.toml", "[[date]]\nfile = \"a.txt\"\ndate = \"2024-08\"\n").is_ok());
    }
}
