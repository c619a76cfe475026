// A corpus with more articles than the first screen holds (tests/many-articles/,
// built by `make test-many-dist` into target/e2e-many/dist/): what only a
// list longer than one screen shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openExplorer, corpusBundle } from './browser.mjs';

let explorer;
before(async () => {
  explorer = await openExplorer({ dist: corpusBundle('tests/many-articles', 'target/e2e-many') });
});
after(async () => {
  await explorer?.close();
});

/** The articles of the result list, in order, by file. */
const listed = (page) =>
  page.$$eval('.cards:not(.siblings) > .group', (groups) =>
    groups.map((group) => new URLSearchParams(group.querySelector('.card .open').getAttribute('href').slice(1)).get('doc')));

test('an article unfolded below the first screen stays unfolded when it moves into it', async () => {
  const page = await explorer.newPage({ width: 1280, height: 800 });
  await page.goto(`${explorer.url}#q=coop%C3%A9ration`);
  const groups = page.locator('.cards:not(.siblings) > .group');
  await page.waitForFunction(() => document.querySelectorAll('.cards:not(.siblings) > .group').length === 8);
  await page.waitForFunction(() => !document.querySelector('.cards[aria-busy]'));
  // A laptop's first screen holds six cards: the seventh article is below it.
  const file = (await listed(page))[6];
  await groups.nth(6).locator('.siblings-toggle').click();
  await groups.nth(6).locator('.siblings .card').first().waitFor();
  // A taller window holds thirteen: the next drawing puts the article in
  // the first screen's list.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.locator('#search-input').press('End');
  await page.keyboard.type(' ');
  await page.waitForFunction(() => /q=coop%C3%A9ration\+/.test(location.hash));
  await page.waitForFunction(() => !document.querySelector('.cards[aria-busy]'));
  const at = (await listed(page)).indexOf(file);
  assert.ok(at >= 0, 'the article is still listed');
  assert.equal(await groups.nth(at).locator('.siblings .card').count(), 1, 'its other passage is still shown');
  assert.equal(await groups.nth(at).locator('.siblings-toggle').getAttribute('aria-expanded'), 'true');
  await page.close();
});
