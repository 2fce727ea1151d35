// The offline gate's service worker (issue 11). It keeps what the gate page needs to open and
// work with no network: the page itself (each /gate page as last fetched), its scripts, styles and
// WebJars, the manifest and icons, and the offline bundle (policy, pass keys, revocations, expected
// visitors). Pages and the bundle: network first, the copy kept when the network fails. Static files:
// the copy kept at once, refreshed in the background. Nothing else is touched: posts (checks, the
// queue's sync) always go to the network. The page fonts are the system's (css/app.css): none to keep.
'use strict';
var CACHE = 'eg-gate-v1'; // the same name in js/offline-queue.js (keepPage)
var SHELL = ['/css/app.css', '/css/gate-offline.css', '/js/app.js', '/js/gate.js', '/js/gate-page.js', '/js/gate-rules.js', '/js/offline-queue.js',
  '/js/nav.js', '/js/gate-hand.js', '/js/camera-scan.js', '/js/vendor/zxing-library-0.23.0.min.js',
  '/webjars/htmx.org/dist/htmx.min.js', '/manifest.webmanifest', '/img/gate-icon.svg', '/img/gate-icon-192.png',
  '/img/gate-icon-512.png'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // One missing file must not keep the worker from installing: each is added on its own.
    return Promise.all(SHELL.map(function (url) { return cache.add(url).catch(function () { return null; }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('eg-gate-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function gatePage(url) { return url.pathname === '/gate'; }
function bundle(url) { return url.pathname === '/gate/offline-bundle.json'; }
function staticFile(url) {
  return /^\/(js|css|img|webjars)\//.test(url.pathname) || url.pathname === '/manifest.webmanifest';
}

/** A response worth keeping: a real page, not the login page a lapsed session is sent to. */
function keepable(response) {
  return response && response.ok && !response.redirected && response.type === 'basic';
}

function networkFirst(request, fallback) {
  return fetch(request).then(function (response) {
    if (keepable(response)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) { return hit || (fallback ? fallback(cache) : undefined); });
    }).then(function (hit) { return hit || Response.error(); });
  });
}

function staleWhileRevalidate(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      var fresh = fetch(request).then(function (response) {
        if (keepable(response)) { cache.put(request, response.clone()); }
        return response;
      });
      if (hit) {
        fresh.catch(function () { return null; });
        return hit;
      }
      return fresh;
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (gatePage(url) && request.mode === 'navigate') {
    // Any gate page kept, when this very one (another shift, another mode) never was.
    event.respondWith(networkFirst(request, function (cache) { return cache.match('/gate', { ignoreSearch: true }); }));
  } else if (bundle(url)) {
    event.respondWith(networkFirst(request, function (cache) { return cache.match(request, { ignoreSearch: true }); }));
  } else if (staticFile(url)) {
    event.respondWith(staleWhileRevalidate(request));
  }
});
