import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';
import { badRequest } from '../http/problem.js';
import { round } from '../analysis/round.js';
import type { DensityGrid, KdePoint, KdeResponse } from '../../common/analysis.js';
import { defaultCell, densityGrid, extentOf, MAX_GRID_CELLS } from './density.js';
import type { KdeQuery } from './schemas.js';
import { loadSites, sitePeriod } from '../query/sites.js';
import { type DisclosureConfig, disclosureInfo, publishImputed, suppressionFor } from '../privacy/disclosure.js';

/**
 * Heatmap input, two ways: weighted points for deck.gl's HeatmapLayer (which smooths on the
 * GPU with its own kernel), and the quartic KDE of docs/architecture.md#analysis on a grid, for a faithful
 * surface (non-zero cells only). Suppressed counts weigh k/2, as in the Gi* analysis.
 */
export async function computeKde(db: Queryable, principal: Principal, config: DisclosureConfig, q: KdeQuery): Promise<KdeResponse> {
  const suppressK = suppressionFor(principal, config, q);
  const period = await sitePeriod(db, q);
  const sites = await loadSites(db, principal, q, period);
  const points = sites.map((s): KdePoint => {
    const p = publishImputed(s.weight, suppressK);
    return { lon: round(s.lon, 6), lat: round(s.lat, 6), label: s.label ?? null, count: p.value, suppressed: p.suppressed, weight: p.used };
  });
  const weighted = points.map((p) => ({ lon: p.lon, lat: p.lat, w: p.weight }));
  const bbox = q.bbox ?? extentOf(weighted, q.bandwidth);
  let grid: DensityGrid | null = null;
  if (bbox) {
    const cell = q.cell ?? defaultCell(bbox, q.bandwidth);
    grid = densityGrid(weighted, bbox, q.bandwidth, cell);
    if (!grid) {
      throw badRequest([{ field: q.cell ? 'query.cell' : 'query.bbox', message: `the grid would exceed ${MAX_GRID_CELLS} cells; use a larger cell or a smaller bbox` }]);
    }
  }
  return {
    period,
    measure: q.measure,
    kernel: 'quartic',
    bandwidthM: q.bandwidth,
    points,
    grid,
    disclosure: disclosureInfo(suppressK, config, points.filter((p) => p.suppressed).length),
  };
}
