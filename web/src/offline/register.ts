// Registers the service worker (web/public/sw.js, served at the site root so its
// scope is the whole app) and hands it the URLs this page loaded before it took
// control, so the first visit's code is kept for offline reloads too.
let registering: Promise<void> | null = null;

// The code and the API reads this page loaded (the worker keeps those it caches),
// and who is signed in (asked by the worker itself, kept without the CSRF token).
function loadedUrls(): string[] {
  const urls = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => {
      try {
        const url = new URL(name);
        return (
          url.origin === location.origin &&
          (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/api/v1/"))
        );
      } catch {
        return false;
      }
    });
  return [location.origin + "/api/v1/auth/me", ...new Set(urls)];
}

export function registerServiceWorker(): Promise<void> {
  if (registering) return registering;
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator) || import.meta.env.DEV) {
    return Promise.resolve();
  }
  registering = navigator.serviceWorker
    .register("/sw.js", { scope: "/" })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      registration.active?.postMessage({ type: "cache-urls", urls: loadedUrls() });
    })
    .catch(() => {
      // Without a service worker the page still works online; only offline reloads fail.
    });
  return registering;
}

// Whether a service worker controls this page (a reload offline will still load).
export function offlineReady(): boolean {
  return (
    typeof navigator !== "undefined" && "serviceWorker" in navigator && !!navigator.serviceWorker.controller
  );
}
