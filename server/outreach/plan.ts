import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';
import type { Period } from '../query/period.js';
import { badRequest } from '../http/problem.js';
import { type ActivitySpec, resolveActivities } from './activities.js';
import { type Candidate, coverLists, loadCandidates } from './candidates.js';
import { demandCells } from './demand.js';
import type { PlanBody } from './schemas.js';
import { solve, warmSolver } from './solver.js';
import { type WeightingReport, weigh } from './weighting.js';

/** A chosen site, in choice order (locked sites first). Demand figures are unsuppressed here. */
export interface PlanSite extends Omit<Candidate, 'footfall'> {
  rank: number;
  locked: boolean;
  /** Objective the site adds given the sites before it. */
  gain: number;
  /** People (unweighted) the site newly covers. */
  people: number;
}

export interface Hotspot {
  cell: string;
  lon: number;
  lat: number;
  demand: number;
}

/** What a plan computes; stored as is, published through publish.ts. */
export interface PlanResult {
  period: Period;
  method: 'greedy' | 'exact';
  optimal: boolean;
  /** Proven bound on the best achievable objective (absent when optimal). */
  upperBound: number | null;
  /** (upperBound − objective) / upperBound; 0 when optimal. */
  gap: number;
  solver: { ms: number; thread: 'main' | 'worker'; fallback: string | null };
  activities: ActivitySpec[];
  candidates: number;
  demand: { cells: number; points: number; total: number; people: number; weighted: boolean; spreadKm: number; res: number };
  weighting: WeightingReport;
  sites: PlanSite[];
  /** Objective covered, in demand units (people, or weighted people). */
  covered: number;
  coveredPeople: number;
  cost: number;
  budget: number | null;
  uncoveredHotspots: Hotspot[];
  /** Synthetic demo data went into the plan: labelled wherever the plan shows (docs/architecture.md#demo-data). */
  synthetic: boolean;
  notes: string[];
}

export const HOTSPOTS_SHOWN = 10;

export async function computePlan(db: Queryable, principal: Principal, body: PlanBody): Promise<PlanResult> {
  warmSolver();
  const activities = resolveActivities(body.activities);
  // Candidates first: they check the locked and excluded ids, so a bad request fails fast.
  const candidates = await loadCandidates(db, body, activities);
  const demand = await demandCells(db, principal, body);
  const { weights, report } = await weigh(db, demand.cells, body.weighting, body.awareness);
  const covers = await coverLists(db, candidates, demand.cells);
  const index = new Map(candidates.map((c, j) => [c.id, j]));
  const locked = body.locked.map((id) => index.get(id) ?? -1);
  const excluded = body.excluded.flatMap((id) => (index.has(id) ? [index.get(id) ?? -1] : []));
  const costs = candidates.map((c) => c.cost);
  if (body.budget !== undefined) {
    const lockedCost = locked.reduce((s, j) => s + (costs[j] ?? 0), 0);
    if (lockedCost > body.budget) throw badRequest([{ field: 'body.locked', message: `locked sites cost ${lockedCost}, over the budget ${body.budget}` }]);
  }
  const options = { method: body.method, timeLimitMs: body.timeLimitMs };
  const outcome =
    body.budget !== undefined
      ? await solve({ kind: 'budget', instance: { weights, covers, costs, budget: body.budget, locked, excluded }, options })
      : await solve({ kind: 'count', instance: { weights, covers, p: body.p ?? 1, locked, excluded }, options });
  const r = outcome.result;

  const mask = new Uint8Array(weights.length);
  const sites: PlanSite[] = r.chosen.map((j, k) => {
    const c = candidates[j] as Candidate;
    let people = 0;
    for (const i of covers[j] ?? []) if (mask[i] === 0) [mask[i], people] = [1, people + (demand.cells[i]?.people ?? 0)];
    const { footfall: _f, ...site } = c;
    return { ...site, rank: k + 1, locked: k < locked.length, gain: r.gains[k] ?? 0, people };
  });
  const uncoveredHotspots = demand.cells
    .map((c, i) => ({ cell: c.cell, lon: c.lon, lat: c.lat, demand: weights[i] ?? 0, covered: mask[i] === 1 }))
    .filter((h) => !h.covered && h.demand > 0)
    .sort((a, b) => b.demand - a.demand || (a.cell < b.cell ? -1 : 1))
    .slice(0, HOTSPOTS_SHOWN)
    .map(({ covered: _c, ...h }) => h);
  const upperBound = r.optimal ? null : (r.upperBound ?? null);
  const total = weights.reduce((s, w) => s + w, 0);
  const notes = planNotes(body, demand.cells.length, candidates.length, sites.length, outcome.fallback);
  return {
    period: demand.period,
    method: body.method,
    optimal: r.optimal,
    upperBound,
    gap: upperBound && upperBound > 0 ? (upperBound - r.covered) / upperBound : 0,
    solver: { ms: Math.round(outcome.ms), thread: outcome.thread, fallback: outcome.fallback ?? null },
    activities,
    candidates: candidates.length,
    demand: {
      cells: demand.cells.length,
      points: demand.points,
      total,
      people: demand.cells.reduce((s, c) => s + c.people, 0),
      weighted: report.accessGaps.applied || report.lowAwareness.applied,
      spreadKm: body.demand.spreadKm,
      res: body.demand.res,
    },
    weighting: report,
    sites,
    covered: r.covered,
    coveredPeople: sites.reduce((s, x) => s + x.people, 0),
    cost: sites.reduce((s, x) => s + x.cost, 0),
    budget: body.budget ?? null,
    uncoveredHotspots,
    synthetic: await usesSyntheticData(db),
    notes,
  };
}

async function usesSyntheticData(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ synthetic: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM datasets WHERE is_synthetic AND kind IN ('observations', 'outreach_sites'))
         OR EXISTS (SELECT 1 FROM outreach_sites WHERE is_synthetic) AS synthetic`,
  );
  return row?.synthetic === true;
}

function planNotes(body: PlanBody, cells: number, candidates: number, chosen: number, fallback?: string): string[] {
  const notes: string[] = [];
  if (cells === 0) notes.push('no demand: nothing was counted for this measure, period and filters');
  if (candidates === 0) notes.push('no candidate sites match the site filters and activity kinds');
  if (body.p !== undefined && chosen < body.p && cells > 0 && candidates > 0) {
    notes.push(`only ${chosen} of p = ${body.p} sites add coverage; the others would reach no uncovered demand`);
  }
  if (fallback) notes.push(fallback);
  return notes;
}
