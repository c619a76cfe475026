// Citations and exports a journalist or a researcher can rely on: a citation
// quotes only what the article puts in quotation marks and says "selon" of a
// paraphrase, its source is a URL or the explorer's permalink, CSL-JSON and
// BibTeX import into a reference manager, the CSV opens in Excel with its
// accents and one column per field, and every facet list can select the
// passages that lack its value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openExplorer, artifacts, filtersDrawn } from './browser.mjs';

const require = createRequire(import.meta.url);
let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

const total = async (page) => Number((await page.locator('#results-summary').textContent()).match(/\d+/)[0]);

/** A page allowed to read the clipboard and to download. */
async function open(hash, viewport = { width: 1280, height: 900 }) {
  const context = await explorer.browser.newContext({ acceptDownloads: true, viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(explorer.url).origin });
  const page = await context.newPage();
  await page.goto(explorer.url + hash);
  await page.locator('#search-input').waitFor();
  await filtersDrawn(page);
  return { page, context };
}

/** The first card's citation as the clipboard receives it. */
async function citationOfFirstCard(hash) {
  const { page, context } = await open(hash);
  const card = page.locator('.card').first();
  await card.waitFor();
  await card.locator('.cite').click();
  // The citation is copied from the menu the "Citer" control opens (built
  // once opened: the click waits for it).
  await card.locator('.cite-copy').click();
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  await context.close();
  return citation;
}

/** Clicks `button` and returns the downloaded file's bytes. */
async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), button.click()]);
  return fs.readFileSync(await download.path());
}

/** RFC 4180: rows of cells, quotes doubled inside quoted cells, CRLF between rows. */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1).push(cell); cell = ''; rows.push([]); i += 1;
    } else cell += c;
  }
  if (cell || rows.at(-1).length) rows.at(-1).push(cell); else rows.pop();
  return rows;
}

test('a paraphrase is cited as one: "Selon …", no « »', async () => {
  // Reported speech: "L'ambassadeur a affirmé que la Russie fera tout son possible…".
  const citation = await citationOfFirstCard('#q=%22fera+tout+son+possible%22');
  assert.match(citation, /^Selon Gennady Bezdetko/, citation);
  assert.ok(!/[«»“”]/.test(citation), `no quotation marks: ${citation}`);
  assert.match(citation, /fera tout son possible/);
});

test('a direct quotation quotes only the quoted words, not the attribution', async () => {
  // « La Convention … représente une opportunité historique. … », a souligné Mme Ghada Waly.
  const citation = await citationOfFirstCard('#q=%22opportunit%C3%A9+historique%22');
  assert.match(citation, /^Ghada Waly \(ONUDC\), .* : « La Convention des Nations Unies contre la cybercriminalité représente/, citation);
  const quoted = citation.match(/« (.*) »/)[1];
  assert.ok(quoted.endsWith('le potentiel de la Convention'), `the quotation ends where its marks do: ${quoted}`);
  assert.ok(!citation.includes('a souligné'), `the reporting words stay outside: ${citation}`);
});

test('an article without URL is cited with the passage permalink, not a sentence', async () => {
  const citation = await citationOfFirstCard('#q=convivial');
  const source = citation.split('Source : ').at(-1);
  assert.match(source, /^http:\/\/[^ ]+#doc=003_5249041ab3db1c09\.txt&p=\d+$/, `ends with the permalink: ${citation}`);
  // The permalink opens that passage.
  const { page, context } = await open(new URL(source).hash);
  await page.locator('.passage.focused').waitFor();
  assert.match(await page.locator('.passage.focused').textContent(), /convivial/);
  await context.close();
});

test('the result list exports CSL-JSON that a reference manager reads', async () => {
  const { page, context } = await open('#q=%22opportunit%C3%A9+historique%22');
  await page.locator('.card').first().waitFor();
  const results = await total(page);
  const items = JSON.parse((await downloaded(page, page.getByRole('button', { name: 'CSL-JSON' }))).toString('utf8'));
  assert.equal(items.length, results);
  const [item] = items;
  assert.equal(item.type, 'article-newspaper');
  assert.ok(item.title && item.id, JSON.stringify(item));
  assert.equal(item['container-title'], 'VietnamPlus');
  assert.deepEqual(item.author, [{ literal: 'Ghada Waly (ONUDC)' }]);
  assert.ok(Array.isArray(item.issued['date-parts'][0]) && item.issued['date-parts'][0][0] >= 2020, JSON.stringify(item.issued));
  assert.match(item.URL, /^https:\/\/www\.vietnamplus\.vn\//);
  assert.equal(item.accessed['date-parts'][0].length, 3);
  assert.match(item.abstract, /^La Convention des Nations Unies/);
  assert.ok(!item.abstract.includes('a souligné'));
  await context.close();
});

test("a card's Citer menu gives a BibTeX entry with its title and URL", async () => {
  const { page, context } = await open('#q=convivial');
  const card = page.locator('.card').first();
  await card.waitFor();
  await card.locator('.cite').click();
  const bibtex = (await downloaded(page, card.getByRole('button', { name: 'BibTeX' }))).toString('utf8');
  assert.match(bibtex, /^@(article|misc)\{[A-Za-z0-9_]+,\n/, bibtex);
  assert.match(bibtex, /\n {2}title = \{[^\n]+\},\n/);
  assert.match(bibtex, /\n {2}url = \{http:\/\/[^\n]+#doc=003_5249041ab3db1c09\.txt&p=\d+\},\n/);
  assert.match(bibtex, /\n {2}author = \{\{Dang Dinh Quy/);
  await context.close();
});

test('the CSV starts with a byte-order mark and has one column per field', async () => {
  const { page, context } = await open('#');
  await page.locator('.card').first().waitFor();
  const results = await total(page);
  const bytes = await downloaded(page, page.getByRole('button', { name: 'CSV' }));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const rows = parseCsv(bytes.subarray(3).toString('utf8'));
  const [header, ...data] = rows;
  assert.deepEqual(header, ['speaker', 'role', 'country', 'country_code', 'date', 'outlet', 'title', 'url', 'kind', 'quote', 'text', 'permalink']);
  assert.equal(data.length, results);
  assert.deepEqual(data.filter((row) => row.length !== header.length), [], 'every row has one cell per column');
  const kind = header.indexOf('kind');
  assert.ok(data.some((row) => row[kind] === 'paraphrase') && data.some((row) => row[kind] === 'direct'));
  assert.ok(data.every((row) => ['direct', 'mixed', 'paraphrase', ''].includes(row[kind])));
  await context.close();
});

test('the sources list has an unknown entry that makes the counts add up and selects passages without an outlet', async () => {
  const { page, context } = await open('#');
  await page.locator('.card').first().waitFor();
  const results = await total(page);
  const sources = page.locator('.facet', { has: page.locator('legend', { hasText: 'Sources' }) }).locator('.facet-entry');
  const counts = (await sources.locator('.count').allTextContents()).map(Number);
  assert.equal(counts.reduce((a, b) => a + b, 0), results, `the source counts add up to ${results}: ${counts}`);
  const unknown = sources.filter({ hasText: '(inconnue)' });
  assert.equal(await unknown.count(), 1, 'one unknown entry');
  const count = Number(await unknown.locator('.count').textContent());
  await unknown.locator('input').check();
  await page.waitForFunction(() => location.hash.includes('source=-'));
  assert.equal(await total(page), count);
  assert.equal(await page.locator('.card .outlet').count(), 0, 'no card shows an outlet');
  assert.ok((await page.locator('.card').count()) > 0);
  assert.equal(await page.locator('.chip', { hasText: '(inconnue)' }).count(), 1, 'the chip says what was ticked');
  // The other lists offer their own unknown entry too, last (a long list shows it once unfolded).
  const speakers = page.locator('.facet', { has: page.locator('legend', { hasText: 'Orateurs' }) });
  if (await speakers.locator('button.more').count()) await speakers.locator('button.more').click();
  assert.equal(await speakers.locator('.facet-entry').last().locator('.label').textContent(), '(sans orateur)');
  await context.close();
});

/** axe-core's violations on the page, as "rule: targets" lines. */
async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('the open Citer menu and a ticked unknown entry are axe-clean, with 44 px targets on a phone', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const unknown = await open('#source=-', viewport);
    await unknown.page.locator('.card').first().waitFor();
    assert.deepEqual(await axeViolations(unknown.page), [], `unknown source ticked at ${viewport.width}px`);
    await unknown.context.close();

    const { page, context } = await open('#q=%22fera+tout+son+possible%22', viewport);
    await page.locator('.card').first().waitFor();
    const card = page.locator('.card').first();
    await card.locator('.cite summary').click();
    await card.locator('.cite-text').waitFor();
    await card.screenshot({ path: path.join(artifacts, `cite-menu-${viewport.width}.png`) });
    const small = await card.locator('.cite summary, .cite button').evaluateAll((elements) => elements
      .filter((element) => element.getBoundingClientRect().height < 44 || element.getBoundingClientRect().width < 44)
      .map((element) => element.outerHTML.slice(0, 80)));
    assert.deepEqual(small, [], `touch targets at ${viewport.width}px`);
    assert.deepEqual(await axeViolations(page), [], `Citer menu open at ${viewport.width}px`);
    await context.close();
  }
});
