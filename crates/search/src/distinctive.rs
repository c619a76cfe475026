//! The words that set a group of passages apart from the whole corpus, for
//! the "most distinctive words" of a speaker's or a country's page.
//!
//! A word scores by how often the group uses it, weighted by how much more
//! of the group's passages hold it than the corpus's passages do. The corpus
//! side is the body frequency the postings already store, so nothing is
//! precomputed for this and the blob does not grow.
//!
//! Only what the speakers said counts: the words of an attribution (the
//! reporting verb and the mention of the speaker, "a déclaré la directrice
//! Ghada Waly") are left out, and so are the group's own names and the
//! ordinary words of public affairs (`data/ordinary-words.txt`).

use std::collections::HashMap;

use crate::analysis::{is_stop_word_anywhere, tokenize, TokenKind};
use crate::order;
use crate::stopwords::ordinary_words;
use crate::searcher::Searcher;
use crate::types::{Evidence, Filters, PassageId, SearchRequest};

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
        let texts: Vec<(PassageId, &str)> = group.iter().filter_map(|&passage| Some((passage, index.passage_text(passage.0)?))).collect();
        let mut tallies: HashMap<String, Tally<'_>> = HashMap::new();
        for &(passage, text) in &texts {
            let attribution: Vec<std::ops::Range<usize>> = index
                .statements(passage)
                .into_iter()
                .filter_map(|statement| match statement.evidence {
                    Evidence::Cue { cue, mention } => Some([Some(cue), mention]),
                    _ => None,
                })
                .flatten()
                .flatten()
                .map(|span| span.range())
                .collect();
            let mut seen_here: Vec<String> = Vec::new();
            for token in tokenize(text) {
                let written = text.get(token.range.clone()).unwrap_or_default();
                // "a-t-il", "dit-elle": a verb and its pronoun, not a word of their own.
                let inverted = token.kind == TokenKind::Whole && written.split(['-', '\'', '’']).any(|part| part.chars().count() < 3);
                let plain_word = token.kind != TokenKind::Part && !inverted && token.term.chars().any(char::is_alphabetic);
                let attributes = attribution.iter().any(|span| span.start < token.range.end && token.range.start < span.end);
                if !plain_word || attributes || token.term.chars().count() < MIN_CHARS || is_stop_word_anywhere(&token.term) {
                    continue;
                }
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

        // The group's own names say who it is, not what it said.
        let speaker_names = filters.speakers.iter().filter_map(|&id| Some(index.speaker(id)?.name));
        let country_names = filters.countries.iter().filter_map(|&id| index.country(id)).flat_map(|c| [c.name_fr, c.name_en]);
        let own_names: Vec<String> = speaker_names.chain(country_names).flat_map(|name| tokenize(name).into_iter().map(|t| t.term)).collect();
        let unwanted = |term: &String| own_names.contains(term) || ordinary_words().contains(term);

        let group_size = texts.len().max(1) as f64;
        let corpus_size = index.passage_count().max(1) as f64;
        let mut scored: Vec<(f32, String, String)> = tallies
            .into_iter()
            .filter(|(term, tally)| tally.uses >= 2 && !unwanted(term))
            .filter_map(|(term, tally)| {
                let corpus_passages = index.term(&term).map_or(0, |id| index.body_frequency(id));
                let in_group = f64::from(tally.passages) / group_size;
                let in_corpus = (f64::from(corpus_passages) + 1.0) / (corpus_size + 1.0);
                let lift = (in_group / in_corpus).ln();
                // An f32 is precise enough to order by, and packs into a sort key.
                (lift > 0.0).then(|| ((f64::from(tally.uses).ln_1p() * lift) as f32, term, tally.shown.to_owned()))
            })
            .collect();
        order::sort_by_key(&mut scored, |(score, term, _)| (order::pack([!order::ordered(*score)]), term.as_str()));
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
        let fisher = builder.add_speaker(SpeakerRecord { name: "Ana".into(), role: None, country: None, label_en: None, role_en: None });
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
    fn the_words_of_the_attribution_and_ordinary_words_are_left_out() {
        use crate::types::{Evidence, Span, StatementKind};
        let mut builder = IndexBuilder::new();
        let ana = builder.add_speaker(SpeakerRecord { name: "Ana Torres".into(), role: None, country: None, label_en: None, role_en: None });
        let doc = builder.add_document(DocumentRecord { title: "t".into(), file: "a.txt".into(), ..Default::default() });
        let said = |text: &str| {
            let cue_at = text.find("a déclaré").expect("a cue");
            // The mention is the whole phrase naming her, role included.
            let name_at = text.find("la directrice Ana Torres").expect("a mention");
            StatementRecord {
                speaker: ana,
                kind: StatementKind::Indirect,
                evidence: Evidence::Cue { cue: Span::new(cue_at, cue_at + "a déclaré".len()), mention: Some(Span::new(name_at, name_at + "la directrice Ana Torres".len())) },
            }
        };
        for text in [
            "Les filets manquent, a déclaré la directrice Ana Torres, et nous devons agir autrement.",
            "Des filets solides, a déclaré la directrice Ana Torres : nous devons les acheter autrement.",
            "La coopération avance.",
            "La coopération progresse encore.",
        ] {
            let statements = if text.contains("Ana") { vec![said(text)] } else { vec![] };
            builder.add_passage(PassageRecord { section: None, document: doc, text: text.into(), statements, mentions: vec![] });
        }
        let blob = builder.finish();
        let index = crate::Searcher::new(Index::open(&blob).expect("the test blob opens"));
        let words = index.distinctive_terms(&Filters { speakers: vec![ana], ..Filters::default() }, 10);
        assert!(words.iter().any(|word| word == "filets"), "{words:?}");
        for left_out in ["déclaré", "directrice", "Torres", "devons", "autrement"] {
            assert!(!words.iter().any(|word| word == left_out), "{left_out} in {words:?}");
        }
    }
}
