//! Bad input never panics and never vanishes: every file is either in the
//! corpus or named in a warning with the reason.

use corpus::WarningKind;
use corpus::{extract_article, extract_dir};
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corpus-bad-input-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

const ARTICLE: &str = "Le ministre a parlé\n\nLe ministre belge de la Justice, Jean Martin, a déclaré le 3 mars 2024 que le traité est « équilibré ».\n";

#[test]
fn every_bad_file_is_kept_or_named() {
    let dir = scratch("mixed");
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).expect("write");
    write("a_empty.txt", b"");
    write("b_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    write("c_latin1.txt", b"Un titre court ici\n\nLe minist\xE8re fran\xE7ais a d\xE9clar\xE9 que le texte est \xE9quilibr\xE9.\n");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(ARTICLE.as_bytes());
    write("d_bom.txt", &bom);
    write("e_crlf.txt", ARTICLE.replace('\n', "\r\n").as_bytes());
    write("f_whitespace.txt", b"\n\n   \r\n");
    write("g_only_boilerplate.txt", b"Partager\nComment (0)\nNo data\n");
    write("notes.md", b"not an article");
    let x = extract_dir(&dir).expect("extract");
    let files: Vec<&str> = x.corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["c_latin1.txt", "d_bom.txt", "e_crlf.txt"]);
    let warned = |f: &str, why: &str| x.warnings.iter().any(|w| w.file.ends_with(f) && w.message.contains(why));
    assert!(warned("a_empty.txt", "empty"));
    assert!(warned("b_binary.txt", "binary"));
    assert!(warned("c_latin1.txt", "Windows-1252"));
    assert!(warned("f_whitespace.txt", "empty"));
    assert!(warned("g_only_boilerplate.txt", "no article text"));
    // Callers tell a skipped file from a repaired one by kind, not by wording.
    let kind = |f: &str| x.warnings.iter().find(|w| w.file.ends_with(f)).map(|w| w.kind);
    assert_eq!(kind("b_binary.txt"), Some(WarningKind::NotAnArticle));
    assert_eq!(kind("g_only_boilerplate.txt"), Some(WarningKind::NotAnArticle));
    assert_eq!(kind("c_latin1.txt"), Some(WarningKind::Decoding));
    let latin = &x.corpus.documents[0];
    assert!(latin.passages[0].text.contains("ministère français a déclaré"));
    let bom = &x.corpus.documents[1];
    assert_eq!(bom.title, "Le ministre a parlé");
    assert!(!bom.passages[0].text.contains('\u{feff}'));
    let crlf = &x.corpus.documents[2];
    assert!(!crlf.passages.iter().any(|p| p.text.contains('\r')));
    assert_eq!(crlf.passages, bom.passages);
    assert!(x.warnings.iter().all(|w| w.to_string().starts_with(&w.file) && w.to_string().contains(": ")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_dir_is_an_error_naming_it() {
    let e = extract_dir(std::path::Path::new("no/such/dir")).unwrap_err();
    assert!(e.to_string().starts_with("no/such/dir"));
}

#[test]
fn malformed_overrides_stop_the_build() {
    let dir = scratch("toml");
    std::fs::write(dir.join("a.txt"), ARTICLE).expect("write");
    std::fs::write(dir.join("corpus.toml"), "[[date]]\nfile = \"a.txt\"\ndate = \"tomorrow\"\n").expect("write");
    let e = extract_dir(&dir).unwrap_err();
    assert!(e.to_string().contains("corpus.toml:3:"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn overrides_fix_date_merge_aliases_and_set_country() {
    let dir = scratch("overrides");
    std::fs::write(dir.join("a.txt"), "Titre de l'article ici\n\nJean Martin a déclaré que le texte est utile.\n\nSelon Johnny Martin, tout va bien.\n").expect("write");
    std::fs::write(
        dir.join("corpus.toml"),
        "[[date]]\nfile = \"a.txt\"\ndate = \"2024-08\"\nnote = \"dated by the desk\"\n\n[[alias]]\nname = \"Jean Martin\"\naliases = [\"Johnny Martin\"]\n\n[[speaker]]\nname = \"Jean Martin\"\ncountry = \"Belgique\"\nrole = \"ministre de la Justice\"\n\n[[speaker]]\nname = \"Nobody Here\"\n",
    )
    .expect("write");
    let x = extract_dir(&dir).expect("extract");
    let doc = &x.corpus.documents[0];
    let date = doc.date.as_ref().expect("date");
    assert_eq!(date.date.to_string(), "2024-08");
    assert!(date.evidence.contains("dated by the desk"));
    assert_eq!(x.corpus.speakers.len(), 1, "{:?}", x.corpus.speakers);
    let s = &x.corpus.speakers[0];
    assert_eq!(s.name.as_deref(), Some("Jean Martin"));
    assert!(s.aliases.contains(&String::from("Johnny Martin")));
    assert_eq!(s.entity.as_ref().map(|e| e.code.as_str()), Some("BEL"));
    assert_eq!(s.role.as_deref(), Some("ministre de la Justice"));
    assert!(doc.passages.iter().all(|p| p.speaker().is_some()));
    assert!(x.warnings.iter().any(|w| w.message.contains("Nobody Here")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_megabyte_line_is_split_with_a_warning() {
    let line = "Le ministre a déclaré que la coopération compte. ".repeat(21_000);
    let (doc, warnings) = extract_article("long.txt", line.as_bytes()).expect("article");
    assert!(doc.passages.len() > 100);
    assert!(warnings.iter().any(|w| w.message.contains("split")));
    let total: usize = doc.passages.iter().map(|p| p.text.len()).sum();
    assert!(total + doc.title.len() >= line.trim().len() - 2 * doc.passages.len());
}

/// Takes about 25 s in release and several minutes in debug, so it runs on
/// demand: `cargo test -p corpus --release --test bad_input -- --ignored`.
#[test]
#[ignore]
fn fifty_megabyte_file_is_extracted() {
    let paragraph = "Le vice-ministre polonais a affirmé le 3 mars 2024 que la convention renforcera la coopération contre la fraude en ligne et le blanchiment.\n\n";
    let mut text = String::from("Un très long article de test\n\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(paragraph);
    }
    let started = std::time::Instant::now();
    let (doc, warnings) = extract_article("big.txt", text.as_bytes()).expect("article");
    assert!(warnings.iter().any(|w| w.message.contains("very large")));
    println!("50 MB: {} passages in {:?}", doc.passages.len(), started.elapsed());
    assert!(doc.passages.len() > 300_000);
    assert!(doc.passages.iter().all(|p| p.speaker().is_some()));
}

/// Random mixes of the pieces the rules look for, in random order: the
/// extraction may find nonsense but must never panic.
#[test]
fn random_text_never_panics() {
    const PIECES: &[&str] = &[
        "a déclaré", "a-t-il affirmé", "Selon", "selon", "M.", "Mme", "M.X", "le ministre", "l'ambassadeur", "said", "according to", "«", "»", "\"", "’", ",", ".", ". ", ";", ":", "(", ")", "–", "…", "é", "İ", "\u{a0}", "\n", "\n\n", "2025", "25/10/2025", "vendredi 22 mai", "octobre", "Russie", "russe", "ONU", "UN", "Jean", "Dupont", "Bui Hoai Son", "C'est ce qu'a déclaré", "S'exprimant", "en rappelant", ", noting", "Photo :", "x.jpg", ">>", "Comment (0)", "date 2024-01-01", "\u{0}", "𝔘", "ß", "ǅ",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..400 {
        let n = 1 + next() % 60;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            if next() % 2 == 0 {
                text.push(' ');
            }
        }
        let _ = extract_article("random.txt", text.as_bytes());
    }
}
