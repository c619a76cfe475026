// Saved web pages and pasted texts in one corpus folder (tests/mixed-corpus/):
// `make test-mixed-dist` (scripts/build-dist.sh) builds it into
// target/e2e-mixed/dist/, a bundle of its own. The explorer must find a
// statement from each kind of file, with its speaker, and date the page by
// its own metadata (JSON-LD), not by the older date its text recalls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openExplorer, artifacts, corpusBundle } from './browser.mjs';

let explorer;
before(async () => {
  explorer = await openExplorer({ dist: corpusBundle('tests/mixed-corpus', 'target/e2e-mixed') });
});
after(async () => {
  await explorer?.close();
});

/** The first card for `query`: its speaker line, snippet, date and outlet. */
async function firstCard(page, query) {
  await page.goto(`${explorer.url}#q=${encodeURIComponent(query)}`);
  const card = page.locator('.card').first();
  await card.waitFor();
  const text = async (selector) => ((await card.locator(selector).first().textContent()) ?? '').trim();
  return { who: await text('.who'), snippet: await text('.snippet'), date: await text('.date'), outlet: (await card.locator('.outlet').count()) ? await text('.outlet') : null };
}

test('a statement from a saved page and one from a text file are both found, each with its speaker', async () => {
  const page = await explorer.newPage();
  const fromPage = await firstCard(page, 'preuve électronique magistrats');
  assert.match(fromPage.snippet, /Nos magistrats doivent savoir lire/);
  assert.match(fromPage.who, /Paula Rojas/);
  const fromText = await firstCard(page, 'investigators money');
  assert.match(fromText.snippet, /Investigators everywhere need the same tools/);
  assert.match(fromText.who, /Daniel Moreau/);
  await page.screenshot({ path: path.join(artifacts, 'mixed-corpus-card.png') });
  await page.close();
  assert.deepEqual(explorer.errors, []);
});

test("a saved page is dated and signed by its own metadata, its page furniture left out", async () => {
  const page = await explorer.newPage();
  const card = await firstCard(page, 'preuve électronique magistrats');
  // The JSON-LD says 5 November 2025; the text recalls 3 March 2024.
  assert.match(card.date, /5 novembre 2025/);
  assert.match(card.outlet ?? '', /Andes Aujourd'hui/);
  await page.goto(`${explorer.url}#doc=${encodeURIComponent('a_page.html')}`);
  await page.locator('.reading h2').waitFor();
  assert.equal((await page.locator('.reading h2').textContent()).trim(), 'Le Chili veut former ses juges à la preuve numérique');
  const meta = (await page.locator('.reading .meta').textContent()).trim();
  assert.match(meta, /5 novembre 2025/);
  assert.match(meta, /https:\/\/andes-hoy\.example\/mundo\/chile-convencion\.html/);
  const body = (await page.locator('.reading .passage .text').allTextContents()).join('\n');
  for (const furniture of ['Accueil', 'Partager', 'autres signataires', 'tous droits réservés']) {
    assert.ok(!body.includes(furniture), `${furniture} kept: ${body}`);
  }
  await page.screenshot({ path: path.join(artifacts, 'mixed-corpus-page.png') });
  await page.close();
  assert.deepEqual(explorer.errors, []);
});
