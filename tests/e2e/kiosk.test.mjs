// Kiosk mode: the attract screen, tapping instead of typing, the idle reset,
// no way out of the app and no request leaving the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openExplorer, artifacts } from './browser.mjs';

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
