import { createStore, decodeState, encodeState, hashHasView, type Store } from './state.js';

/** What the binding uses of `window` (unit tests hand it a small fake). */
export interface HashWindow {
  readonly location: { readonly hash: string };
  readonly history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url: string): void;
    pushState(data: unknown, unused: string, url: string): void;
  };
  addEventListener(type: 'hashchange', listener: () => void): void;
}

interface UrlStore {
  store: Store;
  /** The page opened on a link that pins a viewport; without one it opens on the region overview. */
  openedWithView: boolean;
  /** Opens an app link (`#from=…&to=…`) as following a link would: a new history entry, so Back returns. */
  navigate(hash: string): void;
}

/**
 * The one place the URL hash is read and written. The store's changes are written with
 * replaceState, not pushState: panning must not fill the back button's history with hundreds
 * of entries. One write per burst of updates (a microtask after the first), so a click that
 * changes three things writes once, and the hash is current before the next event. The
 * user's own changes (Back, an edited or pasted link, a `#…` link in a page) arrive as
 * hashchange and are decoded into the store; writing with replaceState fires no hashchange,
 * so the two cannot feed each other.
 */
export function bindHash(win: HashWindow = window, later: (write: () => void) => void = queueMicrotask): UrlStore {
  const store = createStore(decodeState(win.location.hash));
  let pending = false;
  store.subscribe(() => {
    if (pending) return;
    pending = true;
    later(() => {
      pending = false;
      const hash = encodeState(store.get());
      if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
    });
  });
  const read = (): void => {
    const hash = win.location.hash;
    if (hash !== encodeState(store.get())) store.update(() => decodeState(hash));
  };
  win.addEventListener('hashchange', read);
  return {
    store,
    openedWithView: hashHasView(win.location.hash),
    navigate(hash) {
      win.history.pushState(win.history.state, '', hash);
      read();
    },
  };
}
