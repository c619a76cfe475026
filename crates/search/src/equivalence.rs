//! Words and phrases that mean the same thing to a reader: a term of the
//! field in French and English (`rançongiciel`, `ransomware`), a country or
//! body under its names, codes and acronyms (`Viêt Nam`, `Vietnam`, `VNM`),
//! a person under the spellings the corpus merged.
//!
//! The builder takes groups (from the term file, `data/equivalences.txt`,
//! and from whoever compiles the corpus, which knows the countries, bodies
//! and speakers) and writes them to the blob as text: one group a line,
//! members as written, separated by tabs. The [`crate::Searcher`] reads
//! that text into a lookup table on its first search, keyed by the folded
//! words of each member, so the blob stays small and the index stays a
//! reader of bytes.

use std::cell::OnceCell;

use crate::analysis::{is_stop_word_anywhere, tokenize, TokenKind};
use crate::order;

/// The term file shipped with the crate: French and English terms of the
/// field. Its format is described at its top.
pub const FIELD_TERMS: &str = include_str!("../data/equivalences.txt");

/// Separates the members of a group in the term file.
const FILE_SEPARATOR: char = '|';
/// Separates members, and groups, in the blob.
pub(crate) const MEMBER_SEPARATOR: char = '\t';
pub(crate) const GROUP_SEPARATOR: char = '\n';

/// The groups of a term file: one group a line, members separated by `|`;
/// `#` starts a comment line.
pub fn parse_groups(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split(FILE_SEPARATOR).map(str::trim).filter(|m| !m.is_empty()).map(String::from).collect())
        .collect()
}

/// The folded words of a member, joined by spaces, as query words are
/// compared with it; `None` for a member that would match everywhere (a
/// stop word such as the acronym "UN", or single letters such as "U.N.").
pub(crate) fn key(member: &str) -> Option<String> {
    let words: Vec<String> = tokenize(member).into_iter().filter(|t| t.kind != TokenKind::Part).map(|t| t.term).collect();
    let meaningless = words.len() == 1 && is_stop_word_anywhere(&words[0]);
    let letters = words.iter().all(|w| w.chars().count() < 2);
    (!words.is_empty() && !meaningless && !letters).then(|| words.join(" "))
}

/// The groups as the blob stores them: members that fold alike kept once,
/// groups sharing a member merged (equivalence is transitive), groups left
/// with one member dropped, all in a stable order.
pub(crate) fn encode(groups: &[Vec<String>]) -> String {
    let mut merged: Vec<Vec<(String, String)>> = Vec::new();
    for group in groups {
        let members: Vec<(String, String)> = group.iter().filter_map(|m| Some((key(m)?, m.replace([MEMBER_SEPARATOR, GROUP_SEPARATOR], " ")))).collect();
        let (mut joined, rest): (Vec<_>, Vec<_>) =
            std::mem::take(&mut merged).into_iter().partition(|g| g.iter().any(|(k, _)| members.iter().any(|(m, _)| m == k)));
        merged = rest;
        let mut all: Vec<(String, String)> = joined.drain(..).flatten().collect();
        all.extend(members);
        let mut seen = Vec::new();
        all.retain(|(k, _)| if seen.contains(k) { false } else { seen.push(k.clone()); true });
        merged.push(all);
    }
    merged.retain(|g| g.len() >= 2);
    merged.sort();
    let lines: Vec<String> = merged
        .iter()
        .map(|g| g.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join(&MEMBER_SEPARATOR.to_string()))
        .collect();
    lines.join(&GROUP_SEPARATOR.to_string())
}

/// The groups of a blob, read from its text the first time a search needs
/// them: reading folds every member, and the page's first screen (the
/// latest statements: no words, no filter values) needs none.
#[derive(Debug)]
pub(crate) struct LazyEquivalences<'a> {
    text: &'a str,
    table: OnceCell<Equivalences<'a>>,
}

impl<'a> LazyEquivalences<'a> {
    pub(crate) fn new(text: &'a str) -> LazyEquivalences<'a> {
        LazyEquivalences { text, table: OnceCell::new() }
    }

    pub(crate) fn get(&self) -> &Equivalences<'a> {
        self.table.get_or_init(|| Equivalences::read(self.text))
    }

    #[cfg(test)]
    pub(crate) fn is_read(&self) -> bool {
        self.table.get().is_some()
    }
}

/// The groups of a blob, looked up by folded words.
#[derive(Debug, Default)]
pub(crate) struct Equivalences<'a> {
    /// (folded member, its group), sorted for binary search: a map type
    /// would cost the page more code than this lookup saves.
    groups_of: Vec<(String, usize)>,
    /// Each group's members: (folded, as written).
    groups: Vec<Vec<(String, &'a str)>>,
    /// Most words in a member.
    longest: usize,
}

impl<'a> Equivalences<'a> {
    pub(crate) fn read(text: &'a str) -> Equivalences<'a> {
        let mut table = Equivalences::default();
        for line in text.split(GROUP_SEPARATOR) {
            let members: Vec<(String, &'a str)> = line.split(MEMBER_SEPARATOR).filter_map(|m| Some((key(m)?, m))).collect();
            for (folded, _) in &members {
                table.longest = table.longest.max(folded.split(' ').count());
                table.groups_of.push((folded.clone(), table.groups.len()));
            }
            table.groups.push(members);
        }
        // The first group holding a member wins, as the builder merged them:
        // members are pushed group by group, and the sort keeps that order.
        order::sort_by_key(&mut table.groups_of, |(member, _)| (0, member.as_str()));
        table.groups_of.dedup_by(|later, first| later.0 == first.0);
        table
    }

    /// Most words in a member: longer runs of query words need no lookup.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// The other members of the group holding `folded` (the folded words
    /// of a query, joined by spaces), as (folded, as written).
    pub(crate) fn others(&self, folded: &str) -> Vec<(&str, &'a str)> {
        let at = self.groups_of.binary_search_by(|(key, _)| key.as_str().cmp(folded));
        let Some(group) = at.ok().and_then(|at| self.groups.get(self.groups_of[at].1)) else { return Vec::new() };
        group.iter().filter(|(k, _)| k != folded).map(|(k, m)| (k.as_str(), *m)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_merge_through_shared_members_and_drop_what_matches_everywhere() {
        let groups = parse_groups("# comment\nUN | ONU | Nations Unies\n\nONU | United Nations | U.N.\nseul\n");
        let text = encode(&groups);
        let table = Equivalences::read(&text);
        let others: Vec<&str> = table.others("onu").into_iter().map(|(_, m)| m).collect();
        assert_eq!(others, ["Nations Unies", "United Nations"]);
        assert_eq!(table.longest(), 2);
        assert!(table.others("un").is_empty(), "a stop word is no member");
        assert!(table.others("seul").is_empty(), "a group of one is dropped");
    }

    #[test]
    fn the_term_file_parses_into_groups_of_several_members() {
        let groups = parse_groups(FIELD_TERMS);
        assert!(groups.len() >= 10);
        assert!(groups.iter().all(|g| g.len() >= 2), "{groups:?}");
        assert!(groups.iter().any(|g| g.iter().any(|m| m == "rançongiciel") && g.iter().any(|m| m == "ransomware")));
    }
}
