// @ts-check
/// <reference lib="webworker" />
// The site's service worker: after one visit the guide, the error lookup and the playground (Python
// included) work with the network off. src/integrations/service-worker.ts writes it to <base>sw.js with
// the build's file list in place of __PRECACHE__.
//
// - Pages: from the network when it answers, else from the cache (a reload offline shows the page,
//   not the browser's error page).
// - Everything else the site serves: from the cache, else from the network (and kept). (Racing the
//   browser's HTTP cache for Python with a static route measured no faster in `npm run bench`.)
// - Other origins and non-GET requests are never touched (the site makes none).
// - Each build has its own cache; the previous build's is deleted when this one takes over.

/** @type {ServiceWorkerGlobalScope} */
const sw = /** @type {any} */ (self);

/** @type {{ version: string, base: string, shell: string[], runtime: string[] }} */
const PRECACHE = /** @type {any} */ (self).__PRECACHE__;
const CACHE = `mcp-migrate-site-${PRECACHE.version}`;
const PREFIX = 'mcp-migrate-site-';
const scope = new URL(PRECACHE.base, sw.location.href);

/**
 * Fetch and store URLs, a few at a time (a failed one fails the whole batch).
 * @param {Cache} cache
 * @param {string[]} urls
 */
async function store(cache, urls) {
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const res = await fetch(new Request(url, { cache: 'no-cache' }));
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      await cache.put(url, res);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // The pages, styles, scripts and search index first: without them nothing works offline.
      await store(cache, PRECACHE.shell);
      // Then Python (about 20 MB), which the playground needs offline. Here, not on activation: a
      // worker that is still activating holds back every request of the pages it controls.
      await store(cache, PRECACHE.runtime).catch(() => {}); // retried by the next fetch of each file
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      // A page request goes out while this worker starts up, not after.
      await sw.registration.navigationPreload?.enable();
      await sw.clients.claim();
    })(),
  );
});

/**
 * A page: from the network (started by the navigation preload while this worker woke up), kept for
 * offline use without holding the answer back; from the cache when the network fails.
 * @param {FetchEvent} event
 */
async function page(event) {
  const { request } = event;
  try {
    const res = (await event.preloadResponse) ?? (await fetch(request));
    if (res.ok) {
      const copy = res.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return res;
  } catch (err) {
    const cache = await caches.open(CACHE);
    const hit =
      (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ??
      (await cache.match(new URL('404.html', scope).href, { ignoreVary: true }));
    if (hit) return hit;
    throw err;
  }
}

/** @param {Request} request */
async function asset(request) {
  const cache = await caches.open(CACHE);
  // Servers may answer `Vary: Origin`; a module script's request has an Origin, the stored one had none.
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.type === 'basic') await cache.put(request, res.clone());
  return res;
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.headers.has('range')) return; // the cache stores whole responses only
  event.respondWith(request.mode === 'navigate' ? page(event) : asset(request));
});
