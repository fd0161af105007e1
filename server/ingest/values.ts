import { isIso3 } from './iso3.js';
import type { Cell } from './table.js';
import { matchVocab, splitSet, type Vocab } from './vocab.js';

/**
 * Parsers for one cell each: a typed value, or an Invalid naming why. Pure and allocation-light
 * (they run once per cell of a million-row file, twice). `code` groups repeated errors in the
 * report; `reason` is what a person reads.
 */
export class Invalid {
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly suggestions?: string[],
  ) {}
}

/** Counts of one record above this are implausible (a group, or a day at one crossing). */
export const MAX_COUNT = 100_000;
/** The plausible region for coordinates: southern and eastern Africa, generously. */
export const REGION = { minLon: 10, maxLon: 50, minLat: -35, maxLat: 15 } as const;
const FIRST_DAY = '1990-01-01';

/** Trimmed text of a cell ('' when empty). Dates become YYYY-MM-DD (UTC: exceljs dates are UTC). */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c.trim();
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
  return String(c);
}

/** Text as stored: U+FFFD means the file was not UTF-8; NUL cannot be stored in PostgreSQL text. */
export function parseText(s: string, max = 500): string | Invalid {
  if (s.includes('\uFFFD')) {
    return new Invalid('encoding', 'is not valid UTF-8 (the file looks like Latin-1 or Windows-1252: save it as UTF-8)');
  }
  if (s.includes('\u0000')) return new Invalid('text.nul', 'contains a NUL character');
  if (s.length > max) return new Invalid('text.too_long', `is longer than ${max} characters`);
  return s;
}

export function isIsoDay(s: string): boolean {
  const ms = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

/** ISO (YYYY-MM-DD, or a Kobo datetime: its date part) or dd/mm/yyyy; no later than tomorrow. */
export function parseDate(c: Cell, today: string): string | Invalid {
  let iso: string | undefined;
  if (c instanceof Date) iso = Number.isNaN(c.getTime()) ? undefined : c.toISOString().slice(0, 10);
  else if (typeof c === 'string') {
    const s = c.trim();
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
    const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (m?.[1]) iso = m[1];
    else if (d) iso = `${d[3]}-${d[2]?.padStart(2, '0')}-${d[1]?.padStart(2, '0')}`;
    else return new Invalid('date.format', 'expected a date as YYYY-MM-DD or dd/mm/yyyy');
  }
  if (iso === undefined) return new Invalid('date.format', 'expected a date as YYYY-MM-DD or dd/mm/yyyy');
  if (!isIsoDay(iso)) return new Invalid('date.invalid', 'is not a calendar date');
  if (iso < FIRST_DAY) return new Invalid('date.range', `is before ${FIRST_DAY}`);
  if (iso > today) return new Invalid('date.future', 'is in the future');
  return iso;
}

/** HH:MM or HH:MM:SS; an Excel time (a Date on 1899-12-30) gives its UTC clock time. */
export function parseTime(c: Cell): string | Invalid {
  if (c instanceof Date) return c.toISOString().slice(11, 19);
  const s = cellText(c);
  const m = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (!m) return new Invalid('time.format', 'expected a time as HH:MM');
  return `${m[1]?.padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
}

/** A whole number in [min, max]; '12.0' and 1e3 notations are refused (counts are typed). */
export function parseInt32(c: Cell, min: number, max: number): number | Invalid {
  let n: number;
  if (typeof c === 'number') n = c;
  else {
    const s = cellText(c);
    if (!/^[+-]?\d+$/.test(s)) return new Invalid('int.format', 'expected a whole number');
    n = Number(s);
  }
  if (!Number.isInteger(n)) return new Invalid('int.format', 'expected a whole number');
  if (n < min) return new Invalid(n < 0 ? 'count.negative' : 'int.range', n < 0 ? 'must not be negative' : `must be at least ${min}`);
  if (n > max) return new Invalid('count.too_large', `is larger than ${max.toLocaleString('en')} (implausible for one record)`);
  return n;
}

/** A decimal number; a decimal comma is accepted ('24,28' from semicolon-separated files). */
export function parseNumber(c: Cell, min: number, max: number): number | Invalid {
  let n: number;
  if (typeof c === 'number') n = c;
  else {
    const s = cellText(c).replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return new Invalid('number.format', 'expected a number');
    n = Number(s);
  }
  if (!Number.isFinite(n) || n < min || n > max) return new Invalid('number.range', `must be between ${min} and ${max}`);
  return n;
}

/** Longitude or latitude: first in range for the axis, then inside the plausible region. */
export function parseCoord(c: Cell, axis: 'lon' | 'lat'): number | Invalid {
  const lim = axis === 'lon' ? 180 : 90;
  const n = parseNumber(c, -Infinity, Infinity);
  if (n instanceof Invalid) return new Invalid('coord.format', 'expected decimal degrees');
  if (n < -lim || n > lim) return new Invalid('coord.range', `must be between -${lim} and ${lim}`);
  const [lo, hi] = axis === 'lon' ? [REGION.minLon, REGION.maxLon] : [REGION.minLat, REGION.maxLat];
  if (n < lo || n > hi) return new Invalid('coord.region', `is outside the region (${axis} ${lo} to ${hi}); are lat and lon swapped?`);
  return n;
}

export function parseIso3(c: Cell): string | Invalid {
  const s = cellText(c).toUpperCase();
  if (!/^[A-Z]{3}$/.test(s)) return new Invalid('iso3.format', 'expected an ISO 3166-1 alpha-3 country code such as ZMB');
  if (!isIso3(s)) return new Invalid('iso3.unknown', 'is not an ISO 3166-1 alpha-3 country code');
  return s;
}

export function parseEnum(c: Cell, vocab: Vocab): string | Invalid {
  const hit = matchVocab(vocab, cellText(c));
  return hit ?? new Invalid('enum.unknown', `expected one of ${vocab.values.join(', ')}`);
}

/** A multi-select cell → distinct vocabulary words (as a PostgreSQL array literal later). */
export function parseSet(c: Cell, vocab: Vocab): string[] | Invalid {
  const out = new Set<string>();
  for (const part of splitSet(cellText(c))) {
    const whole = matchVocab(vocab, part);
    const words = whole !== undefined ? [whole] : part.split(/\s+/).map((w) => matchVocab(vocab, w));
    for (const w of words) {
      if (w === undefined) return new Invalid('set.unknown', `expected words from ${vocab.values.join(', ')}`);
      out.add(w);
    }
  }
  return [...out];
}

/** Stable slug codes for places and monitoring points ('zm-sesheke'). */
export function parseCode(c: Cell): string | Invalid {
  const s = cellText(c);
  return /^[a-z0-9][a-z0-9_-]{0,79}$/.test(s) ? s : new Invalid('code.format', 'expected a code of lower-case letters, digits, - and _');
}
