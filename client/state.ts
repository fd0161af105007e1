import { decodeAwarenessView, defaultAwarenessView, encodeAwarenessView, type AwarenessView } from './awareness/view.js';
import { decodeAnalysisView, defaultAnalysisView, encodeAnalysisView, type AnalysisView } from './hotspots/view.js';
import { decodeFlowView, defaultFlowView, encodeFlowView, type FlowView } from './flows/view.js';
import { SERVICE_KINDS, type ServiceKind } from '../common/vocabulary.js';
import { decodePlannerView, defaultPlannerView, encodePlannerView, type PlannerView } from './planner/view.js';

/**
 * App state that belongs in the URL: every view is a permalink (docs/architecture.md#state-and-the-url).
 * Encoded in the hash (`#v=lat,lon,zoom&l=points,services`) so changing it never
 * reloads the page or hits the server. The pure encode/decode is here, and the store
 * every view reads and changes it through (createStore); urlHash.ts ties it to the URL.
 */
const LAYER_IDS = ['points', 'services', 'sites', 'labels'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export interface Viewport {
  lat: number;
  lon: number;
  zoom: number;
}

export interface AppState {
  view: Viewport;
  layers: ReadonlySet<LayerId>;
  /** Service kinds shown when the services layer is on. */
  serviceKinds: ReadonlySet<ServiceKind>;
  /** Flow map: filters, period, scale lock, table, selected location (flows/view.ts). */
  flows: FlowView;
  /** Outreach planner: panel, parameters, shown plan (`plan=<id>`), comparison (planner/view.ts). */
  planner: PlannerView;
  /** Analysis layer (hotspots, emerging, heatmap, access gaps) and its settings (hotspots/view.ts). */
  analysis: AnalysisView;
  /** Awareness surveys (issue 16): estimate, change or exposure gap by district (awareness/view.ts). */
  awareness: AwarenessView;
}

export const DEFAULT_LAYERS: readonly LayerId[] = ['points', 'services', 'labels'];
/** Overview of the region: Zambia and both corridors (see views.ts). */
const DEFAULT_VIEW: Viewport = { lat: -13.5, lon: 27.5, zoom: 4.6 };

export function defaultState(): AppState {
  return {
    view: { ...DEFAULT_VIEW },
    layers: new Set(DEFAULT_LAYERS),
    serviceKinds: new Set(SERVICE_KINDS),
    flows: defaultFlowView(),
    planner: defaultPlannerView(),
    analysis: defaultAnalysisView(),
    awareness: defaultAwarenessView(),
  };
}

const MIN_ZOOM = 2;
const MAX_ZOOM = 18;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Reads `lat,lon,zoom`; null when malformed so the caller keeps its default. */
export function parseViewport(text: string): Viewport | null {
  const raw = text.split(',');
  // Number('') is 0: an empty part must not silently become the equator.
  if (raw.length !== 3 || raw.some((p) => p.trim() === '')) return null;
  const parts = raw.map(Number);
  if (parts.some((n) => !Number.isFinite(n))) return null;
  const [lat, lon, zoom] = parts as [number, number, number];
  return { lat: clamp(lat, -85, 85), lon: clamp(lon, -180, 180), zoom: clamp(zoom, MIN_ZOOM, MAX_ZOOM) };
}

/** 4 decimals ≈ 11 m: enough for a permalink, short enough to paste in a message. */
export function formatViewport(v: Viewport): string {
  const r = (x: number, d: number): string => String(Number(x.toFixed(d)));
  return `${r(v.lat, 4)},${r(v.lon, 4)},${r(v.zoom, 2)}`;
}

function parseList<T extends string>(text: string, known: readonly T[]): Set<T> {
  const wanted = new Set(text.split(',').filter((s) => s.length > 0));
  return new Set(known.filter((k) => wanted.has(k)));
}

/** Parses a location hash (with or without '#'); unknown or bad parts fall back to defaults. */
export function decodeState(hash: string): AppState {
  const state = defaultState();
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const v = params.get('v');
  const view = v === null ? null : parseViewport(v);
  const layers = params.get('l');
  const kinds = params.get('s');
  return {
    view: view ?? state.view,
    layers: layers === null ? state.layers : parseList(layers, LAYER_IDS),
    serviceKinds: kinds === null ? state.serviceKinds : parseList(kinds, SERVICE_KINDS),
    flows: decodeFlowView(params),
    planner: decodePlannerView(params),
    analysis: decodeAnalysisView(params),
    awareness: decodeAwarenessView(params),
  };
}

/** The inverse of decodeState; `s` is left out while every service kind is shown. */
export function encodeState(state: AppState): string {
  const parts = [
    `v=${formatViewport(state.view)}`,
    `l=${LAYER_IDS.filter((id) => state.layers.has(id)).join(',')}`,
  ];
  if (state.serviceKinds.size < SERVICE_KINDS.length) {
    parts.push(`s=${SERVICE_KINDS.filter((k) => state.serviceKinds.has(k)).join(',')}`);
  }
  parts.push(...encodeFlowView(state.flows));
  parts.push(...encodePlannerView(state.planner));
  parts.push(...encodeAnalysisView(state.analysis));
  parts.push(...encodeAwarenessView(state.awareness));
  return `#${parts.join('&')}`;
}

export function withLayer(state: AppState, id: LayerId, on: boolean): AppState {
  const layers = new Set(state.layers);
  if (on) layers.add(id);
  else layers.delete(id);
  return { ...state, layers };
}

export function withServiceKind(state: AppState, kind: ServiceKind, on: boolean): AppState {
  const serviceKinds = new Set(state.serviceKinds);
  if (on) serviceKinds.add(kind);
  else serviceKinds.delete(kind);
  return { ...state, serviceKinds };
}

/** Whether the hash pins a viewport; without one the app opens on the region overview. */
export function hashHasView(hash: string): boolean {
  const v = new URLSearchParams(hash.replace(/^#/, '')).get('v');
  return v !== null && parseViewport(v) !== null;
}

/** Called after every change with the new and the previous state: compare slices to react only to yours. */
type Listener = (next: AppState, prev: AppState) => void;

export interface Store {
  get(): AppState;
  /** A function of the current state, or top-level fields to replace. */
  update(change: Partial<AppState> | ((s: AppState) => AppState)): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
}

/**
 * One state, changed only through update(). Slices are replaced, never mutated, so a
 * listener compares `next.flows !== prev.flows`. A change that replaces nothing notifies
 * nobody, which is what stops a listener that writes back what it read from looping.
 * An update made by a listener is delivered after the current one has reached every
 * listener, so all of them see the changes in the order they happened.
 */
export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  const queue: [AppState, AppState][] = [];
  let notifying = false;
  return {
    get: () => state,
    update(change) {
      const prev = state;
      const next = typeof change === 'function' ? change(prev) : { ...prev, ...change };
      const same = typeof change === 'function' ? next === prev : (Object.keys(change) as (keyof AppState)[]).every((k) => change[k] === prev[k]);
      if (same) return;
      state = next;
      queue.push([next, prev]);
      if (notifying) return;
      notifying = true;
      for (let item = queue.shift(); item; item = queue.shift()) {
        for (const l of [...listeners]) {
          try {
            l(...item);
          } catch (err) {
            // One broken view must not keep the others stale; the error still surfaces.
            queueMicrotask(() => {
              throw err;
            });
          }
        }
      }
      notifying = false;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
