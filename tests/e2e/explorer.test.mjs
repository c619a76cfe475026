// The walking skeleton end to end: the release bundle served on 127.0.0.1,
// searched by typing in headless Chromium, a result opened in context.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openExplorer, artifacts } from './browser.mjs';

let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

const cardFiles = (page) => page.$$eval('.card .open', (links) => links.map((link) => new URLSearchParams(link.hash.slice(1)).get('doc')));

test('typing an accent-free word finds accented and accent-free articles, highlighted', async () => {
  const page = await explorer.newPage();
  await page.goto(explorer.url);
  const input = page.locator('#search-input');
  await input.waitFor();
  await input.pressSequentially('cooperation', { delay: 20 });
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === 'cooperation');
  await page.locator('.card').first().waitFor();

  const files = await cardFiles(page);
  assert.ok(files.some((file) => file.startsWith('001_')), `no hit from 001 in ${files}`);
  assert.ok(files.some((file) => file.startsWith('004_')), `no hit from 004 in ${files}`);
  const marks = await page.$$eval('.card mark', (marks) => marks.map((mark) => mark.textContent.toLowerCase()));
  assert.ok(marks.some((mark) => mark.startsWith('coopération')), `no highlighted "coopération" in ${marks}`);
  assert.ok(marks.some((mark) => mark.startsWith('cooperation')), `no highlighted "cooperation" in ${marks}`);
  await page.screenshot({ path: path.join(artifacts, 'results.png'), fullPage: false });

  await page.locator('.card .open').first().click();
  const focused = page.locator('.passage.focused');
  await focused.waitFor();
  assert.ok((await focused.locator('mark').count()) > 0, 'the opened passage shows no highlight');
  assert.ok((await page.locator('.reading h2').textContent()).length > 10, 'the article has no title');
  await page.screenshot({ path: path.join(artifacts, 'article.png') });

  await page.goBack();
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), 'cooperation');
  assert.deepEqual(explorer.errors, []);
});

test('typing writes the address once the keys pause, not at every key', async () => {
  const page = await explorer.newPage();
  await page.addInitScript(() => {
    window.addressWrites = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (state, title, url) => { window.addressWrites.push(String(url)); return replace(state, title, url); };
  });
  await page.goto(explorer.url);
  await page.waitForFunction(() => performance.getEntriesByName('hanoi:ready').length > 0);
  await page.evaluate(() => { window.addressWrites = []; });
  // A quick typist: a key every 40 ms, each one's results painted in between.
  await page.locator('#search-input').pressSequentially('cooperation', { delay: 40 });
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === 'cooperation');
  await page.waitForTimeout(500);
  const writes = await page.evaluate(() => window.addressWrites);
  assert.equal(writes.length, 1, `the address was written ${writes.length} times: ${writes.join(' ')}`);
  assert.match(writes[0], /q=cooperation/);
  // A click on a card pushes a new entry; Back finds the query as typed.
  await page.locator('#search-input').pressSequentially(' droits', { delay: 40 });
  await page.locator('.card .open').first().click();
  await page.locator('.passage.focused').waitFor();
  await page.goBack();
  await page.locator('.card').first().waitFor();
  assert.equal(new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('q'), 'cooperation droits');
  assert.deepEqual(explorer.errors, []);
});

test('a prefix of the last word matches while typing', async () => {
  const page = await explorer.newPage();
  await page.goto(`${explorer.url}#q=cybercrimin`);
  await page.locator('.card').first().waitFor();
  const marks = await page.$$eval('.card mark', (marks) => marks.map((mark) => mark.textContent.toLowerCase()));
  assert.ok(marks.some((mark) => mark.startsWith('cybercriminalit')), `prefix not highlighted: ${marks}`);
});

test('a speaker\'s name and an article\'s title light up where they matched', async () => {
  const page = await explorer.newPage();
  await page.goto(`${explorer.url}#q=waly`);
  await page.locator('.card').first().waitFor();
  assert.deepEqual([...new Set(await page.$$eval('.card .who .speaker mark', (marks) => marks.map((m) => m.textContent)))], ['Waly']);
  await page.goto(`${explorer.url}#q=engagement`);
  await page.locator('.card .title mark').first().waitFor();
  assert.match(await page.locator('.card .title mark').first().textContent(), /^engagement$/i);
});

test('results, reading and speaker pages fit a 360 px phone without horizontal scrolling', async () => {
  const page = await explorer.newPage({ width: 360, height: 740 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.goto(`${explorer.url}#q=cybercriminalite`);
  await page.locator('.card').first().waitFor();
  assert.ok(await overflow() <= 0, `results are ${await overflow()}px wider than the phone`);
  await page.screenshot({ path: path.join(artifacts, 'phone.png') });

  // Between two occurrences the reading bar holds both of its buttons.
  await page.locator('.card .open').first().click();
  await page.locator('.passage.focused').waitFor();
  await page.locator('.match-nav a[rel=next]').click();
  await page.locator('.match-nav a[rel=prev]').waitFor();
  assert.ok(await overflow() <= 0, `the reading view is ${await overflow()}px wider than the phone`);

  // The compare picker lists every speaker, long roles included.
  await page.goto(`${explorer.url}#q=convention`);
  await page.locator('.card .who a.speaker').first().click();
  await page.locator('.compare-picker select').waitFor();
  assert.ok(await overflow() <= 0, `the speaker page is ${await overflow()}px wider than the phone`);
});

test('markup in a query is shown as text, never run', async () => {
  const page = await explorer.newPage();
  let dialog = false;
  page.on('dialog', async (d) => { dialog = true; await d.dismiss(); });
  await page.goto(`${explorer.url}#q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await page.locator('#search-input').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#search-input').inputValue(), '<img src=x onerror=alert(1)>');
  assert.equal(await page.locator('img[src=x]').count(), 0);
  assert.equal(dialog, false);
});
