// Sub-headings are section titles, not passages: a search never lists one
// as a result, and the reading view prints it as text above the passages
// it titles. Seed 001 has a heading "Le pouvoir du multilatéralisme" over a
// passage that says "le multilatéralisme fonctionne toujours".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openExplorer } from './browser.mjs';

let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

const HEADING = 'Le pouvoir du multilatéralisme';

test('a heading is not a result card, and labels the cards under it', async () => {
  const page = await explorer.newPage();
  await page.goto(`${explorer.url}#q=${encodeURIComponent('pouvoir multilatéralisme')}`);
  await page.locator('#results-summary').waitFor();
  await page.locator('.card').first().waitFor();
  const snippets = await page.$$eval('.card .snippet', (quotes) => quotes.map((q) => q.textContent.replace(/…/g, '').trim()));
  assert.ok(!snippets.includes(HEADING), `the heading is a result card: ${JSON.stringify(snippets)}`);
  const sections = await page.$$eval('.card .meta .section', (labels) => labels.map((l) => l.textContent));
  assert.ok(sections.some((label) => label.includes(HEADING)), `no card is labelled with its section: ${sections}`);
  assert.deepEqual(explorer.errors, []);
});

test('the reading view shows a section title as text above its first passage', async () => {
  const page = await explorer.newPage();
  await page.goto(`${explorer.url}#q=multilateralisme`);
  const card = page.locator('.card', { hasText: 'multilatéralisme fonctionne' }).first();
  await card.locator('.open').click();
  await page.locator('.passage.focused').waitFor();

  const title = page.locator('.reading h3.section-title', { hasText: HEADING });
  assert.equal(await title.count(), 1, 'the section title is shown once');
  // Text, not markup: the heading element holds a single text node (nodeType 3).
  assert.deepEqual(await title.evaluate((h) => [...h.childNodes].map((n) => n.nodeType)), [3], "the title is more than one text node");
  assert.equal((await title.textContent()).trim(), HEADING);

  // Right above the passage it titles, which is that passage and no heading of its own.
  const next = title.locator('xpath=following-sibling::*[1]');
  assert.ok(await next.evaluate((el) => el.matches('section.passage')), 'the title is not followed by its passage');
  assert.match(await next.locator('.text').textContent(), /multilatéralisme fonctionne/);
  // Both boxes in one go: the view is still scrolling smoothly to the passage.
  const [titleBottom, passageTop] = await title.evaluate((h) => [h.getBoundingClientRect().bottom, h.nextElementSibling.getBoundingClientRect().top]);
  assert.ok(titleBottom <= passageTop + 1, `title ending at ${titleBottom} is not above its passage at ${passageTop}`);
  const passageTexts = await page.$$eval('.reading .passage .text', (texts) => texts.map((t) => t.textContent.trim()));
  assert.ok(!passageTexts.includes(HEADING), 'the heading is also a passage');
  assert.deepEqual(explorer.errors, []);
});
