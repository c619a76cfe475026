//! The words that set a group of passages apart from the whole corpus, for
//! the "most distinctive words" of a speaker's or a country's page, and the
//! words the whole corpus returns to most, for topics to suggest.
//!
//! A word scores by how often the group uses it, weighted by how much more
//! of the group's passages hold it than the corpus's passages do. The corpus
//! side is the body frequency the postings already store, so nothing is
//! precomputed for this and the blob does not grow.

use std::collections::HashMap;

use fst::Streamer;

use crate::analysis::{is_stop_word_anywhere, tokenize, TokenKind};
use crate::index::Index;
use crate::searcher::Searcher;
use crate::types::{Filters, SearchRequest};

/// Words shorter than this are mostly grammar, whatever the stop lists miss.
const MIN_CHARS: usize = 4;
/// A suggested topic is a longer word: shorter frequent ones are
/// prepositions and verbs (`contre`, `entre`, `depuis`) more often than
/// subjects, and stop lists leave them in.
const MIN_TOPIC_CHARS: usize = 7;
/// Passages read to find how a frequent word is usually written.
const SPELLINGS_LOOKED_AT: usize = 8;

struct Tally<'t> {
    uses: u32,
    passages: u32,
    /// How the group writes the word: in lower case if it ever does, so
    /// a sentence start does not capitalise a common word and a name keeps
    /// its capital.
    shown: &'t str,
}

impl Searcher<'_> {
    /// Up to `limit` words most typical of the passages that `filters`
    /// select, best first, each as written in those passages.
    /// Words used only once in the group are left out: one use says little.
    pub fn distinctive_terms(&self, filters: &Filters, limit: usize) -> Vec<String> {
        let request = SearchRequest { filters: filters.clone(), ..SearchRequest::default() };
        let group = self.matches(&request);
        let index = self.index();
        let texts: Vec<&str> = group.iter().filter_map(|passage| index.passage_text(passage.0)).collect();
        let mut tallies: HashMap<String, Tally<'_>> = HashMap::new();
        for text in &texts {
            let mut seen_here: Vec<String> = Vec::new();
            for token in tokenize(text) {
                let plain_word = token.kind != TokenKind::Part && token.term.chars().any(char::is_alphabetic);
                if !plain_word || token.term.chars().count() < MIN_CHARS || is_stop_word_anywhere(&token.term) {
                    continue;
                }
                let written = text.get(token.range.clone()).unwrap_or_default();
                let tally = tallies.entry(token.term.clone()).or_insert(Tally { uses: 0, passages: 0, shown: written });
                if has_capital(tally.shown) && !has_capital(written) {
                    tally.shown = written;
                }
                tally.uses += 1;
                if !seen_here.contains(&token.term) {
                    tally.passages += 1;
                    seen_here.push(token.term);
                }
            }
        }

        let group_size = texts.len().max(1) as f64;
        let corpus_size = index.passage_count().max(1) as f64;
        let mut scored: Vec<(f64, String, String)> = tallies
            .into_iter()
            .filter(|(_, tally)| tally.uses >= 2)
            .filter_map(|(term, tally)| {
                let corpus_passages = index.term(&term).map_or(0, |id| index.body_frequency(id));
                let in_group = f64::from(tally.passages) / group_size;
                let in_corpus = (f64::from(corpus_passages) + 1.0) / (corpus_size + 1.0);
                let lift = (in_group / in_corpus).ln();
                (lift > 0.0).then(|| (f64::from(tally.uses).ln_1p() * lift, term, tally.shown.to_owned()))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored.into_iter().take(limit).map(|(_, _, shown)| shown).collect()
    }
}

impl Index<'_> {
    /// Up to `limit` words held by the most passages, most first, each as
    /// spelled where it first occurs: topics a reader can start from on any
    /// corpus. One walk over the dictionary reading each term's passage count
    /// from its postings header, so it costs the vocabulary, not the text.
    pub fn frequent_words(&self, limit: usize) -> Vec<String> {
        // The best so far, most frequent first. `limit` is a handful, so an
        // insertion keeps them in order without a sort compiled for it.
        let mut best: Vec<(u32, u32, String)> = Vec::with_capacity(limit + 1);
        let mut stream = self.terms.stream();
        while let Some((key, id)) = stream.next() {
            let (Ok(term), Ok(id)) = (std::str::from_utf8(key), u32::try_from(id)) else { continue };
            let topical = term.chars().count() >= MIN_TOPIC_CHARS
                && term.chars().all(char::is_alphabetic)
                && !is_stop_word_anywhere(term);
            if !topical {
                continue;
            }
            let passages = self.body_frequency(id);
            // Ties keep dictionary order: a later term must do strictly better.
            let at = best.iter().position(|&(n, _, _)| passages > n).unwrap_or(best.len());
            if at < limit {
                best.insert(at, (passages, id, term.to_owned()));
                best.truncate(limit);
            }
        }
        best.into_iter().filter_map(|(_, id, term)| self.spelling(id, &term)).collect()
    }

    /// How `term` is written: in lower case if any of its first few passages
    /// writes it so, else as first written, so `Vietnam` keeps its capital
    /// and a common word does not keep the one of a sentence start.
    fn spelling(&self, id: u32, term: &str) -> Option<String> {
        let mut first = None;
        for (passage, _) in self.postings(id).body().take(SPELLINGS_LOOKED_AT) {
            let Some(text) = self.passage_text(passage) else { continue };
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

fn has_capital(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::builder::IndexBuilder;
    use crate::index::Index;
    use crate::types::{DocumentRecord, Filters, Lang, PassageRecord, SpeakerRecord, StatementRecord};

    #[test]
    fn a_speakers_own_words_come_first() {
        let mut builder = IndexBuilder::new();
        let fisher = builder.add_speaker(SpeakerRecord { name: "Ana".into(), role: None, country: None });
        let doc = builder.add_document(DocumentRecord {
            title: "t".into(),
            outlet: None,
            url: None,
            lang: Lang::Fr,
            date: None,
            file: "a.txt".into(),
        });
        let passages = [
            (Some(fisher), "Les pêcheurs réclament des filets, des filets solides pour la coopération."),
            (Some(fisher), "Sans filets, les pêcheurs ne travaillent pas ; la coopération aide."),
            (None, "La coopération internationale progresse et la coopération régionale aussi."),
            (None, "Une coopération renforcée entre les États signataires."),
        ];
        for (speaker, text) in passages {
            builder.add_passage(PassageRecord { section: None, document: doc, text: text.into(), statements: speaker.map(StatementRecord::plain).into_iter().collect(), mentions: vec![] });
        }
        let blob = builder.finish();
        let index = crate::Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let words = index.distinctive_terms(&Filters { speakers: vec![fisher], ..Filters::default() }, 3);
        assert_eq!(words.first().map(String::as_str), Some("filets"), "{words:?}");
        assert!(words.iter().any(|word| word == "pêcheurs"), "{words:?}");
        assert!(!words.iter().any(|word| word == "coopération"), "shared with everyone: {words:?}");
        assert!(index.distinctive_terms(&Filters::default(), 5).iter().all(|word| word.chars().count() >= 4));
    }

    #[test]
    fn frequent_words_are_long_words_in_most_passages_as_written() {
        let mut builder = IndexBuilder::new();
        let doc = builder.add_document(DocumentRecord { title: "t".into(), file: "a.txt".into(), ..Default::default() });
        for text in [
            "La Coopération contre la cybercriminalité, dont tout dépend.",
            "La coopération progresse, dont acte.",
            "La coopération et la sécurité.",
            "La sécurité 2025 encore.",
            "Sécurité d'abord, dit le Vietnam.",
            "Le Vietnam progresse.",
        ] {
            builder.add_passage(PassageRecord { section: None, document: doc, text: text.into(), statements: vec![], mentions: vec![] });
        }
        let blob = builder.finish();
        let index = Index::open(&blob).expect("the test blob opens");
        assert_eq!(index.frequent_words(2), ["coopération", "sécurité"]);
        assert_eq!(index.frequent_words(10), ["coopération", "sécurité", "progresse", "Vietnam", "cybercriminalité"]);
        assert!(index.frequent_words(0).is_empty());
    }
}
