import type { ServicePoint } from '../analysis/access-nearest.js';
import type { CrossingPoint } from '../analysis/access.js';
import type { Queryable } from '../db/index.js';
import { readGeography } from '../demo/geography.js';
import type { ServiceKind } from '../domain.js';

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

/** The Zambezi trace of data/geography.json ([lon, lat], west to east): the river barrier. */
export function zambezi(): [number, number][] {
  return readGeography().zambezi.coordinates.map(([lon, lat]) => [lon, lat]);
}
