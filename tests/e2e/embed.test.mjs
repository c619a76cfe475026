// Embedding in other sites: two <hanoi-explorer> elements on a host page with
// hostile CSS and a strict Content-Security-Policy, the JavaScript API, and
// the iframe mode preset by its URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openExplorer, dist, artifacts } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const HOSTILE_CSS = `
  html { font-size: 10px !important; }
  * { color: rgb(255, 0, 0) !important; font-family: "Comic Sans MS", cursive !important; }
  div, p, a, mark, li, ol, section, article { display: none !important; }
  .card, .page, mark { border: 9px solid red !important; background: lime !important; }`;

let explorer;
let host;
let folder;
before(async () => {
  explorer = await openExplorer();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hanoi-host-'));
  fs.copyFileSync(path.join(dist, 'hanoi-explorer-embed.js'), path.join(folder, 'hanoi-explorer-embed.js'));
  fs.writeFileSync(path.join(folder, 'hostile.css'), HOSTILE_CSS);
  fs.writeFileSync(path.join(folder, 'index.html'), `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="hostile.css">
<script src="hanoi-explorer-embed.js"></script>
</head><body>
<hanoi-explorer id="first" query="cooperation" country="RUS"></hanoi-explorer>
<hanoi-explorer id="second" query="signature" lang="en"></hanoi-explorer>
</body></html>`);
  fs.cpSync(dist, path.join(folder, 'app'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'framed.html'), `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>host</title></head><body>
<iframe id="frame" title="Hanoi Explorer" width="400" height="600"
  src="app/index.html?embed#q=cooperation&country=RUS"></iframe>
</body></html>`);
  fs.writeFileSync(path.join(folder, 'article.html'), `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>A host article</title><link rel="icon" href="data:,">
<style>
  .story { height: 2500px; }
  hanoi-explorer { --hx-accent: rgb(200, 30, 90); }
  hanoi-explorer::part(search-input) { outline: 3px solid rgb(1, 2, 3); }
</style>
<script src="hanoi-explorer-embed.js"></script>
</head><body>
<div class="story">The host's own article, long enough to scroll.</div>
<hanoi-explorer id="late" query="cooperation"></hanoi-explorer>
<hanoi-explorer id="linked" query="signature" permalink-base="https://explorer.example/full/"></hanoi-explorer>
</body></html>`);
  host = await serve({ root: folder });
});
after(async () => {
  // The browser first: its pages hold connections to the host server.
  await explorer?.close();
  await host?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function hostPage() {
  const page = await explorer.newPage({ width: 1200, height: 1400 });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(host.url);
  return page;
}

test('two custom elements render side by side, isolated from hostile CSS, under a strict CSP', async () => {
  const page = await hostPage();
  const first = page.locator('#first .card').first();
  const second = page.locator('#second .card').first();
  await first.waitFor();
  await second.waitFor();
  assert.ok(await first.isVisible(), 'the host CSS hid a card inside the shadow root');
  const style = await first.evaluate((card) => {
    const s = getComputedStyle(card);
    return { color: s.color, border: s.borderTopWidth, font: s.fontFamily };
  });
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  assert.notEqual(style.border, '9px');
  assert.doesNotMatch(style.font, /Comic/);
  const textSize = await page.locator('#first .card .snippet').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(Math.abs(textSize - 1.02 * 16) < 0.5, `text sized against the host's 10px root: ${textSize}px`);
  const firstCountries = await page.locator('#first .card .who .code').allTextContents();
  assert.ok(firstCountries.length > 0 && firstCountries.every((code) => code === 'RUS'), `preset country: ${firstCountries}`);
  assert.equal(await page.locator('#second .lang-switch').textContent(), 'Français', 'the second is in English');
  assert.equal(await page.locator('#second .page').getAttribute('lang'), 'en');
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('lang')), null, 'the host page keeps its own lang');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await page.screenshot({ path: path.join(artifacts, 'embed-host.png') });
  assert.deepEqual(explorer.errors, []);
});

test('opening a statement announces it to the host and leaves the host address alone', async () => {
  const page = await hostPage();
  await page.locator('#first .card').first().waitFor();
  const selected = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('hanoi-explorer-select', (event) => resolve({ id: event.target.id, detail: event.detail }), { once: true });
  }));
  await page.locator('#first .card .open').first().click();
  const { id, detail } = await selected;
  assert.equal(id, 'first');
  assert.equal(detail.country_code, 'RUS');
  assert.ok(detail.text.length > 20 && detail.permalink.includes('#doc='));
  await page.locator('#first .passage.focused').waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the host page keeps its address');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#first .passage.focused').count(), 1, 'Escape on the host page leaves the embed alone');
  await page.locator('#first .reading .back').focus();
  await page.keyboard.press('Escape');
  await page.locator('#first .card').first().waitFor();
  assert.ok(await page.locator('#second .card').first().isVisible(), 'the other instance is untouched');
});

test('arrow keys move between the cards of the instance they are pressed in', async () => {
  const page = await hostPage();
  await page.locator('#first .card').first().waitFor();
  await page.locator('#second .card').first().waitFor();
  // Index of the focused card link inside one instance's shadow root; -1 for
  // its search box, null for anything else.
  const focusedIn = (id) => page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const active = root.activeElement;
    if (!active) return null;
    if (active.id === 'search-input') return -1;
    const index = [...root.querySelectorAll('.card .open')].indexOf(active);
    return index >= 0 ? index : null;
  }, id);
  await page.locator('#second #search-input').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedIn('second'), 0, 'ArrowDown from the search box enters this instance\'s list');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedIn('second'), 1);
  assert.equal(await focusedIn('first'), null, 'the other instance keeps its focus');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedIn('second'), -1, 'ArrowUp from the first card returns to the search box');

  // `/` belongs to the host page unless it is pressed inside an explorer.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('/');
  assert.equal(await focusedIn('second'), -1, '/ inside an explorer focuses its search box');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'the host page keeps its /');
  assert.equal(await focusedIn('first'), null);
});

test('the JavaScript API returns plain objects that follow the filters', async () => {
  const page = await hostPage();
  const results = await page.evaluate(async () => {
    await window.HanoiExplorer.ready;
    return window.HanoiExplorer.search('cooperation', { countries: ['RUS'], limit: 5 });
  });
  assert.ok(results.total > 0);
  assert.ok(results.statements.length <= 5);
  assert.ok(results.statements.every((statement) => statement.country_code === 'RUS'));
  const failure = (filters) => page.evaluate((filters) => window.HanoiExplorer.search('x', filters).then(() => null, (e) => String(e)), filters);
  assert.match(await failure({ limit: 'lots' }), /bad filters: limit must be a whole number/);
  assert.match(await failure({ speakers: 'one name, not a list' }), /bad filters: speakers must be a list of strings/);
  assert.match(await failure({ from: '2025-13-45' }), /bad filters: from "2025-13-45"/);
  // Fields it does not know are passed over, as before.
  assert.equal(await failure({ colour: 'red', speakers: [] }), null);
});

test('in a column as narrow as a phone, the custom element keeps its sort and export buttons inside its box', async () => {
  const page = await explorer.newPage({ width: 330, height: 740 });
  await page.goto(host.url);
  await page.locator('#first .card').first().waitFor();
  const box = await page.locator('#first').boundingBox();
  const sticking = await page.locator('#first .results-bar select, #first .export > *').evaluateAll(
    (controls, right) => controls.filter((control) => control.getBoundingClientRect().right > right + 1).map((control) => control.textContent.trim() || control.tagName),
    box.x + box.width,
  );
  assert.deepEqual(sticking, [], `past the element's right edge (${box.x + box.width}px)`);
});

test('the iframe mode fits 400 x 600 and is preset by its URL', async () => {
  const page = await explorer.newPage({ width: 800, height: 800 });
  await page.goto(host.url + 'framed.html');
  const frame = page.frameLocator('#frame');
  await frame.locator('.card').first().waitFor();
  const codes = await frame.locator('.card .who .code').allTextContents();
  assert.ok(codes.length > 0 && codes.every((code) => code === 'RUS'), `${codes}`);
  const overflow = await frame.locator('body').evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `${overflow}px too wide`);
  assert.equal(await frame.locator('.tagline').isVisible(), false, 'compact chrome');
  await page.locator('#frame').screenshot({ path: path.join(artifacts, 'embed-iframe.png') });
});

test('an element below the fold takes no focus and leaves the host scrolled where it was', async () => {
  const page = await explorer.newPage({ width: 1200, height: 800 });
  await page.addInitScript(() => { window.historyAtStart = history.length; });
  await page.goto(host.url + 'article.html');
  await page.locator('#late .card').first().waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => scrollY), 0, 'the host page was scrolled to the element');
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'the element took the focus');
  assert.equal(new URL(page.url()).hash, '');
  assert.equal(await page.evaluate(() => history.length - window.historyAtStart), 0, 'the element added to the host\'s history');
});

test('attributes set after start change what the element shows', async () => {
  const page = await explorer.newPage({ width: 1200, height: 800 });
  await page.goto(host.url + 'article.html');
  const late = page.locator('#late');
  await late.locator('.card').first().waitFor({ state: 'attached' });
  await page.evaluate(() => document.getElementById('late').setAttribute('query', 'rançongiciels'));
  await page.waitForFunction(() => document.getElementById('late').shadowRoot.querySelector('#search-input').value === 'rançongiciels');
  const marks = await late.locator('.card mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((mark) => /ran[çc]ongiciel/i.test(mark)), `highlights: ${marks}`);
  await page.evaluate(() => document.getElementById('late').setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.getElementById('late').shadowRoot.querySelector('.page').getAttribute('lang') === 'en');
  await page.evaluate(() => document.getElementById('late').setAttribute('country', 'RUS'));
  await page.waitForFunction(() => {
    const codes = [...document.getElementById('late').shadowRoot.querySelectorAll('.card .who .code')].map((code) => code.textContent);
    return codes.length === 0 || codes.every((code) => code === 'RUS');
  });
});

test('permalinks lead to a full explorer, never to the host page', async () => {
  const page = await explorer.newPage({ width: 1200, height: 800 });
  await page.goto(host.url + 'article.html');
  const permalinkOf = (id) => page.evaluate((id) => new Promise((resolve) => {
    const element = document.getElementById(id);
    element.addEventListener('hanoi-explorer-select', (event) => resolve(event.detail.permalink), { once: true });
    element.shadowRoot.querySelector('.card .open').click();
  }), id);
  await page.locator('#late .card').first().waitFor({ state: 'attached' });
  assert.match(await permalinkOf('late'), new RegExp(`^${host.url}index\\.html#`), 'without permalink-base: the bundle\'s own page');
  await page.locator('#linked .card').first().waitFor({ state: 'attached' });
  assert.match(await permalinkOf('linked'), /^https:\/\/explorer\.example\/full\/#/, 'permalink-base');
  const api = await page.evaluate(async () => {
    const { statements: [own] } = await window.HanoiExplorer.search('cooperation', { limit: 1 });
    const { statements: [given] } = await window.HanoiExplorer.search('cooperation', { limit: 1, permalinkBase: 'https://explorer.example/' });
    return [own.permalink, given.permalink];
  });
  assert.match(api[0], new RegExp(`^${host.url}index\\.html#`));
  assert.match(api[1], /^https:\/\/explorer\.example\/#/);
});

test('a host styles the element through its parts and custom properties only', async () => {
  const page = await explorer.newPage({ width: 1200, height: 800 });
  await page.goto(host.url + 'article.html');
  const late = page.locator('#late');
  await late.locator('.card').first().waitFor({ state: 'attached' });
  const outline = await late.locator('#search-input').evaluate((input) => getComputedStyle(input).outlineColor);
  assert.equal(outline, 'rgb(1, 2, 3)', '::part(search-input)');
  const accent = await late.locator('.page').evaluate((root) => getComputedStyle(root).getPropertyValue('--accent').trim());
  assert.equal(accent, 'rgb(200, 30, 90)', '--hx-accent');
  const parts = await page.evaluate(() => [...document.getElementById('late').shadowRoot.querySelectorAll('[part]')].map((e) => e.getAttribute('part')));
  for (const part of ['explorer', 'masthead', 'search-input', 'facets', 'card']) assert.ok(parts.includes(part), `part ${part}`);
});
