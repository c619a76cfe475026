// The service worker of an http(s) deployment of dist/: it keeps a copy of the
// app so that a kiosk which has lost its network still starts. The corpus and
// its index are compiled into the wasm, so the handful of files Trunk writes
// is the whole app, and caching them is enough.
//
// `make build` (scripts/stamp-sw.mjs) replaces the BUILD line below with the
// build's files and a hash of their contents. A new build therefore ships a
// different sw.js, which the browser installs beside the running one; the new
// worker caches its own files under its own name, takes over, and deletes the
// caches of earlier builds.
const BUILD = { version: 'unstamped', files: [] };

// Caches belong to the origin, not to the worker's scope: the scope is in the
// name so that two deployments on one host (say /a/ and /b/) never delete
// each other's copy.
const SCOPE = self.registration.scope;
const PREFIX = `hanoi-explorer ${SCOPE} `;
const CACHE = PREFIX + BUILD.version;
// The page itself: every navigation falls back to it, as the app keeps its
// state in the URL hash, which never reaches the worker.
const SHELL = new URL('./', SCOPE).href;
// Past this, an answer from the network is given up for the cached page: a
// network that is down often fails slowly rather than at once.
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload` skips the HTTP cache, so the copy is this build's and nothing older.
    const urls = [SHELL, ...BUILD.files.map((file) => new URL(file, SCOPE).href)];
    await cache.addAll(urls.map((url) => new Request(url, { cache: 'reload' })));
    // Hashed file names keep an open page of the previous build working (it has
    // its wasm in memory already), so the new worker need not wait for it to close.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const stale = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    await Promise.all(stale.map((name) => caches.delete(name)));
    // Control the page that registered the worker, so it works offline from its next load on.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request));
});

// The page comes from the network when it can, so a new deployment shows at
// once; the cache is never refreshed from here, since a page newer than the
// cached wasm, JS and CSS would not match them.
async function networkFirst(request) {
  const cached = await (await caches.open(CACHE)).match(SHELL);
  const network = fetch(request);
  if (!cached) return network;
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, cached));
  return Promise.race([network.catch(() => cached), timeout]);
}

// Everything else has a content hash in its name, so a cached copy is never stale.
async function cacheFirst(request) {
  return (await (await caches.open(CACHE)).match(request)) ?? fetch(request);
}
