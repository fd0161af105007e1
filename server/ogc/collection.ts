import type { Geometry } from 'geojson';
import { z } from 'zod';
import type { Principal } from '../auth/roles.js';
import type { Db } from '../db/index.js';
import type { Box } from '../db/spatial.js';
import type { DisclosureConfig } from '../privacy/disclosure.js';
import { type ItemsParams, itemsShape } from './params.js';

/**
 * What every OGC collection is: its metadata, its items query (the Part 1 parameters plus its
 * own filters, strict: an unknown parameter is a 400 as in the REST API) and how it reads one
 * page, one feature and its extent for a caller. Reading goes through the feature services, so
 * the access rules and disclosure control are the REST API's own.
 */
export interface Ctx {
  /** The reader (a replica when configured): the analyses and reference layers. */
  db: Db;
  /** The primary: what must show a write at once (an outreach plan just saved). */
  primary: Db;
  config: DisclosureConfig;
  principal: Principal;
}

export interface OgcFeature {
  type: 'Feature';
  id: string | number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

export interface Page {
  features: OgcFeature[];
  matched: number;
}

export interface Extent {
  bbox: Box | null;
  /** First and last day of data; null ends are open. */
  interval: [string | null, string | null] | null;
}

export type PropertyType = 'string' | 'integer' | 'number' | 'boolean';
export interface Property {
  type: PropertyType;
  description: string;
  /** null for suppressed counts and missing values */
  nullable?: boolean;
  enum?: readonly string[];
}

export interface Collection {
  id: string;
  title: string;
  description: string;
  geometry: 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon';
  /** Feature properties: the queryables and the fields clients create. */
  properties: Record<string, Property>;
  /** Items parameters beyond Part 1 (filters on properties, the period and options of an analysis). */
  filters: z.ZodRawShape;
  /** The items query: Part 1 parameters + filters, strict. */
  query: z.ZodType<ItemsParams>;
  temporal: boolean;
  idType: 'integer' | 'string';
  items(ctx: Ctx, q: ItemsParams): Promise<Page>;
  item(ctx: Ctx, id: string, q: ItemsParams): Promise<OgcFeature | null>;
  extent(ctx: Ctx): Promise<Extent>;
}

type ObjectOf<S extends z.ZodRawShape> = z.ZodObject<S & typeof itemsShape, z.core.$strict>;
type Query<S extends z.ZodRawShape> = z.output<ObjectOf<S>>;

export interface CollectionSpec<S extends z.ZodRawShape> extends Omit<Collection, 'query' | 'filters' | 'items' | 'item' | 'temporal'> {
  filters: S;
  /** Checks across parameters (as the REST schemas' superRefine). */
  refine?: (q: Query<S>, ctx: z.RefinementCtx) => void;
  temporal?: boolean;
  items(ctx: Ctx, q: Query<S>): Promise<Page>;
  item(ctx: Ctx, id: string, q: Query<S>): Promise<OgcFeature | null>;
}

/** A collection whose handlers see their own parameters typed; datetime is refused where there is no time. */
export function defineCollection<S extends z.ZodRawShape>(spec: CollectionSpec<S>): Collection {
  const temporal = spec.temporal ?? false;
  const object = z.strictObject({ ...spec.filters, ...itemsShape }) as ObjectOf<S>;
  const query = object.superRefine((q, ctx) => {
    if (!temporal && (q as ItemsParams).datetime) ctx.addIssue({ code: 'custom', path: ['datetime'], message: `collection ${spec.id} has no time` });
    spec.refine?.(q, ctx);
  });
  return {
    ...spec,
    temporal,
    query: query as unknown as z.ZodType<ItemsParams>,
    items: (ctx, q) => spec.items(ctx, q as Query<S>),
    item: (ctx, id, q) => spec.item(ctx, id, q as Query<S>),
  };
}

/** Axis-aligned bounds of a geometry's coordinates, or null for no geometry. */
export function boundsOf(g: Geometry | null): Box | null {
  if (!g) return null;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit(g.type === 'GeometryCollection' ? g.geometries.map((x) => ('coordinates' in x ? x.coordinates : [])) : g.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Do two boxes meet? The query box may wrap across the antimeridian (west > east). */
export function boxesMeet(a: Box, q: Box): boolean {
  const [w, s, e, n] = q;
  if (a[1] > n || a[3] < s) return false;
  const overlaps = (qw: number, qe: number) => a[0] <= qe && a[2] >= qw;
  return w <= e ? overlaps(w, e) : overlaps(w, 180) || overlaps(-180, e);
}

/** One page of features computed in full (analyses): bbox applied, then offset and limit. */
export function pageOf(all: readonly OgcFeature[], q: ItemsParams): Page {
  const kept = q.bbox ? all.filter((f) => { const b = boundsOf(f.geometry); return b !== null && boxesMeet(b, q.bbox!); }) : all;
  return { features: kept.slice(q.offset, q.offset + q.limit), matched: kept.length };
}

/** Rounds coordinates to 6 decimals (about 0.1 m). */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
