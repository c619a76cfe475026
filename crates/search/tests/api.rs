//! The public API on a small hand-made corpus: the behaviours the app relies on.

use search::*;

struct Corpus {
    blob: Vec<u8>,
    waly: SpeakerId,
    pologne: SpeakerId,
    vietnam: CountryId,
    russie: CountryId,
}

fn corpus() -> Corpus {
    let mut b = IndexBuilder::new();
    let vietnam = b.add_country(CountryRecord { code: "VN".into(), name_fr: "Viêt Nam".into(), name_en: "Viet Nam".into(), is_country: true });
    let russie = b.add_country(CountryRecord { code: "RU".into(), name_fr: "Russie".into(), name_en: "Russia".into(), is_country: true });
    let pl = b.add_country(CountryRecord { code: "PL".into(), name_fr: "Pologne".into(), name_en: "Poland".into(), is_country: true });
    let onudc = b.add_country(CountryRecord { code: "ONUDC".into(), name_fr: "ONUDC".into(), name_en: "UNODC".into(), is_country: false });
    let waly = b.add_speaker(SpeakerRecord { name: "Ghada Waly".into(), role: Some("directrice exécutive de l'ONUDC".into()), country: Some(onudc), label_en: None, role_en: None });
    let pologne = b.add_speaker(SpeakerRecord { name: "vice-Premier ministre (Pologne)".into(), role: None, country: Some(pl), label_en: None, role_en: None });
    let minh = b.add_speaker(SpeakerRecord { name: "Pham Minh Chinh".into(), role: Some("Premier ministre".into()), country: Some(vietnam), label_en: None, role_en: None });
    let d1 = b.add_document(DocumentRecord {
        title: "Le Vietnam renforce son engagement contre la cybercriminalité".into(),
        outlet: Some("VOV".into()),
        url: None,
        lang: Lang::Fr,
        date: Some(Date::ymd(2025, 10, 24)),
        file: "000.txt".into(),
    });
    let d2 = b.add_document(DocumentRecord {
        title: "Signature a Hanoi".into(),
        outlet: None,
        url: Some("https://example.org/a".into()),
        lang: Lang::Fr,
        date: Some(Date::ymd(2025, 10, 25)),
        file: "001.txt".into(),
    });
    let d3 = b.add_document(DocumentRecord {
        title: "Cooperation without accents".into(),
        outlet: None,
        url: None,
        lang: Lang::En,
        date: Some(Date::ym(2025, 11)),
        file: "002.txt".into(),
    });
    let passage = |b: &mut IndexBuilder, document, text: &str, speaker: Option<SpeakerId>, mentions: Vec<CountryId>| {
        b.add_passage(PassageRecord { section: None, document, text: text.into(), statements: speaker.map(StatementRecord::plain).into_iter().collect(), mentions })
    };
    passage(&mut b, d1, "La coopération internationale est essentielle pour la sécurité du cyberespace.", Some(minh), vec![vietnam]);
    passage(&mut b, d1, "L’ONUDC soutiendra les États dans la mise en œuvre de la Convention.", Some(waly), vec![]);
    passage(&mut b, d2, "La Russie a salué l'adoption de la convention socio-économique à Hanoï.", Some(pologne), vec![russie]);
    passage(&mut b, d2, "Une lutte contre la cybercriminalité qui respecte les droits humains.", Some(waly), vec![]);
    passage(&mut b, d3, "International cooperation and securite are needed, said the minister.", None, vec![]);
    Corpus { blob: b.finish(), waly, pologne, vietnam, russie }
}

fn ids(index: &Searcher, query: &str) -> Vec<u32> {
    let mut v: Vec<u32> = index.matches(&SearchRequest { query: query.into(), ..Default::default() }).into_iter().map(|p| p.0).collect();
    v.sort();
    v
}

fn search(index: &Searcher, query: &str) -> SearchResults {
    index.search(&SearchRequest { query: query.into(), limit: 10, ..Default::default() })
}

#[test]
fn builds_deterministically_and_reads_back() {
    let c = corpus();
    assert_eq!(c.blob, corpus().blob);
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    assert_eq!(index.index().passage_count(), 5);
    assert_eq!(index.index().document_count(), 3);
    let doc = index.index().document(DocId(1)).unwrap();
    assert_eq!(doc.title, "Signature a Hanoi");
    assert_eq!(doc.url, Some("https://example.org/a"));
    assert_eq!(doc.outlet, None);
    assert_eq!(doc.passages, 2..4);
    assert_eq!(doc.date.unwrap().to_string(), "2025-10-25");
    let p = index.index().passage(PassageId(2)).unwrap();
    assert!(p.text.starts_with("La Russie"));
    assert_eq!(p.speaker, Some(c.pologne));
    assert_eq!(p.mentions, vec![c.russie]);
    assert_eq!(index.index().passage(PassageId(0)).unwrap().country, Some(c.vietnam));
    assert!(index.index().passage(PassageId(5)).is_none());
    assert_eq!(index.index().speakers().count(), 3);
    let (_, waly) = index.index().speakers().find(|(id, _)| *id == c.waly).unwrap();
    assert_eq!(waly.name, "Ghada Waly");
    assert_eq!(index.index().countries().filter(|(_, c)| c.is_country).count(), 3);
}

#[test]
fn accent_and_case_insensitive_both_ways() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    assert_eq!(ids(&index, "cooperation "), [0, 4]);
    assert_eq!(ids(&index, "COOPÉRATION "), [0, 4]);
    assert_eq!(ids(&index, "sécurité "), [0, 4]);
    // Body of 2; the title of 2 and 3 raises 2 but does not make 3 a hit.
    assert_eq!(ids(&index, "hanoi "), [2]);
}

#[test]
fn prefix_stem_typo_phrase_exclusion() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    assert_eq!(ids(&index, "coop"), [0, 4]);
    assert_eq!(ids(&index, "coop "), Vec::<u32>::new());
    assert_eq!(ids(&index, "conventions "), [1, 2]);
    // Passage 1 holds it only through its article's title, whose first passage is already a hit.
    assert_eq!(ids(&index, "cybercriminalte "), [0, 3]);
    assert_eq!(ids(&index, "\"contre la cybercriminalité\""), [3]);
    assert_eq!(ids(&index, "\"cybercriminalité contre\""), Vec::<u32>::new());
    assert_eq!(ids(&index, "convention -russie "), [1]);
    assert_eq!(ids(&index, "socio-économique "), [2]);
    assert_eq!(ids(&index, "socioeconomique "), [2]);
    assert_eq!(ids(&index, "économique "), [2]);
    assert_eq!(ids(&index, "oeuvre "), [1]);
}

#[test]
fn field_filters_and_dates() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    assert_eq!(ids(&index, "speaker:waly"), [1, 3]);
    assert_eq!(ids(&index, "orateur:\"vice-premier\""), [2]);
    assert_eq!(ids(&index, "pays:pologne"), [2]);
    assert_eq!(ids(&index, "country:VN"), [0]);
    assert_eq!(ids(&index, "date:2025-10"), [0, 1, 2, 3]);
    assert_eq!(ids(&index, "date:2025-10-25"), [2, 3]);
    assert_eq!(ids(&index, "date:2025-10-01..2025-10-24"), [0, 1]);
    assert_eq!(ids(&index, "date:2025-11.."), [4]);
    assert_eq!(ids(&index, "convention speaker:waly"), [1]);
    let r = index.search(&SearchRequest {
        filters: Filters { speakers: vec![c.waly], ..Default::default() },
        query: "speaker:pham".into(),
        ..Default::default()
    });
    assert_eq!(r.total, 3, "speaker selections are ORed");
}

#[test]
fn empty_query_browses_newest_first() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    let r = index.search(&SearchRequest { limit: 10, ..Default::default() });
    assert_eq!(r.total, 5);
    let order: Vec<u32> = r.hits.iter().map(|h| h.passage.0).collect();
    assert_eq!(order, [4, 2, 3, 0, 1]);
    let r = index.search(&SearchRequest { sort: Sort::DateAsc, limit: 2, offset: 1, ..Default::default() });
    assert_eq!(r.hits.iter().map(|h| h.passage.0).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn hits_have_highlighted_snippets() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    let r = search(&index, "cooperation internat");
    assert_eq!(r.total, 2);
    for hit in &r.hits {
        let words: Vec<&str> = hit.snippet.highlights.iter().map(|h| &hit.snippet.text[h.clone()]).collect();
        assert_eq!(words.len(), 2, "{words:?}");
        assert!(words[0].to_lowercase().starts_with("coop") || words[1].to_lowercase().starts_with("coop"));
    }
    let ranges = index.highlight("cybercriminalte", PassageId(3));
    let text = index.index().passage(PassageId(3)).unwrap().text;
    assert_eq!(ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["cybercriminalité"]);
    let lines = index.concordance(&SearchRequest { query: "convention ".into(), ..Default::default() }, 10, 10);
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l.keyword.eq_ignore_ascii_case("convention")));
}

#[test]
fn facets_are_disjunctive() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    let r = index.search(&SearchRequest {
        query: "convention".into(),
        filters: Filters { speakers: vec![c.waly], ..Default::default() },
        ..Default::default()
    });
    assert_eq!(r.total, 1);
    // The speaker facet ignores its own selection: both convention speakers show.
    assert_eq!(r.facets.speakers, vec![(c.waly, 1), (c.pologne, 1)]);
    assert_eq!(r.facets.countries.iter().map(|x| x.1).sum::<u32>(), 1);
    assert_eq!(r.facets.months, vec![(Date::ym(2025, 10), 1)]);
    assert_eq!(r.facets.days, vec![(Date::ymd(2025, 10, 24), 1)]);
}

#[test]
fn outlets_filter_and_count_disjunctively() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    let everything = index.search(&SearchRequest { limit: 10, ..Default::default() });
    assert_eq!(everything.facets.outlets, vec![("VOV".to_owned(), 2)], "documents without an outlet are not counted");
    let vov = index.search(&SearchRequest {
        filters: Filters { outlets: vec!["VOV".into()], ..Default::default() },
        limit: 10,
        ..Default::default()
    });
    assert_eq!(vov.total, 2);
    assert_eq!(vov.facets.outlets, vec![("VOV".to_owned(), 2)]);
    // Other facets follow the outlet selection; the outlet list ignores it.
    let waly_only = index.search(&SearchRequest {
        filters: Filters { outlets: vec!["VOV".into()], speakers: vec![c.waly], ..Default::default() },
        limit: 10,
        ..Default::default()
    });
    assert_eq!(waly_only.total, 1);
    assert_eq!(waly_only.facets.outlets, vec![("VOV".to_owned(), 1)]);
    assert_eq!(waly_only.facets.speakers.iter().map(|x| x.1).sum::<u32>(), 2);
    let unknown = index.search(&SearchRequest {
        filters: Filters { outlets: vec!["Nowhere".into()], ..Default::default() },
        ..Default::default()
    });
    assert_eq!(unknown.total, 0);
}

#[test]
fn passages_without_a_value_are_counted_and_can_be_chosen() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    let everything = index.search(&SearchRequest { limit: 10, ..Default::default() });
    // Two articles name no outlet (three passages), one passage is narration.
    assert_eq!(everything.facets.unknown, PerFacet { speaker: 1, country: 1, outlet: 3 });
    let outlet_total: u32 = everything.facets.outlets.iter().map(|x| x.1).sum::<u32>() + everything.facets.unknown.outlet;
    assert_eq!(outlet_total as usize, everything.total, "the outlet list and its unknown entry add up");

    let no_outlet = index.search(&SearchRequest {
        filters: Filters { unknown: PerFacet { outlet: true, ..Default::default() }, ..Default::default() },
        limit: 10,
        ..Default::default()
    });
    assert_eq!(no_outlet.total, 3);
    assert!(no_outlet.hits.iter().all(|hit| index.index().passage(hit.passage).and_then(|p| index.index().document(p.document)).is_some_and(|d| d.outlet.is_none())));
    // Disjunctive: the outlet list still shows VOV and its own unknown count.
    assert_eq!(no_outlet.facets.outlets, vec![("VOV".to_owned(), 2)]);
    assert_eq!(no_outlet.facets.unknown.outlet, 3);
    assert_eq!(no_outlet.facets.unknown.speaker, 1, "other facets follow the selection");

    // "Unknown" ORs with the list's other choices and ANDs with other lists.
    let vov_or_none = index.search(&SearchRequest {
        filters: Filters { outlets: vec!["VOV".into()], unknown: PerFacet { outlet: true, ..Default::default() }, ..Default::default() },
        ..Default::default()
    });
    assert_eq!(vov_or_none.total, 5);
    let narration = index.search(&SearchRequest {
        filters: Filters { unknown: PerFacet { speaker: true, country: true, ..Default::default() }, ..Default::default() },
        ..Default::default()
    });
    assert_eq!(narration.total, 1);
    let none = index.search(&SearchRequest {
        filters: Filters { speakers: vec![c.waly], unknown: PerFacet { country: true, ..Default::default() }, ..Default::default() },
        ..Default::default()
    });
    assert_eq!(none.total, 0, "Waly's passages all have a country");
}

#[test]
fn suggestion_when_nothing_matches() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    // Within the typo tolerance: found, no suggestion needed.
    assert_eq!(search(&index, "convntiom ").total, 2);
    // Short words get no tolerance, but a suggestion.
    let r = search(&index, "hano ");
    assert_eq!(r.total, 0);
    assert_eq!(r.suggestion.as_deref(), Some("hanoi "));
    let r = search(&index, "Hano speaker:waly ");
    assert_eq!(r.suggestion.as_deref(), Some("hanoi speaker:waly "), "filters and spacing are kept");
    assert_eq!(search(&index, "convention ").suggestion, None);
}

#[test]
fn or_fallback_ranks_partial_matches_below() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    let r = search(&index, "convention russie ");
    assert_eq!(r.hits[0].passage, PassageId(2));
    assert!(r.total > 1);
}

#[test]
fn garbage_and_hostile_queries_never_panic() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    for q in ["\"", "-", "- -", "\"\"", "speaker:", "date:..", "date:2025-13", "😀😀", "مرحبا بالعالم", "ab:cd:ef", "-\"", "a\u{301}"] {
        let _ = search(&index, q);
        let _ = index.concordance(&SearchRequest { query: q.into(), ..Default::default() }, 5, 5);
        let _ = index.highlight(q, PassageId(0));
    }
    let long = "x".repeat(10_000);
    let _ = search(&index, &long);
    let long = "coopération ".repeat(1000);
    assert!(search(&index, &long).total > 0);

    assert!(Index::open(&[]).is_err());
    assert!(Index::open(&c.blob[..c.blob.len() - 1]).is_err());
    let mut damaged = c.blob.clone();
    damaged[30] ^= 1; // in the section table
    assert!(Index::open(&damaged).is_err());
    assert_eq!(Index::open(&IndexBuilder::new().finish()).unwrap().passage_count(), 0);
}

fn ranking_corpus(passages: &[&str]) -> Vec<u8> {
    let mut b = IndexBuilder::new();
    let doc = b.add_document(DocumentRecord { title: "Titre".into(), file: "t.txt".into(), ..Default::default() });
    for text in passages {
        b.add_passage(PassageRecord { section: None, document: doc, text: (*text).into(), statements: vec![], mentions: vec![] });
    }
    b.finish()
}

fn order(index: &Searcher, query: &str) -> Vec<u32> {
    index.search(&SearchRequest { query: query.into(), limit: 20, ..Default::default() }).hits.iter().map(|h| h.passage.0).collect()
}

#[test]
fn exact_matches_rank_above_typo_matches() {
    let blob = ranking_corpus(&[
        "La convension, la convension, encore la convension.",
        "Un long texte qui parle enfin de la convention parmi bien d'autres sujets et d'autres mots encore.",
    ]);
    let index = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&index, "convention "), [1, 0]);
    assert_eq!(order(&index, "convension "), [0, 1]);
}

#[test]
fn a_swap_is_one_edit_and_the_first_letter_counts_twice() {
    let blob = ranking_corpus(&["La Russie a signé la convention.", "Le ministre a parlé."]);
    let index = Searcher::new(Index::open(&blob).unwrap());
    // Six letters allow one edit, but not at the first letter.
    assert_eq!(order(&index, "ruszie "), [0]);
    assert_eq!(order(&index, "rusise "), [0]);
    assert_eq!(order(&index, "urssie "), Vec::<u32>::new());
    assert_eq!(order(&index, "tussie "), Vec::<u32>::new());
    assert_eq!(order(&index, "ussie "), Vec::<u32>::new());
    // Ten letters allow two: a first-letter edit alone, not with another.
    assert_eq!(order(&index, "zonvention "), [0]);
    assert_eq!(order(&index, "aconvention "), [0]);
    assert_eq!(order(&index, "zonventiom "), Vec::<u32>::new());
}

#[test]
fn titles_and_speaker_names_are_highlighted_where_they_matched() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    // Passages 0 and 1 say nothing of the engagement; their document's
    // title does, so the article is found once, through its first passage.
    let r = search(&index, "engagement ");
    assert_eq!(r.hits.iter().map(|h| h.passage.0).collect::<Vec<_>>(), [0]);
    let hit = &r.hits[0];
    assert!(hit.snippet.highlights.is_empty());
    let title = "Le Vietnam renforce son engagement contre la cybercriminalité";
    assert_eq!(hit.title_highlights.iter().map(|r| &title[r.clone()]).collect::<Vec<_>>(), ["engagement"]);
    assert!(hit.speaker_highlights.is_empty());
    // Found by the speaker's name, through a typo.
    let r = search(&index, "ghada walys ");
    let hit = r.hits.iter().find(|h| h.passage == PassageId(1)).unwrap();
    assert_eq!(hit.speaker_highlights.iter().map(|r| &"Ghada Waly"[r.clone()]).collect::<Vec<_>>(), ["Ghada", "Waly"]);
}

#[test]
fn one_edit_ranks_above_two() {
    let blob = ranking_corpus(&[
        "La connexion a été rétablie.",
        "La convention a été signée à Hanoï.",
        "Une convention contre la cybercriminalité.",
        "Cette convention engage les États.",
    ]);
    let index = Searcher::new(Index::open(&blob).unwrap());
    // `connexion` is two edits from the typo and rarer, so it scores higher;
    // `convention`, one swap away, is what was meant.
    let hits = order(&index, "convnetion ");
    assert_eq!(hits.len(), 4);
    assert_eq!(hits[3], 0, "{hits:?}");
}

#[test]
fn adjacent_words_rank_above_scattered_ones() {
    let blob = ranking_corpus(&[
        "coopération entre les pays membres pour une vision internationale",
        "une coopération internationale entre les pays membres pour une vision",
    ]);
    let index = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&index, "coopération internationale "), [1, 0]);
    assert_eq!(order(&index, "internationale coopération "), [1, 0]);
}

#[test]
fn title_and_speaker_fields_count() {
    let mut b = IndexBuilder::new();
    let plain = b.add_document(DocumentRecord { title: "Rien".into(), file: "a".into(), ..Default::default() });
    let titled = b.add_document(DocumentRecord { title: "Ratification".into(), file: "b".into(), ..Default::default() });
    b.add_passage(PassageRecord { section: None, document: plain, text: "La ratification avance.".into(), statements: vec![], mentions: vec![] });
    b.add_passage(PassageRecord { section: None, document: titled, text: "La ratification avance.".into(), statements: vec![], mentions: vec![] });
    let blob = b.finish();
    let index = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&index, "ratification "), [1, 0]);
}

#[test]
fn long_passages_get_a_window_around_the_matches() {
    let filler = "Les délégations ont débattu longuement des procédures. ".repeat(20);
    let text = format!("{filler}La Convention de Hanoï sera ouverte à la signature. {filler}");
    let blob = ranking_corpus(&[&text]);
    let index = Searcher::new(Index::open(&blob).unwrap());
    let hit = &index.search(&SearchRequest { query: "hanoi signature".into(), ..Default::default() }).hits[0];
    let snippet = &hit.snippet;
    assert!(snippet.truncated_start && snippet.truncated_end);
    assert!(snippet.text.len() < 400);
    let words: Vec<&str> = snippet.highlights.iter().map(|h| &snippet.text[h.clone()]).collect();
    assert_eq!(words, ["Hanoï", "signature"]);
    let lines = index.concordance(&SearchRequest { query: "hanoi".into(), ..Default::default() }, 12, 5);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].keyword, "Hanoï");
    assert_eq!(lines[0].left, "a Convention de ".chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect::<String>());
    assert_eq!(lines[0].right, " sera ouvert");
}

#[test]
fn numbers_are_kept_and_never_fuzzy() {
    let blob = ranking_corpus(&["Adoptée par les 193 États en 2024.", "Signée en 2025."]);
    let index = Searcher::new(Index::open(&blob).unwrap());
    assert_eq!(order(&index, "2025 "), [1]);
    assert_eq!(order(&index, "193 "), [0]);
}

#[test]
fn first_keystrokes_complete_to_the_most_frequent_terms() {
    let mut texts: Vec<String> = (0..40).map(|i| format!("violence numéro {i}")).collect();
    texts.extend((0..20).map(|i| format!("vaccin numéro {i}")));
    texts.extend((0..30).map(|i| format!("v{i}x rare")));
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let blob = ranking_corpus(&refs);
    let index = Searcher::new(Index::open(&blob).unwrap());
    let matched = index.matches(&SearchRequest { query: "v".into(), ..Default::default() });
    // One letter: the 8 most frequent completions, the two common words among them.
    assert!(matched.iter().any(|p| p.0 < 40) && matched.iter().any(|p| (40..60).contains(&p.0)));
    assert_eq!(matched.len(), 60 + 6);
    let matched = index.matches(&SearchRequest { query: "vi".into(), ..Default::default() });
    assert_eq!(matched.len(), 40);
}

#[test]
fn from_three_letters_a_prefix_matches_every_completion() {
    // Far more completions of `cyber` than the engine scores: two frequent
    // ones, then a long tail of words seen once each.
    let mut texts: Vec<String> = (0..10).map(|i| format!("cybersécurité numéro {i}")).collect();
    texts.extend((0..10).map(|i| format!("cyberespace numéro {i}")));
    let tail: Vec<String> = (0..60u8).map(|i| format!("cyber{}{}ité", char::from(b'a' + i / 26), char::from(b'a' + i % 26))).collect();
    texts.extend(tail.iter().map(|word| format!("le {word} seul")));
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let blob = ranking_corpus(&refs);
    let index = Searcher::new(Index::open(&blob).unwrap());
    let request = SearchRequest { query: "cyber".into(), limit: 80, ..Default::default() };
    assert_eq!(index.matches(&request).len(), 80, "every completion matches, not only the scored ones");
    let results = index.search(&request);
    assert_eq!(results.total, 80);
    // Completions past the scoring cap still light up.
    assert!(results.hits.iter().all(|h| !h.snippet.highlights.is_empty()));
}

#[test]
fn a_typo_in_the_word_being_typed_is_found_however_many_words_it_starts() {
    // Thirty words start with `posi` and appear more often than the one
    // word a slip away (`poxi…`): the word's own completions must not take
    // the places kept for its typo neighbours.
    let own: Vec<String> = (0..30u8).map(|i| format!("posi{}{}", char::from(b'a' + i / 26), char::from(b'a' + i % 26))).collect();
    let mut texts: Vec<String> = own.iter().map(|word| format!("{word} {word} {word}")).collect();
    texts.push("la poxition".into());
    texts.push("le posuel".into());
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let blob = ranking_corpus(&refs);
    let index = Searcher::new(Index::open(&blob).unwrap());
    let matched = index.matches(&SearchRequest { query: "posi".into(), ..Default::default() });
    assert!(matched.contains(&PassageId(30)), "{matched:?}");
    assert_eq!(matched.len(), 31);
    // The words sharing all but its last letter are not its typos while it
    // starts words of its own (`posu`, `posuel`); once it starts none, they are.
    assert_eq!(index.matches(&SearchRequest { query: "posu".into(), ..Default::default() }), [PassageId(31)]);
    assert_eq!(index.matches(&SearchRequest { query: "poxitiom".into(), ..Default::default() }), [PassageId(30)]);
}

#[test]
fn ranked_lists_the_same_passages_as_search_without_snippets() {
    let c = corpus();
    let index = Searcher::new(Index::open(&c.blob).unwrap());
    for query in ["la", "coopération", "convention cybercriminalité", "cyber", "", "hanoi -russie"] {
        for sort in [Sort::Relevance, Sort::DateDesc, Sort::DateAsc] {
            for (offset, limit) in [(0, 10), (1, 2), (0, 0), (3, 100)] {
                let request = SearchRequest { query: query.into(), sort, offset, limit, ..Default::default() };
                let hits: Vec<PassageId> = index.search(&request).hits.iter().map(|h| h.passage).collect();
                assert_eq!(index.ranked(&request), hits, "{query:?} {sort:?} {offset}+{limit}");
            }
        }
    }
}

/// A passage that quotes two people: both are kept with their evidence, the
/// passage counts under each of them and their countries, and filtering by
/// the second speaker finds it.
#[test]
fn a_passage_counts_under_every_speaker_and_keeps_its_evidence() {
    let mut b = IndexBuilder::new();
    let kenya = b.add_country(CountryRecord { code: "KEN".into(), name_fr: "Kenya".into(), name_en: "Kenya".into(), is_country: true });
    let chile = b.add_country(CountryRecord { code: "CHL".into(), name_fr: "Chili".into(), name_en: "Chile".into(), is_country: true });
    let ann = b.add_speaker(SpeakerRecord { name: "Ann Otieno".into(), role: None, country: Some(kenya), label_en: None, role_en: None });
    let luis = b.add_speaker(SpeakerRecord { name: "Luis Rojas".into(), role: None, country: Some(chile), label_en: None, role_en: None });
    let doc = b.add_document(DocumentRecord { title: "Deux voix".into(), outlet: None, url: None, lang: Lang::Fr, date: None, file: "a.txt".into() });
    let text = "Ann Otieno a salué le traité, tandis que Luis Rojas a regretté sa portée.";
    let cue = |word: &str| {
        let start = text.find(word).unwrap();
        Span::new(start, start + word.len())
    };
    let first = b.add_passage(PassageRecord {
        document: doc,
        section: None,
        text: text.into(),
        statements: vec![
            StatementRecord { speaker: ann, kind: StatementKind::Indirect, evidence: Evidence::Cue { cue: cue("a salué"), mention: Some(cue("Ann Otieno")) } },
            StatementRecord { speaker: luis, kind: StatementKind::Indirect, evidence: Evidence::Cue { cue: cue("a regretté"), mention: Some(cue("Luis Rojas")) } },
        ],
        mentions: vec![],
    });
    let second = b.add_passage(PassageRecord {
        document: doc,
        section: None,
        text: "Le traité reste à ratifier.".into(),
        statements: vec![StatementRecord { speaker: luis, kind: StatementKind::Indirect, evidence: Evidence::Continuation(first) }],
        mentions: vec![],
    });
    let blob = b.finish();
    let index = Searcher::new(Index::open(&blob).unwrap());
    let statements = index.index().statements(first);
    assert_eq!(statements.len(), 2);
    let Evidence::Cue { cue: found, mention } = statements[1].evidence else { panic!("a cue") };
    assert_eq!(&text[found.range()], "a regretté");
    assert_eq!(&text[mention.unwrap().range()], "Luis Rojas");
    assert_eq!(index.index().statements(second)[0].evidence, Evidence::Continuation(first));
    let all = index.search(&SearchRequest { query: "traité".into(), ..SearchRequest::default() });
    assert!(all.facets.speakers.contains(&(ann, 1)), "{:?}", all.facets.speakers);
    assert!(all.facets.speakers.contains(&(luis, 2)), "{:?}", all.facets.speakers);
    assert!(all.facets.countries.contains(&(chile, 2)) && all.facets.countries.contains(&(kenya, 1)), "{:?}", all.facets.countries);
    let by_luis = index.search(&SearchRequest { query: "salué".into(), filters: Filters { speakers: vec![luis], ..Filters::default() }, ..SearchRequest::default() });
    assert_eq!(by_luis.total, 1, "the second speaker's filter finds the passage");
}

/// Two other speakers of one country count that country once for their
/// passage, as filtering by it finds the passage once; a main speaker whose
/// id is unknown leaves the first known one as the passage's main speaker.
#[test]
fn a_country_counts_once_per_passage_and_the_main_speaker_is_the_first_known() {
    let mut b = IndexBuilder::new();
    let kenya = b.add_country(CountryRecord { code: "KEN".into(), name_fr: "Kenya".into(), name_en: "Kenya".into(), is_country: true });
    let chile = b.add_country(CountryRecord { code: "CHL".into(), name_fr: "Chili".into(), name_en: "Chile".into(), is_country: true });
    let ann = b.add_speaker(SpeakerRecord { name: "Ann Otieno".into(), role: None, country: Some(kenya), label_en: None, role_en: None });
    let luis = b.add_speaker(SpeakerRecord { name: "Luis Rojas".into(), role: None, country: Some(chile), label_en: None, role_en: None });
    let eva = b.add_speaker(SpeakerRecord { name: "Eva Soto".into(), role: None, country: Some(chile), label_en: None, role_en: None });
    let doc = b.add_document(DocumentRecord { title: "Trois voix".into(), file: "a.txt".into(), ..Default::default() });
    let voices = vec![StatementRecord::plain(ann), StatementRecord::plain(luis), StatementRecord::plain(eva)];
    b.add_passage(PassageRecord { document: doc, section: None, text: "Le traité divise les délégations.".into(), statements: voices, mentions: vec![] });
    let unknown = SpeakerId(99);
    let second = b.add_passage(PassageRecord {
        document: doc,
        section: None,
        text: "Le traité avance malgré tout.".into(),
        statements: vec![StatementRecord::plain(unknown), StatementRecord::plain(luis)],
        mentions: vec![],
    });
    let blob = b.finish();
    let index = Searcher::new(Index::open(&blob).unwrap());
    let all = index.search(&SearchRequest { query: "traité".into(), ..SearchRequest::default() });
    assert!(all.facets.countries.contains(&(chile, 2)), "{:?}", all.facets.countries);
    assert_eq!(index.index().passage(second).unwrap().speaker, Some(luis));
    assert!(all.facets.speakers.contains(&(luis, 2)), "{:?}", all.facets.speakers);
}

/// The reading view shows a passage's section title above it: the title
/// must come back from the blob as it went in, shared by the passages under
/// it, absent where there is none, and never a search hit of its own.
#[test]
fn a_section_title_survives_the_blob_round_trip() {
    let mut b = IndexBuilder::new();
    let doc = b.add_document(DocumentRecord { title: "Traité".into(), file: "a.txt".into(), ..Default::default() });
    let add = |b: &mut IndexBuilder, text: &str, section: Option<&str>| {
        b.add_passage(PassageRecord { document: doc, text: text.into(), section: section.map(String::from), statements: vec![], mentions: vec![] })
    };
    let opening = add(&mut b, "Le traité a été signé samedi.", None);
    let first = add(&mut b, "Les États coopèrent contre la fraude.", Some("Le rôle décisif de la coopération"));
    let second = add(&mut b, "Ils partagent leurs preuves.", Some("Le rôle décisif de la coopération"));
    let other = add(&mut b, "La ratification suivra.", Some("Une étape vers la ratification"));
    let blob = b.finish();
    let index = Searcher::new(Index::open(&blob).unwrap());
    let section = |id| index.index().passage(id).unwrap().section;
    assert_eq!(section(opening), None);
    assert_eq!(section(first), Some("Le rôle décisif de la coopération"));
    assert_eq!(section(second), Some("Le rôle décisif de la coopération"));
    assert_eq!(section(other), Some("Une étape vers la ratification"));
    let hits = index.search(&SearchRequest { query: "décisif".into(), ..Default::default() });
    assert_eq!(hits.total, 0, "a section title is not searched: {hits:?}");
}
