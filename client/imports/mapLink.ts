import { isIsoDate } from '../../common/dates.js';
import { defaultFilters, encodeFilters } from '../flows/filters.js';

/** The flow API answers at most three years at once (server/flows/schemas.ts). */
const MAX_DAYS = 3 * 365;

const addDays = (day: string, n: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * The flow-map filters that show a dataset: its period, cut to the last three years when it
 * is longer (the API's limit), so "show on the map" never opens on an error. Null when the
 * dataset has no period (catalogue kinds: services, sites, places).
 */
export function datasetPeriod(d: { periodStart: string | null; periodEnd: string | null }): { from: string; to: string } | null {
  const { periodStart: start, periodEnd: end } = d;
  if (!start || !end || !isIsoDate(start) || !isIsoDate(end) || start > end) return null;
  const earliest = addDays(end, -(MAX_DAYS - 1));
  return { from: start < earliest ? earliest : start, to: end };
}

/** `#from=…&to=…`: the hash the map reads (client/state.ts), other view settings at defaults. */
export function datasetMapHash(d: { periodStart: string | null; periodEnd: string | null }): string | null {
  const period = datasetPeriod(d);
  if (!period) return null;
  return `#${encodeFilters({ ...defaultFilters(), ...period }).join('&')}`;
}
