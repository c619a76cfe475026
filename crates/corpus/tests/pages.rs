//! Saved web pages, one kind of page each (`tests/pages/`, written for these
//! tests): each gives the right title, outlet, address, language, date and
//! paragraphs, says where it read each, and leaves the page's furniture out.

use corpus::{extract_article, extract_dir, Document, Lang, Source, Warning, WarningKind};
use std::path::Path;

fn page(name: &str) -> (Document, Vec<Warning>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    extract_article(name, &bytes).unwrap_or_else(|w| panic!("{name}: {w}"))
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.passages.iter().map(|p| p.text.as_str()).collect()
}

/// What a page must give, field by field, with where it was read.
struct Expected<'a> {
    title: (&'a str, Source),
    outlet: Option<(&'a str, Source)>,
    url: Option<(&'a str, Source)>,
    lang: (Lang, Source),
    date: Option<(&'a str, Source)>,
    /// The first and last passages, and how many there are.
    first: &'a str,
    last: &'a str,
    passages: usize,
    /// Furniture that must not be a passage.
    absent: &'a [&'a str],
}

fn check(name: &str, want: Expected) {
    let (doc, warnings) = page(name);
    let got = |field: &str, value: Option<&str>, source: Option<Source>| format!("{name} {field}: {value:?} from {source:?}");
    assert_eq!((doc.title.as_str(), doc.sources.title), want.title, "{}", got("title", Some(&doc.title), Some(doc.sources.title)));
    assert_eq!(doc.outlet.as_deref().zip(doc.sources.outlet), want.outlet, "{}", got("outlet", doc.outlet.as_deref(), doc.sources.outlet));
    assert_eq!(doc.url.as_deref().zip(doc.sources.url), want.url, "{}", got("url", doc.url.as_deref(), doc.sources.url));
    assert_eq!((doc.lang, doc.sources.lang), want.lang, "{name} lang");
    let date = doc.date.as_ref().map(|d| (d.date.to_string(), d.source));
    assert_eq!(date.as_ref().map(|(d, s)| (d.as_str(), *s)), want.date, "{name} date: {:?}", doc.date);
    let texts = texts(&doc);
    assert_eq!(texts.first().copied(), Some(want.first), "{name}: {texts:#?}");
    assert_eq!(texts.last().copied(), Some(want.last), "{name}: {texts:#?}");
    assert_eq!(texts.len(), want.passages, "{name}: {texts:#?}");
    for furniture in want.absent {
        assert!(texts.iter().all(|t| !t.contains(furniture)), "{name}: {furniture:?} kept in {texts:#?}");
        assert!(!doc.title.contains(furniture), "{name}: {furniture:?} in the title");
    }
    assert!(warnings.iter().all(|w| w.kind != WarningKind::Markup), "{name}: {warnings:?}");
}

#[test]
fn a_page_with_json_ld_only() {
    check(
        "jsonld-only.html",
        Expected {
            title: ("Cybercriminalité : Lomé prête à signer la convention", Source::JsonLd),
            outlet: Some(("Le Courrier des Lagunes", Source::JsonLd)),
            url: Some(("https://courrier-lagunes.example/monde/lome-prete-a-signer", Source::JsonLd)),
            lang: (Lang::Fr, Source::JsonLd),
            // The day as the page wrote it, whatever the build machine's zone.
            date: Some(("2025-10-24", Source::JsonLd)),
            first: "Le gouvernement togolais a confirmé jeudi qu'il signera la convention des Nations unies contre la cybercriminalité à Hanoï.",
            last: "Le texte doit encore être ratifié par l'Assemblée nationale avant d'entrer en vigueur.",
            passages: 3,
            absent: &["Accueil", "Partager", "À lire aussi", "budget", "Les plus lus", "droits réservés", "dataLayer", "display"],
        },
    );
}

#[test]
fn a_page_with_open_graph_only() {
    check(
        "opengraph-only.html",
        Expected {
            title: ("Island states weigh the new cybercrime treaty", Source::OpenGraph),
            outlet: Some(("The Harbour Herald", Source::OpenGraph)),
            url: Some(("https://harbourherald.example/world/2025/island-states-treaty", Source::OpenGraph)),
            lang: (Lang::En, Source::OpenGraph),
            date: Some(("2025-10-26", Source::OpenGraph)),
            first: "Several Pacific island states said on Sunday they would study the treaty before deciding whether to sign it.",
            last: "Rights groups warned that the treaty could allow broad requests for personal data.",
            passages: 3,
            absent: &["Sport", "Related", "five points", "Comments", "Great article", "all rights reserved", "Delegates of the Pacific"],
        },
    );
    let (doc, _) = page("opengraph-only.html");
    assert_eq!(doc.author, None, "no byline in its metadata");
    // The caption is set aside, the sub-heading titles what follows it.
    assert_eq!(doc.captions.len(), 1, "{:?}", doc.captions);
    assert!(doc.captions[0].starts_with("Delegates of the Pacific states"), "{:?}", doc.captions);
    assert_eq!(doc.passages[2].section.as_deref(), Some("Concerns over data"));
}

#[test]
fn authors_come_from_the_json_ld_or_a_meta_tag() {
    assert_eq!(page("jsonld-only.html").0.author.as_deref(), Some("Rédaction"));
    let (doc, _) = page("split-by-ads.html");
    assert_eq!((doc.author.as_deref(), doc.sources.author), (Some("Claire Vasseur"), Some(Source::MetaTag)));
    let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"A. Martin"},{"@type":"Person","name":"B. Okafor"}]}</script><article><p>Le ministre a parlé aux délégués.</p></article>"#;
    let (doc, _) = extract_article("x.html", html.as_bytes()).expect("an article");
    assert_eq!(doc.author.as_deref(), Some("A. Martin, B. Okafor"));
}

#[test]
fn a_page_dated_by_a_time_element_only() {
    check(
        "time-only.html",
        Expected {
            title: ("Le Sénégal salue un texte « équilibré »", Source::TitleElement),
            outlet: Some(("Le Petit Quotidien", Source::TitleElement)),
            url: Some(("https://petit-quotidien.example/2025/10/senegal-texte-equilibre", Source::Canonical)),
            lang: (Lang::Fr, Source::HtmlLang),
            date: Some(("2025-10-26", Source::TimeElement)),
            first: "Le Sénégal a salué dimanche un texte « équilibré », au lendemain de la cérémonie de signature à Hanoï.",
            last: "Dakar entend désormais former ses magistrats aux preuves électroniques.",
            passages: 3,
            absent: &["Publié le"],
        },
    );
}

#[test]
fn a_page_with_no_metadata_is_read_like_a_text() {
    check(
        "no-metadata.html",
        Expected {
            title: ("Une coalition d'ONG critique la convention", Source::Heading),
            outlet: None,
            url: None,
            lang: (Lang::Fr, Source::Text),
            date: Some(("2025-10-25", Source::Text)),
            first: "Le 25 octobre 2025, une coalition d'organisations non gouvernementales a publié une lettre ouverte contre la convention.",
            last: "« Ce texte menace les journalistes et les chercheurs en sécurité », a estimé la porte-parole de la coalition, Inès Morel.",
            passages: 2,
            absent: &[],
        },
    );
}

#[test]
fn a_page_in_windows_1252() {
    let (doc, warnings) = page("windows-1252.html");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(doc.title, "Le Québec salue l’entrée en vigueur prochaine");
    assert_eq!(doc.outlet.as_deref(), Some("La Voix du Fleuve"));
    assert_eq!(doc.lang, Lang::Fr);
    assert_eq!(texts(&doc)[1], "« C’est une œuvre collective, déjà très attendue », a déclaré la ministre de la Cybersécurité et du Numérique, Éloïse Tremblay.");
    assert_eq!(texts(&doc).len(), 3);
}

#[test]
fn a_page_laid_out_in_nested_tables() {
    check(
        "layout-tables.html",
        Expected {
            title: ("Le Maroc ratifiera la convention en 2026", Source::TitleElement),
            outlet: Some(("L'Echo du Rif", Source::TitleElement)),
            url: None,
            lang: (Lang::Fr, Source::Text),
            date: Some(("2025-11-03", Source::MetaTag)),
            first: "Le Maroc a annoncé lundi qu'il ratifiera la convention des Nations unies contre la cybercriminalité au cours de l'année 2026.",
            last: "Le royaume a signé le texte à Hanoï le 25 octobre.",
            passages: 3,
            absent: &["National", "Archives", "Contact", "Publicité"],
        },
    );
}

#[test]
fn an_article_split_by_ads_and_related_links() {
    check(
        "split-by-ads.html",
        Expected {
            title: ("Interpol et l'ONUDC veulent des équipes communes", Source::OpenGraph),
            outlet: Some(("Hebdo Sécurité", Source::OpenGraph)),
            url: Some(("https://hebdo-securite.example/actu/equipes-communes", Source::Canonical)),
            lang: (Lang::Fr, Source::HtmlLang),
            date: Some(("2025-10-27", Source::OpenGraph)),
            first: "Les deux organisations ont plaidé lundi pour des équipes d'enquête communes aux États signataires.",
            last: "L'ONUDC a promis un soutien technique aux pays qui en feront la demande.",
            passages: 4,
            absent: &["cookies", "Publicité", "assurance", "Lire aussi", "Rançongiciels", "banques", "lettre", "S'abonner", "Facebook", "commentaires", "bonne nouvelle", "Par Claire"],
        },
    );
}

#[test]
fn a_page_saved_complete_gives_the_address_it_was_saved_from() {
    check(
        "saved-complete.html",
        Expected {
            title: ("Le Pérou signe la convention de Hanoï", Source::TitleElement),
            outlet: None,
            url: Some(("https://gazette-andine.example/mundo/peru-firma-la-convencion", Source::SavedFrom)),
            lang: (Lang::Fr, Source::Text),
            date: None,
            first: "Le Pérou a signé samedi la convention, a annoncé son ministère des Affaires étrangères dans un communiqué.",
            last: "« C'est un pas important pour la protection des victimes », a déclaré le vice-ministre des Affaires étrangères, Luis Quispe.",
            passages: 2,
            absent: &["main.css", "app.js"],
        },
    );
}

#[test]
fn the_speaker_stage_reads_a_page_like_a_text() {
    let (doc, _) = page("split-by-ads.html");
    let quoted = doc.passages.iter().find(|p| p.text.contains("pas de frontières")).expect("the quote");
    let speaker = quoted.speaker().and_then(|id| doc.speakers.get(id.0 as usize)).expect("a speaker");
    assert_eq!(speaker.name.as_deref(), Some("Paulo Menezes"), "{speaker:?}");
}

fn refused(name: &str) -> Warning {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages").join(name);
    match extract_article(name, &std::fs::read(path).expect("fixture")) {
        Ok((doc, _)) => panic!("{name} gave an article: {:?}", texts(&doc)),
        Err(w) => w,
    }
}

#[test]
fn a_cookie_wall_is_named_as_one() {
    let w = refused("cookie-wall.html");
    assert_eq!(w.kind, WarningKind::NotAnArticle);
    assert!(w.message.contains("cookie") && w.message.contains("save it again"), "{w}");
}

#[test]
fn a_page_without_a_body_says_so() {
    let w = refused("no-body.html");
    assert_eq!(w.kind, WarningKind::NotAnArticle);
    assert!(w.message.contains("no article body"), "{w}");
}

#[test]
fn broken_markup_is_repaired_and_named() {
    let (doc, warnings) = page("broken-markup.html");
    assert_eq!(texts(&doc).len(), 4, "{:#?}", texts(&doc));
    assert!(texts(&doc)[3].starts_with("Oslo accueillera"));
    let markup: Vec<&Warning> = warnings.iter().filter(|w| w.kind == WarningKind::Markup).collect();
    assert_eq!(markup.len(), 1, "{warnings:?}");
    assert!(markup[0].message.contains("broken markup") && markup[0].message.contains("4 paragraphs kept"), "{}", markup[0]);
    let quoted = doc.passages.iter().find(|p| p.text.contains("droits humains")).expect("the quote");
    assert!(quoted.speaker().is_some());
}

const PAGE: &str = "<html><head><meta charset=\"{charset}\"><title>Un titre</title></head><body><article><p>{text} la séance ouverte.</p><p>Le ministre a parlé aux délégués.</p></article></body></html>";

fn with_charset(charset: &str, text: &str) -> String {
    PAGE.replace("{charset}", charset).replace("{text}", text)
}

#[test]
fn a_wrong_declared_charset_is_named_and_the_bytes_read_as_they_are() {
    // Declared UTF-8, written in Windows-1252.
    let bytes: Vec<u8> = with_charset("utf-8", "Le minist\u{E8}re a d\u{E9}clar\u{E9}").chars().map(|c| c as u8).collect();
    let (doc, warnings) = extract_article("a.html", &bytes).expect("an article");
    assert_eq!(texts(&doc)[0], "Le ministère a déclaré la séance ouverte.");
    assert!(warnings.iter().any(|w| w.kind == WarningKind::Markup && w.message.contains("declares UTF-8")), "{warnings:?}");
    assert_eq!(warnings.len(), 1, "said once: {warnings:?}");
    // Declared Windows-1252, written in UTF-8.
    let (doc, warnings) = extract_article("b.html", with_charset("windows-1252", "Le ministère a déclaré").as_bytes()).expect("an article");
    assert_eq!(texts(&doc)[0], "Le ministère a déclaré la séance ouverte.");
    assert!(warnings.iter().any(|w| w.kind == WarningKind::Markup && w.message.contains("bytes are UTF-8")), "{warnings:?}");
    // Declared ISO-8859-1 and written in it: read as declared, no warning.
    let bytes: Vec<u8> = with_charset("iso-8859-1", "Le minist\u{E8}re a d\u{E9}clar\u{E9}").chars().map(|c| c as u8).collect();
    let (doc, warnings) = extract_article("c.html", &bytes).expect("an article");
    assert_eq!(texts(&doc)[0], "Le ministère a déclaré la séance ouverte.");
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn entities_are_text_and_markup_never_survives() {
    let html = "<html><head><title>Tom &amp; Jerry &lt;script&gt;</title>\
        <link rel=\"canonical\" href=\"javascript:alert(1)\"></head><body><article>\
        <p>Le d&eacute;l&eacute;gu&eacute; a cit&eacute; &laquo;&nbsp;&lt;img src=x onerror=alert(1)&gt;&nbsp;&raquo; devant la presse.</p>\
        <p>Il a <script>alert(2)</script>ajouté <b onclick=\"alert(3)\">deux</b> mots.</p></article></body></html>";
    let (doc, warnings) = extract_article("x.html", html.as_bytes()).expect("an article");
    assert_eq!(doc.title, "Tom & Jerry <script>");
    assert_eq!(texts(&doc), ["Le délégué a cité «\u{a0}<img src=x onerror=alert(1)>\u{a0}» devant la presse.", "Il a ajouté deux mots."]);
    assert_eq!(doc.url, None, "a javascript: address is no source");
    assert!(warnings.iter().any(|w| w.message.contains("javascript:")), "{warnings:?}");
}

#[test]
fn a_very_large_page_is_read_and_named() {
    // Saved pages are mostly scripts and styles; 20 MB of them in release,
    // 6 MB in debug builds (still past the size warning) to stay quick.
    let size = if cfg!(debug_assertions) { 6 } else { 20 } << 20;
    let mut html = String::from("<html><head><title>Un long document</title></head><body><article><p>Le ministre a parlé aux délégués de la convention.</p></article>");
    let script = format!("<script>var data = \"{}\";</script>\n", "x".repeat(64 * 1024));
    while html.len() < size {
        html.push_str(&script);
    }
    html.push_str("</body></html>");
    let (doc, warnings) = extract_article("big.html", html.as_bytes()).expect("an article");
    assert_eq!(texts(&doc), ["Le ministre a parlé aux délégués de la convention."]);
    let size = warnings.iter().find(|w| w.kind == WarningKind::Size).expect("a size warning");
    assert!(size.message.contains("MB") && size.message.contains("KB of article text kept"), "{size}");
}

#[test]
fn a_folder_mixing_pages_and_texts_names_what_it_does_not_read() {
    let dir = std::env::temp_dir().join(format!("corpus-pages-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("saved-complete_files")).expect("dir");
    std::fs::create_dir_all(dir.join("drafts")).expect("dir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    std::fs::copy(fixtures.join("saved-complete.html"), dir.join("saved-complete.html")).expect("copy");
    std::fs::write(dir.join("saved-complete_files/app.js"), "alert(1)").expect("write");
    std::fs::write(dir.join("note.txt"), "Un titre\n\n« Nous signerons », a déclaré Jean Dupont.\n").expect("write");
    for other in ["notes.md", "rapport.pdf", "photo.jpg", "lettre.docx"] {
        std::fs::write(dir.join(other), "x").expect("write");
    }
    std::fs::write(dir.join(".DS_Store"), "x").expect("write");
    let x = extract_dir(&dir).expect("extract");
    let files: Vec<&str> = x.corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["note.txt", "saved-complete.html"]);
    let not_read: Vec<String> = x
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::NotRead)
        .map(|w| Path::new(&w.file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
        .collect();
    assert_eq!(not_read, ["drafts", "lettre.docx", "notes.md", "photo.jpg", "rapport.pdf"], "{:#?}", x.warnings);
    let _ = std::fs::remove_dir_all(&dir);
}
