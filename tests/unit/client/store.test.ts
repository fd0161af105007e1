import { describe, expect, it } from 'vitest';
import { createStore, decodeState, defaultState, encodeState, withLayer, type AppState } from '../../../client/state.js';
import { bindHash, type HashWindow } from '../../../client/urlHash.js';

type Call = [next: AppState, prev: AppState];

function recorder(): { calls: Call[]; listener: (next: AppState, prev: AppState) => void } {
  const calls: Call[] = [];
  return { calls, listener: (next, prev) => void calls.push([next, prev]) };
}

describe('the state store', () => {
  it('when the state is updated, then each listener gets the new and the previous state once', () => {
    const store = createStore(defaultState());
    const a = recorder();
    const b = recorder();
    store.subscribe(a.listener);
    store.subscribe(b.listener);
    const before = store.get();
    store.update((s) => withLayer(s, 'sites', true));
    expect(store.get().layers.has('sites')).toBe(true);
    for (const r of [a, b]) {
      expect(r.calls).toHaveLength(1);
      expect(r.calls[0]?.[0]).toBe(store.get());
      expect(r.calls[0]?.[1]).toBe(before);
    }
    // Untouched slices keep their identity: a view compares them to react only to its own.
    expect(store.get().flows).toBe(before.flows);
    expect(store.get().layers).not.toBe(before.layers);
  });

  it('when a patch is given, then only its fields are replaced', () => {
    const store = createStore(defaultState());
    const before = store.get();
    store.update({ view: { lat: -9.32, lon: 32.76, zoom: 12 } });
    expect(store.get().view).toEqual({ lat: -9.32, lon: 32.76, zoom: 12 });
    expect(store.get().planner).toBe(before.planner);
  });

  it('when a listener unsubscribes, then it hears nothing more and the others still do', () => {
    const store = createStore(defaultState());
    const a = recorder();
    const b = recorder();
    const stop = store.subscribe(a.listener);
    store.subscribe(b.listener);
    store.update((s) => withLayer(s, 'sites', true));
    stop();
    store.update((s) => withLayer(s, 'labels', false));
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(2);
  });

  it('when an update replaces nothing, then nobody is told', () => {
    const store = createStore(defaultState());
    const r = recorder();
    store.subscribe(r.listener);
    const s = store.get();
    store.update({ flows: s.flows, layers: s.layers });
    store.update((x) => x);
    expect(r.calls).toHaveLength(0);
  });

  it('when a listener writes back what it was given, then it is not called again (no loop)', () => {
    const store = createStore(defaultState());
    let calls = 0;
    store.subscribe((next) => {
      calls++;
      if (calls > 10) throw new Error('listener loop');
      store.update({ layers: next.layers, view: next.view });
    });
    store.update((s) => withLayer(s, 'sites', true));
    expect(calls).toBe(1);
  });

  it('when a listener updates the store, then every listener hears both changes, in order, after the first', () => {
    const store = createStore(defaultState());
    const order: string[] = [];
    store.subscribe((next, prev) => {
      order.push(`a:${[...next.layers].join('+')}`);
      // Reacts to sites going on by turning labels off (a follow-up change).
      if (next.layers.has('sites') && !prev.layers.has('sites')) store.update((s) => withLayer(s, 'labels', false));
    });
    const b = recorder();
    store.subscribe((next, prev) => {
      order.push(`b:${[...next.layers].join('+')}`);
      b.listener(next, prev);
    });
    store.update((s) => withLayer(s, 'sites', true));
    expect(order).toEqual(['a:points+services+labels+sites', 'b:points+services+labels+sites', 'a:points+services+sites', 'b:points+services+sites']);
    // The second delivery's previous state is the first one's new state.
    expect(b.calls[1]?.[1]).toBe(b.calls[0]?.[0]);
    expect(store.get().layers.has('labels')).toBe(false);
  });
});

/** The parts of window the hash binding uses: hashchange is what a browser fires when the user changes the hash. */
class FakeWindow extends EventTarget implements HashWindow {
  readonly location: { hash: string };
  readonly writes: { kind: 'replace' | 'push'; url: string }[] = [];
  readonly history = {
    state: null,
    replaceState: (_d: unknown, _u: string, url: string) => this.write('replace', url),
    pushState: (_d: unknown, _u: string, url: string) => this.write('push', url),
  };
  constructor(hash: string) {
    super();
    this.location = { hash };
  }
  private write(kind: 'replace' | 'push', url: string): void {
    // Like the browser: replaceState and pushState change the URL without a hashchange.
    this.writes.push({ kind, url });
    this.location.hash = url;
  }
  /** The user edits the address bar, pastes a link or presses Back. */
  userGoesTo(hash: string): void {
    this.location.hash = hash;
    this.dispatchEvent(new Event('hashchange'));
  }
}

const NAKONDE = '#v=-9.32,32.76,12&l=points,services,labels';

describe('the URL hash and the store', () => {
  it('when the page opens, then the store starts from the hash and knows whether it pinned a viewport', () => {
    const url = bindHash(new FakeWindow(`${NAKONDE}&dir=inbound`));
    expect(url.store.get().view).toEqual({ lat: -9.32, lon: 32.76, zoom: 12 });
    expect(url.store.get().flows.filters.direction).toEqual(['inbound']);
    expect(url.openedWithView).toBe(true);
    expect(bindHash(new FakeWindow('#dir=inbound')).openedWithView).toBe(false);
  });

  it('when several updates come in one burst, then the hash is written once, with replaceState, after the burst', async () => {
    const win = new FakeWindow(NAKONDE);
    const { store } = bindHash(win);
    store.update((s) => withLayer(s, 'sites', true));
    store.update((s) => ({ ...s, flows: { ...s.flows, table: true } }));
    store.update({ view: { lat: -17.5, lon: 24.3, zoom: 10 } });
    expect(win.writes).toEqual([]);
    await Promise.resolve();
    expect(win.writes).toEqual([{ kind: 'replace', url: encodeState(store.get()) }]);
    expect(win.location.hash).toBe('#v=-17.5,24.3,10&l=points,services,sites,labels&tbl=1');
  });

  it('when an update does not change the link, then nothing is written', async () => {
    const win = new FakeWindow(NAKONDE);
    const { store } = bindHash(win);
    // Below the link's precision (4 decimals).
    store.update({ view: { lat: -9.320001, lon: 32.76, zoom: 12 } });
    await Promise.resolve();
    expect(win.writes).toEqual([]);
  });

  it('when the user changes the hash, then the store takes the decoded state and listeners hear it once, with no write back', async () => {
    const win = new FakeWindow(NAKONDE);
    const { store } = bindHash(win);
    const r = recorder();
    store.subscribe(r.listener);
    const pasted = '#v=-17.5,24.3,10&l=points&from=2025-03-01&to=2025-05-31';
    win.userGoesTo(pasted);
    expect(r.calls).toHaveLength(1);
    expect(store.get()).toEqual(decodeState(pasted));
    await Promise.resolve();
    // The pasted link is already in the app's own form: nothing to write, nothing to fire.
    expect(win.writes).toEqual([]);
    expect(r.calls).toHaveLength(1);
  });

  it('when the user pastes a link in another form, then it is rewritten once in place and nothing loops', async () => {
    const win = new FakeWindow(NAKONDE);
    const { store } = bindHash(win);
    const r = recorder();
    store.subscribe(r.listener);
    win.userGoesTo('#from=2025-03-01&to=2025-05-31&l=bogus,points');
    await Promise.resolve();
    await Promise.resolve();
    expect(r.calls).toHaveLength(1);
    expect(win.writes).toEqual([{ kind: 'replace', url: '#v=-13.5,27.5,4.6&l=points&from=2025-03-01&to=2025-05-31' }]);
  });

  it('when the hashchange carries the state the store already has, then nobody is told', () => {
    const win = new FakeWindow(NAKONDE);
    const { store } = bindHash(win);
    const r = recorder();
    store.subscribe(r.listener);
    win.userGoesTo(encodeState(store.get()));
    expect(r.calls).toHaveLength(0);
  });

  it('when the app opens a link (a dataset on the map), then it is a new history entry and the store follows it', () => {
    const win = new FakeWindow(NAKONDE);
    const url = bindHash(win);
    url.navigate('#from=2025-03-01&to=2025-03-02');
    expect(win.writes[0]).toEqual({ kind: 'push', url: '#from=2025-03-01&to=2025-03-02' });
    expect(url.store.get().flows.filters).toMatchObject({ from: '2025-03-01', to: '2025-03-02' });
    expect(url.store.get().view).toEqual(defaultState().view);
  });
});
