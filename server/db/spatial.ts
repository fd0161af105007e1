import type { Queryable } from './types.js';

/** A bounding box in WGS84 degrees: west, south, east, north. west > east crosses the antimeridian. */
export type Box = readonly [west: number, south: number, east: number, north: number];

/**
 * SQL testing a geometry column against a box, values bound through `bind`. A box whose west
 * edge is east of its east edge wraps across ±180° (the OGC API rule), so it is the two boxes
 * on either side. Column names come from the developer, never from a request.
 */
export function boxSql(column: string, box: Box, bind: (v: unknown) => string): string {
  const [w, s, e, n] = box;
  const env = (a: number, b: number) => `${column} && ST_MakeEnvelope(${bind(a)}, ${bind(s)}, ${bind(b)}, ${bind(n)}, 4326)`;
  return w <= e ? env(w, e) : `(${env(w, 180)} OR ${env(-180, e)})`;
}

/** The bounding box of the geometries a query selects (a column named geom), or null when it selects none. */
export async function extentOf(db: Queryable, geomQuery: string, values: unknown[] = []): Promise<Box | null> {
  const [r] = await db.query<{ w: number | null; s: number; e: number; n: number }>(
    `SELECT ST_XMin(b) AS w, ST_YMin(b) AS s, ST_XMax(b) AS e, ST_YMax(b) AS n FROM (SELECT ST_Extent(geom)::geometry AS b FROM (${geomQuery}) g) x`,
    values,
  );
  return r && r.w !== null ? [r.w, r.s, r.e, r.n] : null;
}
