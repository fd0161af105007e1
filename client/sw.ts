/**
 * Corridor's service worker (issue 19: offline use of a server deployment). Hand-written and
 * small; built by Vite as /sw.js (one file, no imports at run time). Strategies (offline/policy.ts):
 * hashed assets cache-first; the page and API GETs network-first with the cached copy when the
 * network fails (the page is told, for its "offline — data as of" banner); API writes without a
 * connection are refused with a problem, never queued or lost silently.
 */
import { API_ENTRIES, CACHED_AT_HEADER, CACHES, mayKeep, OFFLINE_WRITE_PROBLEM, strategyFor } from './offline/policy.js';

// The lib "webworker" types clash with the DOM ones this project compiles with: the few we use.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  readonly clientId: string;
  respondWith(r: Response | Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEvent {
  readonly data: unknown;
  readonly source: { postMessage(m: unknown): void } | null;
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; get(id: string): Promise<{ postMessage(m: unknown): void } | undefined> };
  location: Location;
  navigator: Navigator;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEventLike) => void): void;
}
const sw = self as unknown as WorkerScope;

sw.addEventListener('install', (e) => e.waitUntil(sw.skipWaiting()));
sw.addEventListener('activate', (e) => {
  const current = new Set<string>(Object.values(CACHES));
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('corridor-') && !current.has(k)).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

async function trimApiCache(cache: Cache): Promise<void> {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - API_ENTRIES)).map((k) => cache.delete(k)));
}

/** Keeps a copy of an API answer, stamped with the time it was fetched. */
async function keepApi(request: Request, res: Response): Promise<void> {
  if (!mayKeep(new URL(request.url).pathname, res.status, res.headers)) return;
  const headers = new Headers(res.headers);
  headers.set(CACHED_AT_HEADER, new Date().toISOString());
  const cache = await caches.open(CACHES.api);
  // Re-inserted, so the key order is the order of last use (trimming drops the oldest).
  await cache.delete(request);
  await cache.put(request, new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers }));
  await trimApiCache(cache);
}

async function tell(clientId: string, message: unknown): Promise<void> {
  const client = clientId ? await sw.clients.get(clientId) : undefined;
  client?.postMessage(message);
}

async function apiNetworkFirst(e: FetchEvent): Promise<Response> {
  try {
    const res = await fetch(e.request);
    e.waitUntil(keepApi(e.request, res.clone()));
    return res;
  } catch (err) {
    const cached = await caches.match(e.request, { cacheName: CACHES.api, ignoreVary: true });
    if (!cached) throw err;
    void tell(e.clientId, { type: 'corridor-offline', at: cached.headers.get(CACHED_AT_HEADER) });
    return cached;
  }
}

async function shellNetworkFirst(e: FetchEvent): Promise<Response> {
  try {
    const res = await fetch(e.request);
    if (res.ok) {
      const copy = res.clone();
      e.waitUntil(caches.open(CACHES.shell).then((c) => c.put('/', copy)));
    }
    return res;
  } catch (err) {
    const cached = await caches.match('/', { cacheName: CACHES.shell });
    if (!cached) throw err;
    return cached;
  }
}

async function cacheFirst(e: FetchEvent): Promise<Response> {
  const cached = await caches.match(e.request, { cacheName: CACHES.assets });
  if (cached) return cached;
  const res = await fetch(e.request);
  if (res.ok) {
    const copy = res.clone();
    e.waitUntil(caches.open(CACHES.assets).then((c) => c.put(e.request, copy)));
  }
  return res;
}

sw.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (url.origin !== sw.location.origin) return;
  const strategy = strategyFor(e.request.method, url.pathname);
  if (strategy === 'cache-first') e.respondWith(cacheFirst(e));
  else if (strategy === 'network-first-shell' && e.request.mode === 'navigate') e.respondWith(shellNetworkFirst(e));
  else if (strategy === 'network-first-api') e.respondWith(apiNetworkFirst(e));
  else if (strategy === 'refuse-offline' && sw.navigator.onLine === false) {
    e.respondWith(new Response(JSON.stringify(OFFLINE_WRITE_PROBLEM), { status: 503, headers: { 'content-type': 'application/problem+json' } }));
  }
});

/**
 * The page's first visit ran before this worker controlled it: it sends the URLs it loaded
 * (assets and API GETs), and they are stored now, from the browser's HTTP cache.
 */
sw.addEventListener('message', (e) => {
  const data = e.data as { type?: string; urls?: unknown } | null;
  if (data?.type !== 'corridor-remember' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u): u is string => typeof u === 'string');
  const work = Promise.all(
    urls.map(async (u) => {
      const url = new URL(u, sw.location.origin);
      if (url.origin !== sw.location.origin) return;
      const strategy = strategyFor('GET', url.pathname);
      // force-cache: the copy the browser already holds, however old; the network only without one.
      const get = (): Promise<Response> => fetch(url.href, { cache: 'force-cache', headers: { accept: 'application/json' } });
      try {
        if (strategy === 'cache-first' && !(await caches.match(url.href, { cacheName: CACHES.assets }))) {
          const res = await get();
          if (res.ok) await (await caches.open(CACHES.assets)).put(url.href, res);
        } else if (strategy === 'network-first-shell') {
          const res = await fetch('/', { cache: 'force-cache' });
          if (res.ok) await (await caches.open(CACHES.shell)).put('/', res);
        } else if (strategy === 'network-first-api') {
          await keepApi(new Request(url.href), await get());
        }
      } catch {
        // A file that cannot be fetched now is fetched (and kept) on its next use.
      }
    }),
  ).then(() => e.source?.postMessage({ type: 'corridor-remembered' }));
  e.waitUntil(work);
});
