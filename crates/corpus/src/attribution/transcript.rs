//! Transcripts: the speaker labels that open their paragraphs ("MODERATOR:",
//! "Q:", "R :") and the dashes of an interview's turns, which name the
//! speaker without any reporting verb.

use crate::attribution::phrases::{read_np, Ctx, Who};
use crate::lexicon::gazetteer::gazetteer;
use crate::text::fold::{key, Folded};
use crate::text::tokens::{capitalize_first, is_all_caps, tokenize};

/// The speaker label that opens a transcript's paragraph.
#[derive(Debug, PartialEq)]
pub enum Label {
    /// "Q:", "Question :": the interviewer, who is not a speaker here.
    Question,
    /// "A:", "R :", "Réponse :": the person interviewed.
    Answer,
    /// "MODERATOR:", "AMBASSADOR JANE DOE:", in capitals.
    Speaker(String),
}

/// A transcript label: at most six words before a colon at the start of a
/// paragraph, either a question or answer marker or written in capitals.
pub fn transcript_label(text: &str) -> Option<(Label, (usize, usize))> {
    let lead = text.len() - text.trim_start().len();
    let text = text.trim_start();
    let colon = text.find(':')?;
    let label = text[..colon].trim();
    let span = (lead, lead + label.len());
    let words = tokenize(label);
    if words.is_empty() || words.len() > 6 || !label.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'')) {
        return None;
    }
    let kind = match key(label).as_str() {
        "q" | "question" => Label::Question,
        "a" | "r" | "reponse" | "answer" => Label::Answer,
        _ if label.chars().count() > 1 && is_all_caps(label) => Label::Speaker(label.to_string()),
        _ => return None,
    };
    Some((kind, span))
}

/// A turn of an interview opened by a dash, as French interviews print
/// them ("— Pourquoi signer ?", "– Parce que…"; dashes come folded to
/// "-"): a turn that ends with a question mark is the interviewer's, the
/// others are answers. A dash also opens list items, so the caller takes a
/// dash for an answer only in an article that has printed a dash question.
pub fn dash_turn(text: &str) -> Option<(Label, (usize, usize))> {
    let lead = text.len() - text.trim_start().len();
    let rest = text.get(lead..)?.strip_prefix('-')?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let kind = if text.trim_end().ends_with('?') { Label::Question } else { Label::Answer };
    Some((kind, (lead, lead + 1)))
}

/// Reads a label in capitals as a noun phrase, written as in running text
/// ("AMBASSADOR JANE DOE" as "Ambassador Jane Doe").
pub fn read_label(label: &str, known: &[String]) -> Option<Who> {
    let words: Vec<String> = label.split(' ').filter(|w| !w.is_empty()).map(|w| {
        let lower = w.to_lowercase();
        capitalize_first(&lower)
    }).collect();
    let text = words.join(" ");
    let f = Folded::new(&text);
    let toks = tokenize(&f.text);
    let hits = gazetteer().find(&f.text, &toks);
    let cx = Ctx { f: &f, toks: &toks, hits: &hits, known };
    read_np(&cx, (0, f.text.len()), &[]).map(|m| m.who)
}
