import { cellToBoundary } from 'h3-js';
import type { z } from 'zod';
import { accessQuery } from '../access/schemas.js';
import { computeAccess } from '../access/service.js';
import type { Db } from '../db/index.js';
import { SERVICE_KINDS } from '../../common/vocabulary.js';
import { flowsQuery } from '../flows/schemas.js';
import { publishedFlows } from '../flows/service.js';
import { hotspotsQuery } from '../hotspots/schemas.js';
import { computeHotspots } from '../hotspots/service.js';
import { requestPolicies } from '../privacy/disclosure.js';
import { crossCheck, measureCheck } from '../query/schemas.js';
import { type Collection, type Ctx, defineCollection, type Extent, type OgcFeature, pageOf, type Property, round6 } from './collection.js';
import type { DayRange, ItemsParams } from './params.js';
import { dataExtent } from './sql.js';

/**
 * The analyses as collections: aggregated flows, hot spot cells and access gap cells, each
 * computed by its feature service for the caller (the REST endpoint's numbers, disclosure
 * control included) with that endpoint's parameters, then paged here. The period is `from`/`to`
 * as in the REST API, or the Part 1 `datetime` (one or the other). Features are ordered by id,
 * never by a count, so the order of the rows gives no suppressed count away.
 */
type Period = { from?: string | undefined; to?: string | undefined; datetime?: DayRange | undefined };

/** datetime → from/to; both at once is a 400 naming datetime. */
function periodCheck(q: Period, ctx: z.RefinementCtx): void {
  if (q.datetime && (q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['datetime'], message: 'give the period as datetime or as from/to, not both' });
}
const periodOf = (q: Period) => (q.datetime ? { from: q.datetime.from, to: q.datetime.to } : { from: q.from, to: q.to });

/** Parameters the REST schema takes, less those Part 1 defines (limit, bbox). */
function restFilters(schema: { shape: z.ZodRawShape }): z.ZodRawShape {
  const { limit: _l, bbox: _b, ...rest } = schema.shape;
  return rest;
}

const num = (description: string, nullable = false): Property => ({ type: 'number', description, nullable });
const int = (description: string, nullable = false): Property => ({ type: 'integer', description, nullable });
const text = (description: string): Property => ({ type: 'string', description, nullable: true });
const PERIOD_PROPS = { from: text('first day of the period (YYYY-MM-DD)'), to: text('last day of the period') };
const COUNT_NOTE = 'null when suppressed (1…k−1 below the data-manager role)';

const hexagon = (h3: string) => ({ type: 'Polygon' as const, coordinates: [cellToBoundary(h3, true).map(([x, y]) => [round6(x), round6(y)])] });
const byId = (a: OgcFeature, b: OgcFeature) => String(a.id).localeCompare(String(b.id));
const analysisExtent = async (db: Db): Promise<Extent> => dataExtent(db);

/**
 * Clients page through an analysis one request at a time (GDAL asks for 10 features a page), so
 * a computed answer is kept for a minute — as long as browsers keep the REST answer (AGGREGATE in http/cache.ts) — keyed by the
 * collection, the analysis parameters, the caller's role (all that disclosure control and report
 * coarsening depend on) and the datasets loaded (an import or deletion starts afresh).
 */
const MEMO_MS = 60_000;
const MEMO_SIZE = 32;
const memo = new Map<string, { at: number; features: Promise<OgcFeature[]> }>();

async function remembered(ctx: Ctx, id: string, q: Record<string, unknown>, compute: () => Promise<OgcFeature[]>): Promise<OgcFeature[]> {
  const { limit: _l, offset: _o, bbox: _b, f: _f, datetime: _d, ...analysisParams } = q;
  const [data] = await ctx.db.query<{ v: string }>(`SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(imported_at)::text, '') AS v FROM datasets`);
  const key = JSON.stringify([id, ctx.principal.role, data?.v, analysisParams]);
  const now = Date.now();
  for (const [k, m] of memo) if (now - m.at > MEMO_MS) memo.delete(k);
  let hit = memo.get(key);
  if (!hit) {
    hit = { at: now, features: compute() };
    hit.features.catch(() => memo.delete(key)); // an error is never kept
    memo.set(key, hit);
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  return hit.features;
}

function analysis(spec: {
  id: string; title: string; description: string; geometry: Collection['geometry']; properties: Record<string, Property>;
  filters: z.ZodRawShape; refine: (q: never, ctx: z.RefinementCtx) => void;
  features: (ctx: Ctx, q: never) => Promise<OgcFeature[]>;
}): Collection {
  const all = (ctx: Ctx, q: Record<string, unknown>) => {
    const withPeriod = { ...q, ...periodOf(q as Period) };
    return remembered(ctx, spec.id, withPeriod, () => spec.features(ctx, withPeriod as never));
  };
  return defineCollection({
    ...spec,
    idType: 'string',
    temporal: true,
    refine: (q, ctx) => {
      periodCheck(q as Period, ctx);
      spec.refine(q as never, ctx);
    },
    items: async (ctx, q) => pageOf(await all(ctx, q), q as unknown as ItemsParams),
    item: async (ctx, id, q) => (await all(ctx, q)).find((f) => String(f.id) === id) ?? null,
    extent: (ctx) => analysisExtent(ctx.db),
  });
}

type FlowsQ = z.output<typeof flowsQuery>;
type HotspotsQ = z.output<typeof hotspotsQuery>;
type AccessQ = z.output<typeof accessQuery>;

const flows = analysis({
  id: 'flows',
  title: 'Flows',
  description: 'People moving origin → destination over a period, as lines with their counts (the flow map). Parameters: the flow filters of GET /api/v1/flows.',
  geometry: 'LineString',
  properties: {
    origin: text('origin key (p: place, m: monitoring point, a: admin area, c: country)'), originName: text('origin name'),
    dest: text('destination key'), destName: text('destination name'), count: int(`people; ${COUNT_NOTE}`, true),
    suppressed: { type: 'boolean', description: 'true when the count is suppressed' }, level: text('place, point, admin or country'), ...PERIOD_PROPS,
  },
  filters: restFilters(flowsQuery),
  refine: (q: FlowsQ, ctx) => crossCheck(q, ctx),
  features: async ({ db, config, principal }, q: FlowsQ) => {
    const r = await publishedFlows(db, q, requestPolicies(principal, config, q));
    const at = new Map(r.locations.map((l) => [l.id, l]));
    return r.flows
      .map((f): OgcFeature => {
        const o = at.get(f.origin);
        const d = at.get(f.dest);
        const placed = o?.lon != null && o.lat != null && d?.lon != null && d.lat != null;
        return {
          type: 'Feature',
          id: `${f.origin}~${f.dest}`,
          geometry: placed ? { type: 'LineString', coordinates: [[o.lon!, o.lat!], [d.lon!, d.lat!]] } : null,
          properties: {
            origin: f.origin, originName: o?.name ?? null, dest: f.dest, destName: d?.name ?? null,
            count: f.count, suppressed: f.suppressed, level: r.level, from: r.period.from, to: r.period.to,
          },
        };
      })
      .sort(byId);
  },
});

const hotspots = analysis({
  id: 'hotspot-cells',
  title: 'Hot spot cells',
  description: 'Getis-Ord Gi* hot and cold spots on H3 cells (class −3…+3 after FDR; z, p). Parameters: those of GET /api/v1/hotspots.',
  geometry: 'Polygon',
  properties: {
    h3: text('H3 cell index'), label: text('name of a monitoring point in the cell'), value: int(`count in the cell; ${COUNT_NOTE}`, true),
    suppressed: { type: 'boolean', description: 'true when the count is suppressed' }, z: num('Gi* z-score'), p: num('two-sided p-value'),
    class: int('−3…+3: cold/hot spot at 99/95/90 % confidence after Benjamini–Hochberg FDR; 0 not significant'), measure: text('what is counted'), ...PERIOD_PROPS,
  },
  filters: restFilters(hotspotsQuery),
  refine: (q: HotspotsQ, ctx) => {
    crossCheck(q, ctx);
    measureCheck(q, ctx);
  },
  features: async ({ db, config, principal }, q: HotspotsQ) => {
    const r = await computeHotspots(db, principal, config, q);
    return r.cells
      .map((c): OgcFeature => ({
        type: 'Feature',
        id: c.h3,
        geometry: hexagon(c.h3),
        properties: { h3: c.h3, label: c.label, value: c.value, suppressed: c.suppressed, z: c.z, p: c.p, class: c.class, measure: r.measure, from: r.period.from, to: r.period.to },
      }))
      .sort(byId);
  },
});

const access = analysis({
  id: 'access-gaps',
  title: 'Access gap cells',
  description: 'Demand cells (H3) with travel time to the nearest service of each kind and the gap index. Parameters: those of GET /api/v1/access.',
  geometry: 'Polygon',
  properties: {
    h3: text('H3 cell index'), label: text('name of a monitoring point in the cell'), country: text('ISO3 country of the demand'),
    demand: int(`count in the cell; ${COUNT_NOTE}`, true), suppressed: { type: 'boolean', description: 'true when the count is suppressed' },
    monthly: num('demand per month; null when suppressed', true), inaccessibility: num('mean over kinds of min(1, minutes / tmax)'),
    gap: num('monthly demand × inaccessibility'), measure: text('what is counted'), ...PERIOD_PROPS,
    ...Object.fromEntries(SERVICE_KINDS.map((k) => [`${k}_minutes`, num(`minutes to the nearest ${k} service (null: out of reach or not asked)`, true)])),
  },
  filters: restFilters(accessQuery),
  refine: (q: AccessQ, ctx) => {
    crossCheck(q, ctx);
    measureCheck(q, ctx);
  },
  features: async ({ db, config, principal }, q: AccessQ) => {
    const r = await computeAccess(db, principal, config, { ...q, limit: 1 });
    return r.cells
      .map((c): OgcFeature => ({
        type: 'Feature',
        id: c.h3,
        geometry: hexagon(c.h3),
        // The cell, never the demand's weighted centre: for reports that could be a report's own point.
        properties: {
          h3: c.h3, label: c.label, country: c.country, demand: c.demand.count, suppressed: c.demand.suppressed, monthly: c.monthly,
          inaccessibility: c.inaccessibility, gap: c.gap, measure: r.measure, from: r.period.from, to: r.period.to,
          ...Object.fromEntries(SERVICE_KINDS.map((k) => [`${k}_minutes`, c.access[k]?.minutes ?? null])),
        },
      }))
      .sort(byId);
  },
});

export const ANALYSIS_COLLECTIONS: Collection[] = [flows, hotspots, access];
