//! Topics to suggest on a kiosk: words typical of this corpus, not merely
//! its most frequent ones. The most frequent are either words any report
//! repeats ("président", "nations") or the corpus's own subject
//! ("convention"), which finds nearly every passage and so shows nothing in
//! particular.
//!
//! So a topic is a long word that ordinary French and English do not use at
//! every turn (`data/ordinary-words.txt`), scored `n · ln(N / n)` when a tap
//! on it finds `n` of the `N` passages, and finding at most half of them:
//! frequent enough to find a good handful, rare enough to narrow the corpus
//! down (the score is highest at a third of the passages).
//!
//! What a tap finds is more than the passages holding the word (its plural,
//! the documents whose title holds it), so the word's own passage count
//! picks a few candidates, cheaply, and a search per candidate scores them.

use fst::Streamer;

use crate::analysis::{is_stop_word_anywhere, stem, tokenize, TokenKind};
use crate::distinctive::has_capital;
use crate::searcher::Searcher;
use crate::stopwords::ordinary_words;
use crate::types::{Lang, SearchRequest};

/// A suggested topic is a longer word: shorter frequent ones are
/// prepositions and verbs (`contre`, `entre`, `depuis`) more often than
/// subjects, and stop lists leave them in.
const MIN_TOPIC_CHARS: usize = 7;
/// A word in a single passage is a detail, not a topic to explore.
const MIN_TOPIC_PASSAGES: usize = 2;
/// A word in more than this share of the passages is the corpus's subject
/// rather than a topic within it: tapping it would show half the corpus.
const MAX_TOPIC_SHARE: f64 = 0.5;
/// Candidates searched per topic wanted: enough that a few too broad ones
/// leave the rest, few enough that the searches cost little at start-up.
const CANDIDATES_PER_TOPIC: usize = 4;
/// Passages read to find how a topic is usually written.
const SPELLINGS_LOOKED_AT: usize = 8;

impl Searcher<'_> {
    /// Up to `limit` topics typical of the corpus, best first, each as
    /// spelled in its passages. One walk over the dictionary reading each
    /// term's passage count from its postings header (it costs the
    /// vocabulary, not the text), then a search for each of a few candidates.
    pub fn topics(&self, limit: usize) -> Vec<String> {
        let ordinary = ordinary_words();
        let index = self.index();
        let passages = index.passage_count();
        let mut candidates = Best::new(limit.saturating_mul(CANDIDATES_PER_TOPIC));
        let mut stream = index.terms.stream();
        while let Some((key, id)) = stream.next() {
            let (Ok(term), Ok(id)) = (std::str::from_utf8(key), u32::try_from(id)) else { continue };
            let topical = term.chars().count() >= MIN_TOPIC_CHARS
                && term.chars().all(char::is_alphabetic)
                && !is_stop_word_anywhere(term);
            let Some(score) = score(index.body_frequency(id) as usize, passages).filter(|_| topical) else { continue };
            if candidates.would_take(score) && !ordinary.iter().any(|word| word == term) {
                candidates.offer(score, id, term);
            }
        }
        let mut scored = Best::new(candidates.terms.len());
        for (_, id, term) in candidates.terms {
            let found = self.matches(&SearchRequest { query: term.clone(), ..SearchRequest::default() }).len();
            if let Some(score) = score(found, passages) {
                scored.offer(score, id, &term);
            }
        }
        // "technologies" and "technologique" are one topic, offered once.
        let mut stems: Vec<String> = Vec::new();
        scored
            .terms
            .into_iter()
            .filter(|(_, _, term)| {
                let own = Lang::ALL.map(|lang| stem(term, lang).unwrap_or_else(|| term.clone()));
                let new = !own.iter().any(|stem| stems.contains(stem));
                stems.extend(own);
                new
            })
            .take(limit)
            .filter_map(|(_, id, term)| self.spelling(id, &term))
            .collect()
    }

    /// How `term` is written: in lower case if any of its first few passages
    /// writes it so, else as first written, so `Vietnam` keeps its capital
    /// and a common word does not keep the one of a sentence start.
    fn spelling(&self, id: u32, term: &str) -> Option<String> {
        let mut first = None;
        let index = self.index();
        for (passage, _) in index.postings(id).body().take(SPELLINGS_LOOKED_AT) {
            let Some(text) = index.passage_text(passage) else { continue };
            for token in tokenize(text).into_iter().filter(|token| token.term == term && token.kind != TokenKind::Part) {
                let Some(written) = text.get(token.range) else { continue };
                if !has_capital(written) {
                    return Some(written.to_owned());
                }
                first.get_or_insert_with(|| written.to_owned());
            }
        }
        first
    }
}

/// How good a topic finding `found` of `passages` passages is; `None` when
/// it finds too few to explore or too many to narrow anything down.
fn score(found: usize, passages: usize) -> Option<f64> {
    let share = found as f64 / passages.max(1) as f64;
    (found >= MIN_TOPIC_PASSAGES && share <= MAX_TOPIC_SHARE).then(|| -(found as f64) * share.ln())
}

/// The best few terms offered so far, best first. A handful, so an
/// insertion keeps them in order without a sort compiled for it.
struct Best {
    limit: usize,
    terms: Vec<(f64, u32, String)>,
}

impl Best {
    fn new(limit: usize) -> Best {
        Best { limit, terms: Vec::with_capacity(limit.saturating_add(1)) }
    }

    /// Where a term scoring `score` would go. Ties keep the order offered:
    /// a later term must do strictly better.
    fn place(&self, score: f64) -> usize {
        self.terms.iter().position(|(other, _, _)| score > *other).unwrap_or(self.terms.len())
    }

    fn would_take(&self, score: f64) -> bool {
        self.place(score) < self.limit
    }

    fn offer(&mut self, score: f64, id: u32, term: &str) {
        let at = self.place(score);
        if at < self.limit {
            self.terms.insert(at, (score, id, term.to_owned()));
            self.terms.truncate(self.limit);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::stopwords::ordinary_words;
    use crate::builder::IndexBuilder;
    use crate::searcher::Searcher;
    use crate::types::{DocumentRecord, PassageRecord};

    #[test]
    fn topics_are_typical_words_neither_ordinary_nor_everywhere() {
        let mut builder = IndexBuilder::new();
        let doc = builder.add_document(DocumentRecord { title: "t".into(), file: "a.txt".into(), ..Default::default() });
        // "convention" is in every passage, "président" (an ordinary word) in
        // most; "Cybercriminalité" and "Vietnam" in some, "rançongiciel" once.
        for text in [
            "Le président signe la convention contre la Cybercriminalité.",
            "La convention, dit le président, protège contre la cybercriminalité.",
            "Le président du Vietnam salue la convention.",
            "La convention et le président, encore le président.",
            "Le Vietnam accueille la convention.",
            "Un rançongiciel vise la convention.",
            "La convention est ouverte à la signature.",
            "La convention est adoptée.",
        ] {
            builder.add_passage(PassageRecord { section: None, document: doc, text: text.into(), statements: vec![], mentions: vec![] });
        }
        let blob = builder.finish();
        let index = Searcher::new(crate::index::Index::open(&blob).expect("the test blob opens"));
        assert_eq!(index.topics(2), ["cybercriminalité", "Vietnam"], "as written, in lower case where it ever is");
        assert_eq!(index.topics(10), ["cybercriminalité", "Vietnam"], "nor ordinary, nor everywhere, nor once");
        assert!(index.topics(0).is_empty());
    }

    #[test]
    fn one_stem_is_one_topic() {
        let mut builder = IndexBuilder::new();
        let doc = builder.add_document(DocumentRecord { title: "t".into(), file: "a.txt".into(), ..Default::default() });
        for text in ["Les technologies changent.", "Des technologies.", "Une avancée technologique.", "Un saut technologique.", "Rien.", "Rien encore.", "Autre.", "Encore.", "Plus.", "Fin."] {
            builder.add_passage(PassageRecord { section: None, document: doc, text: text.into(), statements: vec![], mentions: vec![] });
        }
        let blob = builder.finish();
        let index = Searcher::new(crate::index::Index::open(&blob).expect("the test blob opens"));
        assert_eq!(index.topics(6).len(), 1, "{:?}", index.topics(6));
    }

    #[test]
    fn ordinary_words_are_folded_and_list_no_comment() {
        let words = ordinary_words();
        assert!(words.contains(&"president".to_owned()), "accents folded away");
        assert!(words.contains(&"nations".to_owned()));
        assert!(words.iter().all(|word| !word.contains('#') && word.chars().all(char::is_alphabetic)), "{words:?}");
    }
}
