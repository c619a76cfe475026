//! `corpus report <dir> --out <file>`: the page is written, and a directory
//! that cannot be read or a file that cannot be written is named in the
//! error, with a failing exit status, so that a script cannot miss it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corpus-report-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn report(dir: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corpus")).arg("report").arg(dir).arg("--out").arg(out).output().expect("run corpus")
}

#[test]
fn the_report_is_one_page_written_where_asked() {
    let dir = scratch("ok");
    std::fs::write(dir.join("a.txt"), "Le traité signé\n\n« Nous signerons », a déclaré Jean Dupont.\n").expect("write");
    let out = dir.join("report.html");
    let run = report(&dir, &out);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = std::fs::read_to_string(&out).expect("report written");
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<mark class=\"cue\">a déclaré</mark>"));
}

#[test]
fn a_missing_directory_is_named() {
    let dir = scratch("missing").join("no-such-corpus");
    let run = report(&dir, &dir.with_extension("html"));
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("no-such-corpus"), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn an_unwritable_out_path_is_named() {
    let dir = scratch("unwritable");
    std::fs::write(dir.join("a.txt"), "Le traité signé\n\nLe ministre a parlé du traité.\n").expect("write");
    let out = dir.join("no-such-folder").join("report.html");
    let run = report(&dir, &out);
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("cannot write the report") && stderr.contains("no-such-folder"), "{stderr}");
}

#[test]
fn report_without_out_is_a_usage_error() {
    let run = Command::new(env!("CARGO_BIN_EXE_corpus")).args(["report", "seeds"]).output().expect("run corpus");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--out"));
}
