// Shared set-up for the browser tests: serve dist/ and drive Debian's Chromium
// headless through playwright-core (which cannot download a browser here).
// Playwright gives each launch a fresh, temporary profile.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const artifacts = path.join(here, 'artifacts');

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
  if (!found) throw new Error('Chromium not found: run scripts/setup, or set CHROMIUM_PATH');
  return found;
}

/**
 * The bundle of the corpus folder `corpus` (relative to the repository) in
 * `out`/dist/, as `scripts/build-dist.sh` builds it for the tests that need
 * a corpus of their own. Like dist/ for the other tests, it is whatever was
 * built last (`make test` rebuilds it when its inputs changed); only a
 * missing one is built here, so `make test-e2e` alone works too, after a
 * few minutes. `env` adds to the build's environment.
 */
export function corpusBundle(corpus, out, env = {}) {
  const folder = path.join(root, out, 'dist');
  if (!fs.existsSync(path.join(folder, 'index.html'))) {
    execFileSync('bash', [path.join(root, 'scripts/build-dist.sh'), path.join(root, corpus), path.join(root, out)], {
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, ...env },
    });
  }
  return folder;
}

/** Waits for the filter lists, which the app draws a frame after its first
 * screen (src/components/facets.rs), on a page that has a filter panel. */
export async function filtersDrawn(page) {
  await page.waitForFunction(() => {
    const lists = document.querySelector('.facet-lists');
    return !lists || lists.childElementCount > 0;
  });
}

/** Serves dist/ (or another bundle's folder, optionally under `base`) and
 * opens a fresh browser; call close() after. */
export async function openExplorer({ base = '/', dist: folder = dist } = {}) {
  if (!fs.existsSync(path.join(folder, 'index.html'))) {
    throw new Error(`${path.join(folder, 'index.html')} is missing: run \`make build\` first`);
  }
  fs.mkdirSync(artifacts, { recursive: true });
  const server = await serve({ root: folder, base });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  const errors = [];
  const newPage = async (viewport = { width: 1280, height: 900 }) => {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    return page;
  };
  return {
    url: server.url,
    browser,
    newPage,
    /** A new page at `hash`, once the search box and the filter lists are there. */
    async open(hash, viewport) {
      const page = await newPage(viewport);
      await page.goto(server.url + hash);
      await page.locator('#search-input').waitFor();
      await filtersDrawn(page);
      return page;
    },
    errors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The number the result summary starts with. */
export const resultTotal = async (page) => Number((await page.locator('#results-summary').textContent()).match(/\d+/)[0]);
