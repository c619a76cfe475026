// The first screen. index.html paints a shell while the wasm is still on
// its way: its search box takes typing, and the app, once started, searches
// what was typed, in a box at the very same place, with the focus where it
// was. The app's own first frame draws only the cards a reader sees at once,
// and the rest right after it is painted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openExplorer, dist, artifacts } from './browser.mjs';

let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

/** A page whose wasm is held back until `release()` is called. */
async function heldBack(viewport, hash = '', search = '') {
  const page = await explorer.newPage(viewport);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${explorer.url}${search}${hash}`, { waitUntil: 'domcontentloaded' });
  return { page, release };
}

for (const [name, viewport] of [['phone', { width: 390, height: 760 }], ['desktop', { width: 1280, height: 800 }]]) {
  test(`${name}: what is typed before the wasm starts is searched, in a box that does not move`, async () => {
    const { page, release } = await heldBack(viewport);
    const shellBox = page.locator('#shell-input');
    await shellBox.waitFor();
    assert.equal(await page.locator('#search-input').count(), 0, 'the app has not started');
    await page.screenshot({ path: path.join(artifacts, `shell-${name}.png`) });
    const before = await shellBox.boundingBox();
    await shellBox.click();
    await page.keyboard.type('rançongiciel');
    release();
    const box = page.locator('#search-input');
    await page.locator('.card mark').first().waitFor();
    assert.equal(await box.inputValue(), 'rançongiciel');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', 'the focus moved to the app\'s box');
    assert.equal(await page.evaluate(() => document.activeElement.selectionStart), 'rançongiciel'.length, 'the cursor stays after the text');
    assert.match(await page.evaluate(() => location.hash), /q=ran%C3%A7ongiciel/);
    assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
    assert.deepEqual(await box.boundingBox(), before, 'the app\'s box is where the shell\'s was');
    await page.close();
  });
}

test('a shared English link paints the shell in English, and keeps the rest of the address', async () => {
  const { page, release } = await heldBack({ width: 390, height: 760 }, '#lang=en&country=RUS');
  await page.locator('#shell-input').waitFor();
  assert.equal(await page.locator('#shell .tagline').textContent(), 'Who said what about the UN Convention against Cybercrime');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const before = await page.locator('#shell-input').boundingBox();
  await page.locator('#shell-input').fill('cooperation');
  release();
  await page.locator('.card').first().waitFor();
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /q=cooperation/);
  assert.match(hash, /lang=en/);
  assert.match(hash, /country=RUS/);
  assert.deepEqual(await page.locator('#search-input').boundingBox(), before);
  await page.close();
});

test('with nothing typed, the app starts as it always did', async () => {
  const { page, release } = await heldBack({ width: 1280, height: 800 }, '#q=convention');
  await page.locator('#shell-input').waitFor();
  release();
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), 'convention');
  assert.equal(await page.evaluate(() => location.hash), '#q=convention');
  await page.close();
});

for (const search of ['?kiosk', '?embed']) {
  test(`${search} opens on its own screen, with no shell in between`, async () => {
    const { page, release } = await heldBack({ width: 1280, height: 800 }, '', search);
    assert.equal(await page.locator('#shell').count(), 0);
    release();
    await page.locator(search === '?kiosk' ? '.attract' : '#search-input').waitFor();
    await page.close();
  });
}

test('the single file paints the shell too, and takes it over from file://', async () => {
  const page = await explorer.newPage({ width: 390, height: 760 });
  await page.goto(pathToFileURL(path.join(dist, 'hanoi-explorer.html')).href);
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('#shell').count(), 0);
  assert.equal(await page.locator('#search-input').count(), 1);
  await page.close();
  assert.deepEqual(explorer.errors, []);
});

test('the first frame draws the first cards, the rest follow below them, and later screens come whole', async () => {
  const page = await explorer.newPage({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    window.__cardCounts = [];
    new MutationObserver(() => {
      const count = document.querySelectorAll('.card').length;
      if (count && window.__cardCounts.at(-1) !== count) window.__cardCounts.push(count);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(explorer.url);
  const first = page.locator('.card').first();
  await first.waitFor();
  const where = await first.boundingBox();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 20);
  assert.deepEqual(await page.evaluate(() => window.__cardCounts), [6, 20]);
  assert.deepEqual(await first.boundingBox(), where, 'nothing above the fold moved');
  // Later screens are drawn whole: back from a search to the latest statements, all 20 at once.
  await page.locator('#search-input').fill('convention');
  await page.locator('.card mark').first().waitFor();
  await page.evaluate(() => { window.__cardCounts = []; });
  await page.locator('#search-input').fill('');
  await page.waitForFunction(() => document.querySelectorAll('.card mark').length === 0);
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.__cardCounts), [20]);
  await page.close();
});
