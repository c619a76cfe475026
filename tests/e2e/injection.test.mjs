// Markup in the corpus or in a query is text, never code. The articles in
// tests/hostile/injection/ carry <script>, <img onerror>, <svg onload>,
// javascript: source URLs and HTML entities, as text and, in a saved page,
// as elements; `make test-injection-dist`
// (scripts/build-dist.sh) builds them into target/e2e-injection/dist/, a
// bundle of their own, so dist/ keeps the real corpus for the other tests.
// Each test opens a view in headless Chromium and checks that no dialog
// opened, no element was injected, the markup is visible exactly as written,
// and no link points anywhere but http(s) or the page itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { artifacts, corpusBundle, openExplorer } from './browser.mjs';

let explorer;
before(async () => {
  const dist = corpusBundle('tests/hostile/injection', 'target/e2e-injection', { HANOI_DIST_FEATURES: 'panic-probe' });
  fs.mkdirSync(artifacts, { recursive: true });
  explorer = await openExplorer({ dist });
});
after(async () => { await explorer?.close(); });

/**
 * Opens `hash` and records every dialog (alert, confirm, prompt), page error
 * and request; `check()` asserts that nothing ran.
 */
async function open(hash) {
  const page = await explorer.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs = [];
  const errors = [];
  const requests = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(explorer.url + hash);
  await page.locator('#search-input').waitFor();
  const check = async () => {
    // An onerror handler fires once the image fails to load: give it time.
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], 'a dialog opened: injected script ran');
    assert.deepEqual(errors, [], 'page errors');
    assert.equal(await page.locator('img[src=x], svg[onload], iframe, [onerror], [onload]').count(), 0, 'markup was injected as elements');
    assert.equal(await page.locator('body script').count(), 0, 'a script element was injected into the body');
    const outside = requests.filter((url) => !url.startsWith(explorer.url) && !/^(data|blob):/.test(url));
    assert.deepEqual(outside, [], 'the page requested something the markup named');
    const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => link.getAttribute('href')));
    const unsafe = hrefs.filter((href) => !/^(https?:\/\/|#|\.\/|\?)/i.test(href.trim()) && href !== '');
    assert.deepEqual(unsafe, [], 'a link points to something other than http(s) or the page');
  };
  return { page, check };
}

const texts = (page, selector) => page.locator(selector).allTextContents();

test('<script> and <img onerror> in passages are shown as text in the cards', async () => {
  const { page, check } = await open(`#q=${encodeURIComponent('balise')}`);
  await page.locator('ol.cards:not([aria-busy]) .card').first().waitFor();
  const cards = (await texts(page, '.card .snippet')).join('\n');
  assert.ok(cards.includes('<script>alert(1)</script>'), `no literal <script> in the cards: ${cards}`);
  const image = await open(`#q=${encodeURIComponent('image piégée')}`);
  await image.page.locator('ol.cards:not([aria-busy]) .card').first().waitFor();
  const imageCards = (await texts(image.page, '.card .snippet')).join('\n');
  assert.ok(imageCards.includes('<img src=x onerror=alert(2)>'), `no literal <img> in the cards: ${imageCards}`);
  await image.page.screenshot({ path: path.join(artifacts, 'injection-cards.png') });
  await check();
  await image.check();
});

test('a query made of markup is searched and echoed as text', async () => {
  for (const query of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', 'javascript:alert(3)', '"><svg onload=alert(4)>', '&lt;b&gt;']) {
    const { page, check } = await open(`#q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.querySelector('.card, .empty') !== null);
    assert.equal(await page.locator('#search-input').inputValue(), query);
    await check();
  }
});

test('a speaker quoted 25 times gets a page of statements at a time, every one as text', async () => {
  const { page, check } = await open(`#view=speaker&who=${encodeURIComponent('Jean-Noël Barrot')}`);
  await page.locator('.profile .card').first().waitFor();
  assert.equal(await page.locator('.profile .card').count(), 20, 'the first page of statements');
  const more = page.locator('.profile-column button.more');
  assert.match(await more.textContent(), /20\/25/);
  await more.click();
  await page.locator('.profile .card').nth(24).waitFor();
  assert.equal(await page.locator('.profile .card').count(), 25);
  assert.equal(await more.count(), 0, 'nothing more to show');
  assert.equal(await page.locator('.profile .card b, [onmouseover]').count(), 0, 'markup was injected as elements');
  assert.ok((await texts(page, '.profile .card .snippet')).every((text) => text.includes('<b onmouseover=')));
  await check();
});

test('the reading view shows markup and entities as written and links only http(s) sources', async () => {
  const script = await open(`#doc=${encodeURIComponent('001_script.txt')}`);
  await script.page.locator('.reading h2').waitFor();
  assert.equal((await script.page.locator('.reading h2').textContent()).trim(), '<script>alert(1)</script> Le ministre et la Convention de Hanoï');
  const body = (await texts(script.page, '.reading .passage .text')).join('\n');
  for (const literal of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '<svg onload=alert(5)>', '<iframe src="javascript:alert(6)"></iframe>']) {
    assert.ok(body.includes(literal), `${literal} is not shown as text: ${body}`);
  }
  // An http(s) source is a link, even with markup-like characters in it.
  const source = script.page.locator('.reading .meta a');
  assert.equal(await source.count(), 1);
  assert.match(await source.getAttribute('href'), /^https:\/\/example\.org\/hanoi\?a=1&b=<script/);
  await script.page.screenshot({ path: path.join(artifacts, 'injection-article.png') });
  await script.check();

  const js = await open(`#doc=${encodeURIComponent('002_javascript_url.txt')}`);
  await js.page.locator('.reading h2').waitFor();
  assert.equal(await js.page.locator('.reading .meta a').count(), 0, 'a javascript: source became a link');
  assert.equal(await js.page.locator('a[href*="javascript:" i]').count(), 0, 'a javascript: link');
  const jsBody = (await texts(js.page, '.reading .passage .text')).join('\n');
  assert.ok(jsBody.includes('javascript:alert(3)') && jsBody.includes('JaVaScRiPt:alert(7)'), `javascript: text missing: ${jsBody}`);
  await js.check();

  const entities = await open(`#doc=${encodeURIComponent('003_entities.txt')}`);
  await entities.page.locator('.reading h2').waitFor();
  assert.equal((await entities.page.locator('.reading h2').textContent()).trim(), 'Entités HTML &amp; balises &lt;b&gt; dans un article sur la Convention');
  const entityBody = (await texts(entities.page, '.reading .passage .text')).join('\n');
  for (const literal of ['&lt;b&gt;gras&lt;/b&gt; &amp; &quot;guillemets&quot; &#60;script&#62; &#x3C;i&#x3E;', '&amp;amp;', '&nbsp;']) {
    assert.ok(entityBody.includes(literal), `${literal} was decoded or lost: ${entityBody}`);
  }
  assert.equal(await entities.page.locator('.reading b, .reading i').count(), 0, 'entities became elements');
  await entities.check();
});

test('a saved page\'s elements vanish, its markup written as text stays text, and no javascript: address links', async () => {
  const saved = await open(`#doc=${encodeURIComponent('005_saved_page.html')}`);
  await saved.page.locator('.reading h2').waitFor();
  // The JSON-LD headline holds markup as text: shown as written.
  assert.equal((await saved.page.locator('.reading h2').textContent()).trim(), '<img src=x onerror=alert(8)> Une page piégée sur la Convention');
  const meta = (await saved.page.locator('.reading .meta').textContent()).trim();
  assert.ok(meta.includes('<b onmouseover=alert(16)>Le Site</b>'), `the publisher's name is not shown as text: ${meta}`);
  assert.match(meta, /26 octobre 2025/);
  // Canonical, og:url and the saved-from note are all javascript:: no source at all.
  assert.equal(await saved.page.locator('.reading .meta a').count(), 0, 'a javascript: source became a link');
  const body = (await texts(saved.page, '.reading .passage .text')).join('\n');
  assert.ok(body.includes('<svg onload=alert(11)>'), `entity-encoded markup is not shown as text: ${body}`);
  // Real elements of the page are not text of the article, and never elements of ours.
  for (const gone of ['alert(9)', 'alert(10)', 'alert(14)', 'alert(19)', 'alert(20)', 'background']) {
    assert.ok(!body.includes(gone), `${gone} reached a passage: ${body}`);
  }
  assert.ok(body.includes('lien piégé'), 'the text of a javascript: link is kept as a word');
  assert.equal(await saved.page.locator('a[href*="javascript:" i], [onclick], [onmouseover]').count(), 0);
  await saved.page.screenshot({ path: path.join(artifacts, 'injection-saved-page.png') });
  await saved.check();
});

test('a panic in the wasm leaves an error view with a working reload link, never a blank page', async () => {
  const page = await explorer.open('#q=convention');
  // This bundle is built with the `panic-probe` feature; the shipped one has no such export.
  const thrown = await page.evaluate(() => {
    try {
      window.wasmBindings.panic_probe();
      return null;
    } catch (error) {
      return String(error);
    }
  });
  assert.ok(thrown, 'the probe did not panic');
  const view = page.locator('.fatal[role=alert]');
  await view.waitFor();
  assert.match(await view.textContent(), /erreur interne/);
  assert.match(await view.locator('pre').textContent(), /panic probe/);
  assert.equal(await page.locator('#search-input').count(), 0, 'the dead page is gone');
  await view.locator('a').click();
  await page.locator('#search-input').waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), 'convention', 'the reload keeps the reader where they were');
  await page.close();
});
