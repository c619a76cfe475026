// A reader must be able to check every attribution in one glance: in the
// reading view, each attributed passage marks the reporting cue and the words
// naming the speaker, and a passage attributed only by continuation says
// whose words it continues, with a link to the passage where the cue is.
// Seed 001 quotes the Russian ambassador ("Selon … Gennady Bezdetko") and
// continues Ghada Waly's words over several paragraphs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openExplorer } from './browser.mjs';

let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

async function readFirst(page, query, text) {
  await page.goto(`${explorer.url}#q=${encodeURIComponent(query)}`);
  const card = page.locator('.card', { hasText: text }).first();
  await card.locator('.open').click();
  return page.locator('.passage.focused').first();
}

test('the cue and the mention of an attribution are marked in the passage', async () => {
  const page = await explorer.newPage();
  const passage = await readFirst(page, 'Bezdetko', 'Gennady Bezdetko');
  await passage.waitFor();
  const mention = passage.locator('.text .mention');
  const cue = passage.locator('.text .cue');
  assert.ok((await mention.count()) > 0, 'a mention is marked');
  assert.ok((await cue.count()) > 0, 'a cue is marked');
  const mentionText = (await mention.allTextContents()).join('');
  assert.match(mentionText, /Bezdetko|ambassadeur/i, `the mention names the speaker: ${mentionText}`);
  const cueText = (await cue.allTextContents()).join(' ');
  assert.match(cueText, /Selon|déclaré|affirmé|souligné/, `the cue is a reporting word: ${cueText}`);
  // The query highlight and the mention overlap on the name: both show.
  assert.ok((await passage.locator('.text mark.mention').count()) > 0, 'a highlighted mention stays marked');
  // Marks are text, not markup: every mark holds one text node.
  const nodes = await passage.locator('.text .mention, .text .cue').evaluateAll((els) => els.map((e) => [...e.childNodes].map((n) => n.nodeType).join()));
  assert.ok(nodes.every((n) => n === '3'), `marks hold text only: ${nodes}`);
  assert.equal(await cue.first().getAttribute('title'), "indice d'attribution");
  assert.deepEqual(explorer.errors, []);
});

test('a continued statement names whose words it continues and links to the cue', async () => {
  const page = await explorer.newPage();
  await page.goto(`${explorer.url}#q=Waly`);
  await page.locator('.card .open').first().click();
  await page.locator('.passage.focused').waitFor();
  const note = page.locator('.passage .evidence .continues').first();
  await note.waitFor();
  assert.match(await note.textContent(), /Suite des propos de Ghada Waly \(¶ \d+\)/);
  const link = note.locator('a');
  const target = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction((href) => location.hash === href, target);
  const focused = page.locator('.passage.focused');
  await focused.waitFor();
  assert.ok((await focused.locator('.text .cue').count()) > 0, 'the linked passage has the cue');
  // The keyboard follows the eye: focus is on the passage now read.
  await page.waitForFunction(() => document.activeElement?.classList.contains('focused'));
  assert.deepEqual(explorer.errors, []);
});
