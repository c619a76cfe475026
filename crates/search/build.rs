//! Writes the folding table the analyser reads at run time.
//!
//! Folding is NFKD with the combining marks dropped, a few letters NFKD
//! keeps whole spelled out (œ → oe), then lowercase. Computing it with the
//! Unicode decomposition tables at run time carried about 45 KB of gzipped
//! tables into the page; the characters of the scripts the corpus can hold
//! are folded here once instead, and the page keeps only those whose fold
//! is not plain lowercase. Outside these blocks a character is lowercased.
//!
//! It also writes the ordinary words without the file's comments, which
//! are for editors and would otherwise ship in the page.

use std::{
    env,
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};


/// The blocks folded through the table: Latin (with Vietnamese), IPA and
/// spacing modifiers, combining marks, Greek, Cyrillic, general
/// punctuation, super- and subscripts, letter-like symbols, number forms,
/// enclosed alphanumerics, Latin ligatures, half- and full-width forms.
/// All in the Basic Multilingual Plane, so the table's keys are `u16`.
const BLOCKS: &[(u16, u16)] = &[
    (0x0080, 0x052F),
    (0x1AB0, 0x1AFF),
    (0x1D00, 0x1EFF),
    (0x2000, 0x218F),
    (0x2460, 0x24FF),
    (0x2C60, 0x2C7F),
    (0xA720, 0xA7FF),
    (0xFB00, 0xFB4F),
    (0xFE20, 0xFE2F),
    (0xFF00, 0xFFEF),
];

include!("src/fold_rule.rs");

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/fold_rule.rs");
    println!("cargo:rerun-if-changed=data/ordinary-words.txt");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    write_ordinary_words(&out_dir);
    let mut keys = String::new();
    let mut ends = String::new();
    let mut text = String::new();
    let mut count = 0usize;
    for &(first, last) in BLOCKS {
        for c in (first..=last).filter_map(|code| char::from_u32(code.into())) {
            let folded = fold_by_rule(c);
            if folded == c.to_lowercase().collect::<String>() {
                continue;
            }
            text.push_str(&folded);
            let _ = write!(keys, "{},", c as u32);
            let _ = write!(ends, "{},", text.len());
            count += 1;
        }
    }
    if u16::try_from(text.len()).is_err() {
        eprintln!("error: the folding table's text is {} bytes, more than its u16 offsets reach", text.len());
        std::process::exit(1);
    }
    let table = format!(
        "/// Characters whose fold is not their lowercase, ascending.\n\
         static FOLD_KEYS: [u16; {count}] = [{keys}];\n\
         /// Where each one's fold ends in `FOLD_TEXT` (it starts where the one before ends).\n\
         static FOLD_ENDS: [u16; {count}] = [{ends}];\n\
         /// The folds, one after another.\n\
         static FOLD_TEXT: &str = {text:?};\n"
    );
    write_or_exit(&out_dir.join("fold_table.rs"), &table);
}

/// `data/ordinary-words.txt`'s words, one space apart.
fn write_ordinary_words(out_dir: &Path) {
    let source = "data/ordinary-words.txt";
    let text = fs::read_to_string(source).unwrap_or_else(|error| {
        eprintln!("error: cannot read {source}: {error}");
        std::process::exit(1);
    });
    let words: Vec<&str> =
        text.lines().filter(|line| !line.trim_start().starts_with('#')).flat_map(str::split_whitespace).collect();
    write_or_exit(&out_dir.join("ordinary-words.txt"), &words.join(" "));
}

fn write_or_exit(path: &Path, text: &str) {
    if let Err(error) = fs::write(path, text) {
        eprintln!("error: cannot write {}: {error}", path.display());
        std::process::exit(1);
    }
}
