//! The synthetic vocabulary and its Zipf sampler.
//!
//! Words are ranked so that a Zipf draw looks like French news text: the
//! seeds' own words first, in their observed frequency order (so function
//! words and the convention's jargon dominate, as in the real corpus), then
//! the shipped word list, then inflections of both (plurals, feminines, verb
//! endings), then prefixed derivations (`cyber`, `inter`, `ré`...) for the
//! long tail of rare words that large corpora always have. Each tier is
//! shuffled with the seeded PRNG so ranks do not follow the alphabet.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use crate::rng::Rng;

/// The shipped French word list (one word a line), for words the five seed
/// articles never use.
const WORD_LIST: &str = include_str!("../words/fr.txt");

/// Prefixes for the long tail; real French coins words this way.
const PREFIXES: [&str; 14] =
    ["re", "dé", "co", "inter", "pré", "anti", "cyber", "sur", "sous", "multi", "post", "contre", "auto", "trans"];

pub struct Vocabulary {
    /// Surface forms, most frequent first.
    pub words: Vec<String>,
    /// Cumulative Zipf weights, for sampling by binary search.
    cdf: Vec<f64>,
}

impl Vocabulary {
    /// Builds `size` words from the seed articles in `seeds` and the word list.
    pub fn build(seeds: &Path, size: usize, rng: &mut Rng) -> std::io::Result<Vocabulary> {
        let mut seen = HashSet::new();
        let mut words = Vec::with_capacity(size);
        let mut push = |w: String, words: &mut Vec<String>| {
            if words.len() < size && seen.insert(fold(&w)) {
                words.push(w);
            }
        };

        for w in seed_words_by_frequency(seeds)? {
            push(w, &mut words);
        }
        let mut listed: Vec<String> = WORD_LIST.lines().map(str::to_owned).collect();
        rng.shuffle(&mut listed);
        for w in listed {
            push(w, &mut words);
        }
        let mut inflected: Vec<String> = words.iter().flat_map(|w| inflections(w)).collect();
        rng.shuffle(&mut inflected);
        for w in inflected {
            push(w, &mut words);
        }
        let bases: Vec<String> = words.iter().filter(|w| w.chars().count() >= 5 && is_lower(w)).cloned().collect();
        let mut derived: Vec<String> =
            bases.iter().flat_map(|b| PREFIXES.iter().map(move |p| format!("{p}{b}"))).collect();
        rng.shuffle(&mut derived);
        for w in derived {
            push(w, &mut words);
        }

        // Zipf–Mandelbrot, exponent 1 and offset 2.7: the usual fit for
        // word frequencies in news text.
        let mut total = 0.0;
        let cdf = (0..words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64 + 2.7);
                total
            })
            .collect();
        Ok(Vocabulary { words, cdf })
    }

    /// A word index drawn from the Zipf distribution.
    pub fn sample(&self, rng: &mut Rng) -> usize {
        let x = rng.unit() * self.cdf[self.cdf.len() - 1];
        self.cdf.partition_point(|&c| c <= x).min(self.words.len() - 1)
    }
}

/// The seeds' words, most frequent first; each in its most frequent casing,
/// so proper nouns keep their capital. Single letters (the `l`, `d` of
/// elisions) are dropped: the generator writes elisions itself.
fn seed_words_by_frequency(seeds: &Path) -> std::io::Result<Vec<String>> {
    let mut files: Vec<_> = std::fs::read_dir(seeds)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    // folded key -> (count, casing -> count)
    let mut counts: BTreeMap<String, (u32, BTreeMap<String, u32>)> = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(file)?;
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > 1 || *w == "à") {
            let entry = counts.entry(word.to_lowercase()).or_default();
            entry.0 += 1;
            *entry.1.entry(word.to_owned()).or_default() += 1;
        }
    }
    let mut ranked: Vec<(u32, String)> = counts
        .into_iter()
        .map(|(lower, (n, casings))| {
            // Sentence-initial capitals do not make a proper noun: prefer
            // the lowercase form whenever it occurs at all.
            let form = if casings.contains_key(&lower) {
                lower
            } else {
                casings.into_iter().max_by_key(|(_, n)| *n).map(|(w, _)| w).unwrap_or(lower)
            };
            (n, form)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(ranked.into_iter().map(|(_, w)| w).collect())
}

fn is_lower(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase())
}

/// Regular French inflections of a lowercase word; irregular or impossible
/// forms are harmless here, they only need to look and tokenize like French.
fn inflections(word: &str) -> Vec<String> {
    if !is_lower(word) || word.chars().count() < 4 {
        return Vec::new();
    }
    let stem = |n: usize| word[..word.len() - n].to_owned();
    let with = |base: String, ends: &[&str]| ends.iter().map(|e| format!("{base}{e}")).collect::<Vec<_>>();
    let mut out = Vec::new();
    if word.ends_with("er") {
        out = with(stem(2), &["e", "es", "ons", "ez", "ent", "é", "ée", "és", "ées", "ait", "aient", "ant", "era", "eront", "ement"]);
    } else if word.ends_with("ir") {
        out = with(stem(2), &["it", "issons", "issent", "i", "ie", "issant", "issement"]);
    } else if word.ends_with("tion") {
        out = with(word.to_owned(), &["s", "nel", "nelle", "nels", "nelles"]);
    } else if word.ends_with("ique") {
        out = with(word.to_owned(), &["s", "ment"]);
    } else if word.ends_with("al") {
        out = with(stem(2), &["aux", "ale", "ales"]);
    } else if word.ends_with("if") {
        out = with(stem(2), &["ifs", "ive", "ives", "ivement"]);
    } else if word.ends_with("eux") {
        out = with(stem(1), &["se", "ses", "sement"]);
    } else if word.ends_with('é') {
        out = with(word.to_owned(), &["e", "s", "es"]);
    } else if !word.ends_with(['s', 'x', 'z']) {
        out.push(format!("{word}s"));
        if word.ends_with("ien") || word.ends_with("el") {
            out.extend(with(word.to_owned(), &["ne", "nes"]));
        }
    }
    out
}

/// Search form of a word for the generator's own bookkeeping (uniqueness,
/// accent-free queries): NFKD, combining marks dropped, lowercase. It is
/// deliberately not the engine's analyser, so queries do not depend on the
/// code under test.
pub fn fold(word: &str) -> String {
    word.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}
