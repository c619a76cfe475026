// One corpus, three engines, one Node process: our engine compiled to wasm,
// MiniSearch and FlexSearch index the same passages and answer the same
// queries, timed the same way (performance.now() around each call; an
// untimed pass over every query first, then `reps` passes per class,
// engines interleaved class by class so they share the machine's state).
// Writes <corpus>/js.json for report.mjs.
//
// usage: node bench.mjs <corpus dir> <wasm-bindgen nodejs output dir> <reps>

import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from './corpus.mjs';
import { miniSearch, flexSearch, facetCounts, snippets } from './peers.mjs';
import { words } from './fold.mjs';

const [dir, wasmDir, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 5);
const corpus = loadCorpus(dir);
const { passages, facet, queries } = corpus;

function timed(fn) {
  const started = performance.now();
  const value = fn();
  return [performance.now() - started, value];
}

// Our engine: load the wasm module and open the blob the native side built.
// A panic in the engine traps the instance and leaves its shadow stack
// unwound, so after one the module is loaded afresh.
const require = createRequire(import.meta.url);
const wasmPath = resolve(wasmDir, 'hanoi_bench_wasm.js');
const [wasmLoadMs, firstInstance] = timed(() => require(wasmPath));
let wasm = firstInstance;
const [openMs] = timed(() => wasm.open(corpus.blob));
function guarded(call) {
  try {
    return call();
  } catch (error) {
    delete require.cache[wasmPath];
    wasm = require(wasmPath);
    wasm.open(corpus.blob);
    throw error;
  }
}
const ours = {
  name: 'ours',
  // The page's whole keystroke: hits, 10 snippets and facets, in one call.
  page: (q) => guarded(() => wasm.search(q, 10)),
  // The search with its facet counts alone: a page of no hits.
  counts: (q) => guarded(() => wasm.search(q, 0)),
  matches: (q) => guarded(() => wasm.matches(q)),
};

const peers = [];
for (const make of [miniSearch, flexSearch]) {
  const [buildMs, engine] = timed(() => make(passages));
  const [exportMs, size] = timed(() => engine.size());
  peers.push({
    ...engine,
    buildMs,
    exportMs,
    size,
    // The same keystroke work as ours: search, facets over all hits, 10 snippets.
    page(q) {
      const ids = engine.search(q);
      facetCounts(ids, facet);
      snippets(ids, passages, q);
      return ids.length;
    },
    matches: (q) => engine.search(q),
  });
}

function percentile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1];
}

const engines = [ours, ...peers];
const allQueries = queries.classes.flatMap(([, list]) => list);

// Discovery: one untimed pass over every query per engine, which warms the
// engines up and records each query's hit count, or that it throws (an
// engine bug: reported, never timed). Every trap reloads our module, and a
// fresh module runs V8's baseline code until it tiers up, so after a reload
// a second untimed pass keeps the compiler off the clock.
const failing = new Map(engines.map((e) => [e.name, new Set()]));
const hitCounts = new Map(engines.map((e) => [e.name, new Map()]));
for (const engine of engines) {
  for (const q of allQueries) {
    try {
      hitCounts.get(engine.name).set(q, engine.page(q));
    } catch {
      failing.get(engine.name).add(q);
    }
  }
  if (failing.get(engine.name).size > 0) {
    for (const q of allQueries) if (!failing.get(engine.name).has(q)) engine.page(q);
  }
}

// Timed passes over one class for one engine, after a full collection (when
// node runs with --expose-gc) so that garbage left by another engine is not
// collected on this one's clock.
function measure(engine, fn, list) {
  const bad = failing.get(engine.name);
  const working = list.filter((q) => !bad.has(q));
  const hits = working.map((q) => hitCounts.get(engine.name).get(q));
  globalThis.gc?.();
  const samples = [];
  const best = working.map(() => Infinity);
  for (let r = 0; r < reps; r++) {
    working.forEach((q, i) => {
      const [elapsed] = timed(() => fn(q));
      samples.push(elapsed);
      best[i] = Math.min(best[i], elapsed);
    });
  }
  return {
    failing: list.filter((q) => bad.has(q)),
    p50_ms: percentile(samples, 0.5),
    p95_ms: percentile(samples, 0.95),
    max_ms: percentile(samples, 1),
    // Each query's fastest pass: what a quiet machine would show, since
    // another process rarely preempts the same query in every pass.
    best_p50_ms: percentile(best, 0.5),
    best_p95_ms: percentile(best, 0.95),
    mean_hits: hits.reduce((a, b) => a + b, 0) / Math.max(1, working.length),
    non_empty: hits.filter((n) => n > 0).length,
  };
}

const classes = queries.classes.map(([name, list]) => {
  const row = { name, queries: list.length, samples: list.length * reps, engines: {} };
  row.engines.ours = measure(ours, (q) => ours.page(q), list);
  row.engines.ours.counts_only = measure(ours, (q) => ours.counts(q), list);
  for (const peer of peers) {
    row.engines[peer.name] = measure(peer, (q) => peer.page(q), list);
    row.engines[peer.name].search_only = measure(peer, (q) => peer.search(q).length, list);
  }
  return row;
});

// Sanity: each engine's AND matches against the passages a reader would
// count (every intended word present after folding; the last as a prefix
// for prefix queries).
const passageWords = passages.map((p) => new Set(words(p.text)));
const sanity = queries.sanity.map((s) => {
  const wanted = words(s.intended);
  const expected = new Set();
  passageWords.forEach((set, id) => {
    const ok = wanted.every((w, i) =>
      s.prefix && i === wanted.length - 1 ? [...set].some((x) => x.startsWith(w)) : set.has(w));
    if (ok) expected.add(id);
  });
  const recall = (ids) => {
    if (expected.size === 0) return null;
    let found = 0;
    for (const id of ids) if (expected.has(id)) found += 1;
    return found / expected.size;
  };
  const row = { query: s.query, kind: s.kind, expected: expected.size, engines: {} };
  for (const engine of engines) {
    try {
      const ids = Array.from(engine.matches(s.query));
      row.engines[engine.name] = { hits: ids.length, recall: recall(ids) };
    } catch (error) {
      row.engines[engine.name] = { hits: null, recall: null, error: String(error) };
    }
  }
  return row;
});

// The typo walk with both automata, in wasm as the page would run it, over
// the dictionary `hanoi-bench automata` wrote (bench/automata/src/lib.rs).
const dictionary = join(dir, 'dictionary.txt');
const automata = existsSync(dictionary) ? JSON.parse(wasm.automata(readFileSync(dictionary, 'utf8'), reps)) : null;

const blob = corpus.blob;
const report = {
  reps,
  ours: {
    wasm_load_ms: wasmLoadMs,
    open_ms: openMs,
    size: { raw: blob.length, gzip: gzipSync(blob, { level: 9 }).length },
  },
  peers: Object.fromEntries(
    peers.map((p) => [p.name, { build_ms: p.buildMs, export_ms: p.exportMs, size: p.size }]),
  ),
  heap_mb: process.memoryUsage().heapUsed / 2 ** 20,
  classes,
  sanity,
  automata,
};
writeFileSync(join(dir, 'js.json'), JSON.stringify(report, null, 2));
console.error(`node bench done: ${dir}`);
