//! Reporting cues: the verbs and markers that say someone speaks ("a
//! déclaré", "said", "Selon", "a-t-il affirmé"), and where in the sentence
//! each one leaves its speaker's noun phrase.
//!
//! Finding a cue needs only the verb lists and the bounds of clauses and
//! sentences; reading the phrase it points at is the next module's job.

use crate::attribution::gender::{pronoun_gender, Gender};
use crate::lexicon::reporting::{alternation, ADVERBS, EN_VERBS, FR_PARTICIPLES, FR_PRESENT, WE_VERBS};
use crate::lexicon::roles::is_role_word;
use crate::lexicon::words::DETERMINERS;
use crate::names::{is_honorific, NOT_NAMES};
use crate::text::fold::key;
use crate::text::patterns::fixed;
use crate::text::tokens::{is_capitalized, tokenize};
use regex::Regex;
use std::sync::OnceLock;

/// The cue patterns, compiled once from the lists above.
pub struct Patterns {
    compound: Regex,
    reflexive: Regex,
    present: Regex,
    pronoun_inverted: Regex,
    english: Regex,
    /// "We call on…", "Nous appelons…": a statement in its own words.
    first_person: Regex,
    source: Regex,
    pub summary: Regex,
    gerund: Regex,
}

/// The cue patterns, built on first use.
pub fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: String| fixed(&s);
        let (participles, present, english) = (alternation(FR_PARTICIPLES), alternation(FR_PRESENT), alternation(EN_VERBS));
        // The listed adverbs, and any French adverb in -ment ("a fermement
        // rappelé"), misspelt ones too.
        let adverbs = format!("{}|[a-z]{{3,}}ment", alternation(ADVERBS));
        Patterns {
            compound: re(format!(r"(?i)\b(?:a|ont|avait|avaient|aurait|auraient)\s+(?:(?:{adverbs})\s+){{0,2}}(?:{participles})(?:e|es|s|ee|ees)?\b")),
            reflexive: re(format!(r"(?i)\b(?:s'(?:est|etait)|se\s+sont|se\s+seraient|s'etaient)\s+(?:(?:{adverbs})\s+){{0,2}}(?:dit|declare|felicite|engage|exprime|prononce|montre|rejoui|inquiete|alarme)(?:e|es|s|ee|ees)?\b")),
            present: re(format!(r"(?i)\b(?:{present})\b")),
            pronoun_inverted: re(format!(r"(?i)\b(?:(?:a|ont|avait)-t-(il|elle|ils|elles)\s+(?:(?:{adverbs})\s+){{0,2}}(?:{participles})(?:e|es|s)?|(?:{present}|dit|poursuit|conclut|ajoute|precise|explique|note|souligne|insiste|estime)-(?:t-)?(il|elle|ils|elles))\b")),
            english: re(format!(r"(?i)\b(?:(?:has|have|had)\s+(?:also\s+)?)?(?:{english})\b")),
            first_person: re(format!(r"(?i)\b(we|nous)\s+(?:(?:also|aussi|egalement)\s+)?({})\b", alternation(WE_VERBS))),
            source: re(r"(?i)(?:^|[.;:!?]\s+|,\s+)(selon|d'apres|according to|pour|for|in the view of|in the words of)\s+".into()),
            summary: re(r"(?i)^\s*(c'est ce qu'|c'est ce que|tel est|telle est|ainsi s'est|that is what|this is what|so said)".into()),
            gerund: re(r"(?i)\ben\s+(?:rappelant|soulignant|affirmant|declarant|estimant|indiquant|expliquant|precisant|ajoutant|insistant|notant|assurant|appelant|jugeant|saluant)\b|,\s*(?:noting|adding|saying|stressing|arguing|warning|insisting|explaining|recalling|calling)\b".into()),
        }
    })
}

/// Where the speaker's noun phrase is, relative to a reporting verb.
#[derive(Debug, Clone)]
pub enum Candidate {
    /// Text before the verb, from the clause start.
    Before { start: usize, end: usize },
    /// Text after the verb, to the end of the sentence.
    After { start: usize },
    /// An inverted pronoun ("a-t-il affirmé"), with the pronoun's span.
    Pronoun(Option<Gender>, (usize, usize)),
    /// A gerund ("en rappelant que", ", noting that"): the subject of the
    /// clause, read from its start.
    Lead { start: usize, end: usize },
    /// "Selon X": the phrase after the preposition.
    Source { start: usize },
    /// "We call on…": the group the statement speaks for. Tried only after
    /// every other cue, since a quoted "we" is usually attributed by one
    /// ("\"We remain concerned,\" said X").
    FirstPerson { start: usize, end: usize },
}

impl Candidate {
    /// Whether the cue is read only when no other cue of the passage names
    /// anyone.
    pub fn is_fallback(&self) -> bool {
        matches!(self, Candidate::FirstPerson { .. })
    }
}

/// Every reporting cue of a passage (its span) with where its speaker is.
pub fn candidates(t: &str) -> Vec<((usize, usize), Candidate)> {
    let p = patterns();
    let mut out = Vec::new();
    // Every inverted pronoun takes its words, a plural one too (no speaker).
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for c in p.pronoun_inverted.captures_iter(t) {
        let Some(m) = c.get(0) else { continue };
        taken.push((m.start(), m.end()));
        let Some(pronoun) = c.get(1).or_else(|| c.get(2)) else { continue };
        if let Some(g) = pronoun_gender(pronoun.as_str()) {
            out.push(((m.start(), m.end()), Candidate::Pronoun(g, (pronoun.start(), pronoun.end()))));
        }
    }
    for re in [&p.compound, &p.reflexive, &p.english, &p.present] {
        for m in re.find_iter(t) {
            let overlaps = taken.iter().any(|&(s, e)| m.start() < e && m.end() > s);
            if overlaps || t[m.end()..].starts_with('-') {
                continue;
            }
            taken.push((m.start(), m.end()));
            let start = clause_start(t, m.start());
            let before = t[start..m.start()].trim_end();
            let after = t[m.end()..].trim_start();
            let lower = before.to_lowercase();
            let opens_np = starts_noun_phrase(after);
            let strong = before.is_empty() || before.ends_with(['»', '"', '\'']) || lower.ends_with(" que") || lower == "que";
            if strong && opens_np {
                out.push(((m.start(), m.end()), Candidate::After { start: m.end() }));
                continue;
            }
            out.push(((m.start(), m.end()), Candidate::Before { start, end: m.start() }));
            // "…, a déclaré l'Ambassadeur." — the subject follows the verb
            // when the noun phrase after it closes the sentence; the clause
            // before is tried first, as it may hold the real subject.
            if before.ends_with(',') && opens_np && closes_sentence(t, m.end()) {
                out.push(((m.start(), m.end()), Candidate::After { start: m.end() }));
            }
        }
    }
    for c in p.first_person.captures_iter(t) {
        let (Some(pronoun), Some(verb)) = (c.get(1), c.get(2)) else { continue };
        if taken.iter().any(|&(s, e)| verb.start() < e && verb.end() > s) {
            continue;
        }
        taken.push((verb.start(), verb.end()));
        out.push(((verb.start(), verb.end()), Candidate::FirstPerson { start: pronoun.start(), end: pronoun.end() }));
    }
    for m in p.gerund.find_iter(t) {
        let start = clause_start(t, m.start());
        out.push(((m.start(), m.end()), Candidate::Lead { start, end: m.start() }));
    }
    for c in p.source.captures_iter(t) {
        if let (Some(whole), Some(word)) = (c.get(0), c.get(1)) {
            let is_pour = matches!(word.as_str().to_lowercase().as_str(), "pour" | "for");
            // "Pour X," gives a view only at the opening of a passage.
            if is_pour && word.start() > 0 {
                continue;
            }
            out.push(((word.start(), word.end()), Candidate::Source { start: whole.end() }));
        }
    }
    out
}

/// Whether the cue at `later` sits in the clause reported by the cue at
/// `earlier`: same sentence, after a "que" or "that" that follows it, with no
/// contrast ("tandis que", "while") opening a new speaker's clause between.
pub fn is_reported_inside(t: &str, earlier: (usize, usize), later: (usize, usize)) -> bool {
    if later.0 <= earlier.1 || sentence_start(t, later.0) > earlier.0 {
        return false;
    }
    let between = t[earlier.1..later.0].to_ascii_lowercase();
    let reports = [" que ", " qu'", " that "].iter().any(|w| between.contains(w)) || between.starts_with("que ") || between.starts_with("that ");
    let contrast = ["tandis que", "alors que", "while ", "whereas", "but ", "mais "].iter().any(|w| between.contains(w));
    reports && !contrast
}

/// Start of the clause holding `pos`: the sentence start, or just after a
/// quotation mark, semicolon, colon or "que".
fn clause_start(t: &str, pos: usize) -> usize {
    let head = &t[..pos];
    let mut start = sentence_start(t, pos);
    for (i, c) in head.char_indices().rev() {
        if i < start {
            break;
        }
        if matches!(c, '«' | '»' | '"' | ';' | ':') {
            start = i + c.len_utf8();
            break;
        }
    }
    // ASCII lowering keeps byte offsets, which index the text below.
    let lower = head.to_ascii_lowercase();
    for pat in [" que ", " qu'", " that "] {
        // "X, ainsi que des experts, ont dit": a coordination, not a clause.
        let complementizer = lower.match_indices(pat).map(|(i, _)| i).filter(|&i| !lower[..i].ends_with("ainsi") && !lower[..i].ends_with("meme")).last();
        if let Some(i) = complementizer {
            if i + pat.len() > start && i + pat.len() <= head.len() {
                start = i + pat.len();
            }
        }
    }
    start
}

/// Sentence start before `pos`, not fooled by "M. Liukmanov" or initials.
fn sentence_start(t: &str, pos: usize) -> usize {
    let bytes = t.as_bytes();
    let mut i = pos;
    while i > 0 {
        i -= 1;
        if matches!(bytes[i], b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' ') {
            let word = last_word(&t[..i]).to_lowercase();
            let abbreviation = is_honorific(&word) || word.chars().count() == 1;
            if !abbreviation {
                return i + 2;
            }
        }
    }
    0
}

/// End of the sentence from `from`, not fooled by "M. Liukmanov" or initials.
pub fn sentence_end(t: &str, from: usize) -> usize {
    let mut i = from;
    while let Some(rel) = t[i..].find(['.', '!', '?', ';', '«', '"', '\n']) {
        let at = i + rel;
        let c = t[at..].chars().next().unwrap_or('.');
        if c == '.' {
            let word = last_word(&t[..at]).to_lowercase();
            if is_honorific(&word) || word.chars().count() == 1 {
                i = at + 1;
                continue;
            }
        }
        return at;
    }
    t.len()
}

/// Whether the phrase after `from` ends at a comma or the sentence's end
/// within a few words, as a subject after its verb does.
fn closes_sentence(t: &str, from: usize) -> bool {
    let end = sentence_end(t, from);
    let phrase = &t[from..end];
    let head = phrase.split(',').next().unwrap_or(phrase);
    tokenize(head).len() <= 12
}

/// The word a text ends with ("M" in "… M").
fn last_word(s: &str) -> &str {
    let start = s.char_indices().rev().find(|(_, c)| !c.is_alphanumeric()).map_or(0, |(k, c)| k + c.len_utf8());
    &s[start..]
}

/// Whether a text opens on what can be a speaker: an honorific, an article
/// before a role or a name, a name or a role word.
fn starts_noun_phrase(s: &str) -> bool {
    let toks = tokenize(s);
    let Some(first) = toks.first() else { return false };
    let w = first.text(s);
    let lw = key(w);
    if is_honorific(&lw) && lw.len() > 1 {
        return true;
    }
    if DETERMINERS.contains(&lw.as_str()) {
        return toks.get(1).is_some_and(|t| {
            let n = key(t.text(s));
            is_role_word(n.as_str()) || is_capitalized(t.text(s))
        });
    }
    is_capitalized(w) && !NOT_NAMES.contains(&lw.as_str()) || is_role_word(lw.as_str())
}
