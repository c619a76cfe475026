// The first screen. index.html paints a shell while the wasm is still on
// its way: its search box takes typing, and the app, once started, searches
// what was typed, in a box at the very same place, with the focus where it
// was. Each frame of the app, its first and a keystroke's, draws only what
// a reader sees at once (a screen of cards), and the rest, with the timeline
// below the facet lists, right after it is painted. The first frame leaves
// out the filter lists too: they follow it, in a column kept for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openExplorer, dist, artifacts } from './browser.mjs';

let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

/** A page whose wasm is held back until `release()` is called; `prepare`
 * gets the page and `release` before it navigates. */
async function heldBack(viewport, hash = '', search = '', prepare = async () => {}) {
  const page = await explorer.newPage(viewport);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await prepare(page, release);
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
    await page.keyboard.type('ranongiciel');
    // The cursor moved back into the word, as a reader mending a typo does.
    for (let i = 0; i < 'ongiciel'.length; i++) await page.keyboard.press('ArrowLeft');
    release();
    // Typing goes on while the app starts and draws: no key falls between the boxes.
    await page.keyboard.type('ç', { delay: 5 });
    const box = page.locator('#search-input');
    await page.waitForFunction(() => document.activeElement?.id === 'search-input');
    await page.locator('.card mark').first().waitFor();
    assert.equal(await box.inputValue(), 'rançongiciel');
    assert.equal(await page.evaluate(() => document.activeElement.selectionStart), 'ranç'.length, 'the cursor stays where it was');
    await page.waitForFunction(() => /q=ran%C3%A7ongiciel/.test(location.hash));
    assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
    assert.deepEqual(await box.boundingBox(), before, 'the app\'s box is where the shell\'s was');
    await page.close();
  });
}

test('a wasm that arrives after the shell is painted draws the app in the frame it starts in, before the browser reports that paint', async () => {
  const { page } = await heldBack(undefined, '', '', async (page, release) => {
    await page.exposeFunction('releaseWasm', release);
    await page.addInitScript(() => {
      // Animation frames counted, and the frame of the wasm's start and of the app's box.
      window.__frames = { now: 0 };
      const tick = () => { window.__frames.now += 1; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      // On a busy start the browser's own paint entry reaches the page a few
      // hundred milliseconds after the paint: here it never does.
      const entries = performance.getEntriesByName.bind(performance);
      performance.getEntriesByName = (name, ...rest) => (name === 'first-contentful-paint' ? [] : entries(name, ...rest));
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        if (name === 'hanoi:main') window.__frames.main = window.__frames.now;
        return mark(name, ...rest);
      };
      // The wasm is let through the moment the shell is marked painted, as on
      // a page whose wasm arrives just after its first frame.
      new MutationObserver((_, observer) => {
        if (document.querySelector('#shell[data-painted]')) {
          observer.disconnect();
          window.releaseWasm();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-painted'] });
      new MutationObserver((_, observer) => {
        if (document.getElementById('search-input')) {
          observer.disconnect();
          window.__frames.box = window.__frames.now;
          window.__frames.shellPainted = document.getElementById('shell')?.hasAttribute('data-painted');
        }
      }).observe(document, { childList: true, subtree: true });
    });
  });
  await page.locator('.card').first().waitFor();
  const frames = await page.evaluate(() => window.__frames);
  assert.equal(frames.shellPainted, true, 'the shell was marked painted when the app drew');
  assert.equal(frames.box, frames.main, `the wasm started in frame ${frames.main}, its box came in frame ${frames.box}`);
  await page.close();
});

test('a shared English link paints the shell in English, and keeps the rest of the address', async () => {
  const { page, release } = await heldBack({ width: 390, height: 760 }, '#lang=en&country=RUS');
  await page.locator('#shell-input').waitFor();
  assert.equal(await page.locator('#shell .tagline').textContent(), 'Who said what about the UN Convention against Cybercrime');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const before = await page.locator('#shell-input').boundingBox();
  await page.locator('#shell-input').fill('cooperation');
  release();
  await page.locator('.card').first().waitFor();
  // The address follows the typed query once typing pauses (src/hooks.rs).
  await page.waitForFunction(() => location.hash.includes('q=cooperation'));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /lang=en/);
  assert.match(hash, /country=RUS/);
  assert.deepEqual(await page.locator('#search-input').boundingBox(), before);
  await page.close();
});

test('a link with a query shows it in the shell, and the app starts on it as it always did', async () => {
  const { page, release } = await heldBack({ width: 1280, height: 800 }, '#q=convention');
  await page.locator('#shell-input').waitFor();
  assert.equal(await page.locator('#shell-input').inputValue(), 'convention');
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
  // Its half megabyte of script comes after the shell, so the shell paints first.
  const file = fs.readFileSync(path.join(dist, 'hanoi-explorer.html'), 'utf8');
  assert.ok(file.indexOf('id="shell"') < file.indexOf('const wasm_bindgen'), 'the shell comes before the app\'s scripts');
  const page = await explorer.newPage({ width: 390, height: 760 });
  await page.goto(pathToFileURL(path.join(dist, 'hanoi-explorer.html')).href);
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('#shell').count(), 0);
  assert.equal(await page.locator('#search-input').count(), 1);
  await page.close();
  assert.deepEqual(explorer.errors, []);
});

test('each list draws a screen of cards first and the rest after that frame; a short list replaces a long one at once', async () => {
  const page = await explorer.newPage({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    window.__cardCounts = [];
    new MutationObserver(() => {
      const cards = document.querySelectorAll('.card');
      if (cards.length && window.__cardCounts.at(-1) !== cards.length) {
        window.__cardCounts.push(cards.length);
      }
      // Where the first card stood when the app first showed (the shell gone), and how many there were.
      if (cards.length && !document.getElementById('shell') && !window.__firstShown) {
        const timeline = Boolean(document.querySelector('.timeline .slot'));
        const lists = Boolean(document.querySelector('.facet-lists .facet'));
        const panel = document.querySelector('.facets')?.getBoundingClientRect().width;
        window.__firstShown = { count: cards.length, at: JSON.stringify(cards[0].getBoundingClientRect()), timeline, lists, panel };
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(explorer.url);
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 20);
  assert.deepEqual(await page.evaluate(() => window.__cardCounts), [6, 20]);
  const shown = await page.evaluate(() => window.__firstShown);
  assert.equal(shown.count, 6, 'the app showed itself with the first screen\'s cards');
  assert.equal(shown.timeline, false, 'the timeline, below the facet lists, was in the first frame');
  assert.equal(shown.lists, false, 'the filter lists were in the first frame');
  assert.ok(shown.panel > 200, 'the filter panel kept its column while its lists were on their way');
  await page.locator('.facet-lists .facet').first().waitFor();
  await page.locator('.timeline .slot').first().waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(document.querySelector('.card').getBoundingClientRect())), shown.at,
    'nothing above the fold moved');
  const complete = () => page.waitForFunction(() => document.querySelector('ol.cards') && !document.querySelector('ol.cards[aria-busy]'));
  await complete();

  // A search of the seeds lists one card per article, five at most: it
  // fits the first screen, and no card of the latest statements stays below it.
  await page.evaluate(() => { window.__cardCounts = []; });
  await page.locator('#search-input').fill('convention');
  await page.locator('.card mark').first().waitFor();
  await complete();
  await page.waitForTimeout(200);
  const articles = await page.locator('ol.cards > li').count();
  assert.ok(articles <= 5, `${articles} articles`);
  assert.deepEqual(await page.evaluate(() => window.__cardCounts), [articles]);

  // Back to the latest statements: the first screen's in the frame, the rest right after it.
  await page.evaluate(() => { window.__cardCounts = []; });
  await page.locator('#search-input').fill('');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 20 && document.querySelectorAll('.card mark').length === 0);
  await complete();
  assert.deepEqual(await page.evaluate(() => window.__cardCounts), [6, 20]);
  await page.close();
});

test('a keystroke\'s frame leaves the timeline below the lists as it was; it follows right after', async () => {
  const page = await explorer.open('');
  const bars = () => page.evaluate(() => [...document.querySelectorAll('.timeline .slot')].map((slot) => slot.getAttribute('aria-label')).join('|'));
  // The lists, the timeline among them, come a frame or two after the box.
  await page.locator('.timeline .slot').first().waitFor();
  const before = await bars();
  // The keystroke and what its own task drew, before any frame.
  const inTheFrame = await page.evaluate(async () => {
    const summary = document.getElementById('results-summary');
    const drawn = new Promise((resolve) => new MutationObserver((_, observer) => { observer.disconnect(); resolve(); })
      .observe(summary, { childList: true, subtree: true, characterData: true }));
    const box = document.getElementById('search-input');
    box.value = 'Waly';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    await drawn;
    return {
      marked: document.querySelectorAll('.card mark').length,
      bars: [...document.querySelectorAll('.timeline .slot')].map((slot) => slot.getAttribute('aria-label')).join('|'),
    };
  });
  assert.ok(inTheFrame.marked > 0, 'the results were drawn in the keystroke\'s frame');
  assert.equal(inTheFrame.bars, before, 'the timeline was drawn in the keystroke\'s frame');
  await page.waitForFunction((before) => [...document.querySelectorAll('.timeline .slot')].map((slot) => slot.getAttribute('aria-label')).join('|') !== before, before);
  assert.notEqual(await bars(), before);
  await page.close();
});

test('on a tall screen the first frame holds a screen of cards', async () => {
  const page = await explorer.newPage({ width: 1080, height: 1920 });
  await page.addInitScript(() => {
    window.__cardCounts = [];
    new MutationObserver(() => {
      const count = document.querySelectorAll('.card').length;
      if (count && window.__cardCounts.at(-1) !== count) window.__cardCounts.push(count);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(explorer.url);
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 20);
  assert.deepEqual(await page.evaluate(() => window.__cardCounts), [13, 20]);
  await page.close();
});

test('a wasm that cannot load leaves a clear message in the shell, not a box that never answers', async () => {
  const page = await explorer.newPage({ width: 390, height: 760 });
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${explorer.url}#lang=en`);
  const note = page.locator('#shell .shell-error[role=alert]');
  await note.waitFor();
  assert.match(await note.textContent(), /^Hanoi Explorer cannot start in this browser: /);
  assert.equal(await page.locator('#shell-input').isDisabled(), true);
  assert.equal(await page.locator('.shell-error').count(), 1, 'said once');
  await page.screenshot({ path: path.join(artifacts, 'shell-cannot-start.png') });
  await page.close();
  // The failed fetch is what this test is about, not an error of the page's own.
  explorer.errors.length = 0;
});
