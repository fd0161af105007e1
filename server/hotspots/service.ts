import type { Principal } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { Queryable } from '../db/index.js';
import type { Period } from '../query/period.js';
import { badRequest } from '../http/problem.js';
import { disclosurePolicy } from '../privacy/disclosure.js';
import { analyseHotspots, type HotspotCell } from './analyse.js';
import { type Bin, binSites, MAX_STUDY_CELLS, studyArea } from './binning.js';
import type { SiteQuery } from '../query/schemas.js';
import { loadSites, sitePeriod } from '../query/sites.js';
import type { HotspotsQuery } from './schemas.js';

export type DisclosureConfig = Pick<Config, 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE'>;

/** How the caller's counts are published: k and whether 1…k−1 are hidden (server/privacy). */
export interface DisclosureInfo {
  suppress: boolean;
  k: number;
  suppressedCells: number;
  /** The value each suppressed count entered the analysis with (k/2), or null. */
  imputed: number | null;
}

/** Reports and trafficking indicators are the most sensitive counts (k = SUPPRESSION_K_SENSITIVE). */
export function suppressionFor(principal: Principal, config: DisclosureConfig, q: Pick<SiteQuery, 'measure' | 'vulnerability'>): number | null {
  const sensitive = q.measure === 'reports' || (q.vulnerability ?? []).includes('trafficking_indicators');
  const policy = disclosurePolicy(principal, config, { sensitive });
  return policy.suppress ? policy.k : null;
}

export function disclosureInfo(suppressK: number | null, config: DisclosureConfig, suppressedCells: number): DisclosureInfo {
  return {
    suppress: suppressK !== null,
    k: suppressK ?? config.SUPPRESSION_K,
    suppressedCells,
    imputed: suppressK !== null && suppressedCells > 0 ? suppressK / 2 : null,
  };
}

/** Bins of a measure over a period at an H3 resolution. */
export async function loadBins(db: Queryable, principal: Principal, q: SiteQuery, period: Period, res: number): Promise<Map<string, Bin>> {
  return binSites(await loadSites(db, principal, q, period), res);
}

export function areaOrThrow(cells: Iterable<string>, k: number): string[] {
  const area = studyArea(cells, k);
  if (!area) throw badRequest([{ field: 'query.res', message: `the study area would exceed ${MAX_STUDY_CELLS} cells; use a coarser resolution or a smaller k` }]);
  return area;
}

export interface HotspotsResult {
  period: Period;
  measure: HotspotsQuery['measure'];
  res: number;
  k: number;
  studyArea: { cells: number; nonEmpty: number; rule: string };
  disclosure: DisclosureInfo;
  cells: (HotspotCell & { label: string | null })[];
}

export const STUDY_AREA_RULE = 'every cell with a count, plus the zero-valued cells of its k-ring';

export async function computeHotspots(db: Queryable, principal: Principal, config: DisclosureConfig, q: HotspotsQuery): Promise<HotspotsResult> {
  const suppressK = suppressionFor(principal, config, q);
  const period = await sitePeriod(db, q);
  const bins = await loadBins(db, principal, q, period, q.res);
  const area = areaOrThrow(bins.keys(), q.k);
  const values = new Map([...bins].map(([h3, b]) => [h3, b.value]));
  const a = analyseHotspots(values, area, q.k, suppressK);
  return {
    period,
    measure: q.measure,
    res: q.res,
    k: q.k,
    studyArea: { cells: area.length, nonEmpty: a.nonEmpty, rule: STUDY_AREA_RULE },
    disclosure: disclosureInfo(suppressK, config, a.suppressed),
    cells: a.cells.map((c) => ({ ...c, label: bins.get(c.h3)?.label ?? null })),
  };
}
