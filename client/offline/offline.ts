
export interface Offline {
  /** Who is signed in now: another user's (or nobody's) cached answers are dropped. */
  user(name: string | null): void;
}

const USER_KEY = 'corridor-offline-user';

/**
 * Drops the service worker's cached API answers (the signed-in user's data; caches named
 * corridor-api…, client/offline/policy.ts); the shell and assets stay. Nothing of the worker's
 * is imported here: /sw.js must stay one file.
 */
async function forgetData(): Promise<void> {
  if (!('caches' in window)) return;
  for (const name of await caches.keys()) if (name.startsWith('corridor-api')) await caches.delete(name);
}

/**
 * What this page loaded without the worker (before it took control, on the first visit): sent to
 * it to keep. It reads them from the HTTP cache, so nothing is downloaded twice. Requests the
 * worker answered itself (workerStart > 0) it has already kept. `data-offline-ready` on <body>
 * says that everything sent so far is stored (tests wait on it).
 */
function rememberUncontrolled(reg: ServiceWorkerRegistration): void {
  let pending = 0;
  const send = (entries: PerformanceEntryList): void => {
    const urls = entries.flatMap((e) => (e instanceof PerformanceResourceTiming && e.workerStart === 0 ? [e.name] : []));
    if (urls.length === 0 || !reg.active) return;
    pending++;
    document.body.dataset['offlineReady'] = 'false';
    reg.active.postMessage({ type: 'corridor-remember', urls });
  };
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
    if (e.data?.type === 'corridor-remembered' && --pending === 0) document.body.dataset['offlineReady'] = 'true';
  });
  send([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]);
  new PerformanceObserver((list) => send(list.getEntries())).observe({ type: 'resource' });
  if (pending === 0) document.body.dataset['offlineReady'] = 'true';
}

/** "data as of" text for the banner, in the reader's time zone. */
export function asOf(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'an earlier visit';
  return d.toLocaleString(locale ?? 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * The offline side of the page (issue 19): registers the service worker (client/sw.ts), hands it
 * the URLs of this first load to keep, shows "Offline — data as of …" when it answers from its
 * cache, and clears the cached data when the user signs out or another one signs in.
 */
export function startOffline(banner: HTMLElement): Offline {
  let oldest: string | null = null;
  const show = (at: string | null): void => {
    if (at && (!oldest || at < oldest)) oldest = at;
    banner.textContent = `Offline — data as of ${oldest ? asOf(oldest) : 'an earlier visit'}. Changes cannot be saved until the connection is back.`;
    banner.hidden = false;
  };
  window.addEventListener('online', () => {
    if (!banner.hidden) banner.textContent = 'The connection is back: reload the page for current data.';
  });
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    navigator.serviceWorker.addEventListener('message', (e: MessageEvent<{ type?: string; at?: string | null }>) => {
      if (e.data?.type === 'corridor-offline') show(e.data.at ?? null);
    });
    const register = (): void => {
      navigator.serviceWorker
        .register('/sw.js', { scope: '/' })
        .then(() => navigator.serviceWorker.ready)
        .then((reg) => rememberUncontrolled(reg))
        .catch((err: unknown) => console.warn('Corridor: offline use is not available in this browser', err));
    };
    // After the page's own loads (registering is not urgent); main() may call this after 'load'
    // has fired already (it awaits the client config first), and then a listener would never run.
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }
  return {
    user(name) {
      const last = localStorage.getItem(USER_KEY);
      if (last !== null && last !== (name ?? '')) void forgetData();
      if (name) localStorage.setItem(USER_KEY, name);
      else localStorage.removeItem(USER_KEY);
    },
  };
}
