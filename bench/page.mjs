// The page as shipped, in headless Chromium: what a reader downloads, how
// long until the search box answers, and how long each keystroke takes to
// reach the screen. The engine's own time is in the sections above; this is
// everything around it (decoding, rendering, painting).
//
// usage: node bench/page.mjs <BENCHMARKS.md> [<dist dir>]
// Appends one section to BENCHMARKS.md. The bundle is the release build of
// `make build` (dist/ by default), built from seeds/.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { openExplorer, dist as defaultDist } from '../tests/e2e/browser.mjs';

const [target, distArg] = process.argv.slice(2);
const dist = path.resolve(distArg ?? defaultDist);
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
function shippedFiles() {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const names = new Set();
  for (const [, name] of html.matchAll(/(?:href|src)="\.?\/?([^"?#]+\.(?:wasm|js|css))"/g)) names.add(name);
  for (const name of fs.readdirSync(dist)) if (name.endsWith('.wasm')) names.add(name);
  return [...names].filter((name) => name !== 'sw.js' && name !== 'hanoi-explorer-embed.js' && fs.existsSync(path.join(dist, name)));
}

function transferSizes() {
  const rows = [];
  for (const name of shippedFiles()) {
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

const explorer = await openExplorer();
try {
  const sizes = transferSizes();
  const served = await startTimes(explorer, explorer.url);
  // A page double-clicked from disk is the single-file edition: browsers fetch no wasm from file://.
  const fromFile = await startTimes(explorer, pathToFileURL(path.join(dist, 'hanoi-explorer.html')).href);
  const typed = await keystrokes(explorer);
  const total = (key) => sizes.reduce((sum, row) => sum + row[key], 0);
  const out = [];
  out.push(`## The page as shipped (headless Chromium)

The release bundle of \`make build\` (the seeds), opened in Debian's Chromium through playwright-core
in the same run. **Bytes** are the files \`index.html\` loads (the service worker and the embed script
aside), compressed as a static host would send them. **Usable** is the page's own clock
(\`performance.now()\` from navigation start) when the search box is there and the first cards are
drawn, median of ${STARTS} fresh pages, served over HTTP by \`scripts/serve.mjs\`, and the single-file
edition \`hanoi-explorer.html\` opened from \`file://\`. **Input to paint** is from a keystroke's input event to the frame after the one that shows
its results (two animation frames), over ${TYPED.length} queries typed one character at a time;
**engine** is the search time the page reports for the same keystrokes.

| file | raw | gzip -9 | brotli 11 |
| --- | ---: | ---: | ---: |
${sizes.map((row) => `| ${row.name.replace(/-[0-9a-f]{16}/, '')} | ${bytes(row.raw)} | ${bytes(row.gzip)} | ${bytes(row.brotli)} |`).join('\n')}
| **total** | ${bytes(total('raw'))} | ${bytes(total('gzip'))} | ${bytes(total('brotli'))} |

| measure | median | p95 |
| --- | ---: | ---: |
| usable search box, served (ms) | ${ms(median(served))} | ${ms(quantile(served, 0.95))} |
| usable search box, single file from \`file://\` (ms) | ${ms(median(fromFile))} | ${ms(quantile(fromFile, 0.95))} |
| input to paint per keystroke (ms, ${typed.paints.length} keystrokes) | ${ms(median(typed.paints))} | ${ms(quantile(typed.paints, 0.95))} |
| engine time of those keystrokes (ms) | ${ms(median(typed.engine))} | ${ms(quantile(typed.engine, 0.95))} |

Not measured yet: the page built from the 10k corpus, and the peers' cold start (MiniSearch loading
its JSON index, Pagefind).
`);
  fs.appendFileSync(target, '\n' + out.join('\n'));
  console.log(out.join('\n'));
} finally {
  await explorer.close();
}
