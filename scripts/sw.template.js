// IB plānotājs service worker: the app works offline after one online visit.
//
// scripts/build.mjs (through scripts/postbuild.mjs) writes dist/sw.js as three constants,
// BUILD_VERSION, OFFLINE and PRECACHE (every file of the build, relative to this script), followed
// by this file. A new build gives a new version, so the browser sees a changed sw.js and
// installs it beside the running one; it then WAITS until the page asks it to take over
// (the update banner), so an update never reloads a page under the user's feet.
//
// Every URL is relative to this script, so the app works under any sub-path. Cache names
// carry the scope, so two copies of the app on one origin never touch each other's caches.
/* global BUILD_VERSION, PRECACHE, OFFLINE */

const PREFIX = `ib-planner:${self.registration.scope}:`;
const CACHE = PREFIX + BUILD_VERSION;
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  if (!OFFLINE) return;
  // cache: 'reload' skips the HTTP cache, so the precache holds exactly this build.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, self.location.href), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Drop the caches of older builds of this copy of the app; nothing else.
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // Take control of pages opened before the first install, so the very first visit
      // already works offline. (An update only activates when the user chose to reload.)
      await self.clients.claim();
    })(),
  );
});

// The page's update banner posts this when the user chooses to reload into the new build.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  return cache.match(request, { ignoreSearch: request.mode === 'navigate' });
}

async function navigate(request) {
  const url = new URL(request.url);
  // The app itself: the scope URL, index.html, with any query string.
  if (url.href.split('?')[0] === self.registration.scope || url.href.split('?')[0] === INDEX) {
    const cached = await fromCache(new Request(INDEX));
    if (cached) return cached;
  }
  const cached = await fromCache(request);
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (err) {
    // Offline and not a precached page: the app shell.
    const shell = await fromCache(new Request(INDEX));
    if (shell) return shell;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await fromCache(request);
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  if (!OFFLINE) return;
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  event.respondWith(request.mode === 'navigate' ? navigate(request) : cacheFirst(request));
});
