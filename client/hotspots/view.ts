import { K_RANGE, type Measure, MEASURES, RES_RANGE, type Step, STEPS, TRAVEL_MODES, type TravelMode as Travel } from '../../common/analysis.js';
import { SERVICE_KINDS, type ServiceKind } from '../../common/vocabulary.js';

/**
 * The analysis layers' part of the URL (pure: unit-tested). Defaults are left out of the
 * hash, so a link without `an=` is the flow map exactly as before.
 * Keys: an (mode), hm (measure), hr (H3 res), hk (k-ring), hs (step), hsk (service kinds),
 * hmo (travel mode), hc (selected cell).
 */
export const MODES = ['flows', 'hotspots', 'emerging', 'heatmap', 'access'] as const;
export type AnalysisMode = (typeof MODES)[number];

export interface AnalysisView {
  mode: AnalysisMode;
  measure: Measure;
  res: number;
  k: number;
  step: Step;
  /** Service kinds whose travel time makes the gap; all kinds when every one is listed. */
  kinds: ServiceKind[];
  travel: Travel;
  /** H3 index of the cell whose details are open. */
  cell: string | null;
}

/**
 * Vulnerable travellers at res 7 (~5 km² cells) with a 2-ring: on the demo's default
 * 90-day period this is the measure with significant cells at both corridors; protection
 * reports (`hm=reports`) need a longer period (a year) before the FDR lets any through.
 */
export function defaultAnalysisView(): AnalysisView {
  return { mode: 'flows', measure: 'vulnerable', res: 7, k: 2, step: 'week', kinds: [...SERVICE_KINDS], travel: 'walk', cell: null };
}

function pick<T extends string>(text: string | null, allowed: readonly T[], fallback: T): T {
  return text !== null && (allowed as readonly string[]).includes(text) ? (text as T) : fallback;
}

function int(text: string | null, [lo, hi]: readonly [number, number], fallback: number): number {
  const n = text === null ? NaN : Number(text);
  return Number.isInteger(n) && n >= lo && n <= hi ? n : fallback;
}

export function decodeAnalysisView(params: URLSearchParams): AnalysisView {
  const d = defaultAnalysisView();
  const kinds = params.get('hsk');
  const wanted = new Set((kinds ?? '').split(','));
  const listed = SERVICE_KINDS.filter((k) => wanted.has(k));
  const cell = params.get('hc');
  return {
    mode: pick(params.get('an'), MODES, d.mode),
    measure: pick(params.get('hm'), MEASURES, d.measure),
    res: int(params.get('hr'), RES_RANGE, d.res),
    k: int(params.get('hk'), K_RANGE, d.k),
    step: pick(params.get('hs'), STEPS, d.step),
    // An empty or garbled list would ask the server for nothing: keep every kind instead.
    kinds: kinds === null || listed.length === 0 ? d.kinds : listed,
    travel: pick(params.get('hmo'), TRAVEL_MODES, d.travel),
    // H3 indexes are 15 hex digits; anything else is not a cell.
    cell: cell !== null && /^[0-9a-f]{15}$/.test(cell) ? cell : null,
  };
}

export function encodeAnalysisView(v: AnalysisView): string[] {
  const d = defaultAnalysisView();
  const parts: string[] = [];
  if (v.mode !== d.mode) parts.push(`an=${v.mode}`);
  if (v.measure !== d.measure) parts.push(`hm=${v.measure}`);
  if (v.res !== d.res) parts.push(`hr=${v.res}`);
  if (v.k !== d.k) parts.push(`hk=${v.k}`);
  if (v.step !== d.step) parts.push(`hs=${v.step}`);
  if (v.kinds.length < SERVICE_KINDS.length) parts.push(`hsk=${SERVICE_KINDS.filter((k) => v.kinds.includes(k)).join(',')}`);
  if (v.travel !== d.travel) parts.push(`hmo=${v.travel}`);
  if (v.cell) parts.push(`hc=${v.cell}`);
  return parts;
}
