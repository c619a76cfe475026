//! Countries and international bodies, in French and English.
//!
//! Officials are introduced by a country name ("la Russie"), an adjective in
//! any gender and number ("ouzbèkes", "Polish"), a capital used as metonymy
//! ("Moscou et Hanoï") or a body's acronym ("ONUDC"). The data lives in
//! `data/states.tsv` and `data/bodies.tsv` so editors can extend it without
//! touching code; French adjective inflections are generated from the
//! masculine singular.

use crate::lexicon::lists::rows;
use crate::model::{Entity, EntityKind};
use crate::text::fold::key;
use crate::text::tokens::{is_all_caps, is_capitalized, joined, Token};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const STATES: &str = include_str!("data/states.tsv");
const BODIES: &str = include_str!("data/bodies.tsv");

/// How an entity was named; capitals count for a document's home country
/// but are not reported as mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    Adjective,
    Capital,
}

/// How a form must be written in the text to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Acronyms: exactly as listed, so "UN" is not the French "un".
    Exact,
    /// Proper names: any accents, first letter upper case ("Grenade", not
    /// "grenade").
    Capitalized,
    /// French adjectives are lower case but may open a sentence.
    Any,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    entity: usize,
    form: Form,
    case: Case,
}

/// One match of the gazetteer in a text, as a range of token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entity: usize,
    pub form: Form,
    pub first: usize,
    pub last: usize,
}

pub struct Gazetteer {
    entities: Vec<Entity>,
    /// For each entity, the entity its officials speak for: an organ's own
    /// index, or its parent's ("the President of the General Assembly"
    /// speaks for the UN). Filled from the bodies table's last column.
    speaks_for: Vec<usize>,
    forms: HashMap<String, Vec<Entry>>,
    /// Every proper prefix of a form, in words, so that a scan stops as soon
    /// as no longer form can match.
    prefixes: HashSet<String>,
    /// First words of the forms that may be written in lower case (French
    /// adjectives): any other lower-case word starts nothing.
    lower_firsts: HashSet<String>,
    longest: usize,
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

/// Finds an entity by code ("RUS"), or by any of its names ("Russie").
pub fn lookup_entity(name_or_code: &str) -> Option<Entity> {
    let g = gazetteer();
    let wanted = name_or_code.trim();
    if let Some(e) = g.entities.iter().find(|e| e.code.eq_ignore_ascii_case(wanted)) {
        return Some(e.clone());
    }
    let exact: Vec<&str> = wanted.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    g.forms
        .get(&exact.join(" "))
        .or_else(|| g.forms.get(&words_key(wanted)))?
        .iter()
        .find(|e| e.form == Form::Name)
        .map(|e| g.entities[e.entity].clone())
}

/// Every country and body of the gazetteer with all its names: French and
/// English names, code, then the other names of its row (folded, sorted;
/// not its adjectives or capitals), for search equivalences.
pub fn entity_names() -> Vec<(Entity, Vec<String>)> {
    let g = gazetteer();
    let mut others: Vec<Vec<&str>> = vec![Vec::new(); g.entities.len()];
    for (form, entries) in &g.forms {
        for entry in entries.iter().filter(|e| e.form == Form::Name) {
            if let Some(list) = others.get_mut(entry.entity) {
                list.push(form);
            }
        }
    }
    g.entities
        .iter()
        .zip(others)
        .map(|(e, mut other)| {
            other.sort_unstable();
            let mut names = vec![e.name_fr.clone(), e.name_en.clone(), e.code.clone()];
            names.extend(other.into_iter().map(String::from));
            (e.clone(), names)
        })
        .collect()
}

fn words_key(s: &str) -> String {
    key(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer { entities: Vec::new(), speaks_for: Vec::new(), forms: HashMap::new(), prefixes: HashSet::new(), lower_firsts: HashSet::new(), longest: 1 };
        let mut parents = g.load_table(STATES, EntityKind::Country);
        parents.extend(g.load_table(BODIES, EntityKind::Organization));
        g.link_parents(&parents);
        g
    }

    /// Points each organ at the body it speaks for, once every entity is
    /// known; an unknown code leaves the organ speaking for itself.
    fn link_parents(&mut self, parents: &[(usize, String)]) {
        for (organ, code) in parents {
            if let Some(parent) = self.entities.iter().position(|e| e.code == *code) {
                self.speaks_for[*organ] = parent;
            }
        }
    }

    /// Adds a table's entities and their forms; returns the "speaks for"
    /// codes of its last column, to link once every table is read.
    fn load_table(&mut self, table: &str, kind: EntityKind) -> Vec<(usize, String)> {
        let mut parents = Vec::new();
        for line in rows(table) {
            let cols: Vec<&str> = line.split('\t').collect();
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            let idx = self.entities.len();
            self.speaks_for.push(idx);
            if !col(7).trim().is_empty() {
                parents.push((idx, col(7).trim().to_string()));
            }
            self.entities.push(Entity {
                code: col(0).to_string(),
                kind,
                name_fr: col(1).to_string(),
                name_en: col(2).to_string(),
            });
            let split = |s: &str| -> Vec<String> {
                s.split('|').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
            };
            let mut names = vec![col(1).to_string(), col(2).to_string()];
            names.extend(split(col(3)));
            for name in names {
                let case = if is_all_caps(&name) { Case::Exact } else { Case::Capitalized };
                self.add(&name, Entry { entity: idx, form: Form::Name, case });
            }
            for adj in split(col(4)) {
                for form in french_inflections(&adj) {
                    self.add(&form, Entry { entity: idx, form: Form::Adjective, case: Case::Any });
                }
            }
            for adj in split(col(5)) {
                self.add(&adj, Entry { entity: idx, form: Form::Adjective, case: Case::Capitalized });
            }
            for capital in split(col(6)) {
                self.add(&capital, Entry { entity: idx, form: Form::Capital, case: Case::Capitalized });
            }
        }
        parents
    }

    fn add(&mut self, form: &str, entry: Entry) {
        let k = if entry.case == Case::Exact {
            form.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
        } else {
            words_key(form)
        };
        if k.is_empty() {
            return;
        }
        let words: Vec<&str> = k.split(' ').collect();
        self.longest = self.longest.max(words.len());
        if entry.case == Case::Any {
            self.lower_firsts.insert(words[0].to_string());
        }
        for n in 1..words.len() {
            self.prefixes.insert(words[..n].join(" "));
        }
        let entries = self.forms.entry(k).or_default();
        if !entries.iter().any(|e| e.entity == entry.entity && e.form == entry.form && e.case == entry.case) {
            entries.push(entry);
        }
    }

    pub fn entity(&self, idx: usize) -> &Entity {
        &self.entities[idx]
    }

    /// The entity an official of `idx` represents: its parent body for an
    /// organ, itself otherwise.
    pub fn speaks_for(&self, idx: usize) -> usize {
        self.speaks_for.get(idx).copied().unwrap_or(idx)
    }

    /// Longest non-overlapping matches, left to right.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(text, tokens, i) {
                Some(hit) => {
                    i = hit.last + 1;
                    hits.push(hit);
                }
                None => i += 1,
            }
        }
        hits
    }

    fn longest_at(&self, text: &str, tokens: &[Token], i: usize) -> Option<Hit> {
        let first = tokens.get(i)?.text(text);
        if !first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) && !self.lower_firsts.contains(first) {
            return None;
        }
        let mut best = None;
        let mut exact = String::new();
        let mut lower = String::new();
        for len in 1..=self.longest {
            let Some(tok) = tokens.get(i + len - 1) else { break };
            if len > 1 {
                if !joined(text, &tokens[i + len - 2], tok) {
                    break;
                }
                exact.push(' ');
                lower.push(' ');
            }
            let word = tok.text(text);
            exact.push_str(word);
            lower.push_str(&word.to_lowercase());
            let candidates = self.forms.get(&exact).into_iter().chain(self.forms.get(&lower)).flatten();
            for entry in candidates {
                let ok = match entry.case {
                    Case::Exact | Case::Any => true,
                    Case::Capitalized => is_capitalized(first),
                };
                let first_name = entry.form != Form::Adjective && entry.case != Case::Exact && len == 1 && looks_like_first_name(text, tokens, i);
                let surname = entry.form == Form::Capital && len == 1 && looks_like_surname(text, tokens, i);
                let first_name = first_name || surname;
                if ok && !first_name {
                    best = Some(Hit { entity: entry.entity, form: entry.form, first: i, last: i + len - 1 });
                    break;
                }
            }
            if !self.prefixes.contains(&exact) && !self.prefixes.contains(&lower) {
                break;
            }
        }
        best
    }
}

/// "Maurice", "Jordan", "Victoria" are also first names: a single-word place
/// directly followed by another capitalized word is taken for a person.
fn looks_like_first_name(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|next| name_beside(text, &tokens[i], next, next))
}

/// "Ana Lima", "Paul Washington": a capital right after a capitalized word
/// mid-sentence is a family name.
fn looks_like_surname(text: &str, tokens: &[Token], i: usize) -> bool {
    i >= 2 && name_beside(text, &tokens[i - 1], &tokens[i], &tokens[i - 1])
}

/// Whether `left` and `right` are one space apart and `word`, one of them,
/// reads as part of a name: capitalized, not an acronym, not a known place
/// or body.
fn name_beside(text: &str, left: &Token, right: &Token, word: &Token) -> bool {
    let gap = text.get(left.end..right.start).unwrap_or(",");
    let w = word.text(text);
    gap == " " && is_capitalized(w) && !is_all_caps(w) && gazetteer_free(w)
}

fn gazetteer_free(word: &str) -> bool {
    !gazetteer().forms.contains_key(&word.to_lowercase())
}

/// French adjectives agree in gender and number; the table holds the
/// masculine singular unless it lists the forms explicitly ("a,b,c").
fn french_inflections(base: &str) -> Vec<String> {
    if base.contains(',') {
        return base.split(',').map(|s| s.trim().to_string()).collect();
    }
    let b = base.to_string();
    let forms = if b.ends_with('e') {
        vec![b.clone(), format!("{b}s")]
    } else if b.ends_with('s') || b.ends_with('x') {
        vec![b.clone(), format!("{b}e"), format!("{b}es")]
    } else if b.ends_with("en") {
        vec![b.clone(), format!("{b}s"), format!("{b}ne"), format!("{b}nes")]
    } else {
        vec![b.clone(), format!("{b}s"), format!("{b}e"), format!("{b}es")]
    };
    forms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::Folded;
    use crate::text::tokens::tokenize;

    fn codes(s: &str) -> Vec<String> {
        let f = Folded::new(s);
        let toks = tokenize(&f.text);
        let g = gazetteer();
        g.find(&f.text, &toks).into_iter().map(|h| g.entity(h.entity).code.clone()).collect()
    }

    #[test]
    fn finds_names_adjectives_with_and_without_accents() {
        assert_eq!(codes("la délégation vietnamienne et les ministres ouzbèkes"), ["VNM", "UZB"]);
        assert_eq!(codes("le vice-president equatorien et le ministre polonais"), ["ECU", "POL"]);
        assert_eq!(codes("the Polish and Cambodian delegates met in Viet Nam"), ["POL", "KHM", "VNM"]);
        assert_eq!(codes("Les Etats-Unis et la Fédération de Russie"), ["USA", "RUS"]);
        assert_eq!(codes("le représentant de l'Ouzbekistan"), ["UZB"]);
    }

    #[test]
    fn prefers_longest_body_name_and_exact_acronyms() {
        assert_eq!(codes("l'Office des Nations Unies contre la drogue et le crime (ONUDC)"), ["UNODC", "UNODC"]);
        assert_eq!(codes("un accord avec l'ONU et un pays"), ["UN"]);
        assert_eq!(codes("the UN Security Council said"), ["UNSC"]);
    }

    #[test]
    fn skips_first_names_and_common_words() {
        assert!(codes("Maurice Dupont a parlé de la grenade").is_empty());
        assert_eq!(codes("à l'île Maurice"), ["MUS"]);
    }

    #[test]
    fn capitals_as_family_names() {
        assert!(codes("La sénatrice Ana Lima a parlé").is_empty());
        assert_eq!(codes("Le sommet de Lima a commencé"), ["PER"]);
    }

    #[test]
    fn looks_up_by_code_or_name() {
        assert_eq!(lookup_entity("rus").unwrap().name_fr, "Russie");
        assert_eq!(lookup_entity("Viet Nam").unwrap().code, "VNM");
        assert_eq!(lookup_entity("ONUDC").unwrap().code, "UNODC");
    }
}
