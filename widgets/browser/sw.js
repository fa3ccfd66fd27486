// The service worker of one court's site: after the first visit to a
// worksheet, every page of the site can be read, and the worksheets and the
// calculator work, with the network off. The build fills in VERSION and
// PRECACHE (the pages, what they load, and the Python runtime). Only
// same-origin GET requests are handled; nothing is ever sent anywhere.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
/** Each court's site has caches of its own: several courts may share one host (example.org/los-angeles/, ...). */
const CACHE_PREFIX = `odr-guide:${new URL("./", self.location).pathname}:`;
const CACHE = `${CACHE_PREFIX}${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

/** Every file of PRECACHE into this release's cache. A file whose name carries a hash or a version
 * (the runtime: megabytes) is taken from the release before when it kept that file; the others
 * come from the server. */
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(PRECACHE.map(async (path) => {
    const kept = isUnchanging(new URL(path, self.location)) ? await caches.match(path) : undefined;
    await cache.put(path, kept || await fetchOk(fromTheServer(path)));
  }));
}

async function fetchOk(request) {
  const response = await fetch(request);
  if (!response.ok) {
    throw new Error(`${response.url}: ${response.status}`); // as cache.addAll does: no release with a hole in it
  }
  return response;
}

/** A file without a version in its name is fetched from the server, not from the browser's HTTP
 * cache, which may still hold the previous release's copy (a host that sends max-age). */
function fromTheServer(path) {
  return isUnchanging(new URL(path, self.location)) ? path : new Request(path, { cache: "reload" });
}

/** A file whose name carries a content hash or a version: never stale. */
function isUnchanging(url) {
  return url.href.startsWith(IMMUTABLE) || HASHED_NAME.test(url.pathname);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

/** Files whose names carry a content hash or a version (the calculator's runtime): never stale. */
const IMMUTABLE = new URL("odr/", self.location).href;
/** Material's own assets carry a hash in their names too (main.57a0d79d.min.css). */
const HASHED_NAME = /\.[0-9a-f]{8,}(\.min)?\.(js|css)$/;
/** On a slow connection, a page waits this long for the network before the cached copy is shown. */
const NETWORK_WAIT_MS = 4000;

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  event.respondWith(isUnchanging(url) ? cacheFirst(request) : networkFirst(event));
});

/** The cache's key for a request: its address without the query (Material links search results with
 * ?h=word, and loads its search script with ?material=...), so one copy serves them all. An exact
 * address is one lookup: Chromium's `ignoreSearch` reads every entry of the cache (a few hundred
 * pages) for every request. */
function cacheKey(request) {
  const url = new URL(request.url);
  url.search = "";
  return url.href;
}

// Pages, and files without a hash in their names (the search index, images):
// the newest from the network, the cached copy offline or when the network is too slow.
async function networkFirst(event) {
  const key = cacheKey(event.request);
  const fresh = fetch(event.request);
  const opened = caches.open(CACHE);
  const lookedUp = opened.then((cache) => cache.match(key));
  // The cache is refreshed even when the cached copy was shown, unless the server says the file is the
  // one kept. The copy is taken as soon as the response arrives, before the page reads it.
  const refreshed = fresh.then(async (response) => {
    if (!response.ok) {
      return;
    }
    const copy = response.clone();
    if (sameFile(await lookedUp, copy)) {
      await copy.body?.cancel();
    } else {
      await (await opened).put(key, copy);
    }
  });
  event.waitUntil(refreshed.catch(() => {}));
  const cached = await lookedUp;
  if (!cached) {
    return fresh;
  }
  const slow = new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_WAIT_MS));
  return Promise.race([fresh.catch(() => cached), slow]);
}

/** The kept copy is the file the server sent: the same ETag, or the same Last-Modified and length. */
function sameFile(kept, response) {
  if (!kept) {
    return false;
  }
  const header = (from, name) => from.headers.get(name);
  if (header(response, "ETag")) {
    return header(kept, "ETag") === header(response, "ETag");
  }
  return ["Last-Modified", "Content-Length"].every((name) => header(response, name) !== null
                                                     && header(kept, name) === header(response, name));
}

// The runtime, and what the worksheet pages load: the build gives them a new
// cache version whenever one of them changes.
async function cacheFirst(request) {
  const key = cacheKey(request);
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    cache.put(key, response.clone());
  }
  return response;
}
