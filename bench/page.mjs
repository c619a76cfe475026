// The page as shipped, in headless Chromium: what a reader downloads, how
// long until the search box answers, and how long each keystroke takes to
// reach the screen. The engine's own time is in the sections above; this is
// everything around it (decoding, rendering, painting).
//
// usage: node bench/page.mjs <BENCHMARKS.md> [<label>=<dist dir>]...
// Appends one section to BENCHMARKS.md, one column per release bundle
// (dist/ of `make build`, labelled "seeds", when none is named).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { openExplorer, dist as defaultDist } from '../tests/e2e/browser.mjs';

const [target, ...bundleArgs] = process.argv.slice(2);
const bundles = (bundleArgs.length ? bundleArgs : [`seeds=${defaultDist}`]).map((arg) => {
  const [label, dir] = arg.split('=');
  return { label, dist: path.resolve(dir) };
});
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
// box is there and the first results are drawn, and input-to-paint times.
function instrument() {
  window.__bench = { usable: null, paints: [] };
  const ready = () => document.querySelector('#search-input') && document.querySelector('.card');
  new MutationObserver((_, observer) => {
    if (window.__bench.usable == null && ready()) {
      window.__bench.usable = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('input', (event) => {
    const start = event.timeStamp;
    // Two frames: the first runs before the paint that shows the change,
    // the second after it.
    requestAnimationFrame(() => requestAnimationFrame(() => window.__bench.paints.push(performance.now() - start)));
  }, true);
}

async function startTimes(explorer, url) {
  const times = [];
  for (let i = 0; i < STARTS; i++) {
    const page = await explorer.newPage();
    await page.addInitScript(instrument);
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.usable != null, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__bench.usable));
    await page.close();
  }
  return times;
}

async function keystrokes(explorer) {
  const page = await explorer.newPage();
  await page.addInitScript(instrument);
  await page.goto(explorer.url);
  await page.waitForFunction(() => window.__bench.usable != null);
  const engine = [];
  const paints = [];
  for (const query of TYPED) {
    await page.fill('#search-input', '');
    await page.waitForTimeout(100);
    await page.evaluate(() => { window.__bench.paints = []; });
    for (const char of query) {
      const before = await page.evaluate(() => window.__bench.paints.length);
      await page.keyboard.type(char);
      await page.waitForFunction((n) => window.__bench.paints.length > n, before);
      const timing = await page.locator('.timing').first().textContent().catch(() => '');
      const found = /([\d.]+) ms/.exec(timing ?? '');
      if (found) engine.push(Number(found[1]));
    }
    paints.push(...(await page.evaluate(() => window.__bench.paints)));
  }
  await page.close();
  return { paints, engine };
}

/** Every measure of one bundle, in a browser serving it. */
async function measure({ label, dist }) {
  const explorer = await openExplorer({ dist });
  try {
    const sizes = transferSizes(dist);
    const served = await startTimes(explorer, explorer.url);
    // A page double-clicked from disk is the single-file edition: browsers fetch no wasm from file://.
    const fromFile = await startTimes(explorer, pathToFileURL(path.join(dist, 'hanoi-explorer.html')).href);
    const typed = await keystrokes(explorer);
    return { label, sizes, served, fromFile, typed };
  } finally {
    await explorer.close();
  }
}

const results = [];
for (const bundle of bundles) results.push(await measure(bundle));
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
clock (\`performance.now()\` from navigation start) when the search box is there and the first cards
are drawn, over ${STARTS} fresh pages, served over HTTP by \`scripts/serve.mjs\`, and the single-file
edition \`hanoi-explorer.html\` opened from \`file://\`. **Input to paint** is from a keystroke's input
event to the frame after the one that shows its results (two animation frames), over ${TYPED.length}
queries typed one character at a time; **engine** is the search time the page reports for the same
keystrokes. The 10k bundle is the generated 10k corpus written as articles (\`hanoi-bench articles\`).

${head}
${sizeRows.join('\n')}
| **total** | ${cell((r) => `**${bytes(total(r, 'raw'))} / ${bytes(total(r, 'gzip'))} / ${bytes(total(r, 'brotli'))}**`)} |
| usable search box, served: median / p95 (ms) | ${cell((r) => `${ms(median(r.served))} / ${ms(quantile(r.served, 0.95))}`)} |
| usable, single file from \`file://\`: median / p95 (ms) | ${cell((r) => `${ms(median(r.fromFile))} / ${ms(quantile(r.fromFile, 0.95))}`)} |
| input to paint per keystroke: median / p95 (ms) | ${cell((r) => `${ms(median(r.typed.paints))} / ${ms(quantile(r.typed.paints, 0.95))}`)} |
| engine time of those keystrokes: median / p95 (ms) | ${cell((r) => `${ms(median(r.typed.engine))} / ${ms(quantile(r.typed.engine, 0.95))}`)} |

Not measured yet: the peers' cold start (MiniSearch loading its JSON index, Pagefind).
`;
fs.appendFileSync(target, '\n' + section);
console.log(section);
