//! Reading a speaker's noun phrase: the name, the role and the country or
//! body the role represents, from the words a cue points at.
//!
//! A phrase comes in comma-separated chunks (subject, appositions, asides,
//! openers), each classified before the head is read; the result is a
//! [`Who`], still unresolved against the article's other speakers.

use crate::attribution::cues::{sentence_end, Candidate};
use crate::attribution::gender::{phrase_gender, pronoun_gender, Gender};
use crate::lexicon::gazetteer::{gazetteer, lookup_entity, Form, Hit};
use crate::lexicon::roles::{collective_nouns, is_role_word, is_spokesperson_word, only_titles, role_head};
use crate::lexicon::words::{DETERMINERS, OPENERS, PLURAL_PRONOUNS, PREPOSITIONS, PRONOUNS, QUANTIFIERS};
use crate::model::EntityKind;
use crate::names::{is_honorific, is_initial, is_name_continuation, is_name_word};
use crate::text::fold::{key, Folded};
use crate::text::tokens::{capitalize_first, is_capitalized, tokenize, Token};

/// One passage being read, with the family names the article has already
/// given in full, which may then stand alone ("Guterres said").
pub struct Ctx<'a> {
    pub f: &'a Folded<'a>,
    pub toks: &'a [Token],
    pub hits: &'a [Hit],
    pub known: &'a [String],
}

/// A noun phrase read as a speaker, and where it stands in the folded text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub who: Who,
    pub span: (usize, usize),
}

/// What an attribution's noun phrase turned out to name.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    Person { name: String, surface: String, role: Option<String>, entity: Option<usize>, gender: Option<Gender> },
    Role { role: String, head: String, entity: Option<usize>, gender: Option<Gender> },
    Entity(usize),
    /// A singular pronoun.
    Pronoun(Option<Gender>),
    /// A group with no single country: "rights groups", "des représentants
    /// de plusieurs pays". The label is the text's own words.
    Collective { label: String },
    /// "Ils", "they", "we": the group last quoted, if any.
    PluralPronoun,
}

/// Reads the noun phrase a cue points at into a mention, choosing the
/// chunk that is the subject among appositions, asides and openers.
pub fn read_candidate(cx: &Ctx, c: &Candidate) -> Option<Mention> {
    let t = cx.f.text.as_str();
    match *c {
        Candidate::Pronoun(g, span) => Some(Mention { who: Who::Pronoun(g), span }),
        Candidate::After { start } => {
            let end = sentence_end(t, start);
            let chunks = comma_chunks(t, start, end);
            let head = *chunks.first()?;
            read_np(cx, head, &chunks[1..])
        }
        // "We" reads as a plural pronoun: the group last quoted.
        Candidate::FirstPerson { start, end } => read_np(cx, (start, end), &[]),
        Candidate::Before { start, end } => {
            let mut chunks = comma_chunks(t, start, end);
            // "Several delegations, including A, B and C, argued": the list
            // only says who the subject is made of.
            if let Some(list) = chunks.iter().skip(1).position(|&c| opens_list(t, c)) {
                chunks.truncate(list + 1);
            }
            let mut appositives = Vec::new();
            for (k, &chunk) in chunks.iter().enumerate().rev() {
                match classify(t, chunk) {
                    Chunk::Empty => {}
                    // "Mme Claire Roux, Conseillère spéciale, a
                    // déclaré": a capitalized role after a name is the
                    // name's apposition, not the subject.
                    Chunk::Head if k > 0 && is_role_apposition(cx, chunk) && find_name(cx, chunks[k - 1]).is_some() => appositives.push(chunk),
                    Chunk::Head => {
                        appositives.reverse();
                        // "La ministre du Numérique, Claire Dubois, a estimé":
                        // the role stands in the chunk before the name.
                        if k > 0 && is_bare_name(t, chunk) {
                            if let Some(role) = role_start(cx, chunks[k - 1]) {
                                appositives.insert(0, role);
                            }
                        }
                        return read_np(cx, chunk, &appositives);
                    }
                    Chunk::Appositive => appositives.push(chunk),
                    Chunk::Adverbial => {
                        // Unpunctuated text runs the opener into the subject:
                        // "S'exprimant à la session le Premier ministre X".
                        // Without a subject inside, an adverbial right before
                        // the verb is an aside ("X, quant à elle, a estimé",
                        // "X, ainsi que des experts, ont présenté"): the
                        // subject is further left.
                        if k + 1 == chunks.len() || appositives.is_empty() {
                            if let Some(inner) = inner_subject(t, chunk) {
                                appositives.reverse();
                                return read_np(cx, inner, &appositives);
                            }
                            if appositives.is_empty() && k > 0 {
                                continue;
                            }
                        }
                        return None;
                    }
                }
            }
            None
        }
        Candidate::Lead { start, end } => {
            let chunks = comma_chunks(t, start, end);
            let mut k = chunks.iter().position(|&c| !matches!(classify(t, c), Chunk::Adverbial | Chunk::Empty))?;
            let head = chunks[k];
            let mut appositives = Vec::new();
            while k + 1 < chunks.len() && (is_bare_name(t, chunks[k + 1]) || role_start(cx, chunks[k + 1]).is_some_and(|r| r.0 == chunks[k + 1].0)) {
                k += 1;
                appositives.push(chunks[k]);
            }
            read_np(cx, head, &appositives)
        }
        Candidate::Source { start } => {
            let end = sentence_end(t, start);
            let chunks = comma_chunks(t, start, end);
            let head = *chunks.first()?;
            // "Selon l'ambassadeur de Russie, Gennady Bezdetko, la …"
            let short_named = |c: (usize, usize)| is_bare_name(t, c) || (tokenize(&t[c.0..c.1]).len() <= 6 && find_name(cx, c).is_some());
            // "Selon Artur X, directeur du ..., la ..." the role after a name.
            let role_after_name = |c: (usize, usize)| find_name(cx, head).is_some() && is_role_apposition(cx, c);
            let appositives: Vec<(usize, usize)> = chunks.get(1).filter(|&&c| short_named(c) || role_after_name(c)).copied().into_iter().collect();
            let head = limit_phrase(t, head);
            read_np(cx, head, &appositives)
        }
    }
}

/// What a comma-separated chunk of a phrase is, by its first words.
enum Chunk {
    Empty,
    Head,
    Appositive,
    Adverbial,
}

/// Splits `start..end` at commas outside parentheses.
fn comma_chunks(t: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut chunks = Vec::new();
    let mut depth = 0i32;
    let mut s = start;
    for (i, c) in t[start..end].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => {
                chunks.push((s, start + i));
                s = start + i + 1;
            }
            _ => {}
        }
    }
    chunks.push((s, end));
    chunks.into_iter().map(|(a, b)| trim_span(t, a, b)).collect()
}

/// `a..b` without the whitespace at either end.
pub fn trim_span(t: &str, a: usize, b: usize) -> (usize, usize) {
    let sub = &t[a..b];
    let lead = sub.len() - sub.trim_start().len();
    let trail = sub.len() - sub.trim_end().len();
    (a + lead, (b - trail).max(a + lead))
}

/// Classifies a chunk: empty, the head of a subject, an apposition or an
/// adverbial opener.
fn classify(t: &str, (s, e): (usize, usize)) -> Chunk {
    let sub = &t[s..e];
    let toks = tokenize(sub);
    let Some(first) = toks.first() else { return Chunk::Empty };
    let w = first.text(sub);
    let lw = key(w);
    let second = toks.get(1).map(|k| key(k.text(sub))).unwrap_or_default();
    if PRONOUNS.contains(&lw.as_str()) && toks.len() == 1 {
        return Chunk::Head;
    }
    // "a" is the English article, or "à" without its accent: an article
    // when a role follows ("a State Department spokesperson").
    if (lw == "a" || lw == "an") && toks.iter().skip(1).any(|k| is_role_word(key(k.text(sub)).as_str())) {
        return Chunk::Head;
    }
    if (lw.ends_with("ant") && !is_name_word(w) && lw.len() > 4) || (lw == "s" && second.ends_with("ant")) || OPENERS.contains(&lw.as_str()) {
        // A subject that happens to open with "En" or "Au" still has no verb
        // of its own; the participle or preposition is what makes it an opener.
        return Chunk::Adverbial;
    }
    let quantified = QUANTIFIERS.contains(&lw.as_str()) && lw != "de" && lw != "d";
    if DETERMINERS.contains(&lw.as_str()) || quantified || is_honorific(&lw) && lw.len() > 1 || is_capitalized(w) {
        return Chunk::Head;
    }
    Chunk::Appositive
}

/// Whether a chunk opens a list of members: "including", "notamment",
/// "dont", "such as", "among them".
fn opens_list(t: &str, (s, e): (usize, usize)) -> bool {
    let k = key(&t[s..e]);
    ["including ", "notamment ", "dont ", "such as ", "among them ", "parmi lesquels ", "parmi lesquelles ", "y compris ", "comme "].iter().any(|p| k.starts_with(p))
}

/// The subject inside an opener chunk: the last determiner followed by a
/// role or name, or the last run of name words, that no preposition governs.
fn inner_subject(t: &str, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let sub = &t[s..e];
    let toks = tokenize(sub);
    let mut found = None;
    for k in 1..toks.len() {
        let w = key(toks[k].text(sub));
        let prev = key(toks[k - 1].text(sub));
        let next = toks.get(k + 1).map(|n| n.text(sub)).unwrap_or("");
        let governed = PREPOSITIONS.contains(&prev.as_str());
        let det_role = DETERMINERS.contains(&w.as_str()) && (is_role_word(key(next).as_str()) || is_name_word(next) || gazetteer_starts(next));
        if det_role && !governed {
            found = Some(s + toks[k].start);
        }
    }
    found.map(|start| (start, e))
}

/// Whether a word is by itself the name or code of a country or body.
fn gazetteer_starts(word: &str) -> bool {
    lookup_entity(word).is_some()
}

/// Cuts a phrase at the first determiner that does not follow a preposition:
/// "le Premier ministre l'esprit…" stops before "l'esprit".
fn limit_phrase(t: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let sub = &t[s..e];
    let toks = tokenize(sub);
    for k in 1..toks.len() {
        let w = key(toks[k].text(sub));
        let prev = key(toks[k - 1].text(sub));
        let lowercase = !is_capitalized(toks[k].text(sub));
        if lowercase && DETERMINERS.contains(&w.as_str()) && !PREPOSITIONS.contains(&prev.as_str()) && !DETERMINERS.contains(&prev.as_str()) {
            return (s, s + toks[k].start);
        }
        if k >= 24 {
            return (s, s + toks[k].start);
        }
    }
    (s, e)
}

/// Reads a noun phrase, with its appositions, as who speaks: a pronoun,
/// a person, a collective, an unnamed official or a country or body.
pub fn read_np(cx: &Ctx, head: (usize, usize), appositives: &[(usize, usize)]) -> Option<Mention> {
    let (f, toks, hits) = (cx.f, cx.toks, cx.hits);
    let t = f.text.as_str();
    let head_text = t[head.0..head.1].trim();
    let lw = key(head_text);
    if PLURAL_PRONOUNS.contains(&lw.as_str()) {
        return Some(Mention { who: Who::PluralPronoun, span: head });
    }
    if PRONOUNS.contains(&lw.as_str()) {
        return pronoun_gender(&lw).map(|g| Mention { who: Who::Pronoun(g), span: head });
    }
    // "The spokesperson for minister X said": the spokesperson speaks, on
    // behalf of X, for X's country or body; X does not.
    if let Some(role) = spokesperson_role(cx, head) {
        let entity = represented(t, toks, hits, head);
        let gender = phrase_gender(&t[head.0..head.1]);
        return Some(Mention { who: Who::Role { head: role_head(&role), role, entity, gender }, span: head });
    }
    // "Selon l'ambassadeur de Russie, Gennady Bezdetko, …": the name may
    // stand alone right after the role.
    let apposed_name = || appositives.first().and_then(|&a| find_name(cx, a));
    if let Some((surface_start, name_start, name_end)) = find_name(cx, head).or_else(apposed_name) {
        let name = f.original_slice(name_start, name_end).to_string();
        let surface = f.original_slice(surface_start, name_end).to_string();
        let in_head = name_end <= head.1;
        let before = (head.0, if in_head { surface_start } else { head.1 });
        let after = (if in_head { name_end } else { head.1 }, head.1);
        let mut role_spans: Vec<(usize, usize)> = vec![before, after];
        for &(a, b) in appositives {
            // The appositive holding the name contributes only its other words.
            if a <= surface_start && name_end <= b {
                role_spans.push((a, surface_start));
                role_spans.push((name_end, b));
            } else {
                role_spans.push((a, b));
            }
        }
        let role = role_spans.iter().find_map(|&sp| role_text(f, toks, sp).filter(|r| !only_titles(r)));
        let entity = role_spans.iter().find_map(|&sp| represented(t, toks, hits, sp));
        let gender = phrase_gender(&t[head.0..head.1]);
        return Some(Mention { who: Who::Person { name, surface, role, entity, gender }, span: (surface_start, name_end) });
    }
    if let Some(label) = collective_label(cx, head) {
        // "Les délégués russes": a group of one country is that country.
        let who = match represented(t, toks, hits, head) {
            Some(entity) if !label_lists_countries(&label) && entities_named(cx, head) < 2 => Who::Entity(entity),
            _ => Who::Collective { label },
        };
        return Some(Mention { who, span: head });
    }
    if let Some(role) = role_text(f, toks, head) {
        let entity = represented(t, toks, hits, head).or_else(|| appositives.iter().find_map(|&sp| represented(t, toks, hits, sp)));
        let (clean, head_key) = strip_entity_words(f, toks, hits, entity, head, &role);
        let gender = phrase_gender(&t[head.0..head.1]);
        return Some(Mention { who: Who::Role { role: clean, head: head_key, entity, gender }, span: head });
    }
    let first_hit = hits.iter().find(|h| toks[h.first].start >= head.0 && toks[h.last].end <= head.1 && h.form == Form::Name)?;
    let before_hit = key(&t[head.0..toks[first_hit.first].start]);
    let lead: Vec<&str> = before_hit.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // "The business body the ICC": a description ending in an article may
    // precede the body's name.
    let described = t[head.0..toks[first_hit.first].start].split_whitespace().skip(1).all(|w| !is_capitalized(w))
        && lead.last().is_some_and(|w| DETERMINERS.contains(w))
        && lead.len() <= 5;
    let span = (toks[first_hit.first].start, toks[first_hit.last].end);
    (lead.iter().all(|w| DETERMINERS.contains(w)) || described).then_some(Mention { who: Who::Entity(gazetteer().speaks_for(first_hit.entity)), span })
}

/// A name inside `s..e`: two to five name words, or one after an honorific
/// or a role word ("M. Liukmanov", "l'ambassadeur Bezdetko").
pub fn find_name(cx: &Ctx, (s, e): (usize, usize)) -> Option<(usize, usize, usize)> {
    let (t, toks, hits) = (cx.f.text.as_str(), cx.toks, cx.hits);
    let inside: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].start >= s && toks[i].end <= e).collect();
    let in_gazetteer = |i: usize| hits.iter().any(|h| h.first <= i && i <= h.last);
    // A one-word country or adjective between two name words is part of the
    // name: "Thai" in "Vu Le Thai Hoang" is no Thailand.
    let inner_hit = |at: usize| {
        let single = hits.iter().any(|h| h.first == inside[at] && h.last == inside[at]);
        let followed = inside.get(at + 1).is_some_and(|&n| {
            is_name_continuation(toks[n].text(t)) && !in_gazetteer(n) && t[toks[inside[at]].end..toks[n].start] == *" "
        });
        single && followed
    };
    let mut k = 0;
    while k < inside.len() {
        let i = inside[k];
        let family_le = is_family_name_le(cx, &inside, k);
        if !family_le && (!is_name_word(toks[i].text(t)) || in_gazetteer(i)) {
            k += 1;
            continue;
        }
        let mut j = k;
        while let Some(&next) = inside.get(j + 1) {
            let gap = &t[toks[inside[j]].end..toks[next].start];
            let spaced = gap.chars().all(|c| c == ' ' || c == '-');
            if j - k < 4 && spaced && is_name_continuation(toks[next].text(t)) && (!in_gazetteer(next) || inner_hit(j + 1)) {
                j += 1;
                continue;
            }
            // An initial joins the name only when a name word follows it.
            let after_initial = inside.get(j + 2).filter(|&&n| is_name_continuation(toks[n].text(t)) && !in_gazetteer(n));
            let initial_gap = gap.chars().all(|c| c == ' ' || c == '.');
            if j - k < 4 && initial_gap && is_initial(toks[next].text(t)) && after_initial.is_some() {
                let mut m = j + 1;
                // "W.H." is two initials: skip every one of them.
                while inside.get(m + 1).is_some_and(|&n| is_initial(toks[n].text(t)) && t[toks[inside[m]].end..toks[n].start] == *".") {
                    m += 1;
                }
                if inside.get(m + 1).is_some_and(|&n| is_name_continuation(toks[n].text(t)) && !in_gazetteer(n)) {
                    j = m + 1;
                    continue;
                }
            }
            break;
        }
        let prev = if k > 0 { key(toks[inside[k - 1]].text(t)) } else { String::new() };
        let known = j == k && cx.known.contains(&key(toks[i].text(t)));
        let titled = is_honorific(&prev) || is_role_word(prev.as_str()) || known;
        if j > k || titled {
            // Include an honorific in the surface form ("Mme Ghada Waly").
            let surface_start = if is_honorific(&prev) && k > 0 { toks[inside[k - 1]].start } else { toks[i].start };
            return Some((surface_start, toks[i].start, toks[inside[j]].end));
        }
        k = j + 1;
    }
    None
}

/// Whether the capitalized "Le" at token `i` is a Vietnamese family name
/// ("Lê", written without its accent) rather than the article: it is when two
/// name words follow it that no gazetteer entry or role word claims.
fn is_family_name_le(cx: &Ctx, inside: &[usize], k: usize) -> bool {
    let (t, toks) = (cx.f.text.as_str(), cx.toks);
    let i = inside[k];
    if toks[i].text(t) != "Le" {
        return false;
    }
    let in_gazetteer = |i: usize| cx.hits.iter().any(|h| h.first <= i && i <= h.last);
    let followers = inside[k + 1..].iter().take(2).filter(|&&n| is_name_word(toks[n].text(t)) && !in_gazetteer(n)).count();
    followers == 2 && inside.get(k + 2).is_some_and(|&n| t[toks[inside[k + 1]].end..toks[n].start] == *" ")
}

/// Whether a chunk is only a name: two to six name words, initials inside.
fn is_bare_name(t: &str, (s, e): (usize, usize)) -> bool {
    let sub = t[s..e].trim();
    let toks = tokenize(sub);
    let inner_initial = |i: usize, w: &str| i > 0 && i + 1 < toks.len() && is_initial(w);
    (2..=6).contains(&toks.len()) && toks.iter().enumerate().all(|(i, k)| is_name_word(k.text(sub)) || inner_initial(i, k.text(sub)))
}

/// The part of a chunk from its first role word on, if it has one.
pub fn role_start(cx: &Ctx, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let t = cx.f.text.as_str();
    cx.toks
        .iter()
        .find(|k| k.start >= s && k.end <= e && is_role_word(key(k.text(t)).as_str()))
        .map(|k| {
            let before = t[s..k.start].trim_end();
            let det = tokenize(before).last().map(|d| s + d.start).filter(|_| DETERMINERS.iter().any(|d| key(before).ends_with(d)));
            (det.unwrap_or(k.start), e)
        })
}

/// "Porte-parole du ministre X", "a spokesman for X": the whole phrase, when
/// a spokesperson word opens it (after an article).
fn spokesperson_role(cx: &Ctx, (s, e): (usize, usize)) -> Option<String> {
    let t = cx.f.text.as_str();
    let words: Vec<&Token> = cx.toks.iter().filter(|k| k.start >= s && k.end <= e).collect();
    let first = words.iter().position(|k| !DETERMINERS.contains(&key(k.text(t)).as_str()))?;
    let word = key(words[first].text(t));
    let next = words.get(first + 1).map(|k| key(k.text(t))).unwrap_or_default();
    let spokesperson = is_spokesperson_word(&word) || (word == "porte" && next == "parole");
    let (a, b) = limit_phrase(t, (words[first].start, e));
    spokesperson.then(|| cx.f.original_slice(a, b).trim().to_string())
}

/// Whether a chunk opens on a role ("directeur du ...", "the head of ..."):
/// after a name, it is that name's apposition.
pub fn is_role_apposition(cx: &Ctx, chunk: (usize, usize)) -> bool {
    let t = cx.f.text.as_str();
    // "directeur du …", or an article and a modifier or two before the role:
    // "a policy analyst at …", "the senior counsel of …".
    let opens_on_role = |r: (usize, usize)| {
        let lead = tokenize(&t[chunk.0..r.0]);
        let words: Vec<String> = lead.iter().map(|k| key(k.text(&t[chunk.0..r.0]))).collect();
        let modifiers = words.iter().skip(usize::from(words.first().is_some_and(|w| DETERMINERS.contains(&w.as_str()))));
        r.0 == chunk.0 || (words.len() <= 3 && lead.iter().all(|k| !is_capitalized(k.text(&t[chunk.0..r.0])) || k.start == 0) && modifiers.count() <= 2)
    };
    role_start(cx, chunk).is_some_and(opens_on_role) && find_name(cx, chunk).is_none()
}

/// The role within a span: from its first role word, cut like any phrase.
pub fn role_text(f: &Folded, toks: &[Token], (s, e): (usize, usize)) -> Option<String> {
    let t = f.text.as_str();
    let first = toks.iter().find(|k| k.start >= s && k.end <= e && is_role_word(key(k.text(t)).as_str()))?;
    let (a, b) = limit_phrase(t, (first.start, e));
    let text = f.original_slice(a, b).trim().trim_end_matches([',', ';', ':', '-']).trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The words of a collective subject, up to its noun and a short complement
/// ("représentants de plusieurs pays", "Human rights organizations"), when
/// the phrase opens on one within its first words.
fn collective_label(cx: &Ctx, (s, e): (usize, usize)) -> Option<String> {
    let t = cx.f.text.as_str();
    let words: Vec<&Token> = cx.toks.iter().filter(|k| k.start >= s && k.end <= e).collect();
    let keys: Vec<String> = words.iter().map(|k| key(k.text(t))).collect();
    let lead = keys.iter().take_while(|w| DETERMINERS.contains(&w.as_str()) || QUANTIFIERS.contains(&w.as_str())).count();
    // Up to four modifiers, coordinated ones too: "human rights and privacy advocates".
    let (at, len) = (lead..(lead + 5).min(keys.len())).find_map(|i| {
        collective_nouns().iter().find(|n| keys.get(i..i + n.len()).is_some_and(|w| w == n.as_slice())).map(|n| (i, n.len()))
    })?;
    // Only modifiers stand before the noun ("human rights organizations"):
    // a role ("The Chair welcomed participants") or a verb form means the
    // noun is an object, not the subject.
    let modifiers = &keys[lead..at];
    if modifiers.iter().any(|w| is_role_word(w.as_str()) || w.ends_with("ed") || PRONOUNS.contains(&w.as_str())) {
        return None;
    }
    let mut end = at + len;
    // "de plusieurs pays", "of civil society": a short complement of the noun.
    if keys.get(end).is_some_and(|w| matches!(w.as_str(), "de" | "des" | "of")) {
        let complement = keys[end + 1..].iter().take(3).take_while(|w| !matches!(w.as_str(), "a" | "ont" | "have" | "has" | "are" | "et" | "and")).count();
        end += 1 + complement;
    }
    // The label keeps a quantifier ("Several delegations") but not an article.
    // A bare noun keeps its article: "Les pays", not "Pays".
    let articles = keys.iter().take_while(|w| DETERMINERS.contains(&w.as_str()) || matches!(w.as_str(), "des" | "de" | "d")).count();
    let bare = end - at == 1 && articles == at;
    let first = words.get(if bare { 0 } else { articles.min(at) })?;
    let last = words.get(end.saturating_sub(1).max(at))?;
    let label = cx.f.original_slice(first.start, last.end).trim().to_string();
    Some(capitalize_first(&label))
}

/// "Member States (Russia, Belarus, Cuba)" names several countries: no single
/// one speaks.
fn label_lists_countries(label: &str) -> bool {
    let k = key(label);
    k.contains("plusieurs") || k.contains("several") || k.contains("various") || k.contains("divers")
}

/// How many distinct countries or bodies a span names.
fn entities_named(cx: &Ctx, (s, e): (usize, usize)) -> usize {
    let mut seen: Vec<usize> = Vec::new();
    for h in cx.hits.iter().filter(|h| cx.toks[h.first].start >= s && cx.toks[h.last].end <= e) {
        if !seen.contains(&h.entity) {
            seen.push(h.entity);
        }
    }
    seen.len()
}

/// The country or body a role represents: the first named in the span that
/// is not where the official is posted.
///
/// An organ's official speaks for its parent body (the gazetteer says which),
/// and "Under-Secretary-General of the UN and Executive Director of UNODC"
/// speaks for UNODC: the UN yields to a more specific body beside it.
pub fn represented(t: &str, toks: &[Token], hits: &[Hit], (s, e): (usize, usize)) -> Option<usize> {
    let g = gazetteer();
    let in_span: Vec<&Hit> = hits.iter().filter(|h| toks[h.first].start >= s && toks[h.last].end <= e && h.form != Form::Capital).collect();
    let first = first_represented(t, toks, &in_span, s)?;
    let un = |x: usize| g.entity(x).code == "UN";
    let specific = in_span.iter().map(|h| g.speaks_for(h.entity)).find(|&x| !un(x) && g.entity(x).kind == EntityKind::Organization);
    let chosen = g.speaks_for(first);
    Some(if un(chosen) { specific.unwrap_or(chosen) } else { chosen })
}

/// Prepositions that introduce where an official is posted, not whom they
/// represent: "l'ambassadeur de Russie au Vietnam" speaks for Russia.
/// "At" is not among them: "an analyst at an NGO" works there.
const POSTED: &[&str] = &["au", "aux", "en", "a", "in", "to", "aupres", "vers", "dans"];

/// The first entity of a span that is not where the official is posted.
fn first_represented(t: &str, toks: &[Token], in_span: &[&Hit], s: usize) -> Option<usize> {
    in_span
        .iter()
        .find(|h| {
            let mut k = h.first;
            while k > 0 && toks[k - 1].start >= s {
                k -= 1;
                let w = key(toks[k].text(t));
                if DETERMINERS.contains(&w.as_str()) {
                    continue;
                }
                if w == "de" && k > 0 && key(toks[k - 1].text(t)) == "aupres" {
                    return false;
                }
                return !POSTED.contains(&w.as_str());
            }
            true
        })
        .map(|h| h.entity)
}

/// An unnamed official's role without the words naming the country or body
/// it represents, which the entity carries, nor those after them:
/// "vice-Premier ministre polonais" → "vice-Premier ministre"; "président de
/// la Chambre de l'Ouzbékistan" → "président de la Chambre".
fn strip_entity_words(f: &Folded, toks: &[Token], hits: &[Hit], entity: Option<usize>, span: (usize, usize), role: &str) -> (String, String) {
    let t = f.text.as_str();
    let mut text = role.to_string();
    for h in hits.iter().filter(|h| Some(h.entity) == entity && toks[h.first].start >= span.0 && toks[h.last].end <= span.1) {
        let words = f.original_slice(toks[h.first].start, toks[h.last].end).to_string();
        if h.form == Form::Adjective {
            text = text.replacen(&format!(" {words}"), "", 1);
            continue;
        }
        let mut from = h.first;
        while from > 0 {
            let w = key(toks[from - 1].text(t));
            if DETERMINERS.contains(&w.as_str()) || matches!(w.as_str(), "de" | "du" | "des" | "d" | "of") {
                from -= 1;
            } else {
                break;
            }
        }
        // What follows the country is where the official is posted:
        // "ambassadeur du Canada auprès de l'ONU" → "ambassadeur".
        let phrase = f.original_slice(toks[from].start, toks[h.last].end).to_string();
        if let Some(i) = text.find(&phrase) {
            if i > 0 {
                text.truncate(i);
            }
        }
    }
    let text = without_trailing_prepositions(text.trim().trim_end_matches([',', '-']).trim()).to_string();
    (text.clone(), role_head(&text))
}

/// "spokesperson for" once the body it speaks for is cut away: the dangling
/// preposition goes too.
fn without_trailing_prepositions(mut text: &str) -> &str {
    while let Some((rest, last)) = text.rsplit_once(' ') {
        if !PREPOSITIONS.contains(&key(last).as_str()) {
            break;
        }
        text = rest.trim_end();
    }
    text
}
