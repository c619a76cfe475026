//! How person names are written, and when two spellings are one name.
//!
//! The attribution stage finds names in running text and the identity
//! stage merges them across articles; both must agree on what a name word
//! is and on which words around a name are honorifics, so that knowledge is
//! here, once, below both.

use crate::lexicon::roles::is_role_word;
use crate::lexicon::words::{DETERMINERS, OPENERS, PREPOSITIONS, PRONOUNS};
use crate::text::fold::key;
use crate::text::tokens::{is_all_caps, is_capitalized};

/// Honorifics, folded ("M.", "Mme", "Dr", "Sir"…): written before a name,
/// they are never part of it, and a name's key leaves them out.
const HONORIFICS: &[&str] = &["m", "mme", "mlle", "mr", "mrs", "ms", "miss", "dr", "pr", "prof", "sir", "dame", "madame", "monsieur"];

/// Abbreviations that stand before a name as honorifics do ("Me" for
/// Maître, the letters of "S.E." and "H.E.", Son Excellence and His
/// Excellency), but that a name's key keeps: inside a name, a lone letter
/// is more likely an initial.
const ABBREVIATED_TITLES: &[&str] = &["me", "s", "e", "h"];

/// Whether a folded word is an honorific or an abbreviated title: read in
/// text, both end a sentence never ("M. Liukmanov") and open a name.
pub fn is_honorific(folded: &str) -> bool {
    HONORIFICS.contains(&folded) || ABBREVIATED_TITLES.contains(&folded)
}

/// A named speaker of one article.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    key: String,
    aliases: Vec<String>,
}

impl Person {
    pub fn new(name: &str) -> Person {
        Person { name: name.to_string(), key: name_key(name), aliases: Vec::new() }
    }

    /// Within one article: the same words, or a part of them.
    pub fn matches(&self, other_key: &str) -> bool {
        subset(other_key, &self.key) || subset(&self.key, other_key)
    }

    pub fn add_alias(&mut self, surface: &str) {
        let surface = surface.trim();
        if !surface.is_empty() && surface != self.name && !self.aliases.iter().any(|a| a == surface) {
            self.aliases.push(surface.to_string());
        }
    }

    pub fn aliases(&self) -> Vec<String> {
        self.aliases.clone()
    }
}

/// A name's words, folded, honorifics out, sorted so that word order does
/// not matter ("Nakamitsu Izumi" = "Izumi Nakamitsu").
pub fn name_key(name: &str) -> String {
    let mut words: Vec<String> = key(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !HONORIFICS.contains(w))
        .map(String::from)
        .collect();
    words.sort();
    words.dedup();
    words.join(" ")
}

/// Whether every word of the key `small` is a word of the key `big`.
pub fn subset(small: &str, big: &str) -> bool {
    let big: Vec<&str> = big.split(' ').collect();
    !small.is_empty() && small.split(' ').all(|w| big.contains(&w))
}

/// Capitalized words that are not names: institutions, places, calendar.
pub const NOT_NAMES: &[&str] = &[
    "digital", "development", "economy", "economic", "foreign", "interior", "justice", "defence", "defense", "home", "trade", "industry", "finance", "communications", "technology", "science", "education", "health", "culture", "transport", "energy", "environment", "labour", "labor", "agriculture", "innovation", "cybersecurity", "data", "internal", "external", "relations", "numerique", "economie", "interieur", "exterieur", "sante", "commerce", "industrie", "finances", "travail", "emploi", "recherche", "transports", "environnement", "energie", "technologie", "technologies", "publique", "public", "department", "directorate", "division", "unit", "statement", "communique",
    "conseil", "assemblee", "commission", "departement", "ministere", "ministry", "office", "agence", "agency", "centre", "center", "bureau", "mission", "chambre", "comite", "committee", "union", "organisation", "organization", "association", "convention", "sommet", "summit", "federation", "republique", "republic", "royaume", "kingdom", "etat", "etats", "state", "states", "gouvernement", "government", "parti", "party", "universite", "university", "institut", "institute", "forum", "conference", "session", "programme", "program", "fonds", "fund", "banque", "bank", "cour", "court", "tribunal", "police", "securite", "security", "affaires", "affairs", "nations", "unies", "united", "council", "nationale", "national", "politique", "secretariat", "direction", "service", "groupe", "group", "societe", "company", "ville", "city", "province", "region", "traite", "treaty", "accord", "agreement", "declaration", "charte", "charter", "internet", "covid", "asie", "asia", "europe", "afrique", "africa", "amerique", "america", "pacifique", "pacific", "sud", "nord", "est", "ouest", "south", "north", "east", "west", "ocean", "new", "york", "geneve", "geneva", "vienne", "assembly", "general", "generale", "information", "communication", "ia", "ai", "tic", "ict", "cyber", "hanoi", "photo", "source", "video", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "dieu", "god", "nous", "je", "on", "we", "i", "it", "this", "that", "ce", "cet", "cette", "ces", "c", "cela", "ceci", "selon", "according", "pour", "premierement", "deuxiemement", "enfin", "plus", "tout", "tous", "toutes", "chaque", "aucun", "si", "oui", "non",
];

/// A word that can be part of a person's name: capitalized, not an acronym,
/// and none of the words of grammar, office or institution that open
/// phrases in capitals.
pub fn is_name_word(w: &str) -> bool {
    if !is_capitalized(w) || is_all_caps(w) || w.chars().count() < 2 {
        return false;
    }
    let k = key(w);
    !NOT_NAMES.contains(&k.as_str())
        && !is_role_word(k.as_str())
        && !DETERMINERS.contains(&k.as_str())
        && !PRONOUNS.contains(&k.as_str())
        && !is_honorific(&k)
        && !OPENERS.contains(&k.as_str())
        && !PREPOSITIONS.contains(&k.as_str())
}

/// Inside a name, short capitalized words are parts of it ("Bui Hoai Son",
/// "Jean Le Drian"), whatever else they mean in running text.
pub fn is_name_continuation(w: &str) -> bool {
    let k = key(w);
    is_capitalized(w) && !is_all_caps(w) && w.chars().count() > 1 && !NOT_NAMES.contains(&k.as_str()) && !is_role_word(k.as_str())
}

/// An initial inside a name: "T." in "Mmamiloko T. Kubayi", "WH" or "W.H."
/// in "John WH Denton". Only ever taken between two name words.
pub fn is_initial(w: &str) -> bool {
    (1..=3).contains(&w.chars().count()) && w.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_order_case_accents_and_honorifics() {
        assert_eq!(name_key("Mme Ghada Waly"), name_key("ghada WALY"));
        assert_eq!(name_key("M.Liukmanov"), "liukmanov");
        assert_eq!(name_key("Nakamitsu Izumi"), name_key("Izumi Nakamitsu"));
        assert_eq!(name_key("Đặng Đình Quý"), name_key("Dang Dinh Quy"));
    }

    #[test]
    fn family_name_matches_full_name_in_an_article() {
        let p = Person::new("Artur Liukmanov");
        assert!(p.matches(&name_key("M. Liukmanov")));
        assert!(p.matches(&name_key("Artur Sergeyevich Liukmanov")));
        assert!(!p.matches(&name_key("Artur Petrov")));
    }
}
