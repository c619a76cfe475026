// `make watch`, the editors' loop: it serves a quick build and, when a file
// of the corpus folder changes, rebuilds and reloads the open page. This
// test runs it on a copy of seeds/ (HANOI_CORPUS_DIR), saves a new page into
// the copy, and waits for the open page to reload and find the new
// statement. The first build compiles the app unoptimised for wasm: a few
// minutes on a fresh machine, seconds after.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { root, artifacts } from './browser.mjs';

const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'hanoi-watch-'));
for (const file of fs.readdirSync(path.join(root, 'seeds'))) {
  fs.copyFileSync(path.join(root, 'seeds', file), path.join(corpus, file));
}
const port = 20000 + (process.pid % 20000);
let watch;
let browser;
after(async () => {
  await browser?.close();
  // make, then trunk, then cargo: the whole group goes.
  if (watch && watch.exitCode === null) process.kill(-watch.pid, 'SIGTERM');
  fs.rmSync(corpus, { recursive: true, force: true });
});

/** Resolves once the server answers, or rejects when `make watch` ends first. */
async function served(url, log) {
  for (;;) {
    if (watch.exitCode !== null) throw new Error(`make watch ended (${watch.exitCode}):\n${log.join('')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not yet */ }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test('make watch reloads the page with an article saved into the corpus folder', { timeout: 900000 }, async () => {
  const log = [];
  watch = spawn('make', ['--no-print-directory', 'watch', `PORT=${port}`], {
    cwd: root,
    env: { ...process.env, HANOI_CORPUS_DIR: corpus },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  watch.stdout.on('data', (chunk) => log.push(String(chunk)));
  watch.stderr.on('data', (chunk) => log.push(String(chunk)));
  const url = `http://127.0.0.1:${port}/`;
  await served(url, log);

  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
  browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(`${url}#q=zebrure`);
  await page.locator('#search-input').waitFor();
  await page.locator('.empty').waitFor();

  const saved = Date.now();
  fs.writeFileSync(path.join(corpus, 'zz_added.html'), '<!DOCTYPE html><html lang="fr"><head><title>Un ajout</title>'
    + '<meta property="article:published_time" content="2025-11-20"></head><body><article>'
    + '<p>« La zébrure des réseaux nous inquiète », a déclaré le ministre belge de la Justice, Marc Dupuis.</p>'
    + '</article></body></html>');
  await page.waitForEvent('load', { timeout: 600000 });
  const card = page.locator('.card').first();
  await card.waitFor();
  const seconds = (Date.now() - saved) / 1000;
  console.log(`make watch: the new article was on the page ${seconds.toFixed(1)} s after it was saved`);
  assert.match(await card.locator('.who').textContent(), /Marc Dupuis/);
  assert.match(await card.locator('.date').textContent(), /20 novembre 2025/);
  await page.screenshot({ path: path.join(artifacts, 'watch-reloaded.png') });
});
