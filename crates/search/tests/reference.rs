//! Query semantics and facet counts against a brute-force reference on
//! random small corpora.
//!
//! The reference reads the passages directly: it shares only the analyser
//! (tokenizer, stop words, stemmer), which has its own tests, and decides
//! matches by comparing tokens, edit distances and positions one by one,
//! with no index. Corpora and queries are drawn from a small vocabulary
//! full of accent, case, stem and typo neighbours so the interesting cases
//! come up often.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use search::analysis::{fold, is_stop_word, is_stop_word_anywhere, stem, tokenize, TokenKind};
use search::*;

const WORDS: &[&str] = &[
    "coopération", "Cooperation", "sécurité", "SECURITE", "convention", "conventions", "conventionnel", "cyberespace",
    "lutte", "luttes", "droits", "humains", "Hanoï", "hanoi", "États", "etat", "socio-économique", "l'ONU",
    "d’accord", "2025", "la", "de", "the", "of", "criminalité", "crime", "crimes", "signature", "signer", "signé",
    "internationale", "international", "data", "dette", "œuvre", "oeuvres", "prime", "roits", "aconvention", "lutet", "cnovention", "ocnvention",
];
const SEPARATORS: &[&str] = &[" ", ", ", " ; ", ". ", " (", ") "];
const SPEAKERS: &[&str] = &["Ghada Waly", "Ana Pérez", "vice-Premier ministre (Pologne)"];
/// (year, month, day) of the documents, drawn from these.
type DateParts = (i32, Option<u8>, Option<u8>);
const DATES: &[Option<DateParts>] =
    &[None, Some((2025, Some(10), Some(24))), Some((2025, Some(10), Some(25))), Some((2025, Some(11), None)), Some((2024, None, None))];

#[derive(Clone, Debug)]
struct Spec {
    docs: Vec<(Lang, usize, String)>,
    speakers: Vec<(usize, Option<usize>)>,
    countries: usize,
    passages: Vec<(usize, String, Option<usize>)>,
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![4 => proptest::sample::select(WORDS).prop_map(str::to_string), 1 => "[a-dé]{3,10}"]
}

fn text(words: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    proptest::collection::vec((word(), proptest::sample::select(SEPARATORS)), words).prop_map(|parts| {
        parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect::<String>()
    })
}

fn spec() -> impl Strategy<Value = Spec> {
    let docs = proptest::collection::vec(
        (prop_oneof![Just(Lang::Fr), Just(Lang::En)], 0..DATES.len(), text(0..3)),
        1..4,
    );
    let speakers = proptest::collection::vec((0..SPEAKERS.len(), proptest::option::of(0usize..3)), 0..4);
    (docs, speakers).prop_flat_map(|(docs, speakers)| {
        let n_docs = docs.len();
        let n_speakers = speakers.len();
        let passage = (
            0..n_docs,
            text(1..10),
            if n_speakers == 0 { Just(None).boxed() } else { proptest::option::of(0..n_speakers).boxed() },
        );
        proptest::collection::vec(passage, 1..16).prop_map(move |mut passages| {
            passages.sort_by_key(|p| p.0);
            Spec { docs: docs.clone(), speakers: speakers.clone(), countries: 3, passages }
        })
    })
}

fn build(spec: &Spec) -> Vec<u8> {
    build_with(spec, &[])
}

/// The corpus of `spec`, with `groups` of equivalent words.
fn build_with(spec: &Spec, groups: &[Vec<String>]) -> Vec<u8> {
    let mut b = IndexBuilder::new();
    for group in groups {
        b.add_equivalence(group);
    }
    for i in 0..spec.countries {
        b.add_country(CountryRecord { code: format!("C{i}"), name_fr: format!("Pays {i}"), name_en: format!("Country {i}"), is_country: true });
    }
    for (name, country) in &spec.speakers {
        b.add_speaker(SpeakerRecord { name: SPEAKERS[*name].into(), role: None, country: country.map(|c| CountryId(c as u32)), label_en: None, role_en: None });
    }
    for (i, (lang, date, title)) in spec.docs.iter().enumerate() {
        b.add_document(DocumentRecord {
            title: title.clone(),
            outlet: None,
            url: None,
            lang: *lang,
            date: DATES[*date].map(|(year, month, day)| Date { year, month, day }),
            file: format!("{i}.txt"),
        });
    }
    for (doc, text, speaker) in &spec.passages {
        b.add_passage(PassageRecord {
            section: None,
            document: DocId(*doc as u32),
            text: text.clone(),
            statements: speaker.map(|s| StatementRecord::plain(SpeakerId(s as u32))).into_iter().collect(),
            mentions: vec![],
        });
    }
    b.finish()
}

/// The reference: the corpus as plain token lists.
struct Reference<'s> {
    spec: &'s Spec,
    /// Every indexed term: bodies, titles and speaker names.
    dictionary: BTreeSet<String>,
}

#[derive(Clone, Debug)]
struct Word {
    term: String,
    prefix: bool,
}

/// Edit distance from the query word `a` to the term `b`: Levenshtein with
/// adjacent swaps (optimal string alignment), where an edit at the query's
/// first letter (changing it, dropping it, swapping it, or a letter typed
/// before it) counts as two.
fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let cost = |i: usize| if i == 0 { 2 } else { 1 };
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 1..=a.len() {
        d[i][0] = d[i - 1][0] + cost(i - 1);
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = 2 * j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitute = d[i - 1][j - 1] + if a[i - 1] == b[j - 1] { 0 } else { cost(i - 1) };
            d[i][j] = substitute.min(d[i - 1][j] + cost(i - 1)).min(d[i][j - 1] + 1);
            if i >= 2 && j >= 2 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + cost(i - 2));
            }
        }
    }
    d[a.len()][b.len()]
}

fn allowed_edits(term: &str, prefix: bool) -> usize {
    if term.chars().any(char::is_numeric) {
        return 0;
    }
    match term.chars().count() {
        c if c > 24 => 0,
        c if c >= 9 => 2,
        c if c >= 5 => 1,
        4 if prefix => 1,
        _ => 0,
    }
}

impl<'s> Reference<'s> {
    fn new(spec: &'s Spec) -> Self {
        let mut dictionary = BTreeSet::new();
        for (doc, text, _) in &spec.passages {
            dictionary.extend(Self::indexed(text, spec.docs[*doc].0));
        }
        for (lang, _, title) in &spec.docs {
            dictionary.extend(Self::indexed(title, *lang));
        }
        for (name, _) in &spec.speakers {
            dictionary.extend(Self::indexed(SPEAKERS[*name], Lang::Fr));
        }
        Reference { spec, dictionary }
    }

    fn indexed(text: &str, lang: Lang) -> Vec<String> {
        tokenize(text).into_iter().filter(|t| !is_stop_word(&t.term, lang)).map(|t| t.term).collect()
    }

    /// Every indexed term of passage `p`, over body, title and speaker.
    fn terms(&self, p: usize) -> Vec<String> {
        let (doc, _, _) = &self.spec.passages[p];
        let (lang, _, title) = &self.spec.docs[*doc];
        let mut terms = self.text_terms(p);
        terms.extend(Self::indexed(title, *lang));
        terms
    }

    /// The indexed terms of passage `p` outside its article's title.
    fn text_terms(&self, p: usize) -> Vec<String> {
        let (doc, text, speaker) = &self.spec.passages[p];
        let mut terms = Self::indexed(text, self.spec.docs[*doc].0);
        if let Some(s) = speaker {
            terms.extend(Self::indexed(SPEAKERS[self.spec.speakers[*s].0], Lang::Fr));
        }
        terms
    }

    /// Whether passage `p` matches every required word in some field, and
    /// in its text unless it stands for its article: a title raises a
    /// passage matching in its text, or is found once, through the
    /// article's first passage.
    fn words_match(&self, p: usize, words: &[Word]) -> bool {
        let required: Vec<&Word> = words.iter().filter(|w| !is_stop_word_anywhere(&w.term)).collect();
        let (terms, text) = (self.terms(p), self.text_terms(p));
        let all = required.iter().all(|w| terms.iter().any(|t| self.word_matches(w, t)));
        let in_text = required.is_empty() || self.opens_its_article(p) || required.iter().any(|w| text.iter().any(|t| self.word_matches(w, t)));
        all && in_text
    }

    /// Whether `p` is the first passage of its article: the one that
    /// stands for the article when only its title matches.
    fn opens_its_article(&self, p: usize) -> bool {
        p == 0 || self.spec.passages[p - 1].0 != self.spec.passages[p].0
    }

    /// Stem families are language-blind at query time: a query has no
    /// language, and the dictionary does not record one per term.
    fn same_stem(&self, query: &str, term: &str) -> bool {
        Lang::ALL.iter().any(|&lang| stem(query, lang).is_some() && stem(query, lang) == stem(term, lang))
    }

    /// A word, or an equivalent of it: the equivalent's own form or a
    /// form sharing its stem.
    fn word_or_equivalent_matches(&self, word: &Word, equivalent: &str, term: &str) -> bool {
        self.word_matches(word, term) || term == equivalent || self.same_stem(equivalent, term)
    }

    /// How well passage `p`'s text matches one whole word, by the first
    /// ranking rules: fewer typo edits first, then the word itself before a
    /// stem or an equivalent. `None` when it does not match.
    fn match_rank(&self, p: usize, word: &Word, equivalent: &str) -> Option<(usize, bool)> {
        self.text_terms(p)
            .iter()
            .filter(|t| self.word_or_equivalent_matches(word, equivalent, t))
            .map(|t| {
                let inexact = *t != word.term;
                let related = inexact && (self.same_stem(&word.term, t) || *t == equivalent || self.same_stem(equivalent, t));
                if related { (0, true) } else { (if inexact { levenshtein(&word.term, t) } else { 0 }, inexact) }
            })
            .min()
    }

    fn word_matches(&self, word: &Word, term: &str) -> bool {
        // A word being typed has a stem family once it is itself a term.
        let stems = !word.prefix || self.dictionary.contains(&word.term);
        if term == word.term || (stems && self.same_stem(&word.term, term)) {
            return true;
        }
        if word.prefix && term.starts_with(word.term.as_str()) {
            return true;
        }
        let edits = allowed_edits(&word.term, word.prefix);
        if edits == 0 {
            return false;
        }
        if word.prefix {
            // While the word starts terms of its own, the terms sharing all
            // of it but its last letter are not its typos.
            let all_but_last = &word.term[..word.term.char_indices().last().map_or(0, |(i, _)| i)];
            let starts_terms = self.dictionary.iter().any(|t| t.starts_with(word.term.as_str()));
            if starts_terms && term.starts_with(all_but_last) {
                return false;
            }
            let chars: Vec<char> = term.chars().collect();
            (0..=chars.len()).any(|k| levenshtein(&word.term, &chars[..k].iter().collect::<String>()) <= edits)
        } else {
            levenshtein(&word.term, term) <= edits
        }
    }

    fn phrase_matches(&self, p: usize, phrase: &[(String, u32)]) -> bool {
        let (doc, text, _) = &self.spec.passages[p];
        let lang = self.spec.docs[*doc].0;
        let body: BTreeSet<(u32, String)> = tokenize(text)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Whole && !is_stop_word(&t.term, lang))
            .map(|t| (t.position, t.term))
            .collect();
        body.iter().any(|(start, _)| {
            let base = *start as i64;
            phrase.iter().all(|(term, off)| {
                let at = base + *off as i64 - phrase[0].1 as i64;
                at >= 0 && body.contains(&(at as u32, term.clone()))
            })
        })
    }
}

/// Query words as the parser sees them: analysed chunks, the last a prefix
/// unless the query ends with a space.
fn query_words(chunks: &[String], typing: bool) -> Vec<Word> {
    let mut words = Vec::new();
    for (i, chunk) in chunks.iter().enumerate() {
        let tokens: Vec<_> = tokenize(chunk).into_iter().filter(|t| t.kind != TokenKind::Part).collect();
        let n = tokens.len();
        for (j, t) in tokens.into_iter().enumerate() {
            words.push(Word { term: t.term, prefix: typing && i + 1 == chunks.len() && j + 1 == n });
        }
    }
    words
}

fn phrase_terms(text: &str) -> Vec<(String, u32)> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Whole && !is_stop_word_anywhere(&t.term))
        .map(|t| (t.term, t.position))
        .collect()
}

fn matches(index: &Searcher, query: &str, filters: Filters) -> BTreeSet<usize> {
    index.matches(&SearchRequest { query: query.into(), filters, ..Default::default() }).into_iter().map(|p| p.0 as usize).collect()
}

/// Moderate by default so the debug suite stays quick; `PROPTEST_CASES`
/// raises it for a deeper run.
fn config() -> ProptestConfig {
    match std::env::var("PROPTEST_CASES") {
        Ok(_) => ProptestConfig::default(),
        Err(_) => ProptestConfig::with_cases(96),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn words_prefixes_typos_and_exclusions_match_the_reference(
        spec in spec(),
        chunks in proptest::collection::vec(word(), 1..3),
        excluded in proptest::option::of(word()),
        typing in any::<bool>(),
    ) {
        let blob = build(&spec);
        let index = Searcher::new(Index::open(&blob).unwrap());
        let reference = Reference::new(&spec);
        // One-letter and two-letter prefixes are capped to their most frequent
        // completions by design; the reference has no cap, so keep them out.
        let words = query_words(&chunks, typing);
        prop_assume!(words.iter().all(|w| !w.prefix || w.term.chars().count() >= 3));
        let excluded_term = excluded.as_ref().and_then(|e| {
            let t = tokenize(e).into_iter().find(|t| t.kind != TokenKind::Part)?;
            (!is_stop_word_anywhere(&t.term)).then_some(t.term)
        });
        let mut query = chunks.join(" ");
        if let Some(e) = &excluded {
            query = format!("-{e} {query}");
        }
        if !typing {
            query.push(' ');
        }
        let expected: BTreeSet<usize> = (0..spec.passages.len())
            .filter(|&p| {
                let terms = reference.terms(p);
                let all = reference.words_match(p, &words);
                let excluded = excluded_term.as_ref().is_some_and(|e| {
                    let w = Word { term: e.clone(), prefix: false };
                    terms.iter().any(|t| *t == w.term || reference.same_stem(&w.term, t))
                });
                all && !excluded
            })
            .collect();
        prop_assert_eq!(matches(&index, &query, Filters::default()), expected, "query {:?}", query);
    }

    #[test]
    fn phrases_match_the_reference(spec in spec(), start in 0usize..16, len in 1usize..4) {
        let blob = build(&spec);
        let index = Searcher::new(Index::open(&blob).unwrap());
        let reference = Reference::new(&spec);
        // A phrase cut from a passage (so it often matches), searched in all of them.
        let source = &spec.passages[start % spec.passages.len()].1;
        let words: Vec<&str> = source.split_whitespace().collect();
        let from = start % words.len().max(1);
        let phrase_text = words[from..(from + len).min(words.len())].join(" ");
        let terms = phrase_terms(&phrase_text);
        prop_assume!(!terms.is_empty());
        let query = format!("\"{}\"", phrase_text.replace('"', " "));
        let expected: BTreeSet<usize> =
            (0..spec.passages.len()).filter(|&p| reference.phrase_matches(p, &terms)).collect();
        prop_assert!(expected.contains(&(start % spec.passages.len())) || source.contains('"'));
        prop_assert_eq!(matches(&index, &query, Filters::default()), expected, "query {:?}", query);
    }

    #[test]
    fn every_passage_is_reachable_by_its_own_words_in_any_case_and_accent(spec in spec(), upper in any::<bool>()) {
        let blob = build(&spec);
        let index = Searcher::new(Index::open(&blob).unwrap());
        for (p, (doc, text, _)) in spec.passages.iter().enumerate() {
            let lang = spec.docs[*doc].0;
            for token in tokenize(text).into_iter().filter(|t| t.kind != TokenKind::Part && !is_stop_word(&t.term, lang)) {
                let surface = &text[token.range.clone()];
                let variant = if upper { strip_accents(surface).to_uppercase() } else { surface.to_string() };
                for query in [format!("{variant} "), variant.clone()] {
                    prop_assert!(matches(&index, &query, Filters::default()).contains(&p), "{:?} must reach passage {} {:?}", query, p, text);
                }
                let results = index.search(&SearchRequest { query: variant.clone(), limit: 100, ..Default::default() });
                prop_assert!(results.hits.iter().any(|h| h.passage.0 as usize == p));
                let hit = results.hits.iter().find(|h| h.passage.0 as usize == p).unwrap();
                prop_assert!(!hit.snippet.highlights.is_empty(), "{:?} highlights nothing in {:?}", variant, text);
                for h in &hit.snippet.highlights {
                    prop_assert!(hit.snippet.text.is_char_boundary(h.start) && hit.snippet.text.is_char_boundary(h.end));
                }
            }
        }
    }

    #[test]
    fn facets_and_filters_match_the_reference(
        spec in spec(),
        query in proptest::option::of(word()),
        speakers in proptest::collection::btree_set(0u32..4, 0..3),
        countries in proptest::collection::btree_set(0u32..3, 0..2),
        range in proptest::option::of((0usize..DATES.len(), 0usize..DATES.len())),
    ) {
        let blob = build(&spec);
        let index = Searcher::new(Index::open(&blob).unwrap());
        let reference = Reference::new(&spec);
        let date = |i: usize| DATES[i].map(|(year, month, day)| Date { year, month, day });
        let (date_from, date_to) = range.map_or((None, None), |(a, b)| (date(a), date(b)));
        let filters = Filters {
            speakers: speakers.iter().map(|&s| SpeakerId(s)).collect(),
            countries: countries.iter().map(|&c| CountryId(c)).collect(),
            date_from,
            date_to,
            ..Filters::default()
        };
        let query = query.map(|q| format!("{q} ")).unwrap_or_default();
        let words = query_words(std::slice::from_ref(&query), false);
        let text_match = |p: usize| reference.words_match(p, &words);
        let speaker_of = |p: usize| spec.passages[p].2;
        let country_of = |p: usize| speaker_of(p).and_then(|s| spec.speakers[s].1);
        let date_of = |p: usize| date(spec.docs[spec.passages[p].0].1);
        let in_speakers = |p: usize| speakers.is_empty() || speaker_of(p).is_some_and(|s| speakers.contains(&(s as u32)));
        let in_countries = |p: usize| countries.is_empty() || country_of(p).is_some_and(|c| countries.contains(&(c as u32)));
        let day_span = |d: Date| {
            let (m0, m1) = d.month.map_or((1, 12), |m| (m, m));
            let (d0, d1) = d.day.map_or((1, 31), |x| (x, x));
            ((d.year, m0, d0), (d.year, m1, d1))
        };
        let in_dates = |p: usize| {
            if date_from.is_none() && date_to.is_none() {
                return true;
            }
            let Some(d) = date_of(p) else { return false };
            let (first, last) = day_span(d);
            date_from.is_none_or(|f| day_span(f).0 <= first) && date_to.is_none_or(|t| last <= day_span(t).1)
        };
        let all: Vec<usize> = (0..spec.passages.len()).filter(|&p| text_match(p)).collect();
        let expected: BTreeSet<usize> = all.iter().copied().filter(|&p| in_speakers(p) && in_countries(p) && in_dates(p)).collect();
        prop_assert_eq!(matches(&index, &query, filters.clone()), expected.clone());

        let results = index.search(&SearchRequest { query: query.clone(), filters, limit: 5, ..Default::default() });
        prop_assert_eq!(results.total, expected.len());
        prop_assert!(results.hits.iter().all(|h| expected.contains(&(h.passage.0 as usize))));

        let mut speaker_counts: BTreeMap<u32, u32> = BTreeMap::new();
        let mut country_counts: BTreeMap<u32, u32> = BTreeMap::new();
        let mut month_counts: BTreeMap<Date, u32> = BTreeMap::new();
        let mut day_counts: BTreeMap<Date, u32> = BTreeMap::new();
        for &p in &all {
            if in_countries(p) && in_dates(p) {
                if let Some(s) = speaker_of(p) { *speaker_counts.entry(s as u32).or_default() += 1; }
            }
            if in_speakers(p) && in_dates(p) {
                if let Some(c) = country_of(p) { *country_counts.entry(c as u32).or_default() += 1; }
            }
            if in_speakers(p) && in_countries(p) {
                if let Some(d) = date_of(p) {
                    if let Some(m) = d.month { *month_counts.entry(Date { year: d.year, month: Some(m), day: None }).or_default() += 1; }
                    if d.day.is_some() { *day_counts.entry(d).or_default() += 1; }
                }
            }
        }
        let sorted = |counts: BTreeMap<u32, u32>| {
            let mut v: Vec<(u32, u32)> = counts.into_iter().collect();
            v.sort_by_key(|&(id, n)| (std::cmp::Reverse(n), id));
            v
        };
        let facets = &results.facets;
        prop_assert_eq!(facets.speakers.iter().map(|&(s, n)| (s.0, n)).collect::<Vec<_>>(), sorted(speaker_counts));
        prop_assert_eq!(facets.countries.iter().map(|&(c, n)| (c.0, n)).collect::<Vec<_>>(), sorted(country_counts));
        prop_assert_eq!(&facets.months, &month_counts.into_iter().collect::<Vec<_>>());
        prop_assert_eq!(&facets.days, &day_counts.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn arbitrary_queries_never_panic(spec in spec(), query in "\\PC{0,40}|[-\":. a-zé'’0-9]{0,40}", sort in 0usize..3) {
        let blob = build(&spec);
        let index = Searcher::new(Index::open(&blob).unwrap());
        let sort = [Sort::Relevance, Sort::DateDesc, Sort::DateAsc][sort];
        let request = SearchRequest { query: query.clone(), sort, limit: 3, ..Default::default() };
        let results = index.search(&request);
        prop_assert!(results.hits.len() <= 3);
        for hit in &results.hits {
            for h in &hit.snippet.highlights {
                prop_assert!(h.start < h.end && hit.snippet.text.get(h.clone()).is_some());
            }
        }
        let _ = index.concordance(&request, 8, 10);
        let _ = index.highlight(&query, PassageId(0));
    }

    #[test]
    fn long_passages_snippet_and_highlight_on_char_boundaries(body in text(40..120), pick in 0usize..WORDS.len()) {
        let spec = Spec { docs: vec![(Lang::Fr, 0, String::new())], speakers: vec![], countries: 0, passages: vec![(0, body.clone(), None)] };
        let blob = build(&spec);
        let index = Searcher::new(Index::open(&blob).unwrap());
        let query = WORDS[pick];
        let results = index.search(&SearchRequest { query: query.into(), ..Default::default() });
        for hit in &results.hits {
            let s = &hit.snippet;
            prop_assert!(body.contains(s.text.as_str()));
            prop_assert_eq!(s.truncated_start, !body.starts_with(s.text.as_str()));
            prop_assert_eq!(s.truncated_end, !body.ends_with(s.text.as_str()));
            for h in &s.highlights {
                prop_assert!(s.text.get(h.clone()).is_some_and(|w| !w.trim().is_empty()));
            }
        }
        for range in index.highlight(query, PassageId(0)) {
            prop_assert!(body.get(range).is_some());
        }
    }

    #[test]
    fn damaged_blobs_are_refused_or_read_safely(spec in spec(), at in any::<usize>(), byte in any::<u8>(), cut in any::<bool>()) {
        let mut blob = build(&spec);
        let at = at % blob.len();
        if cut { blob.truncate(at); } else { blob[at] ^= byte | 1; }
        // Damage to the header, the section table or an fst is refused; damage
        // elsewhere is read as absent or wrong data, never as a panic.
        if let Ok(index) = Index::open(&blob).map(Searcher::new) {
            for query in ["coopération", "secur", "\"lutte contre\"", "-etat hanoi", ""] {
                let request = SearchRequest { query: query.into(), limit: 20, ..Default::default() };
                let results = index.search(&request);
                for hit in &results.hits {
                    let _ = index.index().passage(hit.passage);
                    let _ = index.highlight(query, hit.passage);
                }
                let _ = index.concordance(&request, 10, 10);
            }
            for i in 0..index.index().document_count() as u32 + 1 {
                let _ = index.index().document(DocId(i));
            }
        }
    }
}

fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'à' | 'â' | 'À' | 'Â' => 'a',
            'ï' | 'î' | 'Ï' | 'Î' => 'i',
            'ô' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            c => c,
        })
        .collect()
}

#[test]
fn fold_is_idempotent_on_the_vocabulary() {
    for w in WORDS {
        assert_eq!(fold(&fold(w)), fold(w));
    }
}

/// Two words of the vocabulary that fold apart and are neither stop words
/// nor single letters, as an equivalence group needs.
fn equivalent_pair() -> impl Strategy<Value = (String, String)> {
    (0..WORDS.len(), 0..WORDS.len()).prop_filter_map("two distinct searchable words", |(a, b)| {
        let term = |w: &str| tokenize(w).into_iter().find(|t| t.kind != TokenKind::Part).map(|t| t.term);
        let (x, y) = (term(WORDS[a])?, term(WORDS[b])?);
        let usable = |t: &str| t.chars().count() >= 2 && !is_stop_word_anywhere(t) && !t.contains(' ');
        (x != y && usable(&x) && usable(&y) && tokenize(WORDS[a]).len() == 1 && tokenize(WORDS[b]).len() == 1).then_some((x, y))
    })
}

proptest! {
    #![proptest_config(config())]

    /// A word with an equivalent finds what the word finds and what the
    /// equivalent, or a form sharing its stem, finds.
    #[test]
    fn equivalents_match_the_reference(spec in spec(), (word, equivalent) in equivalent_pair()) {
        let blob = build_with(&spec, &[vec![word.clone(), equivalent.clone()]]);
        let index = Searcher::new(Index::open(&blob).unwrap());
        let reference = Reference::new(&spec);
        let query = Word { term: word.clone(), prefix: false };
        let expected: BTreeSet<usize> = (0..spec.passages.len())
            .filter(|&p| {
                let (terms, text) = (reference.terms(p), reference.text_terms(p));
                let found = |terms: &[String]| terms.iter().any(|t| reference.word_or_equivalent_matches(&query, &equivalent, t));
                found(&terms) && (found(&text) || reference.opens_its_article(p))
            })
            .collect();
        prop_assert_eq!(matches(&index, &format!("{word} "), Filters::default()), expected, "{} = {}", word, equivalent);
    }

    /// Ranked by the first rules in their order: fewer typo edits, then the
    /// word itself before its stems and equivalents.
    #[test]
    fn ranking_puts_fewer_edits_then_the_word_itself_first(mut spec in spec(), (word, equivalent) in equivalent_pair()) {
        // Bodies only: titles and speakers rank by a later rule.
        for doc in &mut spec.docs {
            doc.2.clear();
        }
        for passage in &mut spec.passages {
            passage.2 = None;
        }
        let blob = build_with(&spec, &[vec![word.clone(), equivalent.clone()]]);
        let index = Searcher::new(Index::open(&blob).unwrap());
        let reference = Reference::new(&spec);
        let query = Word { term: word.clone(), prefix: false };
        let request = SearchRequest { query: format!("{word} "), limit: 100, ..Default::default() };
        let ranks: Vec<(usize, bool)> = index
            .search(&request)
            .hits
            .iter()
            .filter_map(|hit| reference.match_rank(hit.passage.0 as usize, &query, &equivalent))
            .collect();
        prop_assert!(ranks.windows(2).all(|pair| pair[0] <= pair[1]), "{} = {}: {:?}", word, equivalent, ranks);
    }
}
