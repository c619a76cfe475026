//! News outlets: their names, web domains and the markers they sign with
//! ("VNA", "(VOVWORLD)"), from `data/outlets.tsv`.
//!
//! The metadata stage reads them to name a document's outlet; the cleaning
//! stage, which runs first, reads them to drop a line that is only a site's
//! banner. Both use the same table, so it sits here, below both.

use crate::lexicon::lists::rows;
use crate::text::fold::{fold, key};
use std::collections::HashSet;
use std::sync::OnceLock;

const OUTLETS: &str = include_str!("data/outlets.tsv");

/// One outlet and the ways a text names it.
pub struct Outlet {
    pub name: String,
    pub domains: Vec<String>,
    /// Markers folded, case kept, for signatures ("VNA", "VOVWORLD").
    pub markers: Vec<String>,
    /// Name and markers folded and lowercased, for site-name lines.
    pub keys: Vec<String>,
}

/// The outlets of `data/outlets.tsv`, read once.
pub fn outlets() -> &'static [Outlet] {
    static O: OnceLock<Vec<Outlet>> = OnceLock::new();
    O.get_or_init(|| {
        rows(OUTLETS)
            .map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                let list = |i: usize| -> Vec<String> {
                    cols.get(i)
                        .map(|c| c.split('|').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect())
                        .unwrap_or_default()
                };
                let name = cols.first().unwrap_or(&"").to_string();
                let markers: Vec<String> = list(2).iter().map(|m| fold(m)).collect();
                let keys = std::iter::once(key(&name)).chain(list(2).iter().map(|m| key(m))).collect();
                Outlet { name, domains: list(1), markers, keys }
            })
            .collect()
    })
}

/// A line that is only a site's name or domain: a banner, not text.
pub fn is_site_name(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let k = key(line.trim());
    let domain = !k.contains(' ') && k.contains('.') && k.rsplit('.').next().is_some_and(|tld| (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase()));
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    domain || KEYS.get_or_init(|| outlets().iter().flat_map(|o| o.keys.iter().cloned()).collect()).contains(&k)
}
