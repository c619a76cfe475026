// Filters that stay still: a tick never moves the row the next click aims
// at, long lists say what they hide, and the timeline is a time axis that
// a click narrows to one month and a drag to a range.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openExplorer, artifacts, filtersDrawn } from './browser.mjs';

let explorer;
before(async () => { explorer = await openExplorer(); });
after(async () => { await explorer?.close(); });

const hashParams = async (page) => Object.fromEntries(await page.evaluate(() => [...new URLSearchParams(location.hash.slice(1))]));

async function open(hash, viewport = { width: 1280, height: 900 }) {
  const page = await explorer.newPage(viewport);
  await page.goto(explorer.url + hash);
  await page.locator('.card').first().waitFor();
  await filtersDrawn(page);
  return page;
}

test('a keystroke\'s frame shows its cards; the filter lists follow it a frame later', async () => {
  const page = await open('');
  await page.evaluate(() => {
    const lists = document.querySelector('.facet-lists');
    window.lists = { redrawn: false, inKeyFrames: [], counts: () => [...lists.querySelectorAll('.count')].map((count) => count.textContent).join(' ') };
    window.lists.before = window.lists.counts();
    new MutationObserver(() => { window.lists.redrawn = true; }).observe(lists, { subtree: true, childList: true, characterData: true, attributes: true });
    // Before the keystroke's frame is painted: were the lists drawn in it?
    document.addEventListener('input', () => {
      window.lists.redrawn = false;
      requestAnimationFrame(() => window.lists.inKeyFrames.push(window.lists.redrawn));
    }, true);
  });
  await page.locator('#search-input').pressSequentially('waly', { delay: 80 });
  await page.waitForFunction(() => window.lists.counts() !== window.lists.before);
  const inKeyFrames = await page.evaluate(() => window.lists.inKeyFrames);
  assert.equal(inKeyFrames.length, 4);
  assert.deepEqual(inKeyFrames, [false, false, false, false], 'the lists were drawn in the frame of a keystroke');
  await page.close();
});

test('a ticked box stays ticked in the very next frame, though the lists follow searches a frame later', async () => {
  const page = await open('');
  await page.evaluate(() => {
    window.tickedInNextFrame = [];
    document.querySelector('.facet-lists').addEventListener('change', (event) => {
      requestAnimationFrame(() => window.tickedInNextFrame.push(event.target.checked));
    }, true);
  });
  await page.locator('.facet').first().locator('.facet-entry input').first().click();
  await page.waitForFunction(() => window.tickedInNextFrame.length === 1);
  assert.deepEqual(await page.evaluate(() => window.tickedInNextFrame), [true]);
  await page.close();
});

test('ticking a speaker leaves the next row where the pointer expects it', async () => {
  const page = await open('');
  const rows = page.locator('.facet').first().locator('.facet-entry');
  assert.ok((await rows.count()) >= 4, 'enough speakers to tick');
  // The third row, then the row under it, as a reader clicking down the list would.
  const target = rows.nth(2);
  const next = rows.nth(3);
  const nextLabel = (await next.locator('.label').textContent()).trim();
  const before = await next.boundingBox();
  await target.locator('input').click();
  await page.waitForFunction(() => location.hash.includes('speaker='));
  const after = await page.locator('.facet').first().locator('.facet-entry').nth(3).boundingBox();
  assert.equal(Math.round(after.y), Math.round(before.y), `the next row moved by ${after.y - before.y}px`);
  assert.equal((await rows.nth(3).locator('.label').textContent()).trim(), nextLabel, 'the list re-sorted under the pointer');
  await page.locator('.chip:not(.clear)').first().waitFor();
});

test('a long list says how many entries it hides and shows them on request', async () => {
  const page = await open('');
  const speakers = page.locator('.facet').first();
  const more = speakers.locator('button.more');
  await more.waitFor();
  const hidden = Number((await more.textContent()).match(/\d+/)[0]);
  const shown = await speakers.locator('.facet-entry').count();
  assert.ok(hidden > 0);
  await more.click();
  assert.equal(await speakers.locator('.facet-entry').count(), shown + hidden);
  assert.equal(await speakers.locator('button.more').getAttribute('aria-expanded'), 'true');
});

test('the timeline is a time axis; a month click gives one chip and a month in the date fields', async () => {
  const page = await open('');
  const slots = page.locator('.facets .timeline .slot');
  // Drawn right after the first screen's frame.
  await slots.first().waitFor();
  const count = await slots.count();
  assert.ok(count >= 3, 'several months with statements');
  // Months two years apart are further apart than months one month apart.
  const boxes = await slots.evaluateAll((links) => links.map((link) => ({ x: link.querySelector('.fill').getBoundingClientRect().x, key: new URLSearchParams(link.getAttribute('href').slice(1)).get('from') })));
  const monthIndex = (key) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7));
  const [first, second, last] = [boxes[0], boxes[1], boxes[boxes.length - 1]];
  const perMonth = (last.x - first.x) / (monthIndex(last.key) - monthIndex(first.key));
  assert.ok(Math.abs((second.x - first.x) - perMonth * (monthIndex(second.key) - monthIndex(first.key))) < 2, 'slots are not spaced by time');
  const years = await page.locator('.facets .timeline .axis-label').allTextContents();
  assert.ok(years.length >= 2 && years.every((year) => /^\d{4}$/.test(year)), `year labels: ${years}`);

  await slots.last().click();
  await page.waitForFunction(() => location.hash.includes('from='));
  const params = await hashParams(page);
  assert.equal(params.from, params.to);
  assert.equal(await page.locator('.chip:not(.clear)').count(), 1, 'one chip for one month');
  const from = page.locator('.dates input').first();
  assert.equal(await from.getAttribute('type'), 'month');
  assert.equal(await from.inputValue(), params.from, 'the date field shows the month');
  await page.screenshot({ path: path.join(artifacts, 'facets-month.png') });
});

test('dragging across the timeline selects a range', async () => {
  const page = await open('');
  const slots = page.locator('.facets .timeline .slot');
  await slots.first().waitFor();
  await page.locator('.facets .timeline').scrollIntoViewIfNeeded();
  const start = await slots.first().boundingBox();
  const end = await slots.nth(1).boundingBox();
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, start.y + start.height / 2, { steps: 4 });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => location.hash.includes('from=') && location.hash.includes('to='));
  const params = await hashParams(page);
  assert.ok(params.from < params.to, `a range: ${params.from} to ${params.to}`);
  assert.equal(await page.locator('.chip:not(.clear)').count(), 2, 'one chip per bound');
});

test('an article is listed once, its other passages one click away', async () => {
  const page = await open('#q=convention');
  const files = await page.$$eval('.cards:not(.siblings) > .group > .card .open', (links) => links.map((link) => new URLSearchParams(link.getAttribute('href').slice(1)).get('doc')));
  assert.ok(files.length >= 2);
  assert.equal(new Set(files).size, files.length, `an article listed twice: ${files}`);
  const group = page.locator('.group', { has: page.locator('.siblings-toggle') }).first();
  const toggle = group.locator('.siblings-toggle');
  const others = Number((await toggle.textContent()).match(/\d+/)[0]);
  await toggle.click();
  const inside = await group.locator('.siblings .card .open').evaluateAll((links) => links.map((link) => new URLSearchParams(link.getAttribute('href').slice(1)).get('doc')));
  const own = new URLSearchParams((await group.locator('> .card .open').getAttribute('href')).slice(1)).get('doc');
  assert.equal(inside.length, others);
  assert.ok(inside.every((doc) => doc === own), 'the other passages are of the same article');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
});

test('every filter box stays inside its column, in both languages, with dates chosen', async () => {
  for (const lang of ['fr', 'en']) {
    const page = await open(`#q=coop%C3%A9ration&from=2025-10&to=2025-10&lang=${lang}`);
    await page.locator('fieldset.dates input').first().waitFor();
    const overflowing = await page.evaluate(() => {
      const column = document.querySelector('.facet-lists').getBoundingClientRect();
      return [...document.querySelectorAll('.facet')]
        .filter((box) => box.getBoundingClientRect().right > column.right + 0.5)
        .map((box) => `${box.className}: ${Math.round(box.getBoundingClientRect().right - column.right)}px`);
    });
    assert.deepEqual(overflowing, [], `${lang}: boxes wider than the column`);
    await page.close();
  }
});
