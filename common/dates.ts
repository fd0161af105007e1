/**
 * Calendar days as the API writes them (YYYY-MM-DD, day-exact DATE columns). Pure, shared by
 * the server's period rules (server/query/period.ts) and the client's filters.
 */

/** An inclusive range of calendar days, as ISO dates (the DATE columns are day-exact). */
export interface Period {
  from: string;
  to: string;
  /** Days in the range, both ends included. */
  days: number;
}

/** The default window when the request names no dates: the last 90 days of data. */
export const DEFAULT_SPAN_DAYS = 90;
/** Longest period one request may ask for: 3 years (one leap day included). */
export const MAX_SPAN_DAYS = 3 * 365 + 1;

const DAY_MS = 86_400_000;

/** True for a real calendar day written YYYY-MM-DD (rejects 2025-02-30, which Date would roll over). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

// UTC arithmetic throughout: a DATE has no time zone, and local time would shift days at DST.
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
