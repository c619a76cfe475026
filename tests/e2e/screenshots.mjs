// Takes the README's screenshots from the real release bundle, and one of
// the editor's report on seeds/:
//   make screenshots   (writes docs/screenshots/*.png)
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { openExplorer, root } from './browser.mjs';

const out = path.join(root, 'docs', 'screenshots');
const desktop = { width: 1280, height: 860 };
const shots = [
  { name: 'results-desktop', viewport: desktop, url: '#q=cooperation' },
  { name: 'article-desktop', viewport: desktop, url: '#q=cooperation', open: true },
  { name: 'concordance-desktop', viewport: desktop, url: '#q=cybercriminalite&view=kwic' },
  { name: 'speaker-desktop', viewport: desktop, url: '#view=speaker&who=Ghada+Waly' },
  { name: 'compare-desktop', viewport: desktop, url: '#view=compare&who=Ghada+Waly&who=Artur+Liukmanov' },
  { name: 'results-phone', viewport: { width: 360, height: 780 }, url: '#q=convention' },
  { name: 'kiosk-attract', viewport: { width: 1080, height: 1920 }, url: '?kiosk' },
  { name: 'kiosk-portrait', viewport: { width: 1080, height: 1920 }, url: '?kiosk#q=cybercriminalite', tap: true, keyboard: true },
  { name: 'embed-iframe', viewport: { width: 400, height: 600 }, url: '?embed#q=cooperation&country=RUS' },
];

// The editor's report is a file beside the bundle, not part of it: written
// by the corpus CLI (`make report`) and opened from disk.
const report = path.join(root, 'target', 'report', 'report.html');
fs.mkdirSync(path.dirname(report), { recursive: true });
execFileSync('cargo', ['run', '-q', '-p', 'corpus', '--', 'report', 'seeds', '--out', report], { cwd: root, stdio: 'inherit' });

const explorer = await openExplorer();
try {
  for (const shot of shots) {
    const page = await explorer.newPage(shot.viewport);
    await page.goto(explorer.url + shot.url);
    await page.locator('.page').waitFor();
    if (shot.tap) await page.locator('.attract').click();
    if (shot.keyboard) await page.locator('#search-input').click();
    if (shot.open) {
      await page.locator('.card .open').first().click();
      await page.locator('.passage.focused').waitFor();
    }
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(out, `${shot.name}.png`) });
    console.log(`wrote docs/screenshots/${shot.name}.png`);
    await page.close();
  }
  // At the first document: its reason, where each field was read, the marks.
  const page = await explorer.newPage({ width: 1280, height: 1300 });
  await page.goto(pathToFileURL(report).href);
  await page.locator('.doc').first().evaluate((doc) => doc.scrollIntoView());
  await page.screenshot({ path: path.join(out, 'report-desktop.png') });
  console.log('wrote docs/screenshots/report-desktop.png');
  await page.close();
} finally {
  await explorer.close();
}
