import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';
import type { Period } from '../query/period.js';
import type { SiteQuery } from '../query/schemas.js';
import { loadSites, sitePeriod } from '../query/sites.js';
import { HttpError, badRequest } from '../http/problem.js';
import type { PlanBody } from './schemas.js';
import { type DemandCell, spreadToCells } from './spread.js';

/**
 * Demand for a plan: people per H3 cell over the period, for the measure and flow filters.
 * Counts per monitoring point come from the site loader hotspots use too (server/query/sites.ts:
 * same measures, same filters, the flows rollup when fresh); spreadToCells turns them into cells
 * (spread.ts says why and how). Replace `demandCells` to plan on another surface: the rest only
 * sees cells.
 */
export interface Demand {
  period: Period;
  cells: DemandCell[];
  /** Monitoring points with a positive count. */
  points: number;
}

export function siteQuery(body: PlanBody, period?: Period): SiteQuery {
  const f = body.filters;
  return {
    measure: body.measure,
    from: period?.from ?? body.period.from,
    to: period?.to ?? body.period.to,
    direction: f.direction,
    sex: f.sex,
    age: f.age,
    nationality: f.nationality,
    transport: f.transport,
    reason: f.reason,
    vulnerability: f.vulnerability,
    point: f.point,
    corridor: f.corridor,
    adm1: f.adm1,
    adm2: f.adm2,
  };
}

/** The period as the flow endpoints resolve it, with errors naming body.period.* rather than query.*. */
export async function demandPeriod(db: Queryable, body: PlanBody): Promise<Period> {
  try {
    return await sitePeriod(db, siteQuery(body));
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 400 || !err.errors) throw err;
    throw badRequest(err.errors.map((e) => ({ ...e, field: e.field.replace(/^query\./, 'body.period.') })));
  }
}

export async function demandCells(db: Queryable, principal: Principal, body: PlanBody): Promise<Demand> {
  const period = await demandPeriod(db, body);
  const sites = await loadSites(db, principal, siteQuery(body, period), period);
  const cells = spreadToCells(sites, body.demand.spreadKm * 1000, body.demand.res);
  return { period, cells, points: sites.filter((s) => s.weight > 0).length };
}
