//! `corpus`: inspect what the build extracts from a directory of articles.
//!
//! Editors adding articles need to see, before building the app, which
//! speakers, countries and dates the rules found and what they warned about.
//! By default it prints readable tables; `--json` prints the whole
//! extraction in the schema documented in the crate's README; `report`
//! writes the editor's report, one HTML page with what needs a look first.

use corpus::{extract_dir, Extraction};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: corpus [extract] <dir> [--json]\n       corpus report <dir> --out <file.html>\n\n  Extracts every article of <dir> (*.txt, saved pages *.html and *.htm)\n  and applies <dir>/corpus.toml.\n  --json   print documents, passages, speakers, mentions and dates as JSON\n  report   write the editor's report to --out: one self-contained HTML page,\n           skipped files, warnings and likely misses first\n";

/// What the command line asks for.
enum Command {
    Extract { dir: PathBuf, json: bool },
    Report { dir: PathBuf, out: PathBuf },
}

/// Reads the arguments; `Ok(None)` asks for the usage text.
fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<Command>, String> {
    let mut args = args.into_iter();
    let (mut json, mut report, mut verb_read) = (false, false, false);
    let mut dir: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a file name")?)),
            "-h" | "--help" => return Ok(None),
            // The verb comes first; after it, "report" is a directory's name.
            "extract" | "report" if dir.is_none() && !verb_read => {
                verb_read = true;
                report = arg == "report";
            }
            other if dir.is_none() && !other.starts_with('-') => dir = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let dir = dir.ok_or("no directory given")?;
    match (report, out) {
        (true, Some(_)) if json => Err(String::from("--json is for extract: the report is HTML")),
        (true, Some(out)) => Ok(Some(Command::Report { dir, out })),
        (true, None) => Err(String::from("report needs --out <file.html>")),
        (false, Some(_)) => Err(String::from("--out is for report")),
        (false, None) => Ok(Some(Command::Extract { dir, json })),
    }
}

fn main() -> ExitCode {
    let command = match parse(std::env::args().skip(1)) {
        Ok(Some(command)) => command,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprint!("corpus: {why}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Extract { dir, json } => extract(&dir, json),
        Command::Report { dir, out } => report(&dir, &out),
    }
}

fn extract(dir: &std::path::Path, json: bool) -> ExitCode {
    let x = match extract_dir(dir) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("corpus: error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for w in &x.warnings {
        eprintln!("corpus: warning: {w}");
    }
    if json {
        match serde_json::to_string_pretty(&x) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("corpus: error: cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print_tables(&x);
    }
    eprintln!("corpus: {}", x.summary());
    ExitCode::SUCCESS
}

/// The warnings are in the page, so only the summary goes to the terminal.
fn report(dir: &std::path::Path, out: &std::path::Path) -> ExitCode {
    let x = match extract_dir(dir) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("corpus: error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, corpus::report::render(&x)) {
        eprintln!("corpus: error: cannot write the report to {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!("corpus: {}", x.summary());
    eprintln!("corpus: report written to {}", out.display());
    ExitCode::SUCCESS
}

fn print_tables(x: &Extraction) {
    let c = &x.corpus;
    println!("DOCUMENTS");
    println!("{:<28} {:<11} {:<5} {:<4} {:>8} {:>9}  outlet / title", "file", "date", "prec", "lang", "passages", "attributed");
    for d in &c.documents {
        let date = d.date.as_ref().map_or(String::from("-"), |e| e.date.to_string());
        let prec = d.date.as_ref().map_or("-", |e| match e.precision {
            corpus::Precision::Day => "day",
            corpus::Precision::Month => "month",
            corpus::Precision::Year => "year",
        });
        let attributed = d.passages.iter().filter(|p| p.speaker().is_some()).count();
        let title: String = d.title.chars().take(60).collect();
        println!(
            "{:<28} {:<11} {:<5} {:<4} {:>8} {:>9}  {} / {}",
            cut(&d.file, 28),
            date,
            prec,
            d.lang.as_str(),
            d.passages.len(),
            attributed,
            d.outlet.as_deref().unwrap_or("-"),
            title
        );
    }
    println!();
    println!("SPEAKERS");
    println!("{:>3} {:<34} {:<8} {:>8}  role", "id", "speaker", "entity", "passages");
    for (i, s) in c.speakers.iter().enumerate() {
        let n = c.documents.iter().flat_map(|d| &d.passages).filter(|p| p.speakers().any(|id| id.0 as usize == i)).count();
        let entity = s.entity.as_ref().map_or("-", |e| e.code.as_str());
        println!("{:>3} {:<34} {:<8} {:>8}  {}", i, cut(&s.display_name(), 34), entity, n, cut(s.role.as_deref().unwrap_or("-"), 70));
    }
    println!();
    println!("COUNTRIES AND BODIES MENTIONED");
    let mut counts: Vec<(String, usize)> = Vec::new();
    for e in c.documents.iter().flat_map(|d| &d.passages).flat_map(|p| &p.mentions) {
        match counts.iter_mut().find(|(k, _)| *k == e.name_fr) {
            Some(entry) => entry.1 += 1,
            None => counts.push((e.name_fr.clone(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let line: Vec<String> = counts.iter().map(|(k, n)| format!("{k} ({n})")).collect();
    println!("{}", line.join(", "));
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
