// A tiny static file server for dist/: what `make run` serves and what the
// browser tests load. It exists because Trunk's own server rebuilds and
// watches, and because the tests need to serve under a sub-path.
//
//   node scripts/serve.mjs [dir] [--port 8080] [--base /some/sub/dir/]
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves `root` at `base` on 127.0.0.1; resolves to { url, close }. */
export function serve({ root, port = 0, base = '/' }) {
  const rootDir = path.resolve(root);
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) {
      response.writeHead(404).end('not found');
      return;
    }
    pathname = pathname.slice(base.length);
    if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(rootDir, pathname);
    if (!file.startsWith(rootDir + path.sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    try {
      const body = await fs.readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      resolve({
        url: `http://127.0.0.1:${bound}${base}`,
        // A browser still open keeps sockets alive (a service worker's fetch,
        // keep-alive): closing them too means a test's teardown never waits
        // on the browser it has not closed yet.
        close: () => new Promise((done) => {
          server.close(done);
          server.closeAllConnections();
        }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] ? args.splice(at, 2)[1] : fallback;
  };
  const port = Number(option('--port', '8080'));
  const base = option('--base', '/');
  const root = args[0] ?? 'dist';
  const { url } = await serve({ root, port, base });
  console.log(`hanoi-explorer: serving ${root}/ at ${url} (Ctrl-C to stop)`);
}
