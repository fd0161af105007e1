import { cellToBoundary } from 'h3-js';
import type { PublishedCount } from '../privacy/disclosure.js';
import type { PublishedPlan } from './publish.js';

/**
 * A plan as files (issue 7): CSV (one row per chosen site, with the plan's context on every row
 * so a spreadsheet filter keeps it) and GeoJSON (RFC 7946: chosen sites as points, uncovered
 * hotspots as their H3 hexagons). Both come from a plan published for export, so small counts
 * are suppressed for every role, and written as "<k" as the client shows them.
 */
const CSV_COLUMNS = [
  'plan_id', 'plan_name', 'measure', 'period_from', 'period_to', 'method', 'rank', 'site_id', 'site_name', 'kind', 'corridor',
  'activity', 'radius_km', 'reach_m', 'cost', 'locked', 'marginal_gain', 'people_newly_covered', 'lon', 'lat', 'data_note',
] as const;

const shown = (c: PublishedCount, k: number): string | number => (c.suppressed ? `<${k}` : (c.count ?? ''));

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote when needed; prefix cells a spreadsheet would run as a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function planCsv(plan: PublishedPlan): string {
  const k = plan.disclosure.k;
  const note = plan.synthetic ? 'synthetic demo data' : '';
  const rows = plan.sites.map((s) => [
    plan.id, plan.name, plan.measure, plan.period.from, plan.period.to, plan.method, s.rank, s.siteId, s.name, s.kind, s.corridor,
    s.activity, s.radiusKm, Math.round(s.reachM), s.cost, s.locked, shown(s.gain, k), shown(s.people, k), s.lon, s.lat, note,
  ]);
  return [CSV_COLUMNS, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function planGeoJson(plan: PublishedPlan) {
  const k = plan.disclosure.k;
  const sites = plan.sites.map((s) => ({
    type: 'Feature' as const,
    id: `site-${s.siteId}`,
    geometry: { type: 'Point' as const, coordinates: [round6(s.lon), round6(s.lat)] },
    properties: {
      role: 'chosen_site', rank: s.rank, siteId: s.siteId, name: s.name, kind: s.kind, corridor: s.corridor, activity: s.activity,
      radiusKm: s.radiusKm, reachM: Math.round(s.reachM), cost: s.cost, locked: s.locked,
      marginalGain: shown(s.gain, k), peopleNewlyCovered: shown(s.people, k),
    },
  }));
  const hotspots = plan.uncoveredHotspots.map((h, n) => ({
    type: 'Feature' as const,
    id: `cell-${h.cell}`,
    // formatAsGeoJson: [lon, lat] order and a closed ring
    geometry: { type: 'Polygon' as const, coordinates: [cellToBoundary(h.cell, true).map(([x, y]) => [round6(x), round6(y)])] },
    properties: { role: 'uncovered_hotspot', rank: n + 1, h3: h.cell, demand: shown(h.demand, k) },
  }));
  return {
    type: 'FeatureCollection' as const,
    name: plan.name,
    metadata: {
      planId: plan.id,
      measure: plan.measure,
      period: plan.period,
      method: plan.method,
      optimal: plan.optimal,
      covered: shown(plan.coverage.covered, k),
      total: shown(plan.coverage.total, k),
      share: plan.coverage.share,
      unit: plan.demand.unit,
      disclosure: `counts from 1 to ${k - 1} are shown as <${k}`,
      dataNote: plan.synthetic ? 'synthetic demo data' : null,
    },
    features: [...sites, ...hotspots],
  };
}
