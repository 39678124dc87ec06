// changwat's service worker: the app shell works offline after a first visit, so an
// officer at a site without signal can reload the field entry page and still see it
// and the entries waiting on the phone (those live in IndexedDB, not here).
//
// - Pages (navigations): from the network; without it, the last index.html.
// - /assets/* (hashed, never change): from the cache, else the network (then kept).
//   At install the assets index.html names are kept; the page also sends the URLs it
//   loaded before this worker took control (message "cache-urls").
// - A few API reads the field pages need (who is signed in, the action plan, the
//   project's plan element with its indicators, its progress, photos and
//   procurements): from the network, the last answer when offline, marked with
//   X-Changwat-Offline: 1. /auth/me is kept without its CSRF token.
//   Writes are never touched: the page's own queue sends them.
// - Signing in or out clears the kept API answers.
// Registered by the field pages (src/offline/register.ts), not on every page.
const version = "v1";
const shellCache = `changwat-shell-${version}`;
const assetCache = `changwat-assets-${version}`;
const apiCache = `changwat-api-${version}`;
const ours = [shellCache, assetCache, apiCache];

const apiReads = [
  /^\/api\/v1\/auth\/me$/,
  /^\/api\/v1\/action-plans\/\d+$/,
  /^\/api\/v1\/projects\/\d+\/progress$/,
  /^\/api\/v1\/projects\/\d+\/photos$/,
  /^\/api\/v1\/projects\/\d+\/procurements$/,
  /^\/api\/v1\/plans\/\d+\/elements\/\d+$/,
  /^\/api\/v1\/agencies$/,
  /^\/api\/v1\/fiscal-years$/,
  // The tourism sales page: the manager's community and what it sells.
  /^\/api\/v1\/tourism\/communities\/\d+$/,
  /^\/api\/v1\/tourism\/communities\/\d+\/(products|experiences)$/,
  // The checkpoint screening page: the province's checkpoints.
  /^\/api\/v1\/health\/checkpoints$/,
];

async function cacheShell() {
  const response = await fetch("/index.html", { cache: "no-store" });
  if (!response.ok) return;
  const text = await response.clone().text();
  const cache = await caches.open(shellCache);
  await cache.put("/index.html", response);
  const assets = new Set();
  for (const match of text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) assets.add(match[1]);
  await cacheUrls([...assets]);
}

async function cacheUrls(urls) {
  const cache = await caches.open(assetCache);
  await Promise.all(
    urls.map(async (url) => {
      try {
        if (await cache.match(url)) return;
        const response = await fetch(url);
        if (response.ok) await cache.put(url, response);
      } catch {
        // offline or gone: fetched again on first use
      }
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    cacheShell()
      .catch(() => {})
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("changwat-") && !ours.includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "cache-urls" || !Array.isArray(data.urls)) return;
  const own = data.urls
    .map((url) => {
      try {
        return new URL(url, self.location.origin);
      } catch {
        return null;
      }
    })
    .filter((url) => url && url.origin === self.location.origin);
  const assets = own.filter((url) => url.pathname.startsWith("/assets/")).map((url) => url.pathname);
  // API reads the page made before this worker took control: read again and kept.
  const reads = own.filter((url) => apiReads.some((pattern) => pattern.test(url.pathname)));
  event.waitUntil(
    Promise.all([
      cacheUrls(assets),
      ...reads.map((url) =>
        apiRead(new Request(url.pathname + url.search, { credentials: "same-origin" }), url.pathname).catch(
          () => null,
        ),
      ),
    ]),
  );
});

function offlineCopy(response) {
  const headers = new Headers(response.headers);
  headers.set("X-Changwat-Offline", "1");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function pageRequest(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get("Content-Type") || "").startsWith("text/html")) {
      const cache = await caches.open(shellCache);
      await cache.put("/index.html", response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match("/index.html", { cacheName: shellCache });
    if (cached) return cached;
    throw error;
  }
}

async function assetRequest(request) {
  const cache = await caches.open(assetCache);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request.url, response.clone());
  return response;
}

async function apiRead(request, path) {
  const cache = await caches.open(apiCache);
  try {
    const response = await fetch(request);
    if (response.ok) {
      if (path === "/api/v1/auth/me") {
        // Who is signed in, without the CSRF token (it never leaves memory otherwise).
        const session = await response.clone().json();
        delete session.csrf_token;
        await cache.put(
          request.url,
          new Response(JSON.stringify(session), { headers: { "Content-Type": "application/json" } }),
        );
      } else {
        await cache.put(request.url, response.clone());
      }
    } else if (response.status === 401) {
      await caches.delete(apiCache);
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request.url);
    if (cached) return offlineCopy(cached);
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // Signing in or out: whatever was kept belongs to the previous person.
    if (url.pathname.startsWith("/api/v1/auth/")) event.waitUntil(caches.delete(apiCache));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(pageRequest(request));
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(assetRequest(request));
    return;
  }
  // The field queue's fresh read of /auth/me (a CSRF token) never comes from here.
  if (request.headers.get("X-Changwat-Fresh")) return;
  if (apiReads.some((pattern) => pattern.test(url.pathname)))
    event.respondWith(apiRead(request, url.pathname));
});
