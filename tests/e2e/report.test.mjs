// The editor's report (`corpus report`, crates/corpus/src/report.rs) as an
// editor opens it: a file from disk, in headless Chromium, with no server.
// On seeds/ the cues and speakers must be marked, every anchor must lead
// somewhere, nothing may be fetched and a phone-width page must not scroll
// sideways; on tests/hostile/injection/ no markup of the articles may
// become an element, a dialog or a javascript: link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { root, artifacts } from './browser.mjs';

// The report is a file, not the bundle openExplorer() serves, so this file
// launches its own browser, with the same flags as browser.mjs.
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let browser;
before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
    .find((candidate) => candidate && fs.existsSync(candidate));
  if (!executablePath) throw new Error('Chromium not found: run scripts/setup, or set CHROMIUM_PATH');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
});
after(async () => {
  await browser?.close();
});

/** Writes the report on `corpus` (relative to the repository) into artifacts/. */
function writeReport(corpus, name) {
  const out = path.join(artifacts, name);
  execFileSync('cargo', ['run', '-q', '-p', 'corpus', '--', 'report', corpus, '--out', out], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return out;
}

/** Opens the report file, recording dialogs, page errors and every request. */
async function open(file, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const seen = { dialogs: [], errors: [], requests: [] };
  page.on('dialog', async (dialog) => { seen.dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('request', (request) => seen.requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, seen };
}

/** Requests for anything but the report itself: the page must need nothing else. */
const elsewhere = (seen, file) => seen.requests.filter((url) => url !== pathToFileURL(file).href && !url.startsWith('data:'));

test('the report on seeds/ marks cues and speakers, links within itself and fetches nothing', async () => {
  const file = writeReport('seeds', 'report.html');
  const { page, seen } = await open(file);
  assert.ok(await page.locator('.passage mark.cue').count() > 0, 'no cue is marked in a passage');
  assert.ok(await page.locator('.passage .mention').count() > 0, 'no mention is marked');
  // A passage whose cue is marked names, in its statement row, a speaker
  // the passage's text names too (by the last word of the name).
  const named = await page.$$eval('.passage', (passages) => passages.filter((p) => p.querySelector('mark.cue')).some((p) => {
    const text = p.querySelector('p').textContent;
    return [...p.querySelectorAll('.statement .speaker')].some((s) => text.includes(s.textContent.trim().split(/\s+/).pop()));
  }));
  assert.ok(named, 'no statement row names a speaker its passage names');
  assert.ok(await page.locator('.legend mark.cue').count() === 1, 'the legend shows the cue');
  const broken = await page.$$eval('a[href^="#"]', (links) => links.map((a) => a.getAttribute('href').slice(1)).filter((id) => !document.getElementById(id)));
  assert.deepEqual(broken, [], 'anchors that lead nowhere');
  assert.deepEqual(elsewhere(seen, file), [], 'the report requested something');
  assert.equal(await page.locator('script, link[rel=stylesheet], img, iframe').count(), 0, 'the report needs no script or outside resource');
  assert.deepEqual(seen.errors, []);
  await page.screenshot({ path: path.join(artifacts, 'report-desktop.png') });

  const phone = await open(file, { width: 390, height: 844 });
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width}px wide at a 390px phone width`);
  await phone.page.screenshot({ path: path.join(artifacts, 'report-phone.png') });
  await Promise.all([page.close(), phone.page.close()]);
});

test('markup in hostile articles stays text in the report', async () => {
  const file = writeReport('tests/hostile/injection', 'report-injection.html');
  const { page, seen } = await open(file);
  // An onerror handler would fire once an image failed to load: give it time.
  await page.waitForTimeout(300);
  assert.deepEqual(seen.dialogs, [], 'a dialog opened: injected script ran');
  assert.deepEqual(seen.errors, []);
  assert.equal(await page.locator('script, img, svg, iframe, [onerror], [onload]').count(), 0, 'markup of the corpus became elements');
  const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs.filter((href) => /^\s*javascript:/i.test(href)), [], 'a javascript: link');
  assert.deepEqual(hrefs.filter((href) => !/^(#|https?:\/\/)/i.test(href)), [], 'a link that is neither an anchor nor http(s)');
  const body = await page.locator('body').textContent();
  assert.ok(body.includes('<script>alert(1)</script>'), 'the script tag is not shown as text');
  assert.ok(body.includes('<img src=x onerror=alert(2)>'), 'the image tag is not shown as text');
  assert.deepEqual(elsewhere(seen, file), [], 'the report requested something the markup named');
  await page.screenshot({ path: path.join(artifacts, 'report-injection.png') });
  await page.close();
});
