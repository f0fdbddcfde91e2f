// Service worker: keeps one release of the app so it opens offline after one
// visit, and so a tablet keeps working whatever the network does (a captive
// portal's login page, a 503, a connection that never answers).
//
// - Pages come from the cache first: every page of the site (the list,
//   each item, the overview, … in both languages) is precached with the
//   release, so a portal's page, an error or a newer release's page never
//   replaces one, and old and new files never mix.
// - A new release is downloaded in the background into a cache of its own,
//   every file checked against the hash the build wrote, and applied only
//   when the user chooses (boot.js and the app announce it).
//
// `cargo xtask postbuild` (run by trunk after each build) replaces VERSION,
// PRECACHE and STAFF_FILES below with the build's file lists and content
// hashes; the untouched template (VERSION 'dev') does nothing. The staff
// bundle (STAFF_FILES) is not precached, since citizens never download it:
// it is kept once staff mode has loaded it, and a new release fetches its
// copy only on a device that kept the previous one.
const VERSION = 'dev';
const PRECACHE = [];
const STAFF_FILES = [];

const PREFIX = 'ueda-reform-';
const CACHE = PREFIX + VERSION;
const REVISION_HEADER = 'x-precache-revision';

// The first 16 hex digits of the SHA-256 of `bytes`: what the build writes
// as each file's revision (xtask/src/pwa.rs).
async function revisionOf(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

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

// Downloads `url` and checks it is the file the build listed: a portal's
// page, a truncated download or a file of another release fails the install,
// and the release in use stays as it is.
async function download(url, revision) {
  // 'no-cache' revalidates: a file the page has just loaded is not downloaded again.
  const response = await fetch(new Request(url, { cache: 'no-cache' }));
  if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  const got = await revisionOf(bytes);
  if (got !== revision) throw new Error(`precache ${url}: revision ${got}, expected ${revision}`);
  const headers = new Headers(response.headers);
  headers.set(REVISION_HEADER, revision);
  // Stored decoded: the cache answers with the bytes themselves.
  headers.delete('content-encoding');
  headers.delete('content-length');
  return new Response(bytes, { status: 200, statusText: 'OK', headers });
}

// Whether an older release's cache kept a staff bundle: staff mode was used
// on this device, so the new release's staff bundle is fetched too.
async function keptStaffBundle() {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const keys = await (await caches.open(name)).keys();
    if (keys.some((request) => /\/ueda-reform-staff-[0-9a-f]+(?:_bg\.wasm|\.js)$/.test(request.url))) return true;
  }
  return false;
}

self.addEventListener('install', (event) => {
  if (VERSION === 'dev') return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const staffUsedHere = await keptStaffBundle();
    const files = staffUsedHere ? [...PRECACHE, ...STAFF_FILES] : PRECACHE;
    await Promise.all(files.map(async ({ url, revision }) => {
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

// A page: every page of the site is its own file, precached with the
// release, so it is answered from the cache (`item/17/` is the cached
// `item/17/index.html`). What is not one of the site's pages (a file a link
// points to, an address that never existed) comes from the network; offline,
// the site's "not found" page answers for an address the site does not have.
async function answerPage(request) {
  const cache = await caches.open(CACHE);
  const start = await cache.match('index.html');
  // Installed but not yet holding this release (or dev): the network as is.
  if (!start) return fetch(request);
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return fetch(request);
  const below = url.pathname.slice(scope.pathname.length);
  const key = below === '' || below.endsWith('/') ? `${below}index.html` : below;
  const kept = await cache.match(key);
  if (kept) return kept;
  try {
    return await fetch(request);
  } catch {
    return (await cache.match('404.html')) ?? start;
  }
}

self.addEventListener('fetch', (event) => {
  if (VERSION === 'dev') return;
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(answerPage(request));
    return;
  }
  // Files: trunk puts content hashes in the names of the code; the rest is
  // this release's too, so the cache is right.
  event.respondWith((async () => {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
    if (cached) return cached;
    const staff = STAFF_FILES.find((file) => new URL(request.url).pathname.endsWith('/' + file.url));
    if (!staff) return fetch(request);
    // The staff bundle, loaded by staff mode: checked like a precached file
    // and kept for offline use.
    const response = await download(request.url, staff.revision);
    await (await caches.open(CACHE)).put(staff.url, response.clone());
    return response;
  })());
});
