// Takes the README's screenshots from the real release bundle:
//   make screenshots   (writes docs/screenshots/*.png)
import path from 'node:path';
import { openExplorer, root } from './browser.mjs';

const out = path.join(root, 'docs', 'screenshots');
const shots = [
  { name: 'results-desktop', viewport: { width: 1280, height: 860 }, hash: '#q=cooperation' },
  { name: 'article-desktop', viewport: { width: 1280, height: 860 }, hash: null, open: '#q=cooperation' },
  { name: 'results-phone', viewport: { width: 360, height: 780 }, hash: '#q=convention' },
  { name: 'kiosk-portrait', viewport: { width: 1080, height: 1920 }, hash: '#q=cybercriminalite' },
];

const explorer = await openExplorer();
try {
  for (const shot of shots) {
    const page = await explorer.newPage(shot.viewport);
    await page.goto(explorer.url + (shot.hash ?? shot.open));
    await page.locator('.card').first().waitFor();
    if (shot.open) {
      await page.locator('.card').first().click();
      await page.locator('.passage.focused').waitFor();
      await page.waitForTimeout(600);
    }
    await page.screenshot({ path: path.join(out, `${shot.name}.png`) });
    console.log(`wrote docs/screenshots/${shot.name}.png`);
    await page.close();
  }
} finally {
  await explorer.close();
}
