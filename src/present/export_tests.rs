//! Citations and exports: what is quoted, what the source is, and the CSV,
//! CSL-JSON and BibTeX forms, on cards read from a small corpus whose
//! statements are direct, mixed and indirect.

use super::*;
use search::{DocumentRecord, IndexBuilder, Lang, PassageRecord, SpeakerRecord, StatementRecord};

const PAGE: &str = "https://host/app/index.html#q=x";

/// One article without URL or outlet holding a direct quotation, a mixed
/// passage, a paraphrase and narration; one with both and awkward characters.
fn blob() -> Vec<u8> {
    let mut builder = IndexBuilder::new();
    let minister = builder.add_speaker(SpeakerRecord { name: "Anna Example".into(), role: None, country: None, label_en: None, role_en: None });
    let bare = builder.add_document(DocumentRecord {
        title: "La première phrase de l'article, coupée".into(),
        date: Some(Date::ymd(2025, 10, 25)),
        file: "bare.txt".into(),
        ..DocumentRecord::default()
    });
    let said = |kind| vec![StatementRecord { kind, ..StatementRecord::plain(minister) }];
    for (text, statements) in [
        ("« La coopération est essentielle », a déclaré la ministre.", said(StatementKind::Direct)),
        ("La ministre a jugé le texte « équilibré » et « urgent » pour tous.", said(StatementKind::Mixed)),
        ("La ministre a estimé que la convention protège les victimes.", said(StatementKind::Indirect)),
        ("La cérémonie a eu lieu à Hanoï.", vec![]),
    ] {
        builder.add_passage(PassageRecord { document: bare, text: text.into(), section: None, statements, mentions: vec![] });
    }
    let online = builder.add_document(DocumentRecord {
        title: "Un titre {avec} 100 % & _ #".into(),
        outlet: Some("Agence".into()),
        url: Some("https://example.org/a b".into()),
        lang: Lang::Fr,
        date: Some(Date::ym(2025, 11)),
        file: "online.txt".into(),
    });
    builder.add_passage(PassageRecord {
        document: online,
        text: "Des experts parlent de cybersécurité, \"sans\" formule =SUM(A1).".into(),
        section: None,
        statements: said(StatementKind::Direct),
        mentions: vec![],
    });
    builder.finish()
}

/// Every card of the corpus, in corpus order.
fn cards(blob: &[u8]) -> Vec<Card> {
    let index = Index::open(blob).expect("the test blob opens");
    (0..index.passage_count() as u32).filter_map(|id| card(&index, PassageId(id), None, UiLang::Fr)).collect()
}

#[test]
fn a_direct_quotation_quotes_only_the_quoted_words() {
    let cards = cards(&blob());
    let citation = citation(&cards[0], PAGE, UiLang::Fr);
    assert!(citation.starts_with("Anna Example, 25 octobre 2025 : « La coopération est essentielle » — "), "{citation}");
    assert!(!citation.contains("a déclaré"), "the attribution is not quoted: {citation}");
    let english = super::citation(&cards[0], PAGE, UiLang::En);
    assert!(english.contains(": “La coopération est essentielle” — "), "{english}");
}

#[test]
fn a_mixed_passage_quotes_its_pieces_joined_by_an_ellipsis() {
    let cards = cards(&blob());
    assert_eq!(cards[1].quoted, ["équilibré", "urgent"]);
    let citation = citation(&cards[1], PAGE, UiLang::Fr);
    assert!(citation.contains("« équilibré … urgent »"), "{citation}");
    assert!(!citation.contains("pour tous"));
}

#[test]
fn a_paraphrase_says_selon_and_has_no_quotation_marks() {
    let cards = cards(&blob());
    let citation = citation(&cards[2], PAGE, UiLang::Fr);
    assert!(citation.starts_with("Selon Anna Example, 25 octobre 2025 (propos rapportés) : La ministre a estimé"), "{citation}");
    assert!(!citation.contains('«') && !citation.contains('»'), "{citation}");
    let english = super::citation(&cards[2], PAGE, UiLang::En);
    assert!(english.starts_with("According to Anna Example") && !english.contains('“'), "{english}");
    let narration = super::citation(&cards[3], PAGE, UiLang::Fr);
    assert!(narration.starts_with("25 octobre 2025 : La cérémonie") && !narration.contains('«'), "{narration}");
}

#[test]
fn the_source_is_the_url_or_else_the_permalink_never_a_sentence() {
    let cards = cards(&blob());
    let without_url = citation(&cards[2], PAGE, UiLang::Fr);
    assert!(without_url.ends_with("Source : https://host/app/index.html#doc=bare.txt&p=2"), "{without_url}");
    let with_url = citation(&cards[4], PAGE, UiLang::Fr);
    assert!(with_url.ends_with("Source : https://example.org/a b"), "{with_url}");
}

#[test]
fn csl_json_has_what_zotero_reads() {
    let cards = cards(&blob());
    let item = csl_item(&cards[4], PAGE, "2026-01-02", UiLang::Fr);
    assert_eq!(item.item_type, "article-newspaper");
    assert_eq!(item.title, "Un titre {avec} 100 % & _ #");
    assert_eq!(item.container_title.as_deref(), Some("Agence"));
    assert_eq!(item.author, [CslName { literal: "Anna Example".into() }]);
    assert_eq!(item.issued, Some(CslDate { date_parts: vec![vec![2025, 11]] }));
    assert_eq!(item.accessed, Some(CslDate { date_parts: vec![vec![2026, 1, 2]] }));
    assert_eq!(item.url, "https://example.org/a b");
    assert_eq!(item.quotation, "sans");
    assert_eq!(item.note, Some("citation directe"));
    let narration = csl_item(&cards[3], PAGE, "2026-01-02", UiLang::Fr);
    assert!(narration.author.is_empty() && narration.container_title.is_none() && narration.note.is_none());
    assert_eq!(narration.url, "https://host/app/index.html#doc=bare.txt&p=3");
}

#[test]
fn bibtex_escapes_special_characters_and_keeps_names_whole() {
    let cards = cards(&blob());
    let entry = bibtex_entry(&cards[4], PAGE, "2026-01-02", UiLang::Fr);
    assert!(entry.starts_with("@article{hanoi_online_0,\n"), "{entry}");
    assert!(entry.contains("  title = {Un titre \\textbraceleft{}avec\\textbraceright{} 100 \\% \\& \\_ \\#},\n"), "{entry}");
    assert!(entry.contains("  journal = {Agence},\n") && entry.contains("  author = {{Anna Example}},\n"), "{entry}");
    assert!(entry.contains("  date = {2025-11},\n  year = {2025},\n"), "{entry}");
    assert!(entry.contains("  url = {https://example.org/a%20b},\n  urldate = {2026-01-02},\n"), "{entry}");
    assert!(entry.ends_with("}\n"));
    let depth = entry.chars().try_fold(0i32, |depth, c| {
        let depth = depth + i32::from(c == '{') - i32::from(c == '}');
        (depth >= 0).then_some(depth)
    });
    assert_eq!(depth, Some(0), "braces balance, as BibTeX counts them");
    let misc = bibtex_entry(&cards[2], PAGE, "2026-01-02", UiLang::Fr);
    assert!(misc.starts_with("@misc{hanoi_bare_2,") && !misc.contains("journal"), "{misc}");
    assert!(misc.contains("url = {https://host/app/index.html#doc=bare.txt&p=2}"), "{misc}");
}

#[test]
fn csv_starts_with_a_bom_has_one_column_per_field_and_defuses_formulas() {
    let cards = cards(&blob());
    let csv = to_csv(&export_rows(&cards, PAGE, UiLang::Fr));
    let csv = csv.strip_prefix(UTF8_BOM).expect("a byte-order mark first");
    let mut lines = csv.split("\r\n");
    assert_eq!(lines.next(), Some(ExportRow::COLUMNS.join(",").as_str()));
    let rows: Vec<&str> = lines.filter(|line| !line.is_empty()).collect();
    assert_eq!(rows.len(), cards.len());
    assert!(rows[1].contains(",mixed,équilibré … urgent,"), "{}", rows[1]);
    assert!(rows[2].contains(",paraphrase,,"), "{}", rows[2]);
    let last = rows[4];
    assert!(last.contains("\"Des experts parlent de cybersécurité, \"\"sans\"\" formule =SUM(A1).\""), "{last}");
    assert!(last.ends_with("https://host/app/index.html#doc=online.txt&p=0"), "{last}");
    assert_eq!(csv_cell("=1+1"), "'=1+1");
}
