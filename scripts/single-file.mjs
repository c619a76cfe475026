// Writes dist/hanoi-explorer.html: the whole explorer in one self-contained
// file, to open from a USB stick or an e-mail attachment by double-clicking.
//
// Trunk's dist/ cannot do that: from file:// Chromium refuses to load ES
// modules and to fetch() the .wasm. So this file inlines everything Trunk's
// index.html points at: the CSS as <style>, the icon as a data: URL, the
// wasm-bindgen glue turned from an ES module into a classic script, and the
// wasm itself, gzipped and written seven bits to a character (see
// sevenBitText), unpacked in the page by the browser's DecompressionStream
// and compiled as it streams out of it. The service worker registration is dropped:
// there is no worker for file://, and this file needs none.
//
// It also writes dist/hanoi-explorer-embed.js, the same bundle as one script
// for other sites: a <hanoi-explorer> custom element and a small JS API.
//
// Run after Trunk by scripts/finish-dist.sh:  node scripts/single-file.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUTPUT = 'hanoi-explorer.html';
const EMBED_OUTPUT = 'hanoi-explorer-embed.js';
const dist = path.resolve(process.argv[2] ?? 'dist');

const fail = (message) => {
  console.error(`single-file: ${message}`);
  process.exit(1);
};

/** Reads a file that dist/index.html names with a relative URL such as "./style-1234.css". */
function local(href) {
  if (!href.startsWith('./')) fail(`expected a relative URL in dist/index.html, got ${href}`);
  return fs.readFileSync(path.join(dist, decodeURIComponent(href.slice(2))));
}

const attributes = (tag) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

const MEDIA_TYPES = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

// Text inside <script> ends at the first "</script", whatever the JS around
// it means; "<\/script" is the same text to JS in strings, regexes and comments.
const scriptText = (js) => js.replace(/<\/script/gi, '<\\/script');

/**
 * Turns wasm-bindgen's `--target web` glue into a classic script defining the
 * global `wasm_bindgen` init function, as `--target no-modules` would. Trunk's
 * own loader only imports ES modules, so the build keeps the web target and
 * the single file converts its glue. The glue has no imports, one export list
 * at the end and one `import.meta.url` (its default wasm URL, unused here as
 * the wasm is passed in) and `export function` declarations for the API;
 * anything else fails the build rather than the page.
 */
function classicGlue(module) {
  const exportList = /^export\s*\{([^}]*)\};?[ \t]*$/m;
  const found = module.match(exportList);
  if (!found) fail('no export list found in the wasm-bindgen glue');
  const names = found[1].split(',').map((entry) => entry.trim().split(/\s+as\s+/));
  const init = names.find(([, alias]) => alias === 'default')?.[0];
  if (!init) fail('the wasm-bindgen glue has no default export');
  const named = names.filter(([, alias]) => alias !== 'default').map(([name, alias]) => `${alias ?? name}: ${name}`);
  // Functions and structs the crate exports with #[wasm_bindgen] are declared
  // `export function name(` and `export class Name`.
  const exportedFunctions = /^export function (\w+)\(/gm;
  const exportedClasses = /^export class (\w+)\b/gm;
  for (const [, name] of module.matchAll(exportedFunctions)) named.push(`${name}: ${name}`);
  for (const [, name] of module.matchAll(exportedClasses)) named.push(`${name}: ${name}`);
  const body = module
    .replace(exportedFunctions, 'function $1(')
    .replace(exportedClasses, 'class $1')
    .replace(exportList, `return Object.assign(${init}, { ${named.join(', ')} });`)
    .replaceAll('import.meta.url', 'document.baseURI');
  if (/^\s*(import|export)\b|import\.meta/m.test(body)) fail('the wasm-bindgen glue has imports or exports this script does not handle');
  return `const wasm_bindgen = (() => {\n'use strict';\n${body}\n})();`;
}

// The gzipped wasm is written as text seven bits to a character, a tenth
// smaller than base64: characters below 128 are one byte in UTF-8. The few
// values a JS template literal inside <script> cannot hold as they are (NUL,
// CR, "$", "<", "\" and "`") become U+0100 plus the value, two bytes in UTF-8,
// which the page reads back the same way, as the character's low seven bits.
const UNSAFE_IN_TEMPLATE = new Set([0x00, 0x0d, 0x24, 0x3c, 0x5c, 0x60]);

function sevenBitText(bytes) {
  const codes = [];
  const emit = (value) => codes.push(UNSAFE_IN_TEMPLATE.has(value) ? 0x100 | value : value);
  let pending = 0;
  let bits = 0;
  for (const byte of bytes) {
    pending = (pending << 8) | byte;
    bits += 8;
    while (bits >= 7) {
      bits -= 7;
      emit((pending >> bits) & 0x7f);
    }
    pending &= (1 << bits) - 1;
  }
  if (bits > 0) emit((pending << (7 - bits)) & 0x7f);
  // The last character's spare low bits are zeros that the page drops: it
  // keeps floor(7 n / 8) bytes of n characters, exactly the input length.
  return Buffer.from(Uint16Array.from(codes).buffer).toString('utf16le');
}

/** A JS expression: a promise of the wasm, unpacked from the text above, as a
 * streamed response that the browser compiles while it is still unzipped. */
function packedWasm(wasmGzip) {
  return `(async () => {
  const text = \`${sevenBitText(wasmGzip)}\`;
  const packed = new Uint8Array((text.length * 7) >> 3);
  for (let i = 0, at = 0, pending = 0, bits = 0; i < text.length; i++) {
    pending = (pending << 7) | (text.charCodeAt(i) & 0x7f);
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      packed[at++] = pending >> bits;
      pending &= (1 << bits) - 1;
    }
  }
  const unpacked = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(unpacked, { headers: { 'Content-Type': 'application/wasm' } });
})()`;
}

/** The classic script that starts the wasm (given as `packedWasm`'s expression), shown as a message if the browser cannot. */
function loader(wasmResponse) {
  return `${wasmResponse}
.then((wasm) => wasm_bindgen({ module_or_path: wasm }))
.catch((error) => {
  // Where index.html's shell stands, its own handler says it (in the link's language).
  if (!document.getElementById('shell')) {
    const message = document.createElement('p');
    message.textContent = 'Hanoi Explorer ne peut pas démarrer dans ce navigateur : ' + error;
    document.body.append(message);
  }
  throw error;
});`;
}

/**
 * The script a host page includes to use <hanoi-explorer> elements and the
 * JavaScript API. One file, like the single page: glue, wasm and CSS inside.
 * Each element renders into its own shadow root, styled by a constructed
 * stylesheet (allowed under a CSP without 'unsafe-inline'), with `all: initial`
 * on the host so the page's CSS does not leak in.
 */
/**
 * The stylesheet sizes everything in rem, which inside a shadow root is the
 * *host page's* root font size: a host with \`html { font-size: 10px }\` (a
 * common trick) would shrink the explorer to 60%. For the embed, each rem
 * becomes a multiple of --hx-rem, which the element sets to the reader's
 * default size unless the host set it. Media queries are sized in px,
 * where this would be wrong.
 */
function hostRelativeSizes(css) {
  if (/@media[^{]*rem/.test(css)) fail('a media query is sized in rem; the embed cannot rescale it');
  return css.replace(/(\d*\.?\d+)rem\b/g, 'calc($1 * var(--hx-rem, 16px))');
}

function embedScript(glue, wasmResponse, css) {
  return `// Hanoi Explorer for other sites: <script src="hanoi-explorer-embed.js"></script>, then
//   <hanoi-explorer query="..." speaker="..." country="RUS" lang="en" permalink-base="https://..."></hanoi-explorer>
// and HanoiExplorer.search(query, { speakers, countries, from, to, limit, lang, permalinkBase }).
// Needs a Content-Security-Policy that allows 'wasm-unsafe-eval' in script-src.
(() => {
${classicGlue(glue)}
// Permalinks lead to a full explorer: the element's permalink-base, or else
// the index.html that ships beside this script.
const bundlePage = new URL('index.html', document.currentScript?.src ?? location.href).href;
const ATTRIBUTES = ['query', 'speaker', 'country', 'lang', 'permalink-base'];
const started = ${wasmResponse}
  .then((wasm) => wasm_bindgen({ module_or_path: wasm }))
  .then(() => wasm_bindgen);
const css = ${JSON.stringify(':host { all: initial; display: block; contain: content; }\n' + hostRelativeSizes(css))};
let sheet;
const styles = () => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
};

class HanoiExplorerElement extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  attributeChangedCallback(name, old, value) {
    if (this.explorer && old !== value) this.explorer.set(name, value ?? undefined);
  }

  async connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [styles()];
    const root = document.createElement('div');
    shadow.append(root);
    // rem on a page of its own is the reader's default size, \`medium\`;
    // a host that wants the explorer larger or smaller sets --hx-rem.
    if (!getComputedStyle(this).getPropertyValue('--hx-rem')) {
      root.style.fontSize = 'medium';
      this.style.setProperty('--hx-rem', getComputedStyle(root).fontSize);
      root.style.removeProperty('font-size');
    }
    const api = await started;
    const attribute = (name) => this.getAttribute(name) ?? undefined;
    this.explorer = api.mount(root, this, attribute('query'), attribute('speaker'), attribute('country'), attribute('lang'),
      attribute('permalink-base'), bundlePage);
  }
}

if (!customElements.get('hanoi-explorer')) customElements.define('hanoi-explorer', HanoiExplorerElement);
window.HanoiExplorer = {
  ready: started.then(() => window.HanoiExplorer),
  search: async (query, filters) => (await started).search(String(query ?? ''), { permalinkBase: bundlePage, ...filters }),
};
})();
`;
}

let html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
let wasmRaw;
let glueText;
/** `packedWasm`'s expression, built once: the page and the embed script share it. */
let wasmResponse;
let gzipMinimum = 0;
const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 });

let stylesheet = '';
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const { rel, href } = attributes(tag);
  if (rel === 'stylesheet') {
    const css = local(href).toString('utf8');
    stylesheet = css;
    gzipMinimum += gzip(css).length;
    if (/<\/style/i.test(css)) fail(`${href} contains "</style"`);
    return `<style>\n${css}</style>`;
  }
  if (rel === 'icon') {
    const type = MEDIA_TYPES[path.extname(href)] ?? fail(`unknown icon type: ${href}`);
    return `<link rel="icon" href="data:${type};base64,${local(href).toString('base64')}">`;
  }
  // Preloads only fetch what is now inline.
  if (rel === 'modulepreload' || rel === 'preload') return '';
  if (href?.startsWith('./')) fail(`no rule to inline ${tag}`);
  return tag;
});

html = html.replace(/<script id="sw-register">[\s\S]*?<\/script>\s*/, '');

// The app's scripts move to the end of <body>: half a megabyte of inline
// script in <head> would hold back the first paint of index.html's shell (the
// masthead and a search box that takes typing) until it is parsed. The wasm
// starts asynchronously either way, and #app is parsed before them.
let appScripts = '';
html = html.replace(/<script type="module">([\s\S]*?)<\/script>/, (_, trunkLoader) => {
  const js = trunkLoader.match(/from '(\.\/[^']+\.js)'/)?.[1] ?? fail('no glue import in Trunk\'s loader');
  const wasm = trunkLoader.match(/module_or_path: '(\.\/[^']+\.wasm)'/)?.[1] ?? fail('no wasm URL in Trunk\'s loader');
  const glue = local(js);
  wasmRaw = local(wasm);
  glueText = glue.toString('utf8');
  const wasmGzip = gzip(wasmRaw);
  gzipMinimum += gzip(glue).length + wasmGzip.length;
  wasmResponse = packedWasm(wasmGzip);
  appScripts = `<script>\n${scriptText(classicGlue(glueText))}\n</script>\n<script>\n${scriptText(loader(wasmResponse))}\n</script>\n`;
  return '';
});
if (!html.includes('</body>')) fail('dist/index.html has no </body> to put the app\'s scripts before');
html = html.replace('</body>', () => `${appScripts}</body>`);

if (!wasmRaw) fail('no <script type="module"> from Trunk in dist/index.html');
if (!stylesheet) fail('no stylesheet in dist/index.html');
const leftover = html.match(/\b(?:src|href)="\.\/[^"]*"|type="module"/);
if (leftover) fail(`dist/index.html still refers to a file after inlining: ${leftover[0]}`);

fs.writeFileSync(path.join(dist, OUTPUT), html);
const size = Buffer.byteLength(html);
console.log(`single file ${OUTPUT}: ${size} bytes raw, ${gzip(html).length} bytes gzip; `
  + `wasm+js+css gzip: ${gzipMinimum} bytes`);

const embed = embedScript(glueText, wasmResponse, stylesheet);
fs.writeFileSync(path.join(dist, EMBED_OUTPUT), embed);
console.log(`embed script ${EMBED_OUTPUT}: ${Buffer.byteLength(embed)} bytes raw, ${gzip(embed).length} bytes gzip`);
