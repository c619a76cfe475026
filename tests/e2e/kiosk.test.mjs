// Kiosk mode: the attract screen, tapping instead of typing, the on-screen
// keyboard, the idle reset, no way out of the app (sources as QR codes) and no
// request leaving the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import { openExplorer, artifacts, root } from './browser.mjs';

const require = createRequire(import.meta.url);

let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

test('a visitor taps a topic, reads, and the kiosk resets after the idle time', async () => {
  const page = await explorer.newPage({ width: 1080, height: 1920 });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${explorer.url}?kiosk&idle=5`);
  await page.locator('.attract').waitFor();
  await page.screenshot({ path: path.join(artifacts, 'kiosk-attract.png') });
  const topics = await page.locator('.attract .suggestion-chip:not(.speaker)').allTextContents();
  assert.equal(topics.length, 6, `topics drawn from the corpus: ${topics}`);

  await page.locator('.attract .suggestion-chip').first().click();
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.attract').count(), 0, 'a tap dismisses the attract screen');
  assert.notEqual(await page.locator('#search-input').inputValue(), '', 'the topic became the query');
  assert.equal(await page.locator('.cite').count() + await page.locator('.export').count(), 0, 'nothing to take away');

  await page.locator('.card .open').first().click();
  await page.locator('.passage.focused').waitFor();
  assert.equal(await page.locator('.reading .meta a').count(), 0, 'sources are text, not links');
  const blocked = await page.evaluate(() => !document.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })));
  assert.ok(blocked, 'the context menu is blocked');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.page')).userSelect), 'none');

  await page.locator('.attract').waitFor({ timeout: 9000 });
  assert.equal(await page.locator('#search-input').inputValue(), '', 'the idle reset cleared the query');
  const origin = new URL(explorer.url).origin;
  assert.deepEqual(requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url)), []);
});

test('landscape kiosk screens get the large layout too', async () => {
  const page = await explorer.newPage({ width: 1920, height: 1080 });
  await page.goto(`${explorer.url}?kiosk#q=convention`);
  await page.locator('.attract').click();
  await page.locator('.card').first().waitFor();
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(size >= 20, `root font ${size}px`);
  await page.screenshot({ path: path.join(artifacts, 'kiosk-landscape.png') });
});

const KIOSK = { width: 1080, height: 1920 };
const total = async (page) => Number((await page.locator('#results-summary').textContent()).match(/\d+/)[0]);

/** A kiosk page past its attract screen. */
async function startKiosk(hash = '') {
  const page = await explorer.newPage(KIOSK);
  await page.goto(`${explorer.url}?kiosk${hash}`);
  await page.locator('.attract').click();
  await page.locator('.attract').waitFor({ state: 'detached' });
  return page;
}

async function assertNoAxeViolations(page, what) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const summary = violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], what);
}

test('the on-screen keyboard types "sécurité" and the results follow as it types', async () => {
  const page = await startKiosk();
  const input = page.locator('#search-input');
  assert.equal(await input.getAttribute('inputmode'), 'none', "the tablet's own keyboard stays closed");
  await input.click();
  const keyboard = page.getByRole('group', { name: 'Clavier à l’écran' });
  await keyboard.waitFor();
  assert.equal((await keyboard.locator('.osk-row').nth(1).textContent()).replace(/\s/g, ''), 'azertyuiop');
  for (const letter of 'éèêàçùâîôûëïœ') {
    assert.equal(await keyboard.getByRole('button', { name: letter, exact: true }).count(), 1, `a key for ${letter}`);
  }

  const seen = [];
  for (const letter of 'sécurité') {
    await keyboard.getByRole('button', { name: letter, exact: true }).click();
    await page.waitForFunction((typed) => new URLSearchParams(location.hash.slice(1)).get('q') === typed, seen.join('') + letter);
    seen.push(letter);
  }
  assert.equal(await input.inputValue(), 'sécurité');
  await page.locator('.card mark').first().waitFor();
  const marked = (await page.locator('.card mark').allTextContents()).map((text) => text.toLowerCase());
  assert.ok(marked.some((text) => text.startsWith('sécurit')), `results for what was typed: ${marked.slice(0, 5)}`);
  const afterWord = await total(page);

  await keyboard.getByRole('button', { name: 'espace', exact: true }).click();
  await keyboard.getByRole('button', { name: 'c', exact: true }).click();
  await keyboard.getByRole('button', { name: 'Effacer la dernière lettre' }).click();
  await keyboard.getByRole('button', { name: 'Effacer la dernière lettre' }).click();
  assert.equal(await input.inputValue(), 'sécurité', 'space, then backspace twice');
  assert.equal(await total(page), afterWord);

  // Large enough for a finger, and the results stay in sight above it.
  const keys = await keyboard.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()));
  assert.ok(keys.every((box) => box.height >= 64 && box.width >= 64), `keys of ${Math.min(...keys.map((b) => b.width))} px`);
  const keyboardBox = await keyboard.boundingBox();
  assert.equal(Math.round(keyboardBox.x + keyboardBox.width), KIOSK.width, 'the keyboard reaches the screen\'s right edge');
  const top = keyboardBox.y;
  const card = await page.locator('.card').first().boundingBox();
  assert.ok(card.y + card.height <= top, `a whole result above the keyboard (card ends ${card.y + card.height}, keyboard at ${top})`);
  await page.screenshot({ path: path.join(artifacts, 'kiosk-keyboard.png') });
  await assertNoAxeViolations(page, 'kiosk with its keyboard open');

  await keyboard.getByRole('button', { name: 'Tout effacer' }).click();
  assert.equal(await input.inputValue(), '');
  await keyboard.getByRole('button', { name: 'Fermer le clavier' }).click();
  await keyboard.waitFor({ state: 'detached' });

  // In English the keyboard is QWERTY.
  await page.locator('.lang-switch').click();
  await input.click();
  const english = page.getByRole('group', { name: 'On-screen keyboard' });
  await english.waitFor();
  const rows = await english.locator('.osk-row').allTextContents();
  assert.ok(rows.some((row) => row.replace(/\s/g, '') === 'qwertyuiop'), `rows: ${rows}`);
});

test('each source has a QR code that reads as its URL, and no link leads out', async () => {
  const page = await startKiosk('#doc=001_62c32b107650f250.txt&p=0');
  await page.locator('.passage.focused').waitFor();
  const url = (await page.locator('.reading .meta .url').textContent()).trim();
  assert.match(url, /^https?:\/\//);
  const qr = page.locator('.reading .source-qr img');
  assert.match(await qr.getAttribute('alt'), /QR/);
  assert.ok((await qr.getAttribute('alt')).includes(url), 'the alt text says what the code holds');
  const { width, height, pixels } = await qr.evaluate(async (img) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 400;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0, 400, 400);
    return { width: 400, height: 400, pixels: Array.from(context.getImageData(0, 0, 400, 400).data) };
  });
  const decoded = jsQR(Uint8ClampedArray.from(pixels), width, height);
  assert.equal(decoded?.data, url);
  assert.equal(await page.locator('.reading a[href^="http"]').count(), 0, 'the source is not a link');
  await assertNoAxeViolations(page, 'kiosk article with its QR code');
});

test('the back button stays on screen while reading a long article', async () => {
  const page = await startKiosk('#q=convention&doc=001_62c32b107650f250.txt&p=0');
  await page.locator('.passage.focused').waitFor();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => window.scrollY > 1000);
  const back = page.locator('.reading .back');
  const box = await back.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= KIOSK.height, `back at ${box?.y}`);
  assert.ok(box.height >= 64, `a large target: ${box.height} px`);
  const hidden = await back.evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return document.elementFromPoint(x + width / 2, y + height / 2) !== element;
  });
  assert.equal(hidden, false, 'nothing covers the back button');
  await page.screenshot({ path: path.join(artifacts, 'kiosk-article.png') });
  await back.click();
  await page.locator('.card').first().waitFor();
});

test('the attract screen promises nothing the kiosk cannot do', async () => {
  for (const lang of ['fr', 'en']) {
    const page = await explorer.newPage(KIOSK);
    await page.goto(`${explorer.url}?kiosk#lang=${lang}`);
    const text = await page.locator('.attract').textContent();
    assert.doesNotMatch(text, /audio|écout|ecout|entend|hear|listen/i, `${lang}: ${text}`);
    await page.close();
  }
});

test('suggested topics are typical of the corpus, not its most frequent words', async () => {
  const page = await explorer.newPage(KIOSK);
  await page.goto(`${explorer.url}?kiosk`);
  await page.locator('.attract .suggestion-chip').first().waitFor();
  const topics = await page.locator('.attract .suggestion-chip:not(.speaker)').allTextContents();
  assert.equal(topics.length, 6);
  // The words any French or English text uses are never topics.
  const ordinary = new Set(fs.readFileSync(path.join(root, 'crates/search/data/ordinary-words.txt'), 'utf8')
    .split('\n').filter((line) => !line.startsWith('#')).flatMap((line) => line.split(/\s+/)).filter(Boolean)
    .map((word) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()));
  const fold = (word) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  assert.deepEqual(topics.filter((topic) => ordinary.has(fold(topic))), [], `topics: ${topics}`);
  // A topic that finds nearly every passage shows nothing in particular.
  await page.goto(`${explorer.url}?kiosk#q=`);
  const passages = await total(page);
  for (const topic of topics) {
    await page.goto(`${explorer.url}?kiosk#q=${encodeURIComponent(topic)}`);
    await page.waitForFunction((typed) => document.querySelector('#search-input')?.value === typed, topic);
    const found = await total(page);
    assert.ok(found > 0 && found <= passages * 0.75, `${topic}: ${found} of ${passages} passages`);
  }
});
