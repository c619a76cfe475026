//! Officials' roles: the words that make one ("ministre", "spokesperson"),
//! how a role is keyed to be met again, how it is shown, and the collective
//! nouns a group of speakers goes by.
//!
//! The word lists are data (`data/roles*.txt`, `data/collectives.txt`) so
//! that editors extend them; the attribution stage reads roles in phrases
//! and the identity stage merges unnamed officials by role, both with the
//! keys made here.

use crate::lexicon::lists::{entries, rows};
use crate::model::Speaker;
use crate::lexicon::words::{COMPLEMENT_OPENERS, DETERMINERS, PREPOSITIONS, QUANTIFIERS};
use crate::text::fold::key;
use crate::text::tokens::{capitalize_first, is_capitalized};
use search::Lang;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ROLES: &str = include_str!("data/roles.txt");

/// The role words of `data/roles.txt`, folded, each with the spelling
/// to show ("president" → "président").
fn role_words() -> &'static HashMap<String, String> {
    static R: OnceLock<HashMap<String, String>> = OnceLock::new();
    R.get_or_init(|| entries(ROLES).map(|l| (key(l), l.to_string())).collect())
}

/// Whether a folded word names a spokesperson (English; French writes
/// "porte-parole", two words once folded).
pub fn is_spokesperson_word(folded: &str) -> bool {
    matches!(folded, "spokesperson" | "spokesman" | "spokeswoman" | "spokespeople")
}

/// Whether a role is a spokesperson's: they speak for the person or body
/// they name.
pub fn is_spokesperson_role(role: &str) -> bool {
    let k = key(role);
    k.contains("porte-parole") || k.contains("porte parole") || k.split(|c: char| !c.is_alphanumeric()).any(is_spokesperson_word)
}

/// Whether a folded word opens or heads an official's role.
pub fn is_role_word(folded: &str) -> bool {
    role_words().contains_key(folded)
}

/// Whether a role is only a title or rank ("Professeur", "lieutenant-général",
/// "général de division"): the office in an apposition says more.
pub fn only_titles(role: &str) -> bool {
    role.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| {
        matches!(
            key(w).as_str(),
            "professeur" | "docteur" | "associe" | "professor" | "dr" | "pr" | "general" | "generale" | "lieutenant" | "colonel" | "commandant" | "major" | "division" | "de" | "brigade" | "amiral" | "admiral" | "excellence" | "excellency" | "son" | "his" | "her" | "h" | "e"
        )
    })
}

/// A role's head, for matching later mentions: words before the first
/// complement, accents off, feminine and plural endings off.
pub fn role_head(role: &str) -> String {
    key(role)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take_while(|w| !COMPLEMENT_OPENERS.contains(w))
        .filter(|w| !DETERMINERS.contains(w))
        .map(normalize_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The office words a role opens with, accents and endings off: "ministre"
/// for "le ministre de la Culture par intérim", "vice ministr" for
/// "vice-ministre de la Défense".
pub fn role_core(role: &str) -> String {
    key(role)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !DETERMINERS.contains(w))
        .take_while(|w| is_role_word(w))
        .map(normalize_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A role word without its plural and feminine endings ("ministres",
/// "directrice" → "ministr", "directeur"), so that agreement never stops two
/// mentions of one office from meeting.
pub fn normalize_word(w: &str) -> String {
    let w = w.strip_suffix('s').unwrap_or(w);
    let w = if let Some(stem) = w.strip_suffix("rice") { format!("{stem}eur") } else { w.to_string() };
    w.strip_suffix('e').map(String::from).unwrap_or(w)
}

/// A role as readers expect it: in a French article written without
/// accents, each role word takes its spelling from `data/roles.txt`
/// ("vice-president" → "vice-président"). English roles are left alone.
pub fn readable_role(role: &str, lang: Lang) -> String {
    if lang != Lang::Fr {
        return role.to_string();
    }
    let mut out = String::with_capacity(role.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        // A plural takes its singular's spelling: "representants" → "représentants".
        let folded = key(word);
        let singular = folded.strip_suffix('s').map(|w| (w.to_string(), "s"));
        let spelled = role_words()
            .get(&folded)
            .cloned()
            .or_else(|| singular.and_then(|(w, s)| role_words().get(&w).map(|x| format!("{x}{s}"))))
            .filter(|s| !s.is_ascii() && word.is_ascii());
        let spelled = spelled.as_deref();
        match spelled {
            // Keep the text's capital: "President" → "Président".
            Some(s) if is_capitalized(word) => out.push_str(&capitalize_first(s)),
            Some(s) => out.push_str(s),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in role.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

const COLLECTIVES: &str = include_str!("data/collectives.txt");

/// The collective nouns of `data/collectives.txt`, as word lists.
pub fn collective_nouns() -> &'static [Vec<String>] {
    static C: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    C.get_or_init(|| {
        entries(COLLECTIVES).map(|l| key(l).split_whitespace().map(String::from).collect()).collect()
    })
}

const GENERIC_ROLES: &str = include_str!("data/roles-generic.txt");
const NATIONAL_ROLES: &str = include_str!("data/roles-national.txt");
const MEETING_ROLES: &str = include_str!("data/roles-meeting.txt");

/// Whether a role's head is too vague to pick out one person
/// (`data/roles-generic.txt`).
pub fn is_generic_role(head: &str) -> bool {
    static G: OnceLock<HashSet<String>> = OnceLock::new();
    G.get_or_init(|| entries(GENERIC_ROLES).map(normalize_word).collect()).contains(head)
}

/// Whether a role is an office of a national government or parliament: one
/// of its words is in `data/roles-national.txt`.
pub fn is_national_role(role: &str) -> bool {
    static N: OnceLock<HashSet<String>> = OnceLock::new();
    let words = N.get_or_init(|| entries(NATIONAL_ROLES).map(key).collect());
    key(role).split(|c: char| !c.is_alphanumeric()).any(|w| words.contains(w))
}

/// Whether a role's head is an office of a meeting (`data/roles-meeting.txt`).
pub fn is_meeting_role(head: &str) -> bool {
    static M: OnceLock<HashSet<String>> = OnceLock::new();
    M.get_or_init(|| entries(MEETING_ROLES).map(String::from).collect()).contains(head)
}

const ROLES_EN: &str = include_str!("data/roles-en.tsv");
const COLLECTIVES_EN: &str = include_str!("data/collectives-en.tsv");

/// A French → English table (`data/*-en.tsv`), keyed as [`key`] folds the French.
fn english_table(tsv: &'static str) -> HashMap<String, &'static str> {
    rows(tsv).filter_map(|row| row.split_once('\t')).map(|(fr, en)| (key(fr.trim()), en.trim())).collect()
}

/// Most words of one entry of `data/collectives-en.tsv`.
const LONGEST_COLLECTIVE_ENTRY: usize = 3;

/// The English of a collective's label ("Représentants de plusieurs pays"
/// is "Representatives of several countries"), read word by word from
/// `data/collectives-en.tsv`: `None` when a word is not there, so that no
/// label mixes two languages.
pub fn english_collective(label: &str) -> Option<String> {
    static T: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let table = T.get_or_init(|| english_table(COLLECTIVES_EN));
    let words: Vec<String> = key(label).split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’')).filter(|w| !w.is_empty()).map(String::from).collect();
    // "Des experts": the partitive article that opens a French plural has no English.
    let start = usize::from(words.first().is_some_and(|w| matches!(w.as_str(), "des" | "de" | "d")) && words.len() > 1);
    let mut english: Vec<&str> = Vec::new();
    let mut at = start;
    while at < words.len() {
        let (len, en) = (1..=LONGEST_COLLECTIVE_ENTRY.min(words.len() - at))
            .rev()
            .find_map(|len| table.get(&words[at..at + len].join(" ")).map(|en| (len, *en)))?;
        english.push(en);
        at += len;
    }
    // A group is named by a noun: a label of articles and quantifiers alone names none.
    let function_word = |w: &String| [DETERMINERS, QUANTIFIERS, PREPOSITIONS].iter().any(|list| list.contains(&w.as_str()));
    let named = words.iter().skip(start).any(|w| !function_word(w));
    named.then(|| capitalize_first(&english.join(" ")))
}

/// The English of a French role (`data/roles-en.tsv`): an unnamed
/// speaker's label, and a person's role in the English interface. Looked
/// up whole: `None` when the table does not know it, so that no label mixes
/// two languages.
pub fn english_role(role: &str) -> Option<&'static str> {
    static T: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let table = T.get_or_init(|| english_table(ROLES_EN));
    let k = key(role.trim());
    let without_article = ["le ", "la ", "l'"].iter().find_map(|article| k.strip_prefix(article)).unwrap_or(&k);
    table.get(without_article.trim()).copied()
}

/// A speaker's display name in English, when it is not a person's: the
/// role in English with the country ("Deputy Prime Minister (Poland)"), or
/// the body's or country's English name; `None` for a person, or for a role
/// `data/roles-en.tsv` does not know.
pub fn english_label(speaker: &Speaker) -> Option<String> {
    if speaker.name.is_some() {
        return None;
    }
    let entity = speaker.entity.as_ref().map(|e| e.name_en.as_str());
    match (&speaker.role, entity) {
        (Some(role), Some(e)) => english_role(role).map(|role| format!("{role} ({e})")),
        (Some(role), None) => english_role(role).map(String::from).or_else(|| english_collective(role)),
        (None, Some(e)) => Some(e.to_string()),
        (None, None) => None,
    }
}
