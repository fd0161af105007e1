import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';
import type { EmergingCategory, EmergingResponse } from '../../common/analysis.js';
import { binSites } from './binning.js';
import { analyseEmerging, EMERGING_ALPHA } from './emerging.js';
import type { EmergingQuery } from './schemas.js';
import { type DisclosureConfig, disclosureInfo, suppressionFor } from '../privacy/disclosure.js';
import { areaOrThrow, STUDY_AREA_RULE } from './service.js';
import { lastDay, loadSites, type TimedSite } from '../query/sites.js';
import { stepPeriod } from './steps.js';

/** Steps → per-step maps of cell → count, and each cell's label. */
export function binSteps(sites: readonly TimedSite[], starts: readonly string[], res: number): { steps: Map<string, number>[]; labels: Map<string, string | null> } {
  const byStep = new Map(starts.map((s) => [s, [] as TimedSite[]]));
  for (const s of sites) if (s.t !== null) byStep.get(s.t)?.push(s);
  const labels = new Map<string, string | null>();
  const steps = starts.map((s) => {
    const bins = binSites(byStep.get(s) ?? [], res);
    for (const [h3, b] of bins) if (!labels.get(h3)) labels.set(h3, b.label);
    return new Map([...bins].map(([h3, b]) => [h3, b.value]));
  });
  return { steps, labels };
}

export async function computeEmerging(db: Queryable, principal: Principal, config: DisclosureConfig, q: EmergingQuery): Promise<EmergingResponse> {
  const suppressK = suppressionFor(principal, config, q);
  const { period, starts } = stepPeriod(q, await lastDay(db, q), q.step);
  const sites = await loadSites(db, principal, q, period, q.step);
  const { steps, labels } = binSteps(sites, starts, q.res);
  const area = areaOrThrow(labels.keys(), q.k);
  const all = analyseEmerging(steps, area, q.k, suppressK);
  const categories: Partial<Record<EmergingCategory, number>> = {};
  for (const c of all) categories[c.category] = (categories[c.category] ?? 0) + 1;
  const suppressedCells = all.filter((c) => c.values.some((v) => v === null)).length;
  return {
    period,
    step: q.step,
    steps: starts,
    measure: q.measure,
    res: q.res,
    k: q.k,
    alpha: EMERGING_ALPHA,
    studyArea: { cells: area.length, rule: STUDY_AREA_RULE },
    categories,
    disclosure: disclosureInfo(suppressK, config, suppressedCells),
    cells: all.filter((c) => c.category !== 'none' || labels.has(c.h3)).map((c) => ({ ...c, label: labels.get(c.h3) ?? null })),
  };
}
