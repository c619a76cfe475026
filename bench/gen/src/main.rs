//! `hanoi-bench`: the native side of `make bench`.
//!
//! ```text
//! hanoi-bench generate --seeds DIR --passages N --out DIR   corpus + queries as JSON files
//! hanoi-bench native --corpus DIR [--reps R]                 blob, sizes, native latency -> DIR/native.json
//! hanoi-bench articles --corpus DIR --out DIR                the corpus as .txt articles, for the page
//! ```
//! Generation and measurement are separate commands so the JavaScript side
//! (our wasm build and the peers) can read the very same files in between.

mod blob;
mod corpus;
mod native;
mod queries;
mod rng;
mod sections;
mod vocab;

use std::path::PathBuf;
use std::process::ExitCode;

/// One seed for everything: the corpora are the same on every run.
const SEED: u64 = 0x4841_4E4F_4920_3235; // "HANOI 25"
/// Distinct words available to the Zipf draw; the 100k corpus uses most.
const VOCABULARY: usize = 60_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let result = match args.first().map(String::as_str) {
        Some("generate") => generate(
            PathBuf::from(flag("--seeds").unwrap_or_else(|| "seeds".into())),
            flag("--passages").and_then(|n| n.parse().ok()).unwrap_or(10_000),
            PathBuf::from(flag("--out").unwrap_or_else(|| "bench/out/10k".into())),
        ),
        Some("native") => native::run(
            &PathBuf::from(flag("--corpus").unwrap_or_else(|| "bench/out/10k".into())),
            flag("--reps").and_then(|n| n.parse().ok()).unwrap_or(5),
        ),
        Some("automata") => automata(
            &PathBuf::from(flag("--corpus").unwrap_or_else(|| "bench/out/10k".into())),
            flag("--reps").and_then(|n| n.parse().ok()).unwrap_or(5),
        ),
        Some("articles") => articles(
            &PathBuf::from(flag("--corpus").unwrap_or_else(|| "bench/out/10k".into())),
            &PathBuf::from(flag("--out").unwrap_or_else(|| "bench/out/10k/articles".into())),
        ),
        _ => Err("usage: hanoi-bench generate --seeds DIR --passages N --out DIR | native --corpus DIR [--reps R] | automata --corpus DIR [--reps R] | articles --corpus DIR --out DIR".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("hanoi-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The typo walk with both automata over a corpus's dictionary
/// (hanoi-bench-automata): automata.json, and dictionary.txt, one term a
/// line, for the same walks in wasm (bench/js/bench.mjs).
fn automata(corpus: &std::path::Path, reps: usize) -> Result<(), String> {
    let read = corpus::Corpus::read(corpus).map_err(|e| format!("cannot read {}: {e}", corpus.display()))?;
    let dictionary = hanoi_bench_automata::dictionary(read.passages.iter().map(|passage| passage.text.as_str()));
    let started = std::time::Instant::now();
    let report = hanoi_bench_automata::compare(&dictionary, reps, &|| started.elapsed().as_secs_f64() * 1e6)?;
    let write = |name: &str, bytes: Vec<u8>| {
        std::fs::write(corpus.join(name), bytes).map_err(|e| format!("cannot write {name} in {}: {e}", corpus.display()))
    };
    write("dictionary.txt", (dictionary.join("\n") + "\n").into_bytes())?;
    write("automata.json", serde_json::to_vec_pretty(&report).unwrap_or_default())
}

/// Writes a generated corpus as the articles the page is built from, so
/// the release page can be measured at that size (bench/page.mjs).
fn articles(corpus: &std::path::Path, out: &std::path::Path) -> Result<(), String> {
    let corpus = corpus::Corpus::read(corpus).map_err(|e| format!("cannot read {}: {e}", corpus.display()))?;
    corpus.write_articles(out).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

fn generate(seeds: PathBuf, passages: usize, out: PathBuf) -> Result<(), String> {
    let mut root = rng::Rng::new(SEED);
    // Same vocabulary for every size; corpus and queries vary with the size.
    let vocab = vocab::Vocabulary::build(&seeds, VOCABULARY, &mut root.fork(1))
        .map_err(|e| format!("cannot read the seeds in {}: {e}", seeds.display()))?;
    let corpus = corpus::Corpus::generate(&vocab, passages, &mut root.fork(passages as u64));
    let queries = queries::QuerySet::generate(&corpus, &mut root.fork(passages as u64 + 1));
    corpus.write(&out).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    std::fs::write(out.join("queries.json"), serde_json::to_vec_pretty(&queries).unwrap())
        .map_err(|e| format!("cannot write queries.json: {e}"))?;
    eprintln!(
        "generated {}: {} passages, {} documents, {} bytes of text, vocabulary {}",
        out.display(),
        corpus.passages.len(),
        corpus.documents.len(),
        corpus.text_bytes(),
        vocab.words.len()
    );
    Ok(())
}
