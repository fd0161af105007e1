import { type AccessCell, type AccessResponse, type GapArea, type KindAccess, MODE_SPEED } from '../../common/analysis.js';
import type { AccessPoint, TravelOptions } from '../analysis/access.js';
import { nearestByKind } from '../analysis/access-nearest.js';
import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';
import { SERVICE_KINDS, type ServiceKind } from '../../common/vocabulary.js';
import { round } from '../analysis/round.js';
import { loadBins } from '../hotspots/service.js';
import { type DisclosureConfig, disclosureInfo, publishImputed, suppressionFor } from '../privacy/disclosure.js';
import { sitePeriod } from '../query/sites.js';
import { DAYS_PER_MONTH, drivers, gapText, inaccessibility } from './gap.js';
import type { AccessQuery } from './schemas.js';
import { loadCrossings, loadRiver, loadServices } from './sql.js';

export const FORMULA = 'gap = monthly demand × mean over kinds of min(1, minutes / tmax); unreachable counts as 1';
const barriersText = (river: string | null) => `${river ? `the ${river} and ` : ''}international borders, crossed only at official or informal crossing points`;

/** Services of the kinds, the crossing points and the river barrier: what travel is measured on. */
async function travelNetwork(db: Queryable, kinds: readonly ServiceKind[]) {
  const [services, crossings, river] = await Promise.all([loadServices(db, kinds), loadCrossings(db), loadRiver(db)]);
  return { services, crossings, river: river?.name ?? null, barriers: { river: river?.line ?? [], crossings } };
}

/**
 * Each point's inaccessibility (gap.ts) averaged over the kinds: the mean of min(1, minutes to
 * the nearest service ÷ tmax), travel respecting the barriers. null when no service of those
 * kinds is loaded. For outreach weighting, which needs access without demand cells of its own.
 */
export async function meanInaccessibility(
  db: Queryable, points: readonly AccessPoint[], kinds: readonly ServiceKind[], travel: TravelOptions & { tmaxMinutes: number },
): Promise<number[] | null> {
  const net = await travelNetwork(db, kinds);
  if (net.services.length === 0) return null;
  const nearest = nearestByKind(points, net.services, kinds, net.barriers, travel);
  return points.map((_p, i) => kinds.reduce((s, k) => s + inaccessibility(nearest.get(k)?.minutes[i] ?? Infinity, travel.tmaxMinutes), 0) / kinds.length);
}

export async function computeAccess(db: Queryable, principal: Principal, config: DisclosureConfig, q: AccessQuery): Promise<AccessResponse> {
  const suppressK = suppressionFor(principal, config, q);
  const kinds = q.kind ?? [...SERVICE_KINDS];
  const speedKmh = q.speed ?? MODE_SPEED[q.mode];
  const period = await sitePeriod(db, q);
  const [bins, { services, crossings, river, barriers }] = await Promise.all([loadBins(db, principal, q, period, q.res), travelNetwork(db, kinds)]);
  // A demand cell without a known country (a report with no place near) is treated as Zambian: the programme's side.
  const demand = [...bins.values()].map((b) => ({ ...b, country: b.country ?? 'ZMB' }));
  const nearest = nearestByKind(demand, services, kinds, barriers, { speedKmh, detour: q.detour });
  // Unrounded monthly demand per cell, so the gap text rounds once.
  const monthlyOf = new Map<string, number>();
  const cells = demand.map((b, i): AccessCell => {
    const pub = publishImputed(b.value, suppressK);
    const access: Partial<Record<ServiceKind, KindAccess>> = {};
    let sumI = 0;
    for (const k of kinds) {
      const n = nearest.get(k)!;
      const t = n.minutes[i]!;
      const s = services[n.service[i]!];
      access[k] = { minutes: Number.isFinite(t) ? round(t, 1) : null, serviceId: s?.id ?? null, service: s?.name ?? null, via: crossings[n.via[i]!]?.name ?? null };
      sumI += inaccessibility(t, q.tmax);
    }
    const inacc = kinds.length ? sumI / kinds.length : 0;
    const monthlyUsed = (pub.used * DAYS_PER_MONTH) / period.days;
    monthlyOf.set(b.h3, monthlyUsed);
    return {
      h3: b.h3,
      lon: round(b.lon, 6),
      lat: round(b.lat, 6),
      country: b.country,
      label: b.label,
      demand: { count: pub.value, suppressed: pub.suppressed },
      monthly: pub.suppressed ? null : round(monthlyUsed, 1),
      access,
      inaccessibility: round(inacc, 4),
      gap: round(monthlyUsed * inacc, 1),
    };
  });
  cells.sort((a, b) => b.gap - a.gap || a.h3.localeCompare(b.h3));
  const minutesOf = (c: AccessCell) => Object.fromEntries(kinds.map((k) => [k, c.access[k]?.minutes ?? Infinity])) as Partial<Record<ServiceKind, number>>;
  const gaps = cells
    .filter((c) => c.gap > 0)
    .slice(0, q.limit)
    .map((c, i): GapArea => {
      const minutes = minutesOf(c);
      const facts = { label: c.label, h3: c.h3, monthly: c.demand.suppressed ? null : (monthlyOf.get(c.h3) ?? 0), suppressedBelow: suppressK, minutes };
      return { rank: i + 1, h3: c.h3, label: c.label, gap: c.gap, drivers: drivers(minutes, q.tmax), text: gapText(facts, { tmax: q.tmax, mode: q.mode, measure: q.measure }) };
    });
  return {
    period,
    measure: q.measure,
    res: q.res,
    kinds,
    travel: { mode: q.mode, speedKmh, detour: q.detour, tmaxMinutes: q.tmax, distance: 'great-circle', barriers: barriersText(river) },
    formula: FORMULA,
    disclosure: disclosureInfo(suppressK, config, cells.filter((c) => c.demand.suppressed).length),
    cells,
    gaps,
  };
}
