//! Turning what a phrase names into one of the article's speakers: a name
//! joins the person already met, a role or a pronoun looks back to the last
//! speaker it fits, a role the article gave a name to is that person.
//!
//! The article's state (speakers so far, the most recent ones, the names
//! and introductions it wrote, the country and body it is about) lives here.

use crate::attribution::gender::{compatible_gender, phrase_gender, Gender};
use crate::attribution::phrases::{find_name, is_role_apposition, represented, role_start, role_text, trim_span, Ctx, Who};
use crate::lexicon::gazetteer::Hit;
use crate::lexicon::roles::{is_generic_role, is_meeting_role, is_national_role, is_spokesperson_role, only_titles, role_core, role_head};
use crate::names::{name_key, Person};
use crate::text::fold::Folded;
use crate::text::tokens::Token;

/// One speaker of the document as built up while reading it.
#[derive(Debug, Clone)]
pub struct Rec {
    /// A group speaking together: only plural pronouns continue it.
    pub collective: bool,
    pub gender: Option<Gender>,
    pub person: Option<Person>,
    pub role: Option<String>,
    pub head: Option<String>,
    pub entity: Option<usize>,
}

/// What the article has shown so far, that each new mention is resolved
/// against.
pub struct Doc {
    pub recs: Vec<Rec>,
    /// Person-like speakers, most recently attributed last.
    pub recent: Vec<usize>,
    pub home: Option<usize>,
    /// The body an article is about (the one it names most): a meeting's
    /// "Chair" or "Secretary" with no body of their own belong to it.
    pub home_body: Option<usize>,
    /// Every person name written in the article, in order, body first.
    pub names: Vec<(String, String)>,
    /// People the article has introduced with a role, speaking or not:
    /// "présidé par le ministre X, Le Hoai Trung" lets a later "le ministre
    /// a souligné" name him.
    pub introduced: Vec<Introduction>,
    /// Whether the article has printed an interviewer's question as a dash
    /// turn ("— Pourquoi signer ?"): only then is a dash an answer's label.
    pub dash_interview: bool,
}

/// A name written beside its role, as met in the text.
#[derive(Debug, Clone)]
pub struct Introduction {
    core: String,
    name: String,
    surface: String,
    role: String,
    entity: Option<usize>,
    gender: Option<Gender>,
}

impl Introduction {
    /// The person introduced, with what a later mention adds about them.
    pub fn into_person(self, entity: Option<usize>, gender: Option<Gender>) -> Who {
        Who::Person { name: self.name, surface: self.surface, role: Some(self.role), entity: self.entity.or(entity), gender: self.gender.or(gender) }
    }
}

/// Adds every person name a paragraph writes to `names`, once, with its
/// key: a shortened mention later takes the fullest spelling.
///
/// Returns where the names are, in folded offsets: a country inside a name
/// ("Thai" in "Vu Le Thai Hoang") is then no mention of that country.
pub fn collect_names(f: &Folded, toks: &[Token], hits: &[Hit], names: &mut Vec<(String, String)>) -> Vec<(usize, usize)> {
    let t = f.text.as_str();
    let cx = Ctx { f, toks, hits, known: &[] };
    let mut from = 0;
    let mut spans = Vec::new();
    while let Some((_, s, e)) = find_name(&cx, (from, t.len())) {
        let name = f.original_slice(s, e).to_string();
        let k = name_key(&name);
        if !names.iter().any(|(n, _)| *n == name) {
            names.push((name, k));
        }
        spans.push((s, e));
        from = e;
    }
    spans
}

/// Records every "role Name", "role, Name" and "Name, role" of a passage.
pub fn note_introductions(cx: &Ctx, doc: &mut Doc) {
    let t = cx.f.text.as_str();
    let mut from = 0;
    while let Some((surface_start, name_start, name_end)) = find_name(cx, (from, t.len())) {
        from = name_end;
        let head = t[..surface_start].trim_end_matches([',', ' ']);
        let chunk_start = head.char_indices().rev().find(|&(_, c)| matches!(c, ',' | '.' | ';' | ':' | '(' | '«' | '"' | '“')).map_or(0, |(i, c)| i + c.len_utf8());
        let before = trim_span(t, chunk_start, surface_start);
        let rest = &t[name_end..];
        let after = rest.strip_prefix(',').map(|r| {
            let start = name_end + 1;
            let end = start + r.find([',', '.', ';', '(']).unwrap_or(r.len());
            trim_span(t, start, end)
        });
        // The span from the role's own first word (or its article) on, so
        // that "La séance, présidée par le ministre" is masculine.
        let role_in = |span: (usize, usize)| role_start(cx, span).and_then(|r| role_text(cx.f, cx.toks, r).filter(|text| !only_titles(text)).map(|text| (text, r)));
        let Some((role, span)) = role_in(before).or_else(|| after.filter(|&a| is_role_apposition(cx, a)).and_then(role_in)) else { continue };
        let core = role_core(&role);
        // "The spokesperson for minister X": X is who they speak for, not
        // a spokesperson.
        if core.is_empty() || is_spokesperson_role(&role) {
            continue;
        }
        doc.introduced.push(Introduction {
            core,
            name: cx.f.original_slice(name_start, name_end).to_string(),
            surface: cx.f.original_slice(surface_start, name_end).to_string(),
            entity: represented(t, cx.toks, cx.hits, span),
            gender: phrase_gender(&t[span.0..span.1]),
            role,
        });
    }
}

/// The passage's speaker becomes the one pronouns and roles look back to.
pub fn note_recent(doc: &mut Doc, rec: usize) {
    if doc.recs.get(rec).is_some_and(|r| r.person.is_some() || r.role.is_some()) {
        doc.recent.retain(|&x| x != rec);
        doc.recent.push(rec);
    }
}

/// The article's record for what a phrase names, created when it is new;
/// `None` when a pronoun or a role finds no one it can stand for.
pub fn resolve(who: Who, doc: &mut Doc) -> Option<usize> {
    match who {
        Who::Pronoun(g) => doc.recent.iter().rev().copied().find(|&r| compatible_gender(doc.recs[r].gender, g) && !doc.recs[r].collective),
        Who::PluralPronoun => doc.recent.iter().rev().copied().find(|&r| doc.recs[r].collective),
        Who::Collective { label } => {
            let head = role_head(&label);
            if let Some(i) = doc.recs.iter().position(|r| r.collective && r.head.as_deref() == Some(head.as_str())) {
                return Some(i);
            }
            doc.recs.push(Rec { collective: true, gender: None, person: None, role: Some(label), head: Some(head), entity: None });
            Some(doc.recs.len() - 1)
        }
        Who::Person { name, surface, role, entity, gender } => {
            let tokens = name_key(&name);
            let existing = doc.recs.iter().position(|r| r.person.as_ref().is_some_and(|p| p.matches(&tokens)));
            let entity = entity.or_else(|| role.as_deref().filter(|r| is_national_role(r)).and(doc.home));
            let idx = match existing {
                Some(i) => i,
                None => {
                    let full = doc.names.iter().filter(|(_, k)| covers(k, &tokens)).min_by_key(|(_, k)| k.split(' ').count());
                    let canonical = full.map(|(n, _)| n.clone()).filter(|n| name_key(n).split(' ').count() >= 2).unwrap_or(name.clone());
                    doc.recs.push(Rec { collective: false, gender, person: Some(Person::new(&canonical)), role: None, head: None, entity: None });
                    doc.recs.len() - 1
                }
            };
            let rec = &mut doc.recs[idx];
            if let Some(p) = rec.person.as_mut() {
                p.add_alias(&surface);
                p.add_alias(&name);
            }
            if rec.role.is_none() {
                rec.head = role.as_deref().map(role_head);
                rec.role = role;
            }
            if rec.entity.is_none() {
                rec.entity = entity;
            }
            if rec.gender.is_none() {
                rec.gender = gender;
            }
            Some(idx)
        }
        Who::Role { role, head, entity, gender } => {
            let generic = is_generic_role(&head);
            let compatible = |r: &Rec| entity.is_none() || r.entity.is_none() || r.entity == entity;
            let by_role = doc.recs.iter().rposition(|r| {
                compatible(r)
                    && if generic {
                        entity.is_some() && r.entity == entity && (r.person.is_some() || r.role.is_some())
                    } else {
                        r.head.as_deref().is_some_and(|h| h == head || (h.starts_with(&head) && !head.is_empty() && h[head.len()..].starts_with(' ')))
                    }
            });
            if let Some(i) = by_role {
                return Some(i);
            }
            // A role the article has already given a name to is that person.
            let core = role_core(&role);
            let named = doc.introduced.iter().rev().find(|i| !generic && !core.is_empty() && i.core == core && (entity.is_none() || i.entity.is_none() || i.entity == entity) && compatible_gender(i.gender, gender));
            if let Some(intro) = named.cloned() {
                return resolve(intro.into_person(entity, gender), doc);
            }
            let entity = entity.or_else(|| is_national_role(&role).then_some(doc.home).flatten()).or_else(|| is_meeting_role(&head).then_some(doc.home_body).flatten())?;
            if let Some(i) = doc.recs.iter().position(|r| r.person.is_none() && r.head.as_deref() == Some(head.as_str()) && r.entity == Some(entity)) {
                return Some(i);
            }
            doc.recs.push(Rec { collective: false, gender, person: None, role: Some(role), head: Some(head), entity: Some(entity) });
            Some(doc.recs.len() - 1)
        }
        Who::Entity(e) => {
            if let Some(i) = doc.recs.iter().position(|r| r.person.is_none() && r.role.is_none() && r.entity == Some(e)) {
                return Some(i);
            }
            doc.recs.push(Rec { collective: false, gender: None, person: None, role: None, head: None, entity: Some(e) });
            Some(doc.recs.len() - 1)
        }
    }
}

/// Whether a written name (as a key) contains every word of `tokens`.
pub fn covers(name: &str, tokens: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    tokens.split(' ').all(|t| words.contains(&t))
}
