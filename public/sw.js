// Service worker: keeps every file of the release build so the app opens
// offline after one visit. `cargo xtask postbuild` (run by trunk after each
// build) replaces VERSION and PRECACHE below with the build's file list and
// content hashes; the untouched template (VERSION 'dev') does nothing.
const VERSION = 'dev';
const PRECACHE = [];

const PREFIX = 'ueda-reform-';
const CACHE = PREFIX + VERSION;
const REVISION_HEADER = 'x-precache-revision';

// Returns a cached response of `url` with this revision from an older cache,
// so a new release downloads only the files that changed.
async function reuse(url, revision) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cached = await (await caches.open(name)).match(url);
    if (cached && cached.headers.get(REVISION_HEADER) === revision) return cached;
  }
  return null;
}

async function download(url, revision) {
  // 'no-cache' revalidates: a file the page has just loaded is not downloaded again.
  const response = await fetch(new Request(url, { cache: 'no-cache' }));
  if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
  const headers = new Headers(response.headers);
  headers.set(REVISION_HEADER, revision);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('install', (event) => {
  if (VERSION === 'dev') return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(PRECACHE.map(async ({ url, revision }) => {
      const response = (await reuse(url, revision)) ?? (await download(url, revision));
      await cache.put(url, response);
    }));
  })());
  // No skipWaiting here: a waiting version is announced in the page, and the
  // user chooses when to reload into it.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  if (VERSION === 'dev') return;
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: fresh from the network when online, from the cache otherwise.
    // Every view is index.html with a query string, except the prerendered
    // item pages (item/N/), which offline become the same item in index.html.
    event.respondWith((async () => {
      try {
        return await fetch(request);
      } catch (error) {
        const url = new URL(request.url);
        const below = url.pathname.slice(new URL(self.registration.scope).pathname.length);
        const item = /^item\/(\d+)\/(index\.html)?$/.exec(below);
        if (item) {
          const query = url.search ? `${url.search}&item=${item[1]}` : `?item=${item[1]}`;
          return Response.redirect(self.registration.scope + query, 302);
        }
        const cached = await caches.match('index.html', { cacheName: CACHE });
        if (cached) return cached;
        throw error;
      }
    })());
    return;
  }
  // Assets: trunk puts content hashes in their names, so the cache is right.
  event.respondWith((async () => {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
    return cached ?? fetch(request);
  })());
});
