import type { ServicePoint } from '../analysis/access-nearest.js';
import type { CrossingPoint } from '../analysis/access.js';
import type { Polyline } from '../analysis/access-geometry.js';
import type { Queryable } from '../db/index.js';
import type { ServiceKind } from '../../common/vocabulary.js';

export interface ServiceRow extends ServicePoint<ServiceKind> {
  id: number;
  name: string;
}

export interface CrossingRow extends CrossingPoint {
  id: number;
  name: string;
}

type Svc = { id: number; name: string; kind: ServiceKind; country: string; lon: number; lat: number };
type Crs = { id: number; name: string; country: string; facing: string | null; lon: number; lat: number };

const SERVICES = `SELECT id, name, kind, country, ST_X(geom) AS lon, ST_Y(geom) AS lat
  FROM services WHERE kind = ANY($1::text[]) ORDER BY id`;

// Passages through the barriers: the monitoring points that are crossings, official or not. A
// person seeking help uses the footpath they know as much as the border post.
const CROSSINGS = `SELECT id, name, country, facing_country AS facing, ST_X(geom) AS lon, ST_Y(geom) AS lat
  FROM monitoring_points WHERE kind IN ('official_border_post', 'informal_crossing') ORDER BY id`;

export async function loadServices(db: Queryable, kinds: readonly ServiceKind[]): Promise<ServiceRow[]> {
  return db.query<Svc>(SERVICES, [kinds]);
}

export async function loadCrossings(db: Queryable): Promise<CrossingRow[]> {
  return db.query<Crs>(CROSSINGS);
}

// Vertices as stored (float8), in order: exactly the trace that was loaded.
const RIVERS = `SELECT b.name, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat
  FROM barriers b, ST_DumpPoints(b.geom) p WHERE b.kind = 'river' ORDER BY b.name, p.path`;

/**
 * The river barrier (migrations/010_barriers.sql, reference data from data/geography.json), or
 * null when the database holds none. The travel model (analysis/access.ts) has one river.
 */
export async function loadRiver(db: Queryable): Promise<{ name: string; line: Polyline } | null> {
  const rows = await db.query<{ name: string; lon: number; lat: number }>(RIVERS);
  const names = [...new Set(rows.map((r) => r.name))];
  if (names.length > 1) throw new Error(`the access model crosses one river; the barriers table holds ${names.join(', ')}`);
  return names[0] === undefined ? null : { name: names[0], line: rows.map((r) => [r.lon, r.lat] as const) };
}
