import { isIsoDate } from '../../common/dates.js';
import { LEVELS, type Level } from '../../common/flows.js';
import {
  AGES, type Direction, DIRECTIONS, type Reason, REASONS, SEXES, TRANSPORT_MODES, type TransportMode, type Vulnerability, VULNERABILITIES,
} from '../../common/vocabulary.js';

/**
 * Flow filters as the URL and the API see them. Pure: no DOM, no fetch (unit-tested).
 * The vocabularies are the server's own (common/); a value dropped from them later is ignored
 * here rather than turned into a 400 on every reload of an old link.
 */
/** Sex and age are counted in separate columns, so the server takes one or the other: one control. */
export const GROUPS = [...SEXES, ...AGES] as const;
export type Group = (typeof GROUPS)[number];

export interface FlowFilters {
  from: string | null;
  to: string | null;
  direction: Direction[];
  group: Group | null;
  nationality: string[];
  transport: TransportMode[];
  reason: Reason[];
  vulnerability: Vulnerability[];
  point: string[];
  /** corridor codes (GET /api/v1/corridors) */
  corridor: string[];
  /** district codes (admin level 2) */
  adm2: string[];
  level: Level;
}

/** Multi-value filters: [field, URL key, allowed values or a pattern]. Order = URL order. */
type ListField = 'direction' | 'nationality' | 'transport' | 'reason' | 'vulnerability' | 'point' | 'corridor' | 'adm2';
const LISTS: [ListField, string, readonly string[] | RegExp][] = [
  ['direction', 'dir', DIRECTIONS],
  ['nationality', 'nat', /^[A-Z]{3}$/],
  ['transport', 'tr', TRANSPORT_MODES],
  ['reason', 'rs', REASONS],
  ['vulnerability', 'vul', VULNERABILITIES],
  ['point', 'pt', /^[1-9]\d{0,9}$/],
  // Corridors and districts are data: any well-formed code passes here, the server knows the rest.
  ['corridor', 'cor', /^[a-z][a-z0-9_]{0,39}$/],
  ['adm2', 'adm2', /^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/],
];

export function defaultFilters(): FlowFilters {
  return { from: null, to: null, direction: [], group: null, nationality: [], transport: [], reason: [], vulnerability: [], point: [], corridor: [], adm2: [], level: 'place' };
}

function pick<T extends string>(text: string | null, allowed: readonly T[]): T | null {
  return text !== null && (allowed as readonly string[]).includes(text) ? (text as T) : null;
}

function parseList(text: string | null, allowed: readonly string[] | RegExp): string[] {
  if (!text) return [];
  const ok = (s: string): boolean => (allowed instanceof RegExp ? allowed.test(s) : allowed.includes(s));
  return [...new Set(text.split(',').map((s) => s.trim()).filter(ok))];
}

/** Reads filters from hash parameters; bad parts are dropped, never half-applied. */
export function decodeFilters(params: URLSearchParams): FlowFilters {
  const f = defaultFilters();
  const from = params.get('from');
  const to = params.get('to');
  f.from = from && isIsoDate(from) ? from : null;
  f.to = to && isIsoDate(to) ? to : null;
  // A reversed period would be a 400 from the server on every load of the link.
  if (f.from && f.to && f.from > f.to) f.to = null;
  f.group = pick(params.get('grp'), GROUPS);
  f.level = pick(params.get('lvl'), LEVELS) ?? 'place';
  const lists = f as unknown as Record<ListField, string[]>;
  for (const [field, key, allowed] of LISTS) lists[field] = parseList(params.get(key), allowed);
  return f;
}

/** Hash parts (`key=value`) for the non-default filters, in a fixed order so links are stable. */
export function encodeFilters(f: FlowFilters): string[] {
  const parts: string[] = [];
  if (f.from) parts.push(`from=${f.from}`);
  if (f.to) parts.push(`to=${f.to}`);
  for (const [field, key] of LISTS) if (f[field].length > 0) parts.push(`${key}=${f[field].join(',')}`);
  if (f.group) parts.push(`grp=${f.group}`);
  if (f.level !== 'place') parts.push(`lvl=${f.level}`);
  return parts;
}

/** The API's query parameters (names from server/flows/schemas.ts) for these filters. */
export function apiParams(f: FlowFilters, extra: Record<string, string> = {}): URLSearchParams {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  for (const [field] of LISTS) if (f[field].length > 0) p.set(field, f[field].join(','));
  if (f.group === 'female' || f.group === 'male') p.set('sex', f.group);
  if (f.group === 'children' || f.group === 'adults') p.set('age', f.group);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

/** True when no filter narrows the data (the empty state then means "no data at all"). */
export function isUnfiltered(f: FlowFilters): boolean {
  return encodeFilters({ ...f, level: 'place' }).length === 0;
}
