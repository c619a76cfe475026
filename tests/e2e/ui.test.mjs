// The explorer's views, driven as a reader would: filters, reading, pages per
// speaker and country, the concordance, permalinks, citing and exporting,
// language, keyboard use and an axe-core audit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openExplorer, resultTotal, artifacts } from './browser.mjs';

const require = createRequire(import.meta.url);
let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

const hashParams = (page) => page.evaluate(() => [...new URLSearchParams(location.hash.slice(1))]);
const total = resultTotal;
const open = (hash, viewport) => explorer.open(hash, viewport);

test('facets: a speaker narrows the results, keeps other speakers listed, and shows as a removable chip', async () => {
  const page = await open('#q=convention');
  await page.locator('.card').first().waitFor();
  const before = await total(page);
  const speakers = page.locator('.facet').first().locator('.facet-entry');
  const listed = await speakers.count();
  assert.ok(listed >= 2, 'at least two speakers are listed');
  const entry = speakers.first();
  const name = (await entry.locator('.label').textContent()).trim();
  const count = Number(await entry.locator('.count').textContent());
  await entry.locator('input').check();
  await page.waitForFunction((n) => location.hash.includes('speaker='), name);
  assert.equal(await total(page), count, 'the result count equals the facet count');
  assert.ok(count < before, 'the filter narrowed the results');
  assert.equal(await speakers.count(), listed, 'disjunctive: the other speakers stay listed');
  const whos = await page.$$eval('.card .who .speaker', (links) => links.map((link) => link.textContent.trim()));
  assert.ok(whos.length > 0 && whos.every((who) => who === name), `every card is by ${name}: ${whos}`);
  const chip = page.locator('.chip', { hasText: name });
  await chip.click();
  await page.waitForFunction(() => !location.hash.includes('speaker='));
  assert.equal(await total(page), before);
});

test('facets: a source narrows the results to that outlet', async () => {
  const page = await open('#q=convention');
  await page.locator('.card').first().waitFor();
  const sources = page.locator('.facet', { has: page.locator('legend', { hasText: 'Sources' }) }).locator('.facet-entry');
  assert.ok((await sources.count()) >= 2, 'several outlets are listed');
  const outlet = (await sources.first().locator('.label').textContent()).trim();
  const count = Number(await sources.first().locator('.count').textContent());
  await sources.first().locator('input').check();
  await page.waitForFunction(() => location.hash.includes('source='));
  assert.equal(await total(page), count);
  const outlets = await page.$$eval('.card .outlet', (spans) => spans.map((span) => span.textContent.replace('·', '').trim()));
  assert.ok(outlets.length > 0 && outlets.every((name) => name === outlet), `${outlet}: ${outlets}`);
  await page.locator('.chip.clear').click();
  await page.waitForFunction(() => !location.hash.includes('source='));
});

test('facets: the list filter folds accents and the timeline narrows to a month, then shows its days', async () => {
  const page = await open('');
  await page.locator('.card').first().waitFor();
  const countries = page.locator('.facet').nth(1);
  const filter = countries.locator('.facet-filter');
  if (await filter.count()) {
    await filter.fill('viet');
    const labels = await countries.locator('.facet-entry .label').allTextContents();
    assert.ok(labels.length >= 1 && labels.every((label) => /vi[eê]t/i.test(label)), `filtered: ${labels}`);
  }
  const bars = page.locator('.timeline .slot');
  await bars.first().waitFor();
  assert.ok((await bars.count()) >= 2, 'the timeline has several months');
  await bars.last().click();
  await page.waitForFunction(() => location.hash.includes('from=') && location.hash.includes('to='));
  const params = Object.fromEntries(await hashParams(page));
  assert.equal(params.from, params.to);
  assert.match(params.from, /^\d{4}-\d{2}$/);
  // The timeline follows the frame showing the month's results.
  await page.waitForFunction(() => [...document.querySelectorAll('.timeline .slot')].every((link) => new URLSearchParams(link.getAttribute('href').slice(1)).get('from')?.length === 10));
  const dayBars = await page.$$eval('.timeline .slot', (links) => links.map((link) => new URLSearchParams(link.getAttribute('href').slice(1)).get('from')));
  assert.ok(dayBars.every((day) => day.startsWith(params.from) && day.length === 10), `days of ${params.from}: ${dayBars}`);
  await page.locator('.chip.clear').click();
  await page.waitForFunction(() => !location.hash.includes('from='));
});

test('results: sorting by date orders cards newest first; a query without matches says so', async () => {
  const page = await open('#q=convention&sort=newest');
  await page.locator('.card').first().waitFor();
  const files = await page.$$eval('.card .open', (links) => links.map((link) => new URLSearchParams(link.hash.slice(1)).get('doc')));
  assert.ok(files.length > 1);
  const empty = await open('#q=qqqzzzxxw');
  await empty.locator('.empty').waitFor();
  assert.match(await empty.locator('.empty').textContent(), /Aucun passage/);
  assert.equal(await empty.locator('.export').count(), 0, 'nothing to export');
  await empty.locator('.empty a.clear-query').click();
  await empty.waitForFunction(() => document.querySelectorAll('.card').length > 0);
  assert.equal(await empty.locator('#search-input').inputValue(), '');
});

test('a search pasted past the limit of the box is cut, and the page says so', async () => {
  const page = await open('');
  const box = page.locator('#search-input');
  const note = page.locator('.query-limit');
  await box.fill('convention ');
  assert.equal(await note.textContent(), '', 'nothing to say under the limit');
  // Text inserted as a paste is: the browser cuts it at the box's maxlength.
  await box.focus();
  await page.keyboard.insertText('cybercriminalité '.repeat(20));
  await page.waitForFunction(() => document.querySelector('.query-limit').textContent !== '');
  assert.equal((await box.inputValue()).length, 200);
  assert.match(await note.textContent(), /200 caractères/);
  assert.equal(await note.getAttribute('role'), 'status');
});

test('reading: next match, then Escape back to the results', async () => {
  const page = await open('#q=cooperation');
  await page.locator('.card .open').first().click();
  await page.locator('.passage.focused').waitFor();
  const next = page.locator('.match-nav a[rel=next]');
  if (await next.count()) {
    const before = Object.fromEntries(await hashParams(page)).p;
    await next.click();
    await page.waitForFunction((p) => new URLSearchParams(location.hash.slice(1)).get('p') !== p, before);
    assert.ok((await page.locator('.passage.focused mark').count()) > 0, 'the next match is highlighted');
  }
  const read = await page.evaluate(() => location.hash);
  await page.keyboard.press('Escape');
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), 'cooperation');
  // Back on the card of the passage last read, in view, not at the article's scroll position.
  await page.waitForFunction((hash) => document.activeElement?.hash === hash, read);
  const box = await page.evaluate(() => {
    const { top, bottom } = document.activeElement.getBoundingClientRect();
    return { top, bottom, height: window.innerHeight };
  });
  assert.ok(box.top >= 0 && box.bottom <= box.height, `the card is in view: ${JSON.stringify(box)}`);
});

test('speaker and country pages, and two speakers compared', async () => {
  const page = await open('#q=convention');
  // From far down the results: the speaker's page still opens at its top.
  const speaker = page.locator('.card .who a.speaker').last();
  const name = (await speaker.textContent()).trim();
  await speaker.click();
  await page.locator('.profile-head h2').waitFor();
  assert.equal((await page.locator('.profile-head h2').textContent()).trim(), name);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page opens at its top');
  const statements = await page.locator('.profile .card').count();
  assert.ok(statements >= 1);
  const distinctive = statements >= 3;
  if (distinctive) {
    const words = await page.locator('.distinctive .chip').allTextContents();
    assert.ok(words.length > 0, 'a speaker with several statements has distinctive words');
  }
  await page.locator('.compare-picker select').selectOption({ index: 1 });
  await page.locator('.compare .profile-column').nth(1).waitFor();
  assert.equal(await page.locator('.compare .profile-column').count(), 2);
  await page.screenshot({ path: path.join(artifacts, 'compare.png') });

  if (distinctive) {
    const words = await open(`#view=speaker&who=${encodeURIComponent(name)}`);
    await words.locator('.distinctive .chip').first().click();
    await words.locator('.card').first().waitFor();
    assert.ok((await hashParams(words)).some(([key]) => key === 'speaker'), 'the word search stays with the speaker');
  }

  const country = await open('#q=convention');
  await country.locator('.card .who .country a').first().click();
  await country.locator('.profile-head h2').waitFor();
  assert.ok((await country.locator('.profile .card').count()) >= 1);
});

test('concordance: every line centres a highlighted keyword; sorting by left context is a permalink', async () => {
  const page = await open('#q=cybercriminalite');
  await page.getByRole('link', { name: 'Concordance' }).click();
  await page.locator('.kwic tr').first().waitFor();
  const keywords = await page.$$eval('.kwic .keyword', (cells) => cells.map((cell) => cell.textContent.toLowerCase()));
  // The word and its equivalent "cybercrime" (and its stem family), all highlighted.
  assert.ok(keywords.length > 5 && keywords.every((keyword) => keyword.startsWith('cybercrim')), `${keywords}`);
  await page.locator('.concordance .tools a').first().click();
  await page.waitForFunction(() => location.hash.includes('by=left'));
  await page.reload();
  await page.locator('.kwic tr').first().waitFor();
  assert.equal(await page.locator('.concordance .tools a.active').count(), 1);
});

test('permalinks: a reload restores query, filters, sort and the open passage; back and forward work', async () => {
  const page = await open('#q=convention');
  await page.locator('.facet').nth(1).locator('.facet-entry input').first().check();
  await page.waitForFunction(() => location.hash.includes('country='));
  await page.locator('.results select').selectOption('oldest');
  await page.waitForFunction(() => location.hash.includes('sort=oldest'));
  await page.locator('.card .open').first().click();
  await page.locator('.passage.focused').waitFor();
  const state = await hashParams(page);
  await page.reload();
  await page.locator('.passage.focused').waitFor();
  assert.deepEqual(await hashParams(page), state);
  await page.goBack();
  await page.locator('.card').first().waitFor();
  assert.equal(Object.fromEntries(await hashParams(page)).sort, 'oldest');
  await page.goForward();
  await page.locator('.passage.focused').waitFor();
});

// Typing writes the address after the results are painted, not in the
// keystroke. These run the keystroke and the next step in one task, before
// that write, where a reader's fast hands could land.
test('the address follows typing: one entry for a typed query, kept behind a filter, never written onto the entry Back goes to', async () => {
  const page = await open('#q=convention');
  const typeThen = (words, next) => page.evaluate(async ({ words, next }) => {
    const box = document.getElementById('search-input');
    const summary = document.getElementById('results-summary');
    const drawn = new Promise((resolve) => new MutationObserver((_, observer) => { observer.disconnect(); resolve(); })
      .observe(summary, { childList: true, subtree: true, characterData: true }));
    box.value = words;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    await drawn;
    if (next === 'filter') document.querySelector('.facet-entry input').click();
    if (next === 'back') history.back();
  }, { words, next });
  const query = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('q'));
  const filtered = () => page.evaluate(() => /(speaker|country)=/.test(location.hash));
  const entries = await page.evaluate(() => history.length);

  await page.locator('#search-input').pressSequentially(' cyb');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === 'convention cyb');
  assert.equal(await page.evaluate(() => history.length), entries, 'typing added history entries');
  await page.locator('#search-input').fill('convention');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === 'convention');

  // Back from a filter, the moment a query is typed: the entry gone back to keeps its own.
  await page.locator('.facet-entry input').first().check();
  await page.waitForFunction(() => /(speaker|country)=/.test(location.hash));
  await typeThen('sécurité', 'back');
  await page.waitForFunction(() => !/(speaker|country)=/.test(location.hash));
  await page.waitForTimeout(200);
  assert.equal(await query(), 'convention');
  assert.equal(await page.locator('#search-input').inputValue(), 'convention');

  // A filter the moment a query is typed: Back returns to that query.
  await typeThen('cybercriminalité', 'filter');
  await page.waitForFunction(() => /(speaker|country)=/.test(location.hash));
  await page.goBack();
  await page.waitForFunction(() => !/(speaker|country)=/.test(location.hash));
  assert.equal(await query(), 'cybercriminalité');
  assert.equal(await filtered(), false);
});

test('a page that gets no more animation frames (gone out of sight) still draws every card and writes the address', async () => {
  const page = await open('#q=convention');
  await page.locator('.card').first().waitFor();
  await page.evaluate(() => { window.requestAnimationFrame = () => 0; });
  await page.locator('#search-input').fill('');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 20 && !document.querySelector('ol.cards[aria-busy]'), null, { timeout: 5000, polling: 100 });
  await page.locator('#search-input').fill('cybercriminalité');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === 'cybercriminalité', null, { timeout: 5000, polling: 100 });
  await page.close();
});

test('cite copies a citation; CSV and JSON export every result', async () => {
  const context = await explorer.browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(explorer.url).origin });
  const page = await context.newPage();
  await page.goto(explorer.url + '#q=convention');
  await page.locator('.card').first().waitFor();
  const card = page.locator('.card:has(.who .speaker)').first();
  const speaker = (await card.locator('.who .speaker').textContent()).trim();
  await card.locator('.cite').click();
  await card.locator('.cite-copy').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.replace(/^Selon /, '').startsWith(speaker), `citation starts with the speaker: ${copied}`);
  assert.match(copied, /Source/);

  const results = await total(page);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
  assert.match(csv, /^\uFEFFspeaker,role,country,country_code,date,outlet,title,url,kind,quote,text,permalink\r\n/);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  const rows = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8'));
  assert.equal(rows.length, results);
  assert.ok(rows.every((row) => row.permalink.includes('#doc=')));
  await context.close();
});

test('language: the English switch changes labels and dates, and is kept in the URL', async () => {
  const page = await open('#q=convention');
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => location.hash.includes('lang=en'));
  assert.equal(await page.getByRole('link', { name: 'Results' }).count(), 1);
  const dates = await page.$$eval('.card .date', (spans) => spans.map((span) => span.textContent));
  assert.ok(dates.some((date) => /October|August|May/.test(date)), `English dates: ${dates}`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'screen readers are told the language');
});

test('language: a role the table of roles knows whole is shown in English, any other as the article gives it', async () => {
  const roles = async (hash) => {
    const page = await open(hash);
    await page.locator('.card .who').first().waitFor();
    const found = await page.$$eval('.card .who', (lines) => [...new Set(lines.map((line) => line.textContent))]);
    await page.close();
    return found;
  };
  const english = await roles('#lang=en&q=ambassadeur');
  assert.ok(english.some((line) => line.includes('— Ambassador ·')), `an English role: ${english}`);
  assert.ok(english.some((line) => line.includes('— ambassadeur de Russie au Vietnam')), `no role half translated: ${english}`);
  const french = await roles('#q=ambassadeur');
  assert.ok(french.some((line) => line.includes('— ambassadeur ·')), `the French role in French: ${french}`);
  // An unnamed speaker's English label is their role: it is not said again.
  const unnamed = await roles('#lang=en&q=pologne');
  assert.ok(unnamed.some((line) => line.startsWith('Deputy Prime Minister (Poland)') && !line.includes('—')), `${unnamed}`);
});

test('keyboard: / focuses the search, arrows walk the results, Enter opens, Escape closes', async () => {
  const page = await open('#q=convention');
  await page.locator('.card').first().waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
  // A focused filter checkbox takes no text: `/` still means search.
  await page.locator('.facets input[type=checkbox]').first().focus();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'open');
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.hash);
  await page.keyboard.press('Enter');
  await page.locator('.passage.focused').waitFor();
  assert.equal(await page.evaluate(() => location.hash), second);
  await page.keyboard.press('Escape');
  await page.locator('.card').first().waitFor();
  // Right after the search box, a skip link reaches the first result past every filter.
  await page.locator('#search-input').focus();
  let presses = 0;
  while (presses < 3 && !(await page.evaluate(() => document.activeElement.classList.contains('skip-link')))) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains('skip-link')), 'the skip link is a Tab or two away');
  assert.ok((await page.locator('.skip-link').boundingBox()).width > 40, 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'open');
});

test('accessibility: axe-core finds no violations on the main views', async () => {
  const views = ['#q=cooperation', '#q=cooperation&doc=001_62c32b107650f250.txt&p=3', '#q=cybercriminalite&view=kwic',
    '#view=speaker&who=Ghada+Waly', '#view=compare&who=Ghada+Waly&who=Artur+Liukmanov'];
  const axe = require.resolve('axe-core/axe.min.js');
  for (const view of views) {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
      const page = await open(view, viewport);
      await page.waitForTimeout(300);
      await page.addScriptTag({ path: axe });
      const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const summary = violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      assert.deepEqual(summary, [], `${view} at ${viewport.width}px`);
      await page.close();
    }
  }
});

test('touch targets are at least 44 px on a phone', async () => {
  const page = await open('#q=convention', { width: 360, height: 740 });
  await page.locator('.filters-toggle').click();
  const small = await page.$$eval('a, button, input, select', (elements) => elements
    // The skip link is out of sight (and 44 px tall) until a keyboard focuses it.
    .filter((element) => element.offsetParent !== null && !element.closest('.who, .meta, .passage .text, .speaker-list') && !element.matches('.skip-link:not(:focus)'))
    .map((element) => ({ element, box: element.getBoundingClientRect() }))
    .filter(({ element, box }) => (element.type === 'checkbox' ? element.closest('label') : element).getBoundingClientRect().height < 44)
    .map(({ element }) => element.outerHTML.slice(0, 80)));
  assert.deepEqual(small, []);
});
