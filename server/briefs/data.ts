import { alertsInPeriod } from '../alerts/service.js';
import { type BriefData, type BriefDistrict, type BriefSource as Source, DEFAULT_SECTIONS } from '../../common/briefs.js';
import { hasRole, type Principal } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { publishedBreakdowns, publishedCorridors, publishedCrossings, publishedFlows, publishedTimeseries } from '../flows/service.js';
import type { FlowFilter } from '../query/schemas.js';
import { findPlan } from '../outreach/service.js';
import { ATTRIBUTION, areaSummary } from '../places/service.js';
import { requestPolicies } from '../privacy/disclosure.js';
import { topGaps, topHotspots } from './analyses.js';
import { awarenessSources, briefAwareness } from './awareness.js';
import { keyFigures, seriesBucket } from './figures.js';
import { permalinkHash } from './permalink.js';
import type { BriefQuery } from './schemas.js';


const FILTER_KEYS = ['from', 'to', 'direction', 'sex', 'age', 'nationality', 'transport', 'reason', 'vulnerability', 'point', 'corridor', 'adm1', 'adm2'] as const;

export function filterOf(q: BriefQuery): FlowFilter {
  const f: Record<string, unknown> = {};
  for (const k of FILTER_KEYS) if (q[k] !== undefined) f[k] = q[k];
  return f as FlowFilter;
}

const SOURCES_SQL = `SELECT name, kind, source_org AS provider, period_start::text AS "periodStart", period_end::text AS "periodEnd",
  to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "importedAt", is_synthetic AS synthetic
  FROM datasets WHERE kind IN ('observations', 'monitoring_points', 'places')
  AND (kind <> 'observations' OR period_start IS NULL OR period_end IS NULL OR (period_start <= $2::date AND period_end >= $1::date))
  ORDER BY kind, imported_at DESC LIMIT 20`;

/**
 * Everything a brief shows, assembled from the flows queries. Disclosure control is the
 * export policy whatever the caller's role (a brief is forwarded outside the platform), so
 * the client preview, the server PDF and the data pack carry the same published numbers.
 */
export async function briefData(db: Db, principal: Principal, config: Pick<Config, 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE'>, q: BriefQuery, origin: string): Promise<BriefData> {
  const f = filterOf(q);
  const policies = requestPolicies(principal, config, f, { exporting: true });
  const { ordinary: policy, sensitive } = policies;
  const crossings = await publishedCrossings(db, f, policies);
  const period = crossings.period;
  const [flows, series, breakdowns, corridors] = await Promise.all([
    publishedFlows(db, { ...f, level: q.level, adminLevel: q.adminLevel }, policies),
    publishedTimeseries(db, { ...f, bucket: seriesBucket(period.days) }, policies),
    publishedBreakdowns(db, { ...f, by: ['sex', 'age', 'vulnerability', 'nationality'] }, policies),
    publishedCorridors(db, { ...f, level: q.level === 'point' ? 'place' : q.level, adminLevel: q.adminLevel, limit: 5 }, policies),
  ]);
  const dim = (d: string) => breakdowns.breakdowns.find((b) => b.dimension === d);
  const cell = (d: string, key: string) => dim(d)?.categories.find((c) => c.key === key)?.count ?? (dim(d) ? 0 : null);
  const t = crossings.totals;
  const figures = keyFigures({
    days: period.days, total: t.total, previous: t.previous, inbound: t.inbound, outbound: t.outbound,
    sexTotal: dim('sex')?.total ?? null, female: cell('sex', 'female'),
    ageTotal: dim('age')?.total ?? null, children: cell('age', 'children'),
    unaccompanied: cell('vulnerability', 'unaccompanied_child'),
  });
  const names = new Map(corridors.locations.map((l) => [l.id, l.name]));
  const sources: Source[] = await db.query<Source & Record<string, unknown>>(SOURCES_SQL, [period.from, period.to]);
  // The plan's sites as an export shows them (names and places only; no counts are printed).
  const plan = q.plan === undefined ? null : await findPlan(db, q.plan, principal, config, true);
  const sections = q.sections ?? [...DEFAULT_SECTIONS];
  const [hotspots, gaps, alerts, districts, awareness] = await Promise.all([
    sections.includes('hotspots') ? topHotspots(db, principal, config, f) : null,
    sections.includes('gaps') ? topGaps(db, principal, config, f) : null,
    // Counts of alerts by rule and status only (no places, people or notes); alerts are for analysts and above.
    sections.includes('alerts') && hasRole(principal, 'analyst') ? alertsInPeriod(db, period.from, period.to) : null,
    sections.includes('districts') ? byDistrict(db, f, policies) : null,
    sections.includes('awareness') ? briefAwareness(db, principal, config, q) : null,
  ]);
  if (awareness) sources.push(...(await awarenessSources(db, awareness)));
  return {
    title: q.title,
    subtitle: q.subtitle ?? null,
    notes: q.notes ?? null,
    sections,
    paper: q.paper,
    orientation: q.orientation,
    view: { lat: q.lat ?? null, lon: q.lon ?? null, zoom: q.zoom ?? null },
    filter: f,
    level: q.level,
    measure: crossings.measure,
    period,
    previousPeriod: crossings.previousPeriod,
    figures,
    crossings: crossings.crossings
      .map((c) => ({ id: c.id, name: c.name, kind: c.kind, corridor: c.corridor, lat: c.lat, lon: c.lon, total: c.total, inbound: c.inbound, outbound: c.outbound }))
      .sort((a, b) => (b.total ?? -1) - (a.total ?? -1)),
    corridors: corridors.corridors.map((c) => ({
      origin: names.get(c.origin) ?? c.origin, crossing: names.get(c.crossing) ?? c.crossing, dest: names.get(c.dest) ?? c.dest,
      count: c.count, share: c.share,
    })),
    series: { bucket: series.bucket, points: series.series },
    breakdowns: breakdowns.breakdowns.map((b) => ({ dimension: b.dimension, total: b.total, categories: b.categories.map((c) => ({ key: c.key, count: c.count })) })),
    flows: { locations: flows.locations, flows: flows.flows, totals: flows.totals },
    plan: plan && {
      id: plan.id, name: plan.name, synthetic: plan.synthetic,
      sites: plan.sites.map((s) => ({ rank: s.rank, name: s.name, activity: s.activity, lon: s.lon, lat: s.lat })),
    },
    hotspots,
    gaps,
    alerts,
    districts,
    awareness,
    boundaries: ATTRIBUTION,
    sources,
    demo: sources.some((s) => s.synthetic) || plan?.synthetic === true || awareness?.synthetic === true,
    disclosure: { k: policy.k, sensitiveK: sensitive.k },
    generatedAt: new Date().toISOString(),
    permalink: `${origin}/${permalinkHash(q)}`,
  };
}

/** The districts with people or reports in the view, busiest first, as published (export policy). */
async function byDistrict(db: Db, f: FlowFilter, policies: ReturnType<typeof requestPolicies>): Promise<BriefDistrict[]> {
  const s = await areaSummary(db, { ...f, level: 2 }, policies);
  const provinces = new Map((await db.query<{ pcode: string; name: string }>('SELECT pcode, name FROM admin_areas WHERE level = 1')).map((r) => [r.pcode, r.name]));
  return s.areas
    .filter((a) => a.people !== 0 || (a.reports ?? 1) !== 0)
    .map((a) => ({ name: a.name, province: a.parent ? (provinces.get(a.parent) ?? a.parent) : null, code: a.pcode, official: a.official,
      people: a.people, inbound: a.inbound, outbound: a.outbound, net: a.net, reports: a.reports }))
    .sort((a, b) => (b.people ?? -1) - (a.people ?? -1) || a.name.localeCompare(b.name));
}
