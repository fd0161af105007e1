import type { WeightingReport } from '../../common/outreach.js';
import { meanInaccessibility } from '../access/service.js';
import type { Queryable } from '../db/index.js';
import type { ServiceKind } from '../../common/vocabulary.js';
import type { DemandCell } from './spread.js';
import { DEFAULT_PLAN_INDICATOR, type PlanAwareness } from '../../common/outreach.js';
import { awarenessAt, indicatorOf, listSurveys, surveyOf } from '../awareness/service.js';

/**
 * Optional weights on demand (issue 7): where people are far from help, or know little about
 * trafficking risks, an awareness activity matters more.
 *
 * Access gaps: weight = 1 + I, with I the access module's inaccessibility (issue 6,
 * server/access/gap.ts): the mean over protection service kinds of min(1, walking minutes to
 * the nearest one ÷ 120), travel respecting the Zambezi and the borders. Demand next to every
 * kind counts once; demand two hours or more from all of them counts twice. Not the gap index
 * itself (demand × I): that would zero demand beside a police post, where awareness still matters.
 * Low awareness (issue 16): weight = 1 − p, p the awareness indicator the request names (by
 * default message exposure) from its survey (by default the newest) at the cell: its district's
 * estimate, else its nearest clusters', else the survey's (server/awareness/weights.ts). Where
 * people already know, an activity adds less. The report names the survey and indicator used.
 */
export const GAP_SERVICE_KINDS: ServiceKind[] = ['police_vsu', 'social_welfare', 'one_stop_centre', 'shelter', 'cwac'];
export const GAP_TRAVEL = { speedKmh: 5, detour: 1.3, tmaxMinutes: 120 } as const;

export type { WeightingReport };

export interface Weighted {
  /** Objective weight per cell, in cell order. */
  weights: number[];
  report: WeightingReport;
}

// The barrier model needs each cell's country: an imported national boundary where there is
// one, else the nearest reference place's (the rule hotspots use for report points).
const COUNTRY_SQL = `
  SELECT (d.i - 1)::int AS i, COALESCE(
    (SELECT a.country FROM admin_areas a WHERE a.level = 0 AND ST_Intersects(a.geom, d.g) LIMIT 1),
    (SELECT pl.country FROM places pl ORDER BY pl.geom <-> d.g LIMIT 1), 'ZMB') AS country
  FROM (SELECT i, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS g
        FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(lon, lat, i)) d`;

async function gapMultipliers(db: Queryable, cells: readonly DemandCell[]): Promise<number[] | null> {
  const countries = await db.query<{ i: number; country: string }>(COUNTRY_SQL, [cells.map((c) => c.lon), cells.map((c) => c.lat)]);
  const country = new Array<string>(cells.length).fill('ZMB');
  for (const r of countries) country[r.i] = r.country;
  const points = cells.map((c, i) => ({ lon: c.lon, lat: c.lat, country: country[i] ?? 'ZMB' }));
  const inacc = await meanInaccessibility(db, points, GAP_SERVICE_KINDS, GAP_TRAVEL);
  return inacc && inacc.map((x) => 1 + x);
}

export async function weigh(
  db: Queryable,
  cells: readonly DemandCell[],
  want: { accessGaps: boolean; lowAwareness: boolean },
  awareness: PlanAwareness = {},
): Promise<Weighted> {
  const weights = cells.map((c) => c.people);
  const report: WeightingReport = {
    accessGaps: { requested: want.accessGaps, applied: false },
    lowAwareness: { requested: want.lowAwareness, applied: false },
  };
  if (want.accessGaps && cells.length > 0) {
    const m = await gapMultipliers(db, cells);
    if (m) {
      m.forEach((x, i) => (weights[i] = (weights[i] ?? 0) * x));
      const { speedKmh, detour, tmaxMinutes } = GAP_TRAVEL;
      report.accessGaps = {
        requested: true,
        applied: true,
        note:
          `demand × (1 + mean over ${GAP_SERVICE_KINDS.join('/')} of min(1, minutes to the nearest ÷ ${tmaxMinutes})); ` +
          `walking ${speedKmh} km/h, detour ${detour}, the Zambezi and borders crossed only at crossing points`,
      };
    } else {
      report.accessGaps.note = 'no protection services are loaded, so access gaps cannot be measured; demand is unweighted by access';
    }
  }
  if (want.lowAwareness) report.lowAwareness = await awarenessMultipliers(db, cells, awareness, weights);
  return { weights, report };
}

/** Multiplies weights by 1 − awareness in place; the report says which survey and indicator, or why not. */
async function awarenessMultipliers(db: Queryable, cells: readonly DemandCell[], ref: PlanAwareness, weights: number[]): Promise<WeightingReport['lowAwareness']> {
  // Checked even when no survey is loaded, so a misspelt indicator is a 400 naming the field.
  const indicator = await indicatorOf(db, ref.indicator ?? DEFAULT_PLAN_INDICATOR, 'body.awareness.indicator');
  if (ref.surveyId === undefined && (await listSurveys(db)).length === 0) {
    return { requested: true, applied: false, note: 'no awareness survey is loaded, so demand is not weighted by awareness' };
  }
  const survey = await surveyOf(db, ref.surveyId, 'body.awareness.surveyId');
  const at = await awarenessAt(db, cells, survey, indicator);
  at.values.forEach((p, i) => (weights[i] = (weights[i] ?? 0) * (1 - p)));
  const { district, clusters, survey: overall } = at.from;
  return {
    requested: true,
    applied: cells.length > 0,
    note:
      `demand × (1 − "${indicator.label}") from ${survey.name} (${survey.round}): ${district} cells by their district's estimate, ` +
      `${clusters} by the nearest clusters, ${overall} by the survey's overall estimate`,
    survey: { id: survey.id, name: survey.name, round: survey.round, synthetic: survey.synthetic },
    indicator: indicator.code,
  };
}
