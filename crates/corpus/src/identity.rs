//! One canonical speaker for all the ways a person is written.
//!
//! Articles write "Mme Ghada Waly", "Ghada Waly", "M.Liukmanov", "Artur
//! Liukmanov", or put the family name first ("Nakamitsu Izumi"). A name is
//! compared as the set of its words without accents, case or honorifics;
//! within an article a shorter name that is part of a longer one is the same
//! person. Across articles only equal word sets merge, and a lone family
//! name joins a full name only when exactly one full name fits, because two
//! articles may well speak of two people called Nguyen.

use crate::lexicon::roles::role_head;
use crate::model::{Corpus, Document, Speaker, SpeakerId};
use crate::names::{name_key, subset};

/// What makes two speakers of different articles the same.
fn identity(s: &Speaker) -> String {
    match (&s.name, &s.role, &s.entity) {
        (Some(n), _, _) => format!("person:{}", name_key(n)),
        (None, Some(r), e) => format!("role:{}:{}", role_head(r), e.as_ref().map_or("", |e| e.code.as_str())),
        (None, None, Some(e)) => format!("entity:{}", e.code),
        (None, None, None) => String::from("unknown"),
    }
}

/// Builds the corpus: moves each document's speakers into one table,
/// merging the same speaker met in several documents.
pub fn merge(mut documents: Vec<Document>) -> Corpus {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for doc in &mut documents {
        let local = std::mem::take(&mut doc.speakers);
        let mut map = Vec::with_capacity(local.len());
        for s in local {
            let k = identity(&s);
            let at = match keys.iter().position(|x| *x == k) {
                Some(i) => {
                    absorb(&mut speakers[i], s);
                    i
                }
                None => {
                    keys.push(k);
                    speakers.push(s);
                    speakers.len() - 1
                }
            };
            map.push(at);
        }
        for p in &mut doc.passages {
            p.remap_speakers(|SpeakerId(i)| map.get(i as usize).map(|&j| id(j)));
        }
    }
    let mut corpus = Corpus { documents, speakers };
    merge_family_names(&mut corpus);
    corpus
}

fn id(i: usize) -> SpeakerId {
    SpeakerId(u32::try_from(i).unwrap_or(u32::MAX))
}

/// Adds what `other` knows to `into`: spellings, and a role or country when
/// `into` lacks one.
pub fn absorb(into: &mut Speaker, other: Speaker) {
    if let Some(n) = other.name {
        if into.name.as_deref() != Some(n.as_str()) && !into.aliases.contains(&n) {
            into.aliases.push(n);
        }
    }
    for a in other.aliases {
        if into.name.as_deref() != Some(a.as_str()) && !into.aliases.contains(&a) {
            into.aliases.push(a);
        }
    }
    if into.role.is_none() {
        into.role = other.role;
    }
    if into.entity.is_none() {
        into.entity = other.entity;
    }
}

/// A speaker known by one word joins the only full name containing it.
fn merge_family_names(corpus: &mut Corpus) {
    let keys: Vec<Option<String>> = corpus.speakers.iter().map(|s| s.name.as_deref().map(name_key)).collect();
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k.as_deref().filter(|k| !k.contains(' ')) else { continue };
        let fits: Vec<usize> = keys
            .iter()
            .enumerate()
            .filter(|(j, o)| *j != i && o.as_deref().is_some_and(|o| o.contains(' ') && subset(k, o)))
            .map(|(j, _)| j)
            .collect();
        if let [target] = fits[..] {
            merge_into(corpus, i, target);
        }
    }
    remove_orphans(corpus);
}

/// Points every passage of speaker `from` at `to` and folds the record in;
/// `from` is left without passages and removed by [`remove_orphans`].
pub fn merge_into(corpus: &mut Corpus, from: usize, to: usize) {
    if from == to {
        return;
    }
    let moved = corpus.speakers[from].clone();
    absorb(&mut corpus.speakers[to], moved);
    for p in corpus.documents.iter_mut().flat_map(|d| d.passages.iter_mut()) {
        p.remap_speakers(|s| Some(if s == id(from) { id(to) } else { s }));
    }
    corpus.speakers[from].name = None;
    corpus.speakers[from].role = None;
    corpus.speakers[from].entity = None;
}

/// Drops speakers no passage points at, renumbering the rest.
pub fn remove_orphans(corpus: &mut Corpus) {
    let mut used = vec![false; corpus.speakers.len()];
    for p in corpus.documents.iter().flat_map(|d| &d.passages) {
        for SpeakerId(i) in p.speakers() {
            if let Some(u) = used.get_mut(i as usize) {
                *u = true;
            }
        }
    }
    let mut new_ids = Vec::with_capacity(used.len());
    let mut next = 0;
    for &u in &used {
        new_ids.push(u.then(|| {
            next += 1;
            next - 1
        }));
    }
    let old = std::mem::take(&mut corpus.speakers);
    corpus.speakers = old.into_iter().zip(&used).filter(|(_, u)| **u).map(|(s, _)| s).collect();
    for p in corpus.documents.iter_mut().flat_map(|d| d.passages.iter_mut()) {
        p.remap_speakers(|SpeakerId(i)| new_ids.get(i as usize).copied().flatten().map(id));
    }
}
