import { countryCode } from '../../common/countries.js';
import { countrySuggestions, vocabSuggestions } from './suggest.js';
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

/** HH:MM or HH:MM:SS; an Excel time (a Date on 1899-12-30, or a fraction of a day) gives its UTC clock time. */
export function parseTime(c: Cell): string | Invalid {
  if (c instanceof Date) return c.toISOString().slice(11, 19);
  if (typeof c === 'number' && c >= 0 && c < 1) return new Date(Math.round(c * 86_400) * 1000).toISOString().slice(11, 19); // an Excel time
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

/** An ISO3 code, or a country's name in English, French or a common variant ('DR Congo', 'RDC'). */
export function parseIso3(c: Cell): string | Invalid {
  const s = cellText(c);
  const code = countryCode(s);
  if (code !== undefined) return code;
  if (/^[A-Za-z]{3}$/.test(s)) return new Invalid('iso3.unknown', 'is not an ISO 3166-1 alpha-3 country code', countrySuggestions(s));
  return new Invalid('iso3.unknown', 'is neither a country name nor an ISO 3166-1 alpha-3 code such as ZMB', countrySuggestions(s));
}

export function parseEnum(c: Cell, vocab: Vocab): string | Invalid {
  const hit = matchVocab(vocab, cellText(c));
  return hit ?? new Invalid('enum.unknown', `expected one of ${vocab.values.join(', ')}`, vocabSuggestions(cellText(c), vocab));
}

/** A multi-select cell → distinct vocabulary words (as a PostgreSQL array literal later). */
export function parseSet(c: Cell, vocab: Vocab): string[] | Invalid {
  const out = new Set<string>();
  for (const part of splitSet(cellText(c))) {
    const whole = matchVocab(vocab, part);
    const words = whole !== undefined ? [whole] : part.split(/\s+/).map((w) => matchVocab(vocab, w));
    for (const w of words) {
      if (w === undefined) return new Invalid('set.unknown', `expected words from ${vocab.values.join(', ')}`, vocabSuggestions(part, vocab));
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
