//! The query set, drawn from the generated corpus itself so that every class
//! has meaningful hits at every corpus size.
//!
//! Classes: frequent words, rare words, 2–3 word queries, prefixes (what a
//! search box sees mid-word), one-typo words, accent-free forms of accented
//! words, and "keystrokes": two-word phrases typed one character at a time,
//! which is the app's real load (it searches on every key). Plus a fixed
//! list of sanity queries whose hit counts every engine must agree on.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::corpus::Corpus;
use crate::rng::Rng;
use crate::vocab::fold;

/// Queries per class: enough for a stable p95 (the 95th percentile of 40
/// queries × repetitions), few enough for the 100k run to stay short.
const PER_CLASS: usize = 40;
const KEYSTROKE_PHRASES: usize = 6;

/// Function words a person would not search for alone. The generator's own
/// list, independent of any engine's stop words.
const FUNCTION_WORDS: &[&str] = &[
    "ainsi", "alors", "apres", "aupres", "aussi", "autre", "autres", "avait", "avaient", "avant", "cette", "comme",
    "contre", "depuis", "dont", "elles", "entre", "etaient", "etait", "leurs", "lors", "notre", "votre", "toute",
    "toutes", "selon", "plusieurs", "declare",
];

#[derive(Serialize)]
pub struct QuerySet {
    /// Class name -> queries, in a fixed class order.
    pub classes: Vec<(String, Vec<String>)>,
    pub sanity: Vec<SanityQuery>,
}

/// A query whose expected passages are known: those holding every `intended`
/// word (the last one as a prefix when `prefix`), compared after folding.
#[derive(Serialize)]
pub struct SanityQuery {
    pub query: String,
    pub kind: &'static str,
    pub intended: String,
    pub prefix: bool,
}

/// Document frequency of each folded word, with its most common surface form.
struct Lexicon {
    /// (folded, surface, df), most frequent first; query-worthy words only.
    ranked: Vec<(String, String, u32)>,
    known: HashMap<String, u32>,
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

impl Lexicon {
    fn new(corpus: &Corpus) -> Lexicon {
        let mut df: HashMap<String, (u32, HashMap<&str, u32>)> = HashMap::new();
        for passage in &corpus.passages {
            let mut seen: Vec<&str> = words(&passage.text).collect();
            seen.sort_unstable();
            seen.dedup();
            for w in seen {
                let entry = df.entry(fold(w)).or_default();
                entry.0 += 1;
                *entry.1.entry(w).or_default() += 1;
            }
        }
        let known = df.iter().map(|(k, v)| (k.clone(), v.0)).collect();
        let mut ranked: Vec<(String, String, u32)> = df
            .into_iter()
            .filter(|(folded, _)| is_query_word(folded))
            .map(|(folded, (n, forms))| {
                // Lowercase surface form when there is one: people type lowercase.
                let surface = forms
                    .iter()
                    .max_by_key(|(w, c)| (w.chars().next().is_some_and(char::is_lowercase), **c, std::cmp::Reverse(**w)))
                    .map(|(w, _)| w.to_string())
                    .unwrap_or_else(|| folded.clone());
                (folded, surface, n)
            })
            .collect();
        ranked.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        Lexicon { ranked, known }
    }

    /// Ranks `lo..hi` (clamped), the pool a class draws from.
    fn band(&self, lo: usize, hi: usize) -> &[(String, String, u32)] {
        let hi = hi.min(self.ranked.len());
        &self.ranked[lo.min(hi.saturating_sub(1))..hi]
    }
}

fn is_query_word(folded: &str) -> bool {
    folded.chars().count() >= 5 && folded.chars().all(char::is_alphabetic) && !FUNCTION_WORDS.contains(&folded)
}

impl QuerySet {
    pub fn generate(corpus: &Corpus, rng: &mut Rng) -> QuerySet {
        let lex = Lexicon::new(corpus);
        let mut classes = Vec::new();

        let frequent = lex.band(0, 150);
        classes.push(("frequent", draw(rng, |r| r.pick(frequent).1.clone())));

        let rare: Vec<_> = lex.ranked.iter().filter(|w| w.2 <= 3).cloned().collect();
        classes.push(("rare", draw(rng, |r| r.pick(&rare).1.clone())));

        // What people type together: words of one passage among the 3000
        // most frequent, not the derived long tail.
        let common: HashSet<&str> = lex.band(0, 3000).iter().map(|w| w.0.as_str()).collect();
        classes.push(("multi_word", draw(rng, |r| {
            let n = r.range(2, 3);
            phrase(corpus, r, n, &common)
        })));

        let mid = lex.band(50, 3000);
        let long_mid: Vec<_> = mid.iter().filter(|w| w.0.chars().count() >= 7).cloned().collect();
        classes.push((
            "prefix",
            draw(rng, |r| {
                let n = r.range(3, 5);
                r.pick(&long_mid).1.chars().take(n).collect()
            }),
        ));

        let typo_pool: Vec<_> = lex.band(20, 3000).iter().filter(|w| w.0.chars().count() >= 6).cloned().collect();
        classes.push(("typo", draw(rng, |r| loop {
            let typo = one_edit(&r.pick(&typo_pool).1, r);
            if !lex.known.contains_key(&fold(&typo)) {
                break typo;
            }
        })));

        let accented: Vec<_> =
            lex.band(0, 3000).iter().filter(|w| !w.1.is_ascii() && w.0.is_ascii()).cloned().collect();
        classes.push(("accent_free", draw(rng, |r| r.pick(&accented).0.clone())));

        let mut keystrokes = Vec::new();
        for _ in 0..KEYSTROKE_PHRASES {
            let typed = phrase(corpus, rng, 2, &common);
            let chars: Vec<char> = typed.chars().collect();
            keystrokes.extend((2..=chars.len()).map(|n| chars[..n].iter().collect::<String>()));
        }
        classes.push(("keystrokes", keystrokes));

        QuerySet {
            classes: classes.into_iter().map(|(name, qs)| (name.to_string(), qs)).collect(),
            sanity: sanity_queries(),
        }
    }
}

fn draw(rng: &mut Rng, mut make: impl FnMut(&mut Rng) -> String) -> Vec<String> {
    (0..PER_CLASS).map(|_| make(rng)).collect()
}

/// `n` distinct words of one random passage, all in `common`, in text
/// order, lowercase: an AND query with at least that passage to find.
fn phrase(corpus: &Corpus, rng: &mut Rng, n: usize, common: &HashSet<&str>) -> String {
    loop {
        let text = &rng.pick(&corpus.passages).text;
        let mut picked: Vec<&str> = Vec::new();
        for w in words(text) {
            if common.contains(fold(w).as_str()) && !picked.iter().any(|p| fold(p) == fold(w)) {
                picked.push(w);
            }
        }
        if picked.len() >= n {
            let start = rng.range(0, picked.len() - n);
            return picked[start..start + n].join(" ").to_lowercase();
        }
    }
}

/// One substitution, deletion, insertion or transposition, never on the
/// first letter (every engine's fuzzy matching is measured on the same
/// kind of typo, and a wrong first letter is rare when typing).
fn one_edit(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let at = rng.range(1, chars.len() - 2);
    let letter = (b'a' + rng.range(0, 25) as u8) as char;
    match rng.range(0, 3) {
        0 => chars[at] = if chars[at] == letter { 'z' } else { letter },
        1 => {
            chars.remove(at);
        }
        2 => chars.insert(at, letter),
        _ => chars.swap(at, at + 1),
    }
    chars.into_iter().collect()
}

/// Fixed queries over words the vocabulary always holds (seed words).
fn sanity_queries() -> Vec<SanityQuery> {
    let q = |query: &str, kind: &'static str, intended: &str, prefix: bool| SanityQuery {
        query: query.into(),
        kind,
        intended: intended.into(),
        prefix,
    };
    vec![
        q("cybercriminalité", "exact", "cybercriminalité", false),
        q("souveraineté", "exact", "souveraineté", false),
        q("Vietnam", "exact", "Vietnam", false),
        q("Nations Unies", "two words", "Nations Unies", false),
        q("sécurité information", "two words", "sécurité information", false),
        q("cooperation", "accent-free", "coopération", false),
        q("securite", "accent-free", "sécurité", false),
        q("coopér", "prefix", "coopér", true),
        q("cybers", "prefix", "cybers", true),
        q("cybercriminalte", "typo", "cybercriminalité", false),
        q("convnetion", "typo", "convention", false),
        q("Nations Unis", "typo", "Nations Unies", false),
    ]
}
