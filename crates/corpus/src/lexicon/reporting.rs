//! The words that report speech, as data editors extend
//! (`data/reporting-*.txt`, `data/closings.txt`): the verbs and adverbs the
//! cues are built from, and the courtesy lines that close a speech.

use crate::lexicon::lists::entries;
use crate::text::fold::key;
use std::sync::OnceLock;

/// French reporting verbs as past participles ("a déclaré").
pub const FR_PARTICIPLES: &str = include_str!("data/reporting-fr-participles.txt");
/// French reporting verbs in the present ("déclare", "estiment").
pub const FR_PRESENT: &str = include_str!("data/reporting-fr-present.txt");
/// Adverbs between auxiliary and participle ("a également souligné").
pub const ADVERBS: &str = include_str!("data/reporting-adverbs.txt");
/// English reporting verbs and phrases.
pub const EN_VERBS: &str = include_str!("data/reporting-en.txt");
/// Verbs a statement uses after "we" / "nous".
pub const WE_VERBS: &str = include_str!("data/reporting-we.txt");
const CLOSINGS: &str = include_str!("data/closings.txt");

/// A word list as a regex alternation: each entry escaped, a space matching
/// any run of whitespace, longest entries first so that "fait savoir" wins
/// over "fait".
pub fn alternation(list: &str) -> String {
    let mut alternatives: Vec<String> = entries(list).map(|l| l.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s+")).collect();
    alternatives.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    alternatives.dedup();
    alternatives.join("|")
}

/// Whether a passage is only a courtesy line closing a speech ("Thank you
/// for your attention!", "Je vous remercie."): it is the speaker's, not the
/// journalist's.
pub fn is_closing(text: &str) -> bool {
    static C: OnceLock<Vec<String>> = OnceLock::new();
    let closings = C.get_or_init(|| entries(CLOSINGS).map(key).collect());
    let words = key(text);
    let words = words.trim().trim_end_matches(['.', '!', ' ', '»', '"']);
    words.len() < 60 && closings.iter().any(|c| words == c || words.strip_prefix(c.as_str()).is_some_and(|rest| rest.starts_with([' ', ',']) && rest.len() < 30))
}
