// Stamps dist/sw.js with this build: the files the service worker must cache
// and a version, a hash of their contents. Browsers install a new worker only
// when sw.js changes, so the version is what makes a new build replace the
// cached copy (see www/sw.js); hashing the files rather than, say, the time
// keeps a rebuild of the same sources from evicting every kiosk's cache.
//
// Run after Trunk (and the single file) by scripts/finish-dist.sh:  node scripts/stamp-sw.mjs [dist]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'dist');
// The worker caches the page as its folder URL ("./"), not as index.html; it
// never serves itself, nor the single file, which has no use for a worker.
const UNCACHED = new Set(['index.html', 'sw.js', 'hanoi-explorer.html']);

const files = fs.readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(dist, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
  // Trunk's .stage/ is a leftover of a failed build, not part of this one.
  .filter((file) => !file.startsWith('.') && !UNCACHED.has(file))
  .sort();

const hash = crypto.createHash('sha256');
for (const file of ['index.html', ...files]) {
  hash.update(`${file}\0`).update(fs.readFileSync(path.join(dist, file)));
}
const build = { version: hash.digest('hex').slice(0, 16), files: files.map((file) => `./${file}`) };

const swPath = path.join(dist, 'sw.js');
const placeholder = /^const BUILD = .*;$/m;
const sw = fs.readFileSync(swPath, 'utf8');
if (!placeholder.test(sw)) {
  console.error('stamp-sw: no `const BUILD = ...;` line in dist/sw.js');
  process.exit(1);
}
fs.writeFileSync(swPath, sw.replace(placeholder, `const BUILD = ${JSON.stringify(build)};`));
console.log(`service worker: build ${build.version}, caches ${files.length} files and the page`);
