// The three ways the explorer is delivered, each driven in headless Chromium:
// the single file opened from file:// with the network cut, dist/ served under
// a sub-path, and the service worker starting the app once the server is gone
// and replacing its copy when a new build is deployed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { openExplorer, dist, root, artifacts } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';

const SUB_PATH = '/some/sub/dir/';

let explorer;
before(async () => { explorer = await openExplorer({ base: SUB_PATH }); });
after(async () => { await explorer?.close(); });

/** Every URL the page's context requests, its service worker's included. */
function recordRequests(page) {
  const urls = [];
  page.context().on('request', (request) => urls.push(request.url()));
  return urls;
}

const resultCount = async (page) => Number((await page.locator('#results-summary').textContent()).match(/\d+/)[0]);

/** Types `cooperation` and checks that highlighted result cards appear. */
async function searchWorks(page) {
  const input = page.locator('#search-input');
  await input.waitFor();
  await input.fill('');
  await input.pressSequentially('cooperation', { delay: 20 });
  await page.locator('.card mark').first().waitFor();
  const marks = await page.$$eval('.card mark', (marks) => marks.map((mark) => mark.textContent.toLowerCase()));
  assert.ok(marks.some((mark) => mark.startsWith('coop')), `no highlighted "coopération" in ${marks}`);
}

/** Ticks a facet that holds only some of the results and checks that the count drops. */
async function filterWorks(page) {
  const before = await resultCount(page);
  const entries = page.locator('.facets label.facet-entry');
  await entries.first().waitFor();
  const counts = await entries.locator('.count').allTextContents();
  const narrower = counts.findIndex((count) => Number(count) < before);
  assert.ok(narrower >= 0, `no facet narrows ${before} results: ${counts}`);
  await entries.nth(narrower).locator('input[type=checkbox]').check();
  await page.waitForFunction((total) => {
    const shown = document.querySelector('#results-summary')?.textContent.match(/\d+/);
    return shown && Number(shown[0]) < total;
  }, before);
  assert.equal(await resultCount(page), Number(counts[narrower]));
}

test('the single file works from file:// with every network request blocked', async () => {
  // A copy alone in a folder, as on a USB stick: nothing beside it to lean on.
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'hanoi-stick-'));
  try {
    const file = path.join(stick, 'hanoi-explorer.html');
    fs.copyFileSync(path.join(dist, 'hanoi-explorer.html'), file);
    const page = await explorer.newPage();
    await page.context().setOffline(true);
    await page.context().route((url) => url.protocol !== 'file:', (route) => route.abort());
    const requests = recordRequests(page);

    await page.goto(pathToFileURL(file).href);
    await searchWorks(page);
    await filterWorks(page);
    await page.screenshot({ path: path.join(artifacts, 'single-file.png') });

    const outside = requests.filter((url) => !url.startsWith(pathToFileURL(file).href) && !/^(data|blob):/.test(url));
    assert.deepEqual(outside, [], 'the single file requested something besides itself');
    assert.deepEqual(explorer.errors, []);
  } finally {
    fs.rmSync(stick, { recursive: true, force: true });
  }
});

test('dist/ served under a sub-path works and requests nothing outside it', async () => {
  const page = await explorer.newPage();
  const requests = recordRequests(page);
  await page.goto(explorer.url);
  await searchWorks(page);
  await filterWorks(page);
  // Let the service worker fetch what it caches: those requests count too.
  await page.evaluate(() => navigator.serviceWorker.ready);

  const outside = requests.filter((url) => !url.startsWith(explorer.url) && !/^(data|blob):/.test(url));
  assert.deepEqual(outside, [], `requests outside ${explorer.url}`);
  assert.ok(requests.some((url) => url.endsWith('.wasm')), 'the wasm was not requested from the sub-path');
  assert.deepEqual(explorer.errors, []);
});

test('the service worker is installed only once the first screen and its filter lists are on the page', async () => {
  const page = await explorer.newPage();
  await page.addInitScript(() => {
    window.__order = {};
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    container.register = (...args) => { window.__order.registered ??= performance.now(); return register(...args); };
    new MutationObserver((_, observer) => {
      if (document.querySelector('.facet-lists .facet')) {
        observer.disconnect();
        window.__order.lists = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(explorer.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const { registered, lists, ready } = await page.evaluate(() => ({
    ...window.__order,
    ready: performance.getEntriesByName('hanoi:ready')[0]?.startTime,
  }));
  assert.ok(lists != null && ready != null, 'the filter lists and the "hanoi:ready" mark came');
  assert.ok(lists < ready && ready <= registered, `lists at ${lists}, ready at ${ready}, registered at ${registered}`);
  assert.deepEqual(explorer.errors, []);
});

/** The names of this app's caches, seen from the page. */
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('hanoi-explorer ')));

/** Polls an async condition: waitForFunction would take the promise itself for a truthy answer. */
async function until(condition, what, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The build version stamped into a dist folder's sw.js by scripts/stamp-sw.mjs. */
const stampedVersion = (folder) => fs.readFileSync(path.join(folder, 'sw.js'), 'utf8').match(/"version":"(\w+)"/)[1];

/**
 * Deploys a copy of dist/ (which a test may then rebuild) under /kiosk/, opens
 * it and waits until the service worker controls the page.
 */
async function deployCopy() {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'hanoi-site-'));
  fs.cpSync(dist, site, { recursive: true });
  const server = await serve({ root: site, base: '/kiosk/' });
  const page = await explorer.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  let running = true;
  const stop = async () => { if (running) { running = false; await server.close(); } };
  return {
    site, page, url: server.url, stop,
    async remove() { await stop(); fs.rmSync(site, { recursive: true, force: true }); },
  };
}

test('the service worker starts the app once the server is gone', async () => {
  const kiosk = await deployCopy();
  try {
    await kiosk.stop();
    const response = await kiosk.page.reload();
    assert.ok(response.fromServiceWorker(), 'the page did not come from the service worker');
    await searchWorks(kiosk.page);
    await filterWorks(kiosk.page);
    assert.deepEqual(explorer.errors, []);
  } finally {
    await kiosk.remove();
  }
});

test('a new build replaces the service worker\'s cache, and runs offline', async () => {
  const kiosk = await deployCopy();
  const { site, page } = kiosk;
  try {
    const first = stampedVersion(site);
    assert.deepEqual(await cacheNames(page), [`hanoi-explorer ${kiosk.url} ${first}`]);

    // A new build: another page, hence another stamp in sw.js. The browser
    // looks for a new worker after a navigation; the new one takes over and drops the old cache.
    const index = path.join(site, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</head>', '<meta name="build" content="second"></head>'));
    execFileSync(process.execPath, [path.join(root, 'scripts/stamp-sw.mjs'), site]);
    const second = stampedVersion(site);
    assert.notEqual(second, first);
    await page.reload();
    const expected = [`hanoi-explorer ${kiosk.url} ${second}`];
    await until(async () => JSON.stringify(await cacheNames(page)) === JSON.stringify(expected), 'the new build to replace the cache');

    await kiosk.stop();
    await page.reload();
    assert.equal(await page.locator('meta[name=build]').count(), 1, 'the offline page is not the new build');
    await searchWorks(page);
    assert.deepEqual(explorer.errors, []);
  } finally {
    await kiosk.remove();
  }
});
