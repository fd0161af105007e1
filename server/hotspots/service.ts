import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';
import type { Period } from '../query/period.js';
import { badRequest } from '../http/problem.js';
import { type DisclosureConfig, disclosureInfo, suppressionFor } from '../privacy/disclosure.js';
import type { HotspotsResponse } from '../../common/analysis.js';
import { analyseHotspots } from './analyse.js';
import { type Bin, binSites, MAX_STUDY_CELLS, studyArea } from './binning.js';
import type { SiteQuery } from '../query/schemas.js';
import { loadSites, sitePeriod } from '../query/sites.js';
import type { HotspotsQuery } from './schemas.js';

/** Bins of a measure over a period at an H3 resolution. */
export async function loadBins(db: Queryable, principal: Principal, q: SiteQuery, period: Period, res: number): Promise<Map<string, Bin>> {
  return binSites(await loadSites(db, principal, q, period), res);
}

export function areaOrThrow(cells: Iterable<string>, k: number): string[] {
  const area = studyArea(cells, k);
  if (!area) throw badRequest([{ field: 'query.res', message: `the study area would exceed ${MAX_STUDY_CELLS} cells; use a coarser resolution or a smaller k` }]);
  return area;
}

export const STUDY_AREA_RULE = 'every cell with a count, plus the zero-valued cells of its k-ring';

export async function computeHotspots(db: Queryable, principal: Principal, config: DisclosureConfig, q: HotspotsQuery): Promise<HotspotsResponse> {
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
