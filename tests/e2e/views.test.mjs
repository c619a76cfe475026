// Issue 14, points 4, 6 and 7 in a browser: a first screen about who said
// what, kinds of statement on cards, a concordance researchers can cite and
// read on a phone, a compare view that picks both sides, "x sur y" in the
// reading bar, focus after Enter, and a phone filter panel that closes on
// "Voir N passages"; axe-core on each of these views.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { openExplorer, resultTotal, filtersDrawn } from './browser.mjs';

const require = createRequire(import.meta.url);
let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

const PHONE = { width: 360, height: 740 };
const total = resultTotal;
const open = (hash, viewport) => explorer.open(hash, viewport);

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** "25 octobre 2025", "octobre 2025" or "2025" as a sortable number (coarser dates first, as the engine sorts). */
function dateKey(label) {
  const match = label.match(/(?:(\d{1,2}) )?(?:([a-zéû]+) )?(\d{4})/);
  if (!match) return null;
  const month = match[2] ? MONTHS.indexOf(match[2]) + 1 : 0;
  return Number(match[3]) * 10000 + month * 100 + Number(match[1] ?? 0);
}

test('first screen: only attributed statements, newest first, under a one-line corpus summary', async () => {
  const page = await open('');
  await page.locator('.card').first().waitFor();
  const line = (await page.locator('.corpus-line').textContent()).trim();
  assert.match(line, /^\d+ déclarations de \d+ orateurs, \d+ sources, de .+ à .+$/, line);
  const statements = Number(line.match(/^\d+/)[0]);
  assert.equal(await total(page), statements, 'the list holds the statements the line counts');
  const cards = await page.$$eval('.results .card', (cards) => cards.map((card) => ({
    speaker: card.querySelector('.who .speaker')?.textContent.trim() ?? '',
    date: card.querySelector('.meta .date')?.textContent ?? '',
  })));
  assert.ok(cards.length >= 5, `${cards.length} cards`);
  assert.deepEqual(cards.filter((card) => !card.speaker), [], 'every card names its speaker');
  const keys = cards.map((card) => dateKey(card.date)).filter((key) => key !== null);
  assert.deepEqual(keys, [...keys].sort((a, b) => b - a), `newest first: ${cards.map((card) => card.date)}`);
  // Speakers, countries and the timeline are there beside them.
  assert.ok(await page.locator('.facet').first().locator('.facet-entry').count() >= 2);
  await page.locator('.timeline .slot').first().waitFor();
  assert.ok(await page.locator('.timeline .slot').count() >= 1);
});

test('the attributed-statements switch brings narration back, and is on for a speaker query only', async () => {
  const page = await open('');
  const toggle = page.getByRole('switch', { name: 'Seulement les déclarations attribuées' });
  assert.equal(await toggle.isChecked(), true, 'on by default on the first screen');
  const attributed = await total(page);
  await toggle.click();
  await page.waitForFunction(() => location.hash.includes('attributed=0'));
  assert.equal(await toggle.isChecked(), false);
  assert.ok(await total(page) > attributed, 'narration passages are listed again');
  await toggle.click();
  await page.waitForFunction(() => location.hash.includes('attributed=1'));
  assert.equal(await total(page), attributed);

  // A search of words finds narration too; a speaker named in the query does not.
  await page.goto(`${explorer.url}#q=convention`);
  await page.locator('.card').first().waitFor();
  assert.equal(await toggle.isChecked(), false, 'off for a search of words');
  const all = await total(page);
  await toggle.click();
  await page.waitForFunction(() => location.hash.includes('attributed=1'));
  assert.ok(await total(page) < all, 'the switch drops narration from a search');
  await page.goto(`${explorer.url}#q=${encodeURIComponent('orateur:waly')}`);
  await page.locator('.card').first().waitFor();
  assert.equal(await toggle.isChecked(), true, 'on when the query names a speaker');
});

test('cards mark each statement as a direct quotation or a paraphrase', async () => {
  const page = await open('#attributed=0');
  await page.locator('.card').first().waitFor();
  const cards = await page.$$eval('.card', (cards) => cards.map((card) => ({
    speaker: Boolean(card.querySelector('.who .speaker')),
    kind: card.querySelector('.kind')?.textContent.replace('Forme de la déclaration :', '').trim() ?? null,
  })));
  const kinds = new Set(['Citation directe', 'Paraphrase', 'Paraphrase et citation']);
  const spoken = cards.filter((card) => card.speaker);
  assert.ok(spoken.length >= 2);
  assert.deepEqual(spoken.filter((card) => !kinds.has(card.kind)), [], 'every statement has its kind');
  assert.deepEqual(cards.filter((card) => !card.speaker && card.kind), [], 'narration has none');
  assert.ok(new Set(spoken.map((card) => card.kind)).size >= 2, 'the corpus has both kinds');
});

test('concordance: speaker, country and date columns, and a count of occurrences in passages', async () => {
  const page = await open('#q=cybercriminalite&view=kwic');
  await page.locator('.kwic tbody tr').first().waitFor();
  const headers = await page.$$eval('.kwic thead th', (cells) => cells.map((cell) => cell.textContent.trim()));
  for (const column of ['Orateur', 'Pays', 'Date']) assert.ok(headers.includes(column), `${column} in ${headers}`);
  const rows = await page.$$eval('.kwic tbody tr', (rows) => rows.map((row) => ({
    passage: row.querySelector('.keyword a').getAttribute('href'),
    speaker: row.querySelector('.speaker')?.textContent.trim(),
    country: row.querySelector('.country')?.textContent.trim(),
    date: row.querySelector('.date')?.textContent.trim(),
  })));
  assert.ok(rows.some((row) => row.speaker && row.speaker !== '—'), 'some lines have a speaker');
  assert.ok(rows.some((row) => row.country), 'some lines have a country');
  assert.ok(rows.every((row) => dateKey(row.date ?? '') !== null || row.date === 'date inconnue'), 'every line has a date cell');
  const count = (await page.locator('.concordance .summary').textContent()).trim();
  const match = count.match(/^(\d+) occurrences dans (\d+) passages/);
  assert.ok(match, count);
  assert.equal(Number(match[1]), rows.length, 'occurrences are lines');
  assert.equal(Number(match[2]), new Set(rows.map((row) => row.passage)).size, 'passages are distinct passages');
});

test('concordance CSV: a byte-order mark, source columns, one row per line', async () => {
  const page = await open('#q=cybercriminalite&view=kwic');
  await page.locator('.kwic tbody tr').first().waitFor();
  const lines = await page.locator('.kwic tbody tr').count();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger la concordance (CSV)' }).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'starts with a UTF-8 byte-order mark');
  const rows = csv.slice(1).trim().split('\r\n');
  const header = rows[0].split(',');
  for (const column of ['left', 'keyword', 'right', 'speaker', 'country', 'date', 'permalink']) {
    assert.ok(header.includes(column), `${column} in ${header}`);
  }
  assert.equal(rows.length, lines + 1, 'a header and one row per line');
  assert.match(csv, /cybercriminalit/i);
});

test('concordance on a 360 px phone: the keyword whole, each context at least 35 % of the line', async () => {
  const page = await open('#q=convention&view=kwic', PHONE);
  await page.locator('.kwic tbody tr').first().waitFor();
  const measures = await page.$$eval('.kwic tbody tr', (rows) => rows.slice(0, 15).map((row) => {
    const width = row.getBoundingClientRect().width;
    const cell = (name) => row.querySelector(`.${name}`).getBoundingClientRect();
    const keyword = row.querySelector('.keyword');
    const mark = keyword.querySelector('mark').getBoundingClientRect();
    const box = keyword.getBoundingClientRect();
    return {
      left: cell('left').width / width,
      right: cell('right').width / width,
      keywordWhole: keyword.scrollWidth <= keyword.clientWidth + 1 && mark.left >= box.left - 1 && mark.right <= box.right + 1,
      sameLine: Math.abs(cell('left').top - box.top) < 4 && Math.abs(cell('right').top - box.top) < 4,
    };
  }));
  for (const [at, line] of measures.entries()) {
    assert.ok(line.left >= 0.35 && line.right >= 0.35, `line ${at}: contexts ${line.left.toFixed(2)} / ${line.right.toFixed(2)}`);
    assert.ok(line.keywordWhole, `line ${at}: the keyword is cut`);
    assert.ok(line.sameLine, `line ${at}: the contexts sit beside the keyword`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
});

test('compare: a speaker picker on each side, and the query narrows both columns', async () => {
  const page = await open('#view=compare&who=Ghada+Waly&who=Artur+Liukmanov');
  const sides = page.locator('.compare-side');
  await sides.nth(1).locator('.profile-column').waitFor();
  const pickers = page.locator('.compare-side select');
  assert.equal(await pickers.count(), 2);
  assert.equal(await pickers.nth(0).inputValue(), 'Ghada Waly');
  assert.equal(await pickers.nth(1).inputValue(), 'Artur Liukmanov');
  const heading = (side) => sides.nth(side).locator('.profile-head h2').textContent();

  const others = await pickers.nth(1).locator('option').evaluateAll((options) => options.map((option) => option.value));
  const third = others.find((name) => name && name !== 'Artur Liukmanov');
  await pickers.nth(1).selectOption(third);
  await page.waitForFunction((name) => new URLSearchParams(location.hash.slice(1)).getAll('who')[1] === name, third);
  assert.equal(await heading(1), third, 'the second side changed');
  await pickers.nth(0).selectOption('Artur Liukmanov');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).getAll('who')[0] === 'Artur Liukmanov');
  assert.equal(await heading(0), 'Artur Liukmanov', 'the first side changed');
  assert.equal(await heading(1), third, 'and the second stayed');

  const counts = async () => Promise.all([0, 1].map(async (side) => Number((await sides.nth(side).locator('.profile-head .count').textContent()).match(/\d+/)[0])));
  await page.goto(`${explorer.url}#view=compare&who=Ghada+Waly&who=Artur+Liukmanov`);
  await sides.nth(1).locator('.profile-head .count').waitFor();
  const whole = await counts();
  await page.locator('#search-input').fill('cybercriminalité');
  await page.waitForFunction(() => location.hash.includes('q='));
  await page.locator('.compare-scope strong').waitFor();
  const narrowed = await counts();
  assert.ok(narrowed.every((n, side) => n <= whole[side]), `${narrowed} within ${whole}`);
  assert.ok(narrowed.some((n, side) => n < whole[side]), `the query narrowed a column: ${narrowed} of ${whole}`);
  assert.equal(await pickers.count(), 2, 'the pickers stay');
});

test('reading: "x sur y" on the occurrence controls, going round after the last', async () => {
  const page = await open('#q=cybercriminalite');
  await page.locator('.card').first().waitFor();
  await page.locator('.card .article-matches').first().click();
  await page.locator('.passage.focused').waitFor();
  const position = async () => (await page.locator('.match-nav .match-position').textContent()).trim();
  const first = (await position()).match(/^(\d+) sur (\d+)$/);
  assert.ok(first, await position());
  const count = Number(first[2]);
  assert.ok(count >= 2, `${count} occurrences`);
  for (let at = Number(first[1]); at < count; at += 1) {
    await page.locator('.match-nav a[rel=next]').click();
    await page.waitForFunction((n) => document.querySelector('.match-position')?.textContent.startsWith(`${n} sur`), at + 1);
  }
  assert.equal(await position(), `${count} sur ${count}`);
  const next = page.locator('.match-nav a[rel=next]');
  assert.match(await next.textContent(), /Dernière/, 'the last says it is the last');
  await next.click();
  await page.waitForFunction(() => document.querySelector('.match-position')?.textContent.startsWith('1 sur'));
});

test('Enter on a result moves the focus into the article, on the passage it opened', async () => {
  const page = await open('#q=cooperation');
  await page.locator('.card').first().waitFor();
  await page.locator('#search-input').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'open');
  await page.keyboard.press('Enter');
  await page.locator('.passage.focused').waitFor();
  await page.waitForTimeout(300);
  const focus = await page.evaluate(() => ({
    inArticle: Boolean(document.activeElement.closest('.reading article')),
    onPassage: Boolean(document.activeElement.closest('.passage.focused')),
    tag: document.activeElement.tagName,
  }));
  assert.ok(focus.inArticle && focus.onPassage, `focus is on ${focus.tag}`);
});

test('phone: "Voir N passages" closes the filter panel over the results', async () => {
  const page = await open('#q=convention', PHONE);
  await page.locator('.card').first().waitFor();
  await page.locator('.filters-toggle').click();
  const lists = page.locator('#facet-lists');
  await lists.locator('.facet-entry input').first().check();
  await page.waitForFunction(() => location.hash.includes('speaker='));
  const button = page.locator('.show-results');
  assert.ok(await button.isVisible(), 'the panel offers to show the results');
  const label = (await button.textContent()).trim();
  const n = await total(page);
  assert.equal(label, `Voir ${n} ${n === 1 ? 'passage' : 'passages'}`, 'the count agrees with its noun');
  await button.click();
  await lists.waitFor({ state: 'hidden', timeout: 2000 });
  assert.equal(await page.locator('.filters-toggle').getAttribute('aria-expanded'), 'false');
  assert.ok(await page.locator('.card').first().isVisible());
  // On a desktop the lists are always open and need no such button.
  const desktop = await open('#q=convention');
  assert.equal(await desktop.locator('.show-results').isVisible(), false);
});

test('accessibility: axe-core finds no violations on these views', async () => {
  const views = ['', '#attributed=0', '#q=convention&view=kwic', '#view=compare&who=Ghada+Waly&who=Artur+Liukmanov&q=cybercriminalite',
    '#q=cybercriminalite&doc=001_62c32b107650f250.txt&p=3'];
  const axe = require.resolve('axe-core/axe.min.js');
  const audit = async (page, label) => {
    await page.addScriptTag({ path: axe });
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const summary = violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(summary, [], label);
  };
  for (const view of views) {
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      const page = await open(view, viewport);
      await page.waitForTimeout(300);
      await audit(page, `${view} at ${viewport.width}px`);
      await page.close();
    }
  }
  const phone = await open('#q=convention', PHONE);
  await phone.locator('.filters-toggle').click();
  await phone.locator('.show-results').waitFor();
  await audit(phone, 'the open filter panel on a phone');
});

test('the English interface labels unnamed speakers in English, keyed by their name', async () => {
  const page = await explorer.newPage({ width: 1280, height: 900 });
  await page.goto(`${explorer.url}#lang=en&attributed=0`);
  await page.locator('.card').first().waitFor();
  await filtersDrawn(page);
  const speakers = page.locator('.facet').first();
  const more = speakers.locator('button.more');
  if (await more.count()) await more.click();
  const labels = (await speakers.locator('.facet-entry .label').allTextContents()).map((label) => label.trim());
  assert.ok(labels.includes('Deputy Prime Minister (Poland)'), `speakers: ${labels}`);
  assert.ok(!labels.some((label) => /ministre|Pologne|Président/.test(label)), `a French label in English: ${labels}`);
  await speakers.locator('.facet-entry', { hasText: 'Deputy Prime Minister (Poland)' }).locator('input').check();
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).getAll('speaker').includes('Vice-Premier ministre (Pologne)'));
  const who = await page.locator('.card .who').first().textContent();
  assert.match(who, /Deputy Prime Minister \(Poland\)/);
  assert.doesNotMatch(who, /ministre/);
});
