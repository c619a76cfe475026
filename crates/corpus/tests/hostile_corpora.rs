//! Hostile article folders at build time: what `build.rs` meets when someone
//! points `HANOI_CORPUS_DIR` at a messy folder. Every file must come out as a
//! document or as a warning naming it (the build prints each warning), the
//! output must not depend on the order the file system lists files in, and
//! time and memory must stay bounded. The folders are generated in a temp
//! dir, not committed: a 50 MB fixture has no place in git.

use corpus::{extract_dir, Extraction};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corpus-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).expect("write fixture");
}

/// The `*.txt` names in `dir`, as `extract_dir` will see them.
fn txt_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list fixture dir")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.to_ascii_lowercase().ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// Every file is accounted for: it is a document, or a warning names it and
/// says it was skipped. Returns the skipped names.
fn assert_every_file_accounted(dir: &Path, x: &Extraction) -> Vec<String> {
    let documents: Vec<&str> = x.corpus.documents.iter().map(|d| d.file.as_str()).collect();
    let mut skipped = Vec::new();
    for name in txt_names(dir) {
        if documents.contains(&name.as_str()) {
            continue;
        }
        let warned = x.warnings.iter().any(|w| Path::new(&w.file).file_name().is_some_and(|f| f.to_string_lossy() == name));
        assert!(warned, "{name} is neither a document nor named in a warning; warnings: {:#?}", x.warnings);
        skipped.push(name);
    }
    skipped
}

/// Warnings name files by path; strip the folder so two folders compare.
fn relative_warnings(x: &Extraction, dir: &Path) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    x.warnings.iter().map(|w| w.to_string().replacen(&prefix, "", 1)).collect()
}

/// Peak resident memory of this test process, from Linux's /proc (None elsewhere).
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

const ARTICLE: &str = "La Convention de Hanoï en débat\n\nLe ministre belge de la Justice, Jean Martin, a déclaré le 25 octobre 2025 que la coopération contre la cybercriminalité est « équilibrée ».\n";

#[test]
fn three_thousand_tiny_files_in_any_listing_order() {
    // Two folders with the same files written in opposite orders: the file
    // system lists them differently, the extraction must not differ.
    let forward = scratch("tiny-forward");
    let backward = scratch("tiny-backward");
    let files: Vec<(String, String)> = (0..3000)
        .map(|i| {
            let text = match i % 3 {
                0 => format!("Article {i}\n\nLe ministre {i} a déclaré que la convention compte.\n"),
                1 => format!("x{i}"),
                _ => String::from("\n"),
            };
            (format!("{i:05}.txt"), text)
        })
        .collect();
    for (name, text) in &files {
        write(&forward, name, text);
    }
    for (name, text) in files.iter().rev() {
        write(&backward, name, text);
    }
    let started = Instant::now();
    let a = extract_dir(&forward).expect("extract");
    let elapsed = started.elapsed();
    let b = extract_dir(&backward).expect("extract");
    println!("3000 tiny files: {} in {elapsed:?}", a.summary());
    let skipped = assert_every_file_accounted(&forward, &a);
    assert_eq!(skipped.len(), 1000, "the 1000 blank files are refused, the others kept");
    assert_eq!(a.corpus, b.corpus, "the listing order changed the corpus");
    assert_eq!(relative_warnings(&a, &forward), relative_warnings(&b, &backward));
    assert!(elapsed < Duration::from_secs(60), "3000 tiny files took {elapsed:?}");
    let _ = std::fs::remove_dir_all(&forward);
    let _ = std::fs::remove_dir_all(&backward);
}

#[test]
fn unreadable_entries_are_warnings_naming_them() {
    let dir = scratch("unreadable");
    write(&dir, "a_ok.txt", ARTICLE);
    // A folder named like an article: reading it fails with "is a directory".
    std::fs::create_dir(dir.join("b_folder.txt")).expect("mkdir");
    #[cfg(unix)]
    {
        use std::os::unix::fs::{symlink, PermissionsExt};
        // A symlink loop: opening either end fails with "too many levels of symbolic links".
        symlink("c_loop_b.txt", dir.join("c_loop_a.txt")).expect("symlink");
        symlink("c_loop_a.txt", dir.join("c_loop_b.txt")).expect("symlink");
        // A symlink to the folder itself: a loop for anything that recurses.
        symlink(".", dir.join("d_self.txt")).expect("symlink");
        symlink("no_such_target", dir.join("e_dangling.txt")).expect("symlink");
        // Mode 000 makes a file unreadable, except to root, which reads it
        // anyway: as root (CI containers) this file is extracted, otherwise
        // it is warned about. Either way it is accounted for below.
        write(&dir, "f_mode000.txt", ARTICLE);
        std::fs::set_permissions(dir.join("f_mode000.txt"), std::fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    let x = extract_dir(&dir).expect("extract");
    let again = extract_dir(&dir).expect("extract");
    assert_eq!(x, again, "two runs over the same folder differ");
    let skipped = assert_every_file_accounted(&dir, &x);
    assert!(x.corpus.documents.iter().any(|d| d.file == "a_ok.txt"), "the good file was lost");
    for name in ["b_folder.txt", "c_loop_a.txt", "c_loop_b.txt", "d_self.txt", "e_dangling.txt"] {
        if cfg!(unix) || name == "b_folder.txt" {
            assert!(skipped.contains(&name.to_string()), "{name} should be skipped with a warning: {:#?}", x.warnings);
        }
    }
    for w in &x.warnings {
        assert!(w.message.contains("cannot read") || w.message.contains("empty"), "unclear warning: {w}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir.join("f_mode000.txt"), std::fs::Permissions::from_mode(0o644));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn nul_bytes_and_legacy_encodings() {
    let dir = scratch("encodings");
    write(&dir, "a_nul_start.txt", b"Titre\0avec NUL\n\nLe ministre a d\0clar\0 que...\n");
    // The decoder samples the first 64 KiB for binary content; a NUL past
    // that must not reach the page either.
    let mut late = ARTICLE.repeat(1 + 70 * 1024 / ARTICLE.len()).into_bytes();
    late.extend_from_slice(b"\n\nUn paragraphe avec un octet NUL ici: \0 fin.\n");
    write(&dir, "b_nul_late.txt", &late);
    write(&dir, "c_latin1.txt", b"Un titre en Latin-1\n\nLe minist\xE8re fran\xE7ais a d\xE9clar\xE9 que la coop\xE9ration est \xAB \xE9quilibr\xE9e \xBB.\n");
    write(&dir, "d_cp1252.txt", b"Un titre en Windows-1252\n\nLe minist\xE8re a dit \x93oui\x94 \x96 \x9Cuvre commune \x85\n");
    let utf16: Vec<u8> = ARTICLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    write(&dir, "e_utf16_no_bom.txt", &utf16);
    write(&dir, "f_invalid_utf8_mix.txt", b"Titre mixte caf\xC3\xA9 et caf\xE9\n\nLe ministre a d\xC3\xA9clar\xC3\xA9 \xFF\xFE que tout va bien.\n");
    let x = extract_dir(&dir).expect("extract");
    assert_eq!(x, extract_dir(&dir).expect("extract"), "two runs differ");
    let skipped = assert_every_file_accounted(&dir, &x);
    let warned = |file: &str, what: &str| x.warnings.iter().any(|w| w.file.ends_with(file) && w.message.contains(what));
    assert!(skipped.contains(&String::from("a_nul_start.txt")) && warned("a_nul_start.txt", "binary"));
    assert!(skipped.contains(&String::from("e_utf16_no_bom.txt")) && warned("e_utf16_no_bom.txt", "binary"));
    assert!(warned("c_latin1.txt", "Windows-1252") && warned("d_cp1252.txt", "Windows-1252"));
    let text = |file: &str| {
        x.corpus.documents.iter().find(|d| d.file == file).map(|d| d.passages.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n"))
    };
    assert!(text("c_latin1.txt").is_some_and(|t| t.contains("ministère français a déclaré que la coopération est « équilibrée »")));
    assert!(text("d_cp1252.txt").is_some_and(|t| t.contains("“oui” – œuvre commune …")));
    for doc in &x.corpus.documents {
        for p in &doc.passages {
            assert!(!p.text.contains('\0'), "{}: a NUL byte reached a passage: {:?}", doc.file, p.text);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A million repeats in release; a debug build extracts about 10k words a
/// second on two busy cores (linear: 50k, 100k and 200k words took 4.7, 8.5
/// and 17.8 s), so `make test-rust` checks 50k and `make test-hostile` the
/// full million.
const REPEATS: usize = if cfg!(debug_assertions) { 50_000 } else { 1_000_000 };

#[test]
fn a_word_repeated_a_million_times() {
    let dir = scratch("repeated");
    // One paragraph of one word repeated, and as many one-word lines.
    write(&dir, "a_one_paragraph.txt", format!("Répétition\n\n{}\n", "cybercriminalité ".repeat(REPEATS)));
    write(&dir, "b_lines.txt", format!("Répétition\n\n{}", "la\n".repeat(REPEATS)));
    let started = Instant::now();
    let x = extract_dir(&dir).expect("extract");
    let elapsed = started.elapsed();
    println!("{REPEATS} repeated words: {} in {elapsed:?}", x.summary());
    assert_every_file_accounted(&dir, &x);
    assert!(elapsed < Duration::from_secs(120), "{REPEATS} repeated words took {elapsed:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// 50 MB through `extract_dir`, with time and peak memory checked. Slow in a
/// debug build (minutes), so it runs in release only:
/// `cargo test --release -p corpus --test hostile_corpora` (`make test-hostile`).
#[test]
#[cfg_attr(debug_assertions, ignore = "release only: cargo test --release -p corpus --test hostile_corpora")]
fn fifty_megabyte_file_in_a_folder() {
    let dir = scratch("huge");
    let paragraph = "Le vice-ministre polonais a affirmé le 3 mars 2024 que la convention renforcera la coopération contre la fraude en ligne.\n\n";
    let huge = format!("Un très long article\n\n{}", paragraph.repeat(50 * 1024 * 1024 / paragraph.len()));
    write(&dir, "huge.txt", &huge);
    write(&dir, "small.txt", ARTICLE);
    let before = peak_rss_bytes();
    let started = Instant::now();
    let x = extract_dir(&dir).expect("extract");
    let elapsed = started.elapsed();
    let peak = peak_rss_bytes();
    println!("50 MB: {} in {elapsed:?}, peak RSS {before:?} -> {peak:?} bytes", x.summary());
    assert_eq!(x.corpus.documents.len(), 2);
    assert!(elapsed < Duration::from_secs(120), "50 MB took {elapsed:?}");
    if let Some(peak) = peak {
        // The input, its decoded copy and the passages are each about 50 MB;
        // well past 20 times the input means something grows without bound.
        assert!(peak < 20 * huge.len() as u64, "peak memory {peak} bytes for a {} byte file", huge.len());
    }
    let _ = std::fs::remove_dir_all(&dir);
}
