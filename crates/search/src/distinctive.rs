//! The words that set a group of passages apart from the whole corpus, for
//! the "most distinctive words" of a speaker's or a country's page.
//!
//! A word scores by how often the group uses it, weighted by how much more
//! of the group's passages hold it than the corpus's passages do. The corpus
//! side is the body frequency the postings already store, so nothing is
//! precomputed for this and the blob does not grow.

use std::collections::HashMap;

use crate::analysis::{is_stop_word_anywhere, tokenize, TokenKind};
use crate::searcher::Searcher;
use crate::types::{Filters, SearchRequest};

/// Words shorter than this are mostly grammar, whatever the stop lists miss.
const MIN_CHARS: usize = 4;

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

pub(crate) fn has_capital(word: &str) -> bool {
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
}
