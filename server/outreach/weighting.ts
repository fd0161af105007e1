import type { Queryable } from '../db/index.js';
import type { ServiceKind } from '../domain.js';
import type { DemandCell } from './spread.js';

/**
 * Optional weights on demand (issue 7): where people are far from help, or know little about
 * trafficking risks, an awareness activity matters more.
 *
 * Access gaps: weight = 1 + min(1, d / GAP_FULL_M), d the straight-line distance from the cell
 * centre to the nearest protection service (below). So demand next to a service counts once and
 * demand 10 km or more away counts twice. Not the gap index of the access module (demand ×
 * inaccessibility): that would zero demand beside a police post, where awareness still matters.
 * Straight line ignores the river; when server/access publishes travel times per cell, use them
 * for d here.
 * Low awareness: needs baseline survey results by area (awareness_surveys, ARCHITECTURE §3).
 * That table does not exist yet, so the request is answered unweighted and the response says so.
 */
export const GAP_SERVICE_KINDS: ServiceKind[] = ['police_vsu', 'social_welfare', 'one_stop_centre', 'shelter', 'cwac'];
export const GAP_FULL_M = 10_000;

export interface WeightingReport {
  accessGaps: { requested: boolean; applied: boolean; note?: string };
  lowAwareness: { requested: boolean; applied: boolean; note?: string };
}

export interface Weighted {
  /** Objective weight per cell, in cell order. */
  weights: number[];
  report: WeightingReport;
}

const NEAREST_SQL = `
  SELECT (d.i - 1)::int AS i,
    (SELECT min(ST_Distance(s.geom::geography, ST_SetSRID(ST_MakePoint(d.lon, d.lat), 4326)::geography))
       FROM services s WHERE s.kind = ANY($3::text[])) AS metres
  FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS d(lon, lat, i)`;

async function gapMultipliers(db: Queryable, cells: readonly DemandCell[]): Promise<number[] | null> {
  const rows = await db.query<{ i: number; metres: number | null }>(NEAREST_SQL, [
    cells.map((c) => c.lon),
    cells.map((c) => c.lat),
    GAP_SERVICE_KINDS,
  ]);
  if (rows.some((r) => r.metres === null)) return null; // no such service at all
  const out = new Array<number>(cells.length).fill(1);
  for (const r of rows) out[r.i] = 1 + Math.min(1, Number(r.metres) / GAP_FULL_M);
  return out;
}

export async function weigh(db: Queryable, cells: readonly DemandCell[], want: { accessGaps: boolean; lowAwareness: boolean }): Promise<Weighted> {
  const weights = cells.map((c) => c.people);
  const report: WeightingReport = {
    accessGaps: { requested: want.accessGaps, applied: false },
    lowAwareness: { requested: want.lowAwareness, applied: false },
  };
  if (want.accessGaps && cells.length > 0) {
    const m = await gapMultipliers(db, cells);
    if (m) {
      m.forEach((x, i) => (weights[i] = (weights[i] ?? 0) * x));
      report.accessGaps = {
        requested: true,
        applied: true,
        note: `demand × (1 + min(1, straight-line distance to the nearest ${GAP_SERVICE_KINDS.join('/')} ÷ ${GAP_FULL_M / 1000} km))`,
      };
    } else {
      report.accessGaps.note = 'no protection services are loaded, so access gaps cannot be measured; demand is unweighted by access';
    }
  }
  if (want.lowAwareness) {
    report.lowAwareness.note = (await hasAwarenessData(db))
      ? 'awareness survey data exists but weighting by it is not implemented yet; demand is unweighted by awareness'
      : 'no awareness survey data is loaded (awareness_surveys), so demand is not weighted by awareness';
  }
  return { weights, report };
}

async function hasAwarenessData(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(`SELECT to_regclass('awareness_surveys') IS NOT NULL AS present`);
  return row?.present === true;
}
