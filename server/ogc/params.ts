import { z } from 'zod';
import type { Box } from '../db/spatial.js';
import { isIsoDate } from '../query/period.js';

/**
 * The query parameters of OGC API – Features Part 1 that every collection takes, and the
 * parsing of the two with their own grammar: `bbox` (the antimeridian rule: west > east wraps)
 * and `datetime` (RFC 3339 instant or interval, `..` or empty for an open end). Times are
 * compared by calendar day (UTC): every time in Corridor's data is a date.
 */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

export const ogcBbox = z
  .string()
  .describe('minLon,minLat,maxLon,maxLat in WGS84 degrees (CRS84); minLon > maxLon crosses the antimeridian')
  .transform((s, ctx): Box => {
    const n = s.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
    if ((n.length !== 4 && n.length !== 6) || n.some((x) => !Number.isFinite(x))) {
      ctx.addIssue({ code: 'custom', message: 'expected four numbers: minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    // Six numbers are a box with heights (minLon,minLat,minH,maxLon,maxLat,maxH): heights ignored.
    const [w = 0, south = 0, e = 0, north = 0] = n.length === 6 ? [n[0], n[1], n[3], n[4]] : n;
    if (Math.abs(w) > 180 || Math.abs(e) > 180 || south < -90 || north > 90 || south > north) {
      ctx.addIssue({ code: 'custom', message: 'longitudes must be within ±180, latitudes within ±90, and minLat ≤ maxLat' });
      return z.NEVER;
    }
    return [w, south, e, north];
  });

/** An inclusive range of calendar days; a missing end is open. */
export interface DayRange {
  from?: string;
  to?: string;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;

/** The UTC calendar day of an RFC 3339 date or date-time; undefined when it is neither. */
function dayOf(s: string): string | undefined {
  const m = INSTANT.exec(s);
  if (!m?.[1] || !isIsoDate(m[1])) return undefined;
  if (!m[2]) return m[1];
  const ms = Date.parse(s.replace(' ', 'T'));
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : undefined;
}

export const ogcDatetime = z
  .string()
  .describe('an instant (2025-03-01 or 2025-03-01T12:00:00Z) or an interval (2025-01-01/2025-03-31; .. or nothing for an open end)')
  .transform((s, ctx): DayRange => {
    const parts = s.split('/');
    const open = (p: string) => p === '' || p === '..';
    const bad = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (parts.length > 2) return bad('expected an instant or start/end');
    if (parts.length === 1) {
      const day = dayOf(s);
      return day ? { from: day, to: day } : bad('expected an RFC 3339 date or date-time such as 2025-03-01');
    }
    const [a = '', b = ''] = parts;
    if (open(a) && open(b)) return bad('an interval needs at least one end');
    const from = open(a) ? undefined : dayOf(a);
    const to = open(b) ? undefined : dayOf(b);
    if ((!open(a) && !from) || (!open(b) && !to)) return bad('each end must be an RFC 3339 date or date-time, or ..');
    if (from && to && from > to) return bad('the start is after the end');
    return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  });

export const FORMATS = ['json', 'html'] as const;
export type Format = (typeof FORMATS)[number];

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(DEFAULT_LIMIT)
  .describe(`features per page (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})`);
const offset = z.coerce.number().int().min(0).max(2_147_483_647).default(0).describe('features to skip (the next link sets it)');

/** Every resource takes `f`; items take the paging, bbox and datetime parameters too. */
export const formatShape = { f: z.enum(FORMATS).optional().describe('json (default) or html; Accept: text/html also gives html') };
export const itemsShape = { ...formatShape, limit, offset, bbox: ogcBbox.optional(), datetime: ogcDatetime.optional() };

export type ItemsParams = { f?: Format | undefined; limit: number; offset: number; bbox?: Box | undefined; datetime?: DayRange | undefined };
