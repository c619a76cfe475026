//! The view models against a two-article corpus written for these tests.

use super::*;
use search::{CountryRecord, DocumentRecord, IndexBuilder, Lang, PassageRecord, SpeakerRecord, StatementRecord};

/// A two-article corpus written for these tests.
fn blob() -> Vec<u8> {
    let mut builder = IndexBuilder::new();
    let ruritania = builder.add_country(CountryRecord {
        code: "RUR".into(),
        name_fr: "Ruritanie".into(),
        name_en: "Ruritania".into(),
        is_country: true,
    });
    let minister = builder.add_speaker(SpeakerRecord {
        name: "Anna Example".into(),
        role: Some("ministre".into()),
        country: Some(ruritania),
        label_en: None,
        role_en: Some("Minister".into()),
    });
    let first = builder.add_document(DocumentRecord {
        title: "Un accord signé".into(),
        outlet: Some("Agence".into()),
        url: Some("javascript:alert(1)".into()),
        lang: Lang::Fr,
        date: Some(Date::ymd(2025, 10, 25)),
        file: "a.txt".into(),
    });
    for (text, section) in [
        ("La ministre a salué la coopération entre les États.", None),
        ("Le texte entre en vigueur plus tard.", Some("Un calendrier serré")),
        ("Elle a ajouté que la coopération protège les victimes.", Some("Un calendrier serré")),
    ] {
        builder.add_passage(PassageRecord {
            section: section.map(String::from),
            document: first,
            text: text.into(),
            statements: vec![StatementRecord::plain(minister)],
            mentions: vec![ruritania],
        });
    }
    let second = builder.add_document(DocumentRecord {
        title: "Un autre jour".into(),
        outlet: None,
        url: Some("https://example.org/b".into()),
        lang: Lang::Fr,
        date: Some(Date::ymd(2025, 11, 3)),
        file: "b.txt".into(),
    });
    builder.add_passage(PassageRecord {
        section: None,
        document: second,
        text: "Des experts parlent de cybersécurité, \"sans\" formule =SUM(A1).".into(),
        statements: vec![],
        mentions: vec![],
    });
    builder.finish()
}

#[test]
fn a_section_title_opens_its_first_passage_only_and_labels_cards() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let route = Route { reading: Some(Reading { file: "a.txt".into(), passage: Some(2) }), ..Route::default() };
    let article = article(&index, &route).expect("the article");
    let opens: Vec<Option<&str>> = article.passages.iter().map(|p| p.opens_section.as_deref()).collect();
    assert_eq!(opens, [None, Some("Un calendrier serré"), None]);
    let outcome = search(&index, &Route { query: "victimes".into(), ..Route::default() }, 10, || 0.0);
    assert_eq!(outcome.cards[0].section.as_deref(), Some("Un calendrier serré"));
}

#[test]
fn the_rehearsal_types_the_first_cards_longest_word_short_of_its_last_letter() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let mut first_screen = search(&index, &Route::default(), 10, || 0.0);
    let first_card = first_screen.cards[0].clone();
    let rehearsal = rehearsal_query(&first_screen).expect("a first card with a long word");
    let longest = first_card.text.split(|c: char| !c.is_alphanumeric()).max_by_key(|word| word.chars().count()).expect("a word");
    assert_eq!(rehearsal.chars().count() + 1, longest.chars().count(), "{rehearsal:?} is {longest:?} but its last letter");
    assert!(longest.starts_with(&rehearsal));
    // It is a search a reader could type: it finds the card it came from.
    let found = search(&index, &Route { query: rehearsal, ..Route::default() }, 10, || 0.0);
    assert!(found.cards.iter().any(|card| card.reading == first_card.reading), "{:?}", found.cards);

    first_screen.cards[0].text = "Un an, à la fin.".into();
    assert_eq!(rehearsal_query(&first_screen), None, "no word is long enough to take the typo path");
    assert_eq!(rehearsal_query(&Outcome::default()), None, "a view without cards rehearses nothing");
}

#[test]
fn each_group_of_a_list_has_its_own_key_though_several_cards_share_an_article() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let keys = |route: &Route| -> Vec<String> {
        let outcome = search(&index, route, 10, || 0.0);
        grouped(&outcome.cards, route).into_iter().map(|group| group.key).collect()
    };
    // The latest statements stand one by one: all three are a.txt's.
    let latest = keys(&Route::default());
    assert_eq!(latest.len(), 3, "{latest:?}");
    let mut unique = latest.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), latest.len(), "repeated keys: {latest:?}");
    // A search lists each article once, under its file.
    let found = Route { query: "cooperation".into(), ..Route::default() };
    assert_eq!(keys(&found), ["a.txt"]);
    assert_eq!(grouped(&search(&index, &found, 10, || 0.0).cards, &found)[0].cards.len(), 2);
}

#[test]
fn only_web_addresses_become_links() {
    assert!(is_web_address("https://example.org/a"));
    assert!(is_web_address("HTTP://example.org"));
    assert!(!is_web_address("javascript:alert(1)"));
    assert!(!is_web_address("data:text/html,x"));
}

#[test]
fn date_filters_read_as_dates() {
    assert_eq!(date_label(UiLang::Fr, Date::ymd(2025, 10, 25)), format_date(UiLang::Fr, 2025, Some(10), Some(25)));
    assert_eq!(date_label(UiLang::En, "2025-10".parse().expect("a month")), format_date(UiLang::En, 2025, Some(10), None));
    // A date that does not read never reaches the route.
    assert_eq!(Route::from_hash("#from=demain").date_from, None);
}

#[test]
fn cards_resolve_names_and_drop_unsafe_urls() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let route = Route { query: "cooperation".into(), ..Route::default() };
    let outcome = search(&index, &route, 10, || 0.0);
    assert_eq!(outcome.total, 2);
    let card = &outcome.cards[0];
    assert_eq!(card.who.speaker.as_deref(), Some("Anna Example"));
    assert_eq!(card.who.country_code.as_deref(), Some("RUR"));
    assert_eq!(card.date.as_deref(), Some("25 octobre 2025"));
    assert_eq!(card.url, None, "a javascript: URL must not survive");
    assert_eq!(outcome.speakers[0].count, 2);
    assert_eq!(outcome.sources.iter().map(|s| (s.key.as_str(), s.count)).collect::<Vec<_>>(), [("Agence", 2)]);
}

#[test]
fn timeline_zooms_to_days_inside_one_month() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    // Narration included: the November article has no speaker.
    let months = search(&index, &Route::default().with_attributed_only(false), 10, || 0.0).timeline;
    assert_eq!(months.iter().map(|bar| bar.key.as_str()).collect::<Vec<_>>(), ["2025-10", "2025-11"]);
    let month = "2025-10".parse().ok();
    let october = Route { date_from: month, date_to: month, ..Route::default() };
    let days = search(&index, &october, 10, || 0.0).timeline;
    assert_eq!(days.iter().map(|bar| bar.key.as_str()).collect::<Vec<_>>(), ["2025-10-25"]);
}

#[test]
fn match_nav_skips_passages_without_hits_counts_and_wraps() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let route = Route {
        query: "cooperation".into(),
        reading: Some(Reading { file: "a.txt".into(), passage: Some(0) }),
        ..Route::default()
    };
    let article = article(&index, &route).expect("a.txt exists");
    let nav = article.match_nav();
    assert_eq!((nav.previous, nav.next, nav.position, nav.total, nav.wraps), (None, Some(2), Some(1), 2, false));
    let last = Route { reading: Some(Reading { file: "a.txt".into(), passage: Some(2) }), ..route };
    let nav = super::article(&index, &last).expect("a.txt exists").match_nav();
    assert_eq!((nav.previous, nav.next, nav.position, nav.wraps), (Some(0), Some(0), Some(2), true));
}

#[test]
fn profiles_list_statements_in_date_order() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let profile = speaker_profile(&index, "Anna Example", "", UiLang::Fr).expect("speaker exists");
    assert_eq!(profile.statements.len(), 3);
    assert!(profile.distinctive.iter().any(|word| word == "coopération"), "{:?}", profile.distinctive);
    let country = country_profile(&index, "RUR", UiLang::En).expect("country exists");
    assert_eq!(country.heading, "Ruritania");
    assert_eq!(country.speakers.len(), 1);
    assert!(speaker_profile(&index, "Nobody", "", UiLang::Fr).is_none());
}

#[test]
fn concordance_sorts_by_the_chosen_side() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let route = Route { query: "cooperation".into(), ..Route::default() };
    let right = concordance(&index, &route, ContextSide::Right);
    assert_eq!(right.len(), 2);
    assert!(right[0].right.trim_start() <= right[1].right.trim_start());
    assert!(right.iter().all(|line| line.keyword.to_lowercase().starts_with("coop")));
}

#[test]
fn every_list_ends_with_an_unknown_entry_that_makes_it_add_up_and_filters() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    // Narration included: the first screen's default lists only attributed statements.
    let everything = Route { attributed: Some(false), ..Route::default() };
    let outcome = search(&index, &everything, 10, || 0.0);
    let entries = |list: &[FacetEntry]| list.iter().map(|e| (e.key.clone(), e.label.clone(), e.count)).collect::<Vec<_>>();
    assert_eq!(entries(&outcome.sources), [("Agence".into(), "Agence".into(), 3), (UNKNOWN_KEY.into(), "(inconnue)".into(), 1)]);
    assert_eq!(outcome.speakers.last().map(|e| (e.key.as_str(), e.count)), Some((UNKNOWN_KEY, 1)));
    assert_eq!(outcome.countries.iter().map(|e| e.count).sum::<u32>() as usize, outcome.total);
    let unknown_source = Route { sources: vec![UNKNOWN_KEY.into()], ..everything.clone() };
    let narrowed = search(&index, &unknown_source, 10, || 0.0);
    assert_eq!(narrowed.total, 1);
    assert!(narrowed.cards.iter().all(|card| card.outlet.is_none()));
    assert!(narrowed.sources.iter().any(|e| e.key == UNKNOWN_KEY && e.selected));
    // A search that finds only passages with an outlet lists no unknown entry.
    let cooperation = search(&index, &Route { query: "cooperation".into(), ..Route::default() }, 10, || 0.0);
    assert!(cooperation.sources.iter().all(|e| e.key != UNKNOWN_KEY));
}

#[test]
fn a_query_narrows_a_speakers_profile() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let narrowed = speaker_profile(&index, "Anna Example", "victimes", UiLang::Fr).expect("speaker exists");
    assert_eq!(narrowed.statements.len(), 1);
}

#[test]
fn the_first_screen_lists_attributed_statements_and_the_switch_brings_narration_back() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    assert_eq!(search(&index, &Route::default(), 10, || 0.0).total, 3);
    assert_eq!(search(&index, &Route::default().with_attributed_only(false), 10, || 0.0).total, 4);
    // A search of words finds narration too, unless it names a speaker.
    assert_eq!(search(&index, &Route { query: "experts".into(), ..Route::default() }, 10, || 0.0).total, 1);
    let by_speaker = Route { query: "orateur:anna".into(), ..Route::default() };
    assert_eq!(search(&index, &by_speaker, 10, || 0.0).total, 3);
}

#[test]
fn the_corpus_summary_counts_attributed_statements_speakers_sources_and_dates() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let summary = corpus_summary(&index, UiLang::Fr);
    assert_eq!((summary.statements, summary.speakers, summary.sources), (3, 1, 1));
    assert_eq!(summary.line(UiLang::Fr), "3 déclarations de 1 orateurs, 1 sources, de 25 octobre 2025 à 25 octobre 2025");
    let reading = Reading { file: "a.txt".into(), passage: Some(0) };
    let kind = |reading: &Reading| statement(index.index(), reading, UiLang::Fr).and_then(|card| card.kind);
    assert_eq!(kind(&reading), Some(search::StatementKind::Indirect));
    assert_eq!(kind(&Reading { file: "b.txt".into(), passage: Some(0) }), None);
}

#[test]
fn the_concordance_counts_occurrences_and_passages_and_exports_a_guarded_csv() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    let lines = concordance(&index, &Route { query: "cooperation".into(), ..Route::default() }, ContextSide::Right);
    assert_eq!(concordance_count(&lines, UiLang::Fr), "2 occurrences dans 2 passages");
    assert_eq!(lines[0].who.speaker.as_deref(), Some("Anna Example"));
    let csv = concordance_csv(&lines, "https://host/app/#q=x", UiLang::Fr);
    let mut rows = csv.split("\r\n");
    assert_eq!(rows.next(), Some(format!("\u{feff}{}", CONCORDANCE_COLUMNS.join(",")).as_str()));
    let row = rows.next().expect("a data row");
    assert!(row.contains(",Anna Example,Ruritanie,RUR,2025-10-25,Agence,Un accord signé,https://host/app/#doc=a.txt&p="), "{row}");
    let formula = concordance(&index, &Route { query: "formule".into(), attributed: Some(false), ..Route::default() }, ContextSide::Right);
    let csv = concordance_csv(&formula, "https://host/", UiLang::Fr);
    assert!(csv.contains(",'=SUM(A1).") || csv.contains("\"'=SUM(A1).") , "{csv}");
}

#[test]
fn an_unnamed_speaker_is_labelled_in_the_interface_language_and_keyed_by_name() {
    let mut builder = IndexBuilder::new();
    let poland = builder.add_country(CountryRecord { code: "POL".into(), name_fr: "Pologne".into(), name_en: "Poland".into(), is_country: true });
    let deputy = builder.add_speaker(SpeakerRecord {
        name: "Vice-Premier ministre (Pologne)".into(),
        role: Some("Vice-Premier ministre".into()),
        country: Some(poland),
        label_en: Some("Deputy Prime Minister (Poland)".into()),
        role_en: Some("Deputy Prime Minister".into()),
    });
    let doc = builder.add_document(DocumentRecord { title: "Un accord".into(), file: "a.txt".into(), ..Default::default() });
    builder.add_passage(PassageRecord {
        section: None,
        document: doc,
        text: "La coopération est utile.".into(),
        statements: vec![StatementRecord::plain(deputy)],
        mentions: vec![],
    });
    let blob = builder.finish();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    for (lang, label, role) in [
        (UiLang::Fr, "Vice-Premier ministre (Pologne)", "Vice-Premier ministre"),
        (UiLang::En, "Deputy Prime Minister (Poland)", "Deputy Prime Minister"),
    ] {
        let outcome = search(&index, &Route { query: "cooperation".into(), lang, ..Route::default() }, 10, || 0.0);
        assert_eq!(outcome.cards[0].who.speaker_label.as_deref(), Some(label));
        assert_eq!(outcome.cards[0].who.role.as_deref(), Some(role), "the role in the label's language");
        assert_eq!(outcome.cards[0].who.speaker.as_deref(), Some("Vice-Premier ministre (Pologne)"), "the key stays the name");
        assert_eq!(outcome.speakers[0].label, label);
        assert_eq!(outcome.speakers[0].key, "Vice-Premier ministre (Pologne)");
        assert_eq!(export_rows(&outcome.cards, "", lang)[0].speaker, label, "one language per record");
        assert_eq!(export_rows(&outcome.cards, "", lang)[0].role, role);
        let country = country_profile(&index, "POL", lang).expect("the country exists");
        assert_eq!(country.speakers[0].label, label, "a country's page labels its speakers as the result list does");
        assert_eq!(country.speakers[0].key, "Vice-Premier ministre (Pologne)");
    }
}

#[test]
fn a_named_speaker_keeps_their_name_and_has_their_role_in_the_interface_language() {
    let blob = blob();
    let index = Searcher::new(Index::open(&blob).expect("the test blob opens"));
    for (lang, role) in [(UiLang::Fr, "ministre"), (UiLang::En, "Minister")] {
        let outcome = search(&index, &Route { query: "cooperation".into(), lang, ..Route::default() }, 10, || 0.0);
        let who = &outcome.cards[0].who;
        assert_eq!(who.speaker_label.as_deref(), Some("Anna Example"));
        assert_eq!(who.role.as_deref(), Some(role));
    }
}

#[test]
fn the_first_screen_holds_a_screen_of_cards_and_six_at_least() {
    assert_eq!(first_screen_cards(760.0), 6, "a phone");
    assert_eq!(first_screen_cards(900.0), 6, "a laptop");
    assert_eq!(first_screen_cards(1920.0), 13, "a kiosk standing upright");
    assert_eq!(first_screen_cards(100_000.0), PAGE_SIZE, "never more than a page");
    assert_eq!(first_screen_cards(f64::NAN), 6, "no window");
    assert_eq!(first_screen_cards(-1.0), 6);
}
