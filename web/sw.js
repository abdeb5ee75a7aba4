// sw.js: Limber's service worker. Makes the app work offline and updates it safely.
//
// The build (cmake/make_service_worker.py) fills in CACHE, named from a hash of every file
// it lists, and FILES, everything the app needs. Installing precaches them all; a new build
// installs beside the old one and waits: the page says an update is ready and sends
// 'skip-waiting' only when the person agrees and no session is running. Activating deletes
// the caches of older builds. Requests for our own files are answered from the cache first;
// opening the app (its folder or index.html) gets the cached page.
'use strict';

const CACHE = '__LIMBER_CACHE__';
const FILES = __LIMBER_FILES__;

// Each file is asked for with 'no-cache': the host is asked whether the copy the page has just
// downloaded is still this build's (a few hundred bytes, answered 304), and only a changed file
// comes again. ('reload' downloaded everything a second time on every first visit.)
// The page itself is kept under ./index.html but was most often opened as the folder (./): asking
// for the address it was opened at reuses that copy too. Not ./ always: a host without directory
// indexes (an S3 REST endpoint) would fail the install.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const ask = (f) => new Request(f, { cache: 'no-cache' });
    await cache.addAll(FILES.filter((f) => f !== './index.html').map(ask));
    const scope = new URL(self.registration.scope).pathname;
    const opened = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const asFolder = opened.some((c) => new URL(c.url).pathname === scope);
    const page = asFolder ? await fetch(ask('./')).catch(() => null) : null;
    await cache.put('./index.html', page && page.ok ? page : await fetch(ask('./index.html')));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('limber-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  const reply = (event.ports && event.ports[0]) || event.source;  // a channel's port, or the page
  if (event.data === 'version' && reply) reply.postMessage({ limberCache: CACHE });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;  // never ours to answer
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Navigations to the app itself get its page (the routine lives in the fragment); any
    // other page in scope (examples/clinic.html) is only ever answered as itself.
    const scope = new URL(self.registration.scope);
    if (request.mode === 'navigate' && (url.pathname === scope.pathname || url.pathname === scope.pathname + 'index.html')) {
      const page = await cache.match('./index.html');
      if (page) return page;
    }
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
