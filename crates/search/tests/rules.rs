//! The ranking rules, one test each, in their documented order (words,
//! typos, exactness, proximity, field, BM25), and each family of
//! equivalences (terms, countries, bodies, people) in both languages, on
//! small corpora written for the purpose. Each ranking corpus is built so
//! that the rules after the one tested would order it the other way.

use search::*;

/// One document per entry: (title, passages).
fn corpus(docs: &[(&str, &[&str])], groups: &[&[&str]]) -> Vec<u8> {
    let mut b = IndexBuilder::new();
    for (i, (title, passages)) in docs.iter().enumerate() {
        let doc = b.add_document(DocumentRecord { title: (*title).into(), file: format!("{i}.txt"), ..Default::default() });
        for text in *passages {
            b.add_passage(PassageRecord { section: None, document: doc, text: (*text).into(), statements: vec![], mentions: vec![] });
        }
    }
    for group in groups {
        b.add_equivalence(group);
    }
    b.finish()
}

fn results(searcher: &Searcher, query: &str) -> SearchResults {
    searcher.search(&SearchRequest { query: query.into(), limit: 20, ..Default::default() })
}

fn order(searcher: &Searcher, query: &str) -> Vec<u32> {
    results(searcher, query).hits.iter().map(|h| h.passage.0).collect()
}

/// The highlighted words of each hit, in rank order.
fn lit(searcher: &Searcher, query: &str) -> Vec<Vec<String>> {
    let hits = results(searcher, query).hits;
    hits.iter().map(|h| h.snippet.highlights.iter().map(|r| h.snippet.text[r.clone()].to_string()).collect()).collect()
}

#[test]
fn rule_1_words_every_word_before_some() {
    // Passage 0 repeats one word in a short text (better BM25); 1 holds both.
    let blob = corpus(&[("Titre", &["Lutte, lutte, lutte.", "La lutte contre la fraude en ligne dans un texte bien plus long que l'autre."])], &[]);
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "lutte fraude "), [1, 0]);
}

#[test]
fn rule_2_typos_fewer_edits_first() {
    // 0 matches through one edit, 1 through two, both far shorter or longer.
    let blob = corpus(&[("Titre", &["Un long texte sur la cybercriminalitx parmi bien d'autres sujets et d'autres mots.", "La cybercrimanalitx."])], &[]);
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "cybercriminalite "), [0, 1]);
}

#[test]
fn rule_3_exactness_the_word_before_its_stem_equivalent_and_completion() {
    let blob = corpus(
        &[("Titre", &[
            "Les conventions, les conventions.",
            "Un long texte qui parle enfin de la convention parmi bien d'autres sujets et d'autres mots encore.",
        ])],
        &[],
    );
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "convention "), [1, 0]);
    // The word itself before its equivalent, however short the other.
    let blob = corpus(&[("Titre", &["Rançongiciel.", "Un long texte où le mot ransomware arrive enfin parmi bien d'autres mots encore."])], &[&["rançongiciel", "ransomware"]]);
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "ransomware "), [1, 0]);
    assert_eq!(order(&searcher, "rançongiciel "), [0, 1]);
}

#[test]
fn rule_4_proximity_words_close_together_first() {
    let blob = corpus(
        &[("Titre", &[
            "Droits, droits et encore des humains.",
            "Dans un texte plus long, les droits humains reviennent une fois parmi bien d'autres mots.",
        ])],
        &[],
    );
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "droits humains "), [1, 0]);
}

#[test]
fn rule_5_field_text_before_title() {
    // Passage 0 opens an article whose title holds the word (title weight
    // 2, short passage); 1 holds it in a long text.
    let blob = corpus(
        &[("Hanoï", &["Une cérémonie.", "Une autre phrase."]), ("Titre", &["Un long texte où Hanoï arrive enfin, parmi bien d'autres mots et d'autres sujets encore."])],
        &[],
    );
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    // The title finds its article once, through its first passage, after the text match.
    assert_eq!(order(&searcher, "hanoi "), [2, 0]);
}

#[test]
fn rule_6_bm25_last() {
    let blob = corpus(&[("Titre", &["Un long texte qui parle de la convention parmi bien d'autres sujets.", "La convention."])], &[]);
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "convention "), [1, 0]);
}

#[test]
fn a_title_alone_never_makes_every_passage_of_its_article_a_hit() {
    let blob = corpus(&[("Les droits en ligne", &["Une cérémonie.", "Des droits respectés.", "Une autre phrase."])], &[]);
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    let r = results(&searcher, "droits ");
    // The text match, then the article once, through its first passage.
    assert_eq!(r.hits.iter().map(|h| h.passage.0).collect::<Vec<_>>(), [1, 0]);
    assert!(r.hits.iter().all(|h| !h.snippet.highlights.is_empty() || !h.title_highlights.is_empty()));
}

#[test]
fn terms_in_both_languages_with_their_stems_and_as_phrases() {
    let groups: Vec<Vec<String>> = equivalence::parse_groups(equivalence::FIELD_TERMS);
    let mut b = IndexBuilder::new();
    let doc = b.add_document(DocumentRecord { title: "Titre".into(), file: "a.txt".into(), ..Default::default() });
    for text in [
        "Les rançongiciels bloquent les hôpitaux.",
        "Ransomware attacks grow.",
        "Le respect des droits de l'homme.",
        "Human rights come first.",
        "Les droits des femmes et l'homme moderne.",
    ] {
        b.add_passage(PassageRecord { section: None, document: doc, text: text.into(), statements: vec![], mentions: vec![] });
    }
    for group in &groups {
        b.add_equivalence(group);
    }
    let blob = b.finish();
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "ransomware "), [1, 0]);
    assert_eq!(order(&searcher, "rançongiciel "), [0, 1]);
    assert_eq!(lit(&searcher, "ransomware "), [vec!["Ransomware"], vec!["rançongiciels"]]);
    // "droits … l'homme" scattered is not the phrase.
    assert_eq!(order(&searcher, "human rights "), [3, 2]);
    assert_eq!(lit(&searcher, "human rights ")[1], ["droits", "homme"]);
    let r = results(&searcher, "human rights ");
    assert_eq!(r.interpretation.equivalents, [("human rights".to_string(), vec!["droits de l'homme".to_string(), "droits humains".to_string()])]);
    // A word typed twice has its equivalents said once.
    let twice = results(&searcher, "ransomware ransomware ");
    assert_eq!(twice.interpretation.equivalents.len(), 1, "{:?}", twice.interpretation.equivalents);
    // Taken as typed, no equivalent is added.
    let as_typed = searcher.search(&SearchRequest { query: "ransomware ".into(), as_typed: true, ..Default::default() });
    assert_eq!(as_typed.hits.iter().map(|h| h.passage.0).collect::<Vec<_>>(), [1]);
}

/// A country, a body and a person, each named in one language in the text
/// and speaking in another passage.
fn names_corpus() -> Vec<u8> {
    let mut b = IndexBuilder::new();
    let vnm = b.add_country(CountryRecord { code: "VNM".into(), name_fr: "Viêt Nam".into(), name_en: "Viet Nam".into(), is_country: true });
    let unodc = b.add_country(CountryRecord { code: "UNODC".into(), name_fr: "ONUDC".into(), name_en: "UNODC".into(), is_country: false });
    let rus = b.add_country(CountryRecord { code: "RUS".into(), name_fr: "Russie".into(), name_en: "Russia".into(), is_country: true });
    let minister = b.add_speaker(SpeakerRecord { name: "Pham Minh Chinh".into(), role: None, country: Some(vnm), label_en: None, role_en: None });
    let president = b.add_speaker(SpeakerRecord { name: "Vladimir Poutine".into(), role: None, country: Some(rus), label_en: None, role_en: None });
    let doc = b.add_document(DocumentRecord { title: "Titre".into(), file: "a.txt".into(), ..Default::default() });
    let mut passage = |text: &str, speaker: Option<SpeakerId>| {
        b.add_passage(PassageRecord { section: None, document: doc, text: text.into(), statements: speaker.map(StatementRecord::plain).into_iter().collect(), mentions: vec![] });
    };
    passage("Le Vietnam accueille la cérémonie.", None); // 0
    passage("Viet Nam hosts the ceremony.", None); // 1
    passage("Nous agirons ensemble.", Some(minister)); // 2
    passage("L'ONUDC soutient les États.", None); // 3
    passage("The UNODC supports States.", None); // 4
    passage("Putin sent a message.", None); // 5
    passage("La Russie coopérera.", Some(president)); // 6
    for group in [
        &["Viêt Nam", "Viet Nam", "VNM", "Vietnam", "Việt Nam"][..],
        &["ONUDC", "UNODC", "Office des Nations Unies contre la drogue et le crime"],
        &["Vladimir Poutine", "Poutine", "Putin", "Vladimir Putin"],
    ] {
        b.add_equivalence(group);
    }
    let _ = unodc;
    b.finish()
}

#[test]
fn countries_under_their_names_and_codes_in_both_languages() {
    let blob = names_corpus();
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "vietnam "), [0, 1]);
    assert_eq!(order(&searcher, "viet nam "), [1, 0]);
    assert_eq!(order(&searcher, "VNM "), [0, 1]);
    let mut country: Vec<u32> = order(&searcher, "pays:Vietnam");
    country.sort_unstable();
    assert_eq!(country, [2]);
    assert_eq!(order(&searcher, "country:\"Viet Nam\""), [2]);
}

#[test]
fn bodies_under_their_acronyms_in_both_languages() {
    let blob = names_corpus();
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "UNODC "), [4, 3]);
    assert_eq!(order(&searcher, "ONUDC "), [3, 4]);
    assert_eq!(lit(&searcher, "UNODC ")[1], ["ONUDC"]);
}

#[test]
fn people_under_their_spellings_in_text_and_filters() {
    let blob = names_corpus();
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    // Putin in the text first, then the passage where Poutine speaks.
    assert_eq!(order(&searcher, "Putin "), [5, 6]);
    assert_eq!(order(&searcher, "Poutine "), [6, 5]);
    assert_eq!(order(&searcher, "orateur:Putin"), [6]);
}

#[test]
fn the_results_say_what_was_searched() {
    let blob = corpus(&[("Titre", &["La cybercriminalité progresse.", "La rançon est payée."])], &[]);
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    let r = results(&searcher, "cybercrminalité ");
    assert_eq!(r.interpretation.corrected, [("cybercrminalite".to_string(), "cybercriminalité".to_string())]);
    let r = results(&searcher, "waly rançon ");
    assert_eq!(r.interpretation.relaxed, Some(0));
    assert_eq!(order(&searcher, "waly rançon "), [1]);
    assert_eq!(results(&searcher, "rançon ").interpretation, Interpretation::default());
    let exact = SearchRequest { query: "cybercrminalité ".into(), as_typed: true, ..Default::default() };
    assert_eq!(searcher.search(&exact).total, 0);
}

#[test]
fn hits_count_the_passages_of_their_article() {
    let blob = corpus(&[("Titre", &["La convention.", "Rien.", "La convention encore."]), ("Autre", &["Une convention."])], &[]);
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    let r = results(&searcher, "convention ");
    let counts: Vec<(u32, usize)> = r.hits.iter().map(|h| (h.passage.0, h.document_matches)).collect();
    assert!(counts.contains(&(0, 2)) && counts.contains(&(2, 2)) && counts.contains(&(3, 1)), "{counts:?}");
}

#[test]
fn a_title_match_does_not_make_an_equivalent_in_the_text_exact() {
    // Both articles are titled with the word; 0 holds only an equivalent.
    let blob = corpus(
        &[("La cybercriminalité", &["Les cybercrimes."]), ("La cybercriminalité", &["Un long texte où la cybercriminalité revient parmi bien d'autres mots encore."])],
        &[&["cybercriminalité", "cybercrime"]],
    );
    let searcher = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&searcher, "cybercriminalite "), [1, 0]);
}
