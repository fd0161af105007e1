/**
 * What the service worker (client/sw.ts) does with each request: pure, so it is unit-tested apart
 * from the browser. Issue 19: a laptop that loses its server still opens the map and the last data.
 */
export const CACHES = {
  /** Hashed build files: the same for everyone, immutable. */
  assets: 'corridor-assets-v1',
  /** The pages (index.html): no user data in them. */
  shell: 'corridor-shell-v1',
  /** API answers of the last views: the signed-in user's data. The page deletes every cache named
   *  corridor-api… at sign-out (client/offline/offline.ts), so keep that prefix. */
  api: 'corridor-api-v1',
} as const;

/** How many API answers are kept (oldest dropped first): the last views, not a copy of the server. */
export const API_ENTRIES = 300;

/** Header the server puts on answers of data-manager-only routes (server/http/route.ts): never kept offline. */
export const OFFLINE_HEADER = 'corridor-offline';
/** When the worker stored an API answer (ISO time): the banner's "data as of". */
export const CACHED_AT_HEADER = 'corridor-cached-at';

export type Strategy = 'cache-first' | 'network-first-shell' | 'network-first-api' | 'refuse-offline' | 'network';

/** The strategy for a request to our own origin (others are never touched). */
export function strategyFor(method: string, pathname: string): Strategy {
  const api = pathname.startsWith('/api/') || pathname.startsWith('/ogc/');
  if (method !== 'GET') return api ? 'refuse-offline' : 'network';
  if (pathname.startsWith('/assets/')) return 'cache-first';
  if (pathname === '/' || pathname === '/index.html') return 'network-first-shell';
  // The API reference (/api/docs) is documentation, not data: left to the network.
  if (api && !pathname.startsWith('/api/docs')) return 'network-first-api';
  return 'network';
}

/**
 * `no-store` answers the app cannot open without: who is signed in (name and role, nothing secret;
 * without it an offline page asks for a sign-in it cannot do) and the server status (demo or not).
 * They are kept as the user's other data is, and dropped with it at sign-out.
 */
const NEEDED_TO_START = new Set(['/api/v1/auth/me', '/api/v1/health']);

/**
 * Whether an API answer may be kept for offline use: a success, not `no-store` (secrets, exports,
 * audit, job status) unless the app needs it to start, not marked by the server as data-manager-only.
 */
export function mayKeep(pathname: string, status: number, headers: { get(name: string): string | null }): boolean {
  if (status !== 200) return false;
  if (/\bno-store\b/i.test(headers.get('cache-control') ?? '') && !NEEDED_TO_START.has(pathname)) return false;
  return headers.get(OFFLINE_HEADER) !== 'never';
}

/** The problem a write gets when there is no connection: nothing was sent, so nothing is half-done. */
export const OFFLINE_WRITE_PROBLEM = {
  type: 'about:blank',
  title: 'Offline',
  status: 503,
  detail: 'this computer is offline, so nothing was sent or saved; try again when the connection is back',
};
