// Fails when the release build outgrows the size budgets in budgets.toml:
// the wasm gzipped (what a static host sends) and dist/hanoi-explorer.html
// (the single-file edition). Run by `make test-budgets` after `make build`.
//
//   node scripts/check-budgets.mjs [dist] [budgets.toml]
//
// Prints every measure beside its budget, then exits 1 naming what is over.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const budgetsFile = path.resolve(process.argv[3] ?? path.join(root, 'budgets.toml'));

const fail = (message) => {
  console.error(`check-budgets: ${message}`);
  process.exit(1);
};

/**
 * The budgets file is flat `key = integer` lines and comments; anything else
 * is refused rather than half-read, so a typo cannot switch a budget off.
 */
function readBudgets(file) {
  const budgets = {};
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const text = line.replace(/#.*/, '').trim();
    if (!text) return;
    const match = text.match(/^([a-z_]+)\s*=\s*([0-9_]+)$/);
    if (!match) fail(`${path.relative(root, file)}:${i + 1}: expected \`name = bytes\`, got: ${line}`);
    budgets[match[1]] = Number(match[2].replaceAll('_', ''));
  });
  return budgets;
}

const budgets = readBudgets(budgetsFile);
const MEASURES = {
  wasm_gzip_bytes: {
    what: 'release wasm, gzip -9',
    measure() {
      const wasm = fs.readdirSync(dist).filter((name) => name.endsWith('.wasm'));
      if (wasm.length !== 1) fail(`expected one .wasm in ${dist}, found ${wasm.length}: run \`make build\``);
      // The gzip tool, not node's zlib: it is what `make size` prints and what
      // static hosts use, and zlib's level 9 comes out about 2% larger.
      return execFileSync('gzip', ['-9', '-c', path.join(dist, wasm[0])], { maxBuffer: 1 << 28 }).length;
    },
  },
  single_file_bytes: {
    what: 'single file hanoi-explorer.html',
    measure() {
      const file = path.join(dist, 'hanoi-explorer.html');
      if (!fs.existsSync(file)) fail(`${file} is missing: run \`make build\``);
      return fs.statSync(file).size;
    },
  },
};

for (const name of Object.keys(budgets)) {
  if (!MEASURES[name]) fail(`unknown budget ${name} in ${path.relative(root, budgetsFile)}; known: ${Object.keys(MEASURES).join(', ')}`);
}
const over = [];
for (const [name, { what, measure }] of Object.entries(MEASURES)) {
  if (budgets[name] === undefined) fail(`no budget for ${name} in ${path.relative(root, budgetsFile)}`);
  const size = measure();
  const budget = budgets[name];
  const share = ((100 * size) / budget).toFixed(1);
  console.log(`${what}: ${size.toLocaleString('en')} bytes of ${budget.toLocaleString('en')} budgeted (${share}%)`);
  if (size > budget) over.push(`${what} is ${size.toLocaleString('en')} bytes, ${(size - budget).toLocaleString('en')} over its budget of ${budget.toLocaleString('en')} (${name} in budgets.toml)`);
}
if (over.length) {
  fail(`over budget:\n  ${over.join('\n  ')}\nShrink the build, or raise the budget in its own commit saying why.`);
}
