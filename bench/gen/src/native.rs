//! The native half of the benchmark: build time, blob size (raw, gzip, per
//! section) and query latency of `search::Index` compiled for the host.
//!
//! Each query is one `Index::search` call with a 10-hit page, which in this
//! engine always includes the facet counts and the 10 snippets: the same
//! work the page does on a keystroke. A second pass with a 0-hit page
//! measures the same search without snippets, so their share is visible.

use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use flate2::{write::GzEncoder, Compression};
use search::{Filters, Index, SearchRequest, Searcher, Sort};
use serde_json::{json, Value};

use crate::corpus::Corpus;
use crate::{blob, sections};

pub fn run(dir: &Path, reps: usize) -> Result<(), String> {
    // Failing queries are listed in native.json with the first panic's
    // message; the default hook would print every panic of every pass.
    std::panic::set_hook(Box::new(|info| {
        FIRST_PANIC.get_or_init(|| info.to_string().chars().take(300).collect());
    }));
    let corpus = Corpus::read(dir).map_err(|e| format!("cannot read the corpus in {}: {e}", dir.display()))?;
    let queries: Value = read_json(&dir.join("queries.json"))?;

    let started = Instant::now();
    let blob = blob::build(&corpus);
    let build = started.elapsed();
    std::fs::write(dir.join("index.bin"), &blob).map_err(|e| format!("cannot write index.bin: {e}"))?;

    let started = Instant::now();
    let index = Searcher::new(Index::open(&blob).map_err(|e| format!("cannot open the blob: {e:?}"))?);
    let open = started.elapsed();

    let mut classes = Vec::new();
    for class in queries["classes"].as_array().ok_or("queries.json has no classes")? {
        let name = class[0].as_str().unwrap_or_default();
        let list: Vec<&str> = class[1].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let full = measure(&index, &list, 10, reps);
        let bare = measure(&index, &list, 0, reps);
        let best = full.best();
        classes.push(json!({
            "name": name,
            "queries": list.len(),
            "samples": full.samples.len(),
            "p50_ms": full.percentile(0.50),
            "p95_ms": full.percentile(0.95),
            "max_ms": full.percentile(1.0),
            "best_p50_ms": best.percentile(0.50),
            "best_p95_ms": best.percentile(0.95),
            "no_snippets_p50_ms": bare.percentile(0.50),
            "no_snippets_p95_ms": bare.percentile(0.95),
            "mean_total": full.mean_total,
            "panicked": full.failing,
        }));
    }

    let panicked: usize = classes.iter().map(|c| c["panicked"].as_array().map_or(0, Vec::len)).sum();
    if panicked > 0 {
        eprintln!("hanoi-bench: {panicked} queries panicked in the engine; see \"panicked\" in native.json");
    }
    let section_sizes = match sections::read(index.index(), &blob) {
        Ok(list) => json!(list
            .iter()
            .map(|s| json!({
                "name": s.name,
                "group": s.group.name(),
                "raw": s.bytes.len(),
                "gzip": gzip_len(&blob[s.bytes.clone()]),
            }))
            .collect::<Vec<_>>()),
        Err(why) => json!({ "error": why }),
    };
    let report = json!({
        "passages": corpus.passages.len(),
        "documents": corpus.documents.len(),
        "speakers": corpus.speakers.len(),
        "text_bytes": corpus.text_bytes(),
        "text_gzip": gzip_len(corpus.passages.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n").as_bytes()),
        "build_ms": ms(build),
        "open_ms": ms(open),
        "blob_raw": blob.len(),
        "blob_gzip": gzip_len(&blob),
        "sections": section_sizes,
        "reps": reps,
        "classes": classes,
        "first_panic": FIRST_PANIC.get(),
    });
    std::fs::write(dir.join("native.json"), serde_json::to_vec_pretty(&report).unwrap())
        .map_err(|e| format!("cannot write native.json: {e}"))
}

static FIRST_PANIC: OnceLock<String> = OnceLock::new();

struct Timings {
    /// Pass-major: `samples[pass * queries + query]`.
    samples: Vec<f64>,
    queries: usize,
    mean_total: f64,
    /// Queries whose search panicked.
    failing: Vec<String>,
}

impl Timings {
    /// Each query's fastest pass: what a quiet machine would show, since
    /// another process rarely preempts the same query in every pass.
    fn best(&self) -> Timings {
        let samples = (0..self.queries)
            .map(|q| self.samples.iter().skip(q).step_by(self.queries.max(1)).copied().fold(f64::INFINITY, f64::min))
            .collect();
        Timings { samples, queries: self.queries, mean_total: self.mean_total, failing: Vec::new() }
    }

    /// Nearest-rank percentile, in milliseconds (NaN when nothing ran).
    fn percentile(&self, q: f64) -> f64 {
        if self.samples.is_empty() {
            return f64::NAN;
        }
        let mut sorted = self.samples.clone();
        sorted.sort_by(f64::total_cmp);
        let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
        sorted[rank - 1]
    }
}

/// One warm-up pass (page faults, caches), then `reps` timed passes. A
/// query whose search panics is reported and left out of the timings,
/// so an engine bug shows up as a number instead of ending the run.
fn measure(index: &Searcher, queries: &[&str], limit: usize, reps: usize) -> Timings {
    let request = |q: &str| SearchRequest {
        query: q.to_string(),
        filters: Filters::default(),
        sort: Sort::Relevance,
        offset: 0,
        limit,
        as_typed: false,
    };
    let run = |req: &SearchRequest| std::panic::catch_unwind(AssertUnwindSafe(|| index.search(req)));
    let mut totals = 0usize;
    let mut failing = Vec::new();
    for q in queries {
        match run(&request(q)) {
            Ok(results) => totals += results.total,
            Err(_) => failing.push(q.to_string()),
        }
    }
    let working: Vec<&str> = queries.iter().copied().filter(|q| !failing.iter().any(|f| f == q)).collect();
    let mut samples = Vec::with_capacity(working.len() * reps);
    for _ in 0..reps {
        for q in &working {
            let req = request(q);
            let started = Instant::now();
            let results = run(&req);
            samples.push(ms(started.elapsed()));
            std::hint::black_box(results).ok();
        }
    }
    Timings { samples, queries: working.len(), mean_total: totals as f64 / working.len().max(1) as f64, failing }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to a Vec cannot fail");
    encoder.finish().expect("writing to a Vec cannot fail").len()
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))
}
