// The page as shipped, in headless Chromium: what a reader downloads, how
// long until the search box answers, and how long each keystroke takes to
// reach the screen. The engine's own time is in the sections above; this is
// everything around it (decoding, rendering, painting).
//
// The peers start cold in the same browser: MiniSearch fetching and loading
// its JSON index, and Pagefind (its npm CLI indexes the same passages as
// one page per document) loading its wasm and index chunks, each until its
// first ten results are drawn.
//
// usage: node bench/page.mjs <BENCHMARKS.md> [<label>=<dist dir>[=<passages>]]...
// Appends one section to BENCHMARKS.md, one column per release bundle
// (dist/ of `make build`, labelled "seeds", when none is named). <passages>
// is what the peers index: the `corpus extract --json` of the bundle's
// articles, or a generated corpus folder (its passages.jsonl).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openExplorer, dist as defaultDist } from '../tests/e2e/browser.mjs';
import { serve } from '../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const [target, ...bundleArgs] = process.argv.slice(2);
const bundles = (bundleArgs.length ? bundleArgs : [`seeds=${defaultDist}`]).map((arg) => {
  const [label, dir, passages] = arg.split('=');
  return { label, dist: path.resolve(dir), passages: passages && path.resolve(passages) };
});
/** The query each cold start ends with: a frequent word of every corpus. */
const FIRST_QUERY = 'convention';
/** Time left to the browser after a first visit, before the return visit. */
const CACHE_SETTLES_MS = 2000;
/** Fresh pages per way of opening; the median is reported. */
const STARTS = 9;
/** Queries typed one character at a time, as readers type them. */
const TYPED = ['cybercriminalité', 'coopération internationale', 'ghada waly', 'rançongiciel', 'droits humains'];

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};
const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : null;
};
const ms = (x) => (x == null ? '–' : x.toFixed(1));
const bytes = (n) => n.toLocaleString('en');

/** The files index.html loads: the wasm, its JavaScript glue and the stylesheet. */
function shippedFiles(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const names = new Set();
  for (const [, name] of html.matchAll(/(?:href|src)="\.?\/?([^"?#]+\.(?:wasm|js|css))"/g)) names.add(name);
  for (const name of fs.readdirSync(dist)) if (name.endsWith('.wasm')) names.add(name);
  return [...names].filter((name) => name !== 'sw.js' && name !== 'hanoi-explorer-embed.js' && fs.existsSync(path.join(dist, name)));
}

function transferSizes(dist) {
  const rows = [];
  for (const name of shippedFiles(dist)) {
    const data = fs.readFileSync(path.join(dist, name));
    rows.push({
      name,
      raw: data.length,
      gzip: zlib.gzipSync(data, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}

// Installed before the page's own scripts: the page's clock when the search
// box and the first results are in the DOM and when they are painted, and
// input-to-paint times.
function instrument() {
  window.__bench = { usable: null, inDom: null, filters: null, paints: [], frames: [] };
  // Told to the bench (see `told`), which asks the page nothing until then.
  const tell = (what) => console.debug(`hanoi-bench:${what}`);
  // A message posted from an animation frame's callback runs once that frame is painted.
  const afterPaint = (record) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => record(performance.now());
    channel.port2.postMessage(null);
  });
  // The app's box and cards, shown: it draws itself hidden while index.html's shell stands.
  const ready = () => document.querySelector('#search-input') && document.querySelector('.card') && !document.getElementById('shell');
  new MutationObserver((_, observer) => {
    if (window.__bench.inDom == null && ready()) {
      window.__bench.inDom = performance.now();
      observer.disconnect();
      afterPaint((now) => { window.__bench.usable = now; tell('usable'); });
    }
  }).observe(document, { childList: true, subtree: true });
  // The filter lists come a frame after the first screen (src/components/facets.rs): when they are painted.
  new MutationObserver((_, observer) => {
    if (document.querySelector('.facet-lists .facet')) {
      observer.disconnect();
      afterPaint((now) => { window.__bench.filters = now; tell('filters'); });
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('input', (event) => {
    const start = event.timeStamp;
    // The results are drawn in the input event's own task (yew renders in
    // its microtasks), so the next frame shows them. A message posted from
    // that frame's animation callback runs once the frame is painted: the
    // time a reader waits. A second animation frame, the measure of the
    // first runs, lands a whole frame later (16.7 ms at 60 Hz): kept as a
    // second row, for comparison with them.
    afterPaint((now) => window.__bench.paints.push(now - start));
    requestAnimationFrame(() => requestAnimationFrame(() => window.__bench.frames.push(performance.now() - start)));
  }, true);
}

/** Resolves when the page's instrument tells `what` (or DRAW, on a peer's
 * page). Listening costs the page nothing: Playwright's own ways of waiting
 * (`waitForFunction`, locators, even `goto` waiting for the load event then
 * asking) first evaluate its injected script in the page, 20-40 ms of main
 * thread that landed in the very frames measured. */
const told = (page, what, timeout = 30000) =>
  page.waitForEvent('console', { predicate: (message) => message.text() === `hanoi-bench:${what}`, timeout });

/** Opens `url` in an instrumented `page`; resolves once the app is usable
 * there, with a promise of the filter lists painted. */
async function openUsable(page, url) {
  const usable = told(page, 'usable');
  const filters = told(page, 'filters');
  filters.catch(() => {});
  await page.goto(url, { waitUntil: 'commit' });
  await usable;
  return { filters };
}

/** Usable times over fresh pages; `split` gathers when the shell was painted, the wasm started, the first screen was in the DOM and the filter lists were painted. */
async function startTimes(explorer, url, split = { shell: [], main: [], inDom: [], filters: [] }) {
  const times = [];
  for (let i = 0; i < STARTS; i++) {
    const page = await explorer.newPage();
    await page.addInitScript(instrument);
    await (await openUsable(page, url)).filters;
    const { usable, shell, main, inDom, filters } = await page.evaluate(() => ({
      shell: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      usable: window.__bench.usable,
      inDom: window.__bench.inDom,
      filters: window.__bench.filters,
      main: performance.getEntriesByName('hanoi:main')[0]?.startTime ?? null,
    }));
    times.push(usable);
    if (shell != null) split.shell.push(shell);
    if (main != null) split.main.push(main);
    split.inDom.push(inDom);
    split.filters.push(filters);
    await page.close();
  }
  times.split = split;
  return times;
}

/** How long a page served by the browser's cache takes: each fresh page is
 * opened, left for the browser to keep what it fetched and compiled (V8
 * caches a streamed wasm's compiled code a moment after it runs), and opened
 * again, as by a reader coming back. Usable times of the second opening. */
async function returnTimes(explorer) {
  const times = [];
  for (let i = 0; i < STARTS; i++) {
    const page = await explorer.newPage();
    await page.addInitScript(instrument);
    for (const url of [explorer.url, `${explorer.url}?again`]) {
      await openUsable(page, url);
      if (url === explorer.url) await page.waitForTimeout(CACHE_SETTLES_MS);
    }
    times.push(await page.evaluate(() => window.__bench.usable));
    await page.close();
  }
  return times;
}

/** The floors under every start and keystroke in this browser: the first
 * paint of a page holding only a heading and a box, served the same way, over
 * fresh pages; and, on such a page whose box writes what is typed into a line
 * below it, input to paint for the same typing as ours. */
async function emptyPageFloors(explorer) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hanoi-empty-'));
  fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><title>empty</title>
<h1>Empty</h1><input id="search-input"><p id="echo"></p>
<script>
new PerformanceObserver((list, observer) => {
  if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); console.debug('hanoi-bench:painted'); }
}).observe({ type: 'paint', buffered: true });
document.getElementById('search-input').addEventListener('input', (event) => { document.getElementById('echo').textContent = event.target.value; });
</script>`);
  const server = await serve({ root });
  const openPainted = async (page) => {
    const painted = told(page, 'painted');
    await page.goto(server.url, { waitUntil: 'commit' });
    await painted;
  };
  try {
    const paints = [];
    for (let i = 0; i < STARTS; i++) {
      const page = await explorer.newPage();
      await openPainted(page);
      paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime));
      await page.close();
    }
    const page = await explorer.newPage();
    await page.addInitScript(instrument);
    await openPainted(page);
    const typed = await typeQueries(page, false);
    await page.close();
    return { paints, typed };
  } finally {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Types each of TYPED into the page's `#search-input`, one character at a
 * time, once the previous character's frames are drawn; with `readsEngine`,
 * also the search time the page shows for each. */
async function typeQueries(page, readsEngine) {
  const engine = [];
  const paints = [];
  const frames = [];
  for (const query of TYPED) {
    await page.fill('#search-input', '');
    await page.waitForTimeout(100);
    await page.evaluate(() => { window.__bench.paints = []; window.__bench.frames = []; });
    for (const char of query) {
      const before = await page.evaluate(() => window.__bench.frames.length);
      await page.keyboard.type(char);
      await page.waitForFunction((n) => window.__bench.frames.length > n, before);
      if (!readsEngine) continue;
      const timing = await page.locator('.timing').first().textContent().catch(() => '');
      const found = /([\d.]+) ms/.exec(timing ?? '');
      if (found) engine.push(Number(found[1]));
    }
    paints.push(...(await page.evaluate(() => window.__bench.paints)));
    frames.push(...(await page.evaluate(() => window.__bench.frames)));
  }
  return { paints, frames, engine };
}

async function keystrokes(explorer) {
  const page = await explorer.newPage();
  await page.addInitScript(instrument);
  await openUsable(page, explorer.url);
  const typed = await typeQueries(page, true);
  await page.close();
  return typed;
}

/** Passages as documents ({ title, texts }): from an extraction's JSON or a generated corpus. */
function documentsOf(source) {
  if (fs.statSync(source).isDirectory()) {
    const lines = (file) => fs.readFileSync(path.join(source, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const docs = lines('documents.jsonl').map((d) => ({ title: d.title, texts: [] }));
    for (const p of lines('passages.jsonl')) docs[p.doc]?.texts.push(p.text);
    return docs;
  }
  const extraction = JSON.parse(fs.readFileSync(source, 'utf8'));
  return extraction.corpus.documents.map((d) => ({ title: d.title, texts: d.passages.map((p) => p.text) }));
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// Each peer page marks window.__peer.usable when its first results are in the DOM.
const DRAW = `const draw = (items) => {
  const list = document.createElement('ol');
  for (const text of items) { const li = document.createElement('li'); li.textContent = text; list.append(li); }
  document.body.append(list);
  window.__peer = { usable: performance.now(), results: items.length };
  console.debug('hanoi-bench:usable');
};`;

/** A site with MiniSearch's serialised index and a page that loads it. */
function miniSearchSite(dir, docs) {
  const MiniSearch = require('minisearch');
  const ms = new MiniSearch({ fields: ['text'], storeFields: ['text'] });
  let id = 0;
  ms.addAll(docs.flatMap((d) => d.texts.map((text) => ({ id: id++, text }))));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(ms));
  fs.copyFileSync(path.join(here, 'node_modules/minisearch/dist/umd/index.js'), path.join(dir, 'minisearch.js'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html><meta charset="utf-8"><title>MiniSearch</title>
<script src="minisearch.js"></script>
<script type="module">${DRAW}
const json = await (await fetch('index.json')).text();
const ms = MiniSearch.loadJSON(json, { fields: ['text'], storeFields: ['text'] });
draw(ms.search(${JSON.stringify(FIRST_QUERY)}).slice(0, 10).map((r) => r.text));
</script>`);
}

/** A site of one page per document, indexed by Pagefind's CLI, and a search page. */
function pagefindSite(dir, docs) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
  docs.forEach((d, i) => {
    const body = d.texts.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n');
    fs.writeFileSync(path.join(dir, 'docs', `${i}.html`), `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(d.title)}</title></head><body><main data-pagefind-body><h1>${escapeHtml(d.title)}</h1>\n${body}</main></body></html>`);
  });
  execFileSync(path.join(here, 'node_modules/.bin/pagefind'), ['--site', dir, '--output-subdir', 'pagefind', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  fs.writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html><meta charset="utf-8"><title>Pagefind</title>
<script type="module">${DRAW}
const pagefind = await import('./pagefind/pagefind.js');
await pagefind.init();
const search = await pagefind.search(${JSON.stringify(FIRST_QUERY)});
const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
draw(data.map((d) => d.excerpt));
</script>`);
}

/** Median time to the first results of each peer, over fresh pages, served like our bundle. */
async function peerStarts(explorer, label, passages) {
  if (!passages) return null;
  const docs = documentsOf(passages);
  const root = path.join(here, 'target', 'peers', label);
  miniSearchSite(path.join(root, 'minisearch'), docs);
  pagefindSite(path.join(root, 'pagefind'), docs);
  const server = await serve({ root });
  const bytesOf = (dir, pick) => {
    let raw = 0; let gzip = 0;
    const walk = (d) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const file = path.join(d, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (pick(path.relative(dir, file))) { const data = fs.readFileSync(file); raw += data.length; gzip += zlib.gzipSync(data, { level: 9 }).length; }
      }
    };
    walk(dir);
    return { raw, gzip };
  };
  const result = {};
  try {
    for (const peer of ['minisearch', 'pagefind']) {
      const times = [];
      let results = 0;
      for (let i = 0; i < STARTS; i++) {
        const page = await explorer.browser.newPage();
        const usable = told(page, 'usable', 60000);
        await page.goto(`${server.url}${peer}/index.html`, { waitUntil: 'commit' });
        await usable;
        const got = await page.evaluate(() => window.__peer);
        times.push(got.usable);
        results = got.results;
        await page.close();
      }
      // What a reader downloads before the first results: MiniSearch's script and index; Pagefind's
      // runtime, wasm, metadata and every chunk and fragment (an upper bound on one query's share).
      const sizes = peer === 'minisearch'
        ? bytesOf(path.join(root, peer), (f) => f === 'minisearch.js' || f === 'index.json')
        : bytesOf(path.join(root, peer), (f) => f.startsWith('pagefind') && !f.includes('-ui') && !f.includes('modular') && !f.endsWith('.css'));
      result[peer] = { times, results, sizes };
    }
  } finally {
    await server.close();
  }
  return result;
}

/** Every measure of one bundle, in a browser serving it. */
async function measure({ label, dist, passages }) {
  const explorer = await openExplorer({ dist });
  try {
    const sizes = transferSizes(dist);
    const served = await startTimes(explorer, explorer.url);
    const returning = await returnTimes(explorer);
    const empty = await emptyPageFloors(explorer);
    // A page double-clicked from disk is the single-file edition: browsers fetch no wasm from file://.
    const fromFile = await startTimes(explorer, pathToFileURL(path.join(dist, 'hanoi-explorer.html')).href);
    const typed = await keystrokes(explorer);
    const peers = await peerStarts(explorer, label, passages);
    return { label, sizes, served, returning, empty, fromFile, typed, peers };
  } finally {
    await explorer.close();
  }
}

const results = [];
for (const bundle of bundles) results.push(await measure(bundle));

/** The peers' rows: their cold start to a first query's results, and its ratio to ours. */
function peerRows() {
  if (!results.some((r) => r.peers)) return '\nThe peers were not measured: no passages were named for them.\n';
  const row = (name, peer) => {
    const ours = (r) => median(r.served);
    const start = cell((r) => (r.peers ? `${ms(median(r.peers[peer].times))} / ${ms(quantile(r.peers[peer].times, 0.95))} (${(median(r.peers[peer].times) / ours(r)).toFixed(2)}× ours)` : '–'));
    const size = cell((r) => (r.peers ? `${bytes(r.peers[peer].sizes.raw)} / ${bytes(r.peers[peer].sizes.gzip)}` : '–'));
    return `| ${name}: first results, served: median / p95 (ms) | ${start} |\n| ${name}: bytes before them, raw / gzip | ${size} |`;
  };
  return `${row('MiniSearch 7.2 loading its JSON index', 'minisearch')}
${row('Pagefind 1.6', 'pagefind')}

The peers, in the same browser and run, start cold on the same passages and stop when the first ten
results for "${FIRST_QUERY}" are in the page; our **usable** time above ends at the same point (the first
screen's cards). MiniSearch fetches its serialised index (\`JSON.stringify\` of the index, passages stored)
and loads it; Pagefind indexes one page per document with its CLI, then loads its runtime, wasm and the
index chunks the query needs. Their bytes count every file they could fetch (for Pagefind all chunks and
fragments, more than one query reads); they show no filters, snippets of their own aside, and no interface.
`;
}
const total = (result, key) => result.sizes.reduce((sum, row) => sum + row[key], 0);
const kinds = [['wasm', /\.wasm$/], ['JavaScript', /\.js$/], ['CSS', /\.css$/]];
const sizeRows = kinds.map(([kind, pattern]) => {
  const cells = results.map((result) => {
    const rows = result.sizes.filter((row) => pattern.test(row.name));
    const sum = (key) => rows.reduce((n, row) => n + row[key], 0);
    return `${bytes(sum('raw'))} / ${bytes(sum('gzip'))} / ${bytes(sum('brotli'))}`;
  });
  return `| ${kind} | ${cells.join(' | ')} |`;
});
const cell = (pick) => results.map((result) => pick(result)).join(' | ');
const head = `| | ${results.map((result) => result.label).join(' | ')} |\n| --- |${results.map(() => ' ---: |').join('')}`;
const section = `## The page as shipped (headless Chromium)

Release bundles (${results.map((r) => r.label).join(', ')}) opened in Debian's Chromium through playwright-core
in the same run. **Bytes** are the files \`index.html\` loads (the service worker and the embed script
aside), raw / gzip -9 / brotli 11, as a static host would send them. **Usable** is the page's own
clock (\`performance.now()\` from navigation start) when the app's search box and first cards are painted
(an animation frame after they are in the DOM, then a message posted from it), over ${STARTS} fresh pages, served over HTTP by \`scripts/serve.mjs\`, and the single-file
edition \`hanoi-explorer.html\` opened from \`file://\`; **of which**: when \`index.html\`'s own shell (the masthead and a
search box that takes typing, searched once the app starts) is painted (its first contentful paint), when the page's wasm starts (its
\`hanoi:main\` mark) and when the first screen is in the DOM, before layout and paint; **then**, when the filter lists, drawn a
frame after the first screen, are painted. A **return visit** opens the
page again in the same fresh browser context ${CACHE_SETTLES_MS / 1000} s after a first visit: the files come from the HTTP cache (revalidated),
and V8 reuses the wasm code it compiled and optimised then, instead of compiling it again. The **empty page** is the floor
under every start here: a page of one heading and one box, painted in a fresh page of the same browser. **Input to paint** is from a keystroke's input
event to the paint of the frame that shows its results (an animation frame, then a message posted from
it), over ${TYPED.length} queries typed one character at a time; the row after it is the earlier measure,
one animation frame later; the **floor** is the same typing into the empty page's box, which only writes it into a line below;
**engine** is the search time the page reports for the same keystrokes. Until a page is usable the bench asks it nothing: the
page tells it by a console message, since Playwright's ways of waiting evaluate its own script in the page first, 20-40 ms of main
thread that runs in the frames measured (it did in the runs before 2026-12-04). The 10k bundle is the generated 10k corpus written as articles (\`hanoi-bench articles\`).

${head}
${sizeRows.join('\n')}
| **total** | ${cell((r) => `**${bytes(total(r, 'raw'))} / ${bytes(total(r, 'gzip'))} / ${bytes(total(r, 'brotli'))}**`)} |
| usable search box, served: median / p95 (ms) | ${cell((r) => `${ms(median(r.served))} / ${ms(quantile(r.served, 0.95))}`)} |
| of which: the shell's search box painted, taking typing (first contentful paint), median (ms) | ${cell((r) => ms(median(r.served.split.shell)))} |
| of which: wasm started (download, compile, glue), median (ms) | ${cell((r) => ms(median(r.served.split.main)))} |
| of which: first screen in the DOM (then laid out and painted), median (ms) | ${cell((r) => ms(median(r.served.split.inDom)))} |
| then: the filter lists painted, a frame or more after the first screen, median (ms) | ${cell((r) => ms(median(r.served.split.filters)))} |
| usable on a return visit (the browser's cache and compiled wasm kept), served: median / p95 (ms) | ${cell((r) => `${ms(median(r.returning))} / ${ms(quantile(r.returning, 0.95))}`)} |
| an empty page (a heading and a box) painted, served, in the same browser: median (ms) | ${cell((r) => ms(median(r.empty.paints)))} |
| usable, single file from \`file://\`: median / p95 (ms) | ${cell((r) => `${ms(median(r.fromFile))} / ${ms(quantile(r.fromFile, 0.95))}`)} |
| of which: the shell's search box painted, from \`file://\`, median (ms) | ${cell((r) => ms(median(r.fromFile.split.shell)))} |
| input to paint per keystroke: median / p95 (ms) | ${cell((r) => `${ms(median(r.typed.paints))} / ${ms(quantile(r.typed.paints, 0.95))}`)} |
| input to the frame after (two animation frames, the measure of earlier runs): median / p95 (ms) | ${cell((r) => `${ms(median(r.typed.frames))} / ${ms(quantile(r.typed.frames, 0.95))}`)} |
| the floor: an empty page's box writing each keystroke into a line, input to paint: median / p95 (ms) | ${cell((r) => `${ms(median(r.empty.typed.paints))} / ${ms(quantile(r.empty.typed.paints, 0.95))}`)} |
| engine time of those keystrokes: median / p95 (ms) | ${cell((r) => `${ms(median(r.typed.engine))} / ${ms(quantile(r.typed.engine, 0.95))}`)} |
${peerRows()}`;
fs.appendFileSync(target, '\n' + section);
console.log(section);
