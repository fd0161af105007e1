import { isIsoDate } from '../../common/dates.js';
import { ACTIVITY_TYPES, MAX_P, METHODS, type Method, PLAN_MEASURES as MEASURES, type PlanMeasure as Measure } from '../../common/outreach.js';
import { CORRIDOR_CODE, type CorridorCode } from '../../common/vocabulary.js';
import { ACTIVITY_RADIUS, type ActivityMix, defaultMix, TIME_LIMIT_S } from './model.js';

/**
 * The planner's part of the URL hash, so a plan, its parameters and a comparison are a
 * permalink (and `plan=<id>` is what the brief composer reads). Keys start with `p` or are
 * whole words, clear of the flow view's (from, to, dir, pt, …). Defaults are left out.
 */
export interface PlannerView {
  open: boolean;
  measure: Measure;
  /** null: follow the flow filters' period. */
  from: string | null;
  to: string | null;
  corridor: CorridorCode | null;
  mix: ActivityMix;
  /** Number of sites, or a budget (ZMW): the server takes one of them. */
  size: { kind: 'p' | 'budget'; value: number };
  method: Method;
  timeLimitS: number;
  locked: number[];
  excluded: number[];
  /** The plan shown (saved plan id). */
  plan: number | null;
  /** Two saved plans side by side. */
  compare: [number, number] | null;
  /** lowAwareness weighting (issue 16): demand × (1 − indicator); survey null = the newest. null: off. */
  awareness: { survey: number | null; indicator: string } | null;
}

export const DEFAULT_P = 5;

export function defaultPlannerView(): PlannerView {
  return {
    open: false, measure: 'movement', from: null, to: null, corridor: null, mix: defaultMix(), size: { kind: 'p', value: DEFAULT_P },
    method: 'greedy', timeLimitS: TIME_LIMIT_S.def, locked: [], excluded: [], plan: null, compare: null, awareness: null,
  };
}

const isDate = (s: string | null): s is string => s !== null && isIsoDate(s);
const oneOf = <T extends string>(s: string | null, list: readonly T[]): T | null => (s !== null && (list as readonly string[]).includes(s) ? (s as T) : null);
const id = (s: string): number | null => (/^[1-9]\d{0,9}$/.test(s) && Number(s) <= 2_147_483_647 ? Number(s) : null);
const ids = (s: string | null): number[] => [...new Set((s ?? '').split(',').map(id).filter((n): n is number => n !== null))].slice(0, 500);
function num(s: string | undefined, min: number, max: number): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** `pa=drama:2.5:4000,road_show::3000`: type, radius km, cost; an empty part keeps the default. */
function decodeMix(s: string | null): ActivityMix {
  const mix = defaultMix();
  for (const entry of (s ?? '').split(',')) {
    const [type, r, c] = entry.split(':');
    const t = oneOf(type ?? null, ACTIVITY_TYPES);
    if (!t) continue;
    const b = ACTIVITY_RADIUS[t];
    mix[t] = { radiusKm: num(r, b.min, b.max), cost: num(c, 0, 10_000_000) };
  }
  return mix;
}

function encodeMix(mix: ActivityMix): string {
  return ACTIVITY_TYPES.filter((t) => mix[t].radiusKm !== null || mix[t].cost !== null)
    .map((t) => `${t}:${mix[t].radiusKm ?? ''}:${mix[t].cost ?? ''}`)
    .join(',');
}

/** `paw=<indicator>` switches lowAwareness on; `paws=<survey id>` pins the survey. */
function decodeAwareness(params: URLSearchParams): PlannerView['awareness'] {
  const code = params.get('paw');
  if (code === null || !/^[a-z][a-z0-9_]{0,39}$/.test(code)) return null;
  return { survey: id(params.get('paws') ?? ''), indicator: code };
}

export function decodePlannerView(params: URLSearchParams): PlannerView {
  const v = defaultPlannerView();
  const from = params.get('pfrom');
  const to = params.get('pto');
  const budget = num(params.get('pb') ?? undefined, 1, 1e12);
  const p = num(params.get('pp') ?? undefined, 1, MAX_P);
  const locked = ids(params.get('plk'));
  const cmp = ids(params.get('cmp'));
  return {
    open: params.get('pl') === '1',
    measure: oneOf(params.get('pm'), MEASURES) ?? v.measure,
    from: isDate(from) ? from : null,
    // A reversed period would be a 400 on every load of the link.
    to: isDate(to) && !(isDate(from) && from > to) ? to : null,
    corridor: CORRIDOR_CODE.test(params.get('pc') ?? '') ? params.get('pc') : null,
    mix: decodeMix(params.get('pa')),
    size: budget !== null ? { kind: 'budget', value: budget } : { kind: 'p', value: p !== null ? Math.round(p) : DEFAULT_P },
    method: oneOf(params.get('pmt'), METHODS) ?? v.method,
    timeLimitS: num(params.get('ptl') ?? undefined, TIME_LIMIT_S.min, TIME_LIMIT_S.max) ?? v.timeLimitS,
    locked,
    // A site cannot be both; locking wins, as the later choice is unknowable from a link.
    excluded: ids(params.get('pex')).filter((n) => !locked.includes(n)),
    plan: id(params.get('plan') ?? ''),
    compare: cmp.length === 2 ? [cmp[0] as number, cmp[1] as number] : null,
    awareness: decodeAwareness(params),
  };
}

export function encodePlannerView(v: PlannerView): string[] {
  const d = defaultPlannerView();
  const parts: string[] = [];
  if (v.open) parts.push('pl=1');
  if (v.measure !== d.measure) parts.push(`pm=${v.measure}`);
  if (v.from) parts.push(`pfrom=${v.from}`);
  if (v.to) parts.push(`pto=${v.to}`);
  if (v.corridor) parts.push(`pc=${v.corridor}`);
  const mix = encodeMix(v.mix);
  if (mix) parts.push(`pa=${mix}`);
  if (v.size.kind === 'budget') parts.push(`pb=${v.size.value}`);
  else if (v.size.value !== DEFAULT_P) parts.push(`pp=${v.size.value}`);
  if (v.method !== d.method) parts.push(`pmt=${v.method}`);
  if (v.timeLimitS !== d.timeLimitS) parts.push(`ptl=${v.timeLimitS}`);
  if (v.locked.length) parts.push(`plk=${v.locked.join(',')}`);
  if (v.excluded.length) parts.push(`pex=${v.excluded.join(',')}`);
  if (v.plan !== null) parts.push(`plan=${v.plan}`);
  if (v.compare) parts.push(`cmp=${v.compare.join(',')}`);
  if (v.awareness) parts.push(`paw=${v.awareness.indicator}`, ...(v.awareness.survey !== null ? [`paws=${v.awareness.survey}`] : []));
  return parts;
}

/** Lock, exclude or free a site; one list at a time, so the server's "also locked" 400 cannot arise. */
export function withSiteChoice(v: PlannerView, siteId: number, choice: 'lock' | 'exclude' | 'free'): PlannerView {
  const locked = v.locked.filter((x) => x !== siteId);
  const excluded = v.excluded.filter((x) => x !== siteId);
  if (choice === 'lock') locked.push(siteId);
  if (choice === 'exclude') excluded.push(siteId);
  return { ...v, locked, excluded };
}
