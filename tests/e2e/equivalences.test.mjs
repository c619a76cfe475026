// Search that finds what a French reader means: English terms, acronyms,
// country names and people's names across languages, no hit without a
// highlight, and a page that says what it searched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openExplorer, artifacts } from './browser.mjs';

let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

/// Opens `hash` and returns, per card, its file and its highlighted words
/// (snippet, title and speaker).
async function cards(hash) {
  const page = await explorer.newPage();
  await page.goto(explorer.url + hash);
  await page.locator('ol.cards:not([aria-busy]) .card').first().waitFor();
  const found = await page.$$eval('.card', (cards) => cards.map((card) => ({
    file: new URLSearchParams(card.querySelector('.open').hash.slice(1)).get('doc'),
    marks: [...card.querySelectorAll('mark')].map((mark) => mark.textContent.toLowerCase()),
  })));
  return { page, found };
}

test('ransomware finds the rançongiciels, highlighted', async () => {
  const { page, found } = await cards('#q=ransomware');
  assert.ok(found.some((card) => card.marks.some((mark) => mark.startsWith('rançongiciel'))), JSON.stringify(found));
  assert.match(await page.locator('.interpretation').textContent(), /rançongiciel/);
  await page.screenshot({ path: path.join(artifacts, 'equivalence.png') });
});

test('UNODC finds the ONUDC passages', async () => {
  const { found } = await cards('#q=UNODC');
  assert.ok(found.filter((card) => card.marks.includes('onudc')).length >= 1, JSON.stringify(found));
  assert.ok(found.some((card) => card.marks.includes('undoc')), JSON.stringify(found));
});

test('pays:Vietnam finds the Vietnamese speakers', async () => {
  const { page, found } = await cards('#q=pays%3AVietnam');
  // An article is listed once: count the passages found, not the cards shown.
  const total = Number((await page.locator('#results-summary').textContent()).match(/\d+/)[0]);
  assert.ok(total >= 5 && found.length >= 2, `${total} passages: ${JSON.stringify(found)}`);
  const who = await page.$$eval('.card', (cards) => cards.map((card) => card.textContent));
  assert.ok(who.some((text) => /Pham Minh Chinh|Bui Hoai Son|Dang Dinh Quy/.test(text)), who.join('\n'));
});

test('Putin finds the Russian president', async () => {
  const { found } = await cards('#q=Putin');
  assert.ok(found.some((card) => card.marks.join(' ').includes('russe')), JSON.stringify(found));
});

test('droits lists no hit without a highlight', async () => {
  const { found } = await cards('#q=droits');
  for (const card of found) assert.ok(card.marks.length > 0, `a hit of ${card.file} has nothing highlighted`);
});

test('a corrected typo and a relaxed query are announced, with the words as typed one click away', async () => {
  let { page } = await cards('#q=cybercrminalit%C3%A9');
  assert.match(await page.locator('.interpretation').textContent(), /Résultats pour\s+cybercriminalité/);
  await page.locator('.interpretation a.as-typed').click();
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('exact') === '1');
  await page.locator('.interpretation').waitFor();
  assert.equal(await page.locator('.card').count(), 0);

  ({ page } = await cards('#q=waly%20ran%C3%A7on'));
  assert.match(await page.locator('.interpretation').textContent(), /contiennent/);
  assert.deepEqual(explorer.errors, []);
});

test('the words as typed are quoted in the interface\'s own quotation marks', async () => {
  for (const [lang, expected] of [['fr', 'Rechercher exactement « cybercrminalité »'], ['en', 'Search exactly for “cybercrminalité”']]) {
    const { page } = await cards(`#q=cybercrminalit%C3%A9&lang=${lang}`);
    assert.equal((await page.locator('.interpretation a.as-typed').textContent()).trim(), expected);
  }
});
