import { randomUUID } from 'node:crypto';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import type { Queryable } from '../../server/db/index.js';

/**
 * Synthetic data planted into a fresh test database (openFreshDb) for hotspot and access
 * tests. Plant in 2031 or later: the demo data ends in 2026, so a period there holds only
 * what a test planted.
 */
export interface PlantPoint {
  lon: number;
  lat: number;
  name?: string;
  country?: string;
  facing?: string | null;
  kind?: 'official_border_post' | 'informal_crossing' | 'transit_hub' | 'bus_station' | 'market';
}

export async function plantPoints(db: Queryable, points: readonly PlantPoint[]): Promise<number[]> {
  const tag = randomUUID().slice(0, 8);
  const rows = await db.query<{ id: number }>(
    `INSERT INTO monitoring_points (code, name, kind, corridor, country, facing_country, geom)
     SELECT 'plant-' || $1 || '-' || i, n, k, 'other', c, f, ST_SetSRID(ST_MakePoint(x, y), 4326)
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[]) WITH ORDINALITY AS u(n, k, c, f, x, y, i)
     ORDER BY i RETURNING id`,
    [
      tag,
      points.map((p, i) => p.name ?? `planted point ${i + 1}`),
      points.map((p) => p.kind ?? 'market'),
      points.map((p) => p.country ?? 'ZMB'),
      points.map((p) => p.facing ?? null),
      points.map((p) => p.lon),
      points.map((p) => p.lat),
    ],
  );
  return rows.map((r) => r.id);
}

export interface PlantObservation {
  point: number;
  day: string;
  total: number;
  children?: number;
  unaccompanied?: number;
  vulnerabilities?: string[];
}

export async function plantObservations(db: Queryable, obs: readonly PlantObservation[]): Promise<void> {
  const [ds] = await db.query<{ id: number }>(`INSERT INTO datasets (name, kind) VALUES ($1, 'observations') RETURNING id`, [`planted ${randomUUID()}`]);
  await db.query(
    `INSERT INTO observations (dataset_id, source_row_id, observed_on, monitoring_point_id, direction, total, children, unaccompanied_children, vulnerabilities)
     SELECT $1, 'r' || i, d, p, 'inbound', t, ch, u, CASE WHEN v = '' THEN '{}'::text[] ELSE string_to_array(v, ',') END
     FROM unnest($2::date[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[]) WITH ORDINALITY AS x(d, p, t, ch, u, v, i)`,
    [
      ds!.id,
      obs.map((o) => o.day),
      obs.map((o) => o.point),
      obs.map((o) => o.total),
      obs.map((o) => o.children ?? o.unaccompanied ?? 0),
      obs.map((o) => o.unaccompanied ?? 0),
      obs.map((o) => (o.vulnerabilities ?? []).join(',')),
    ],
  );
}

export interface PlantService {
  lon: number;
  lat: number;
  kind: string;
  country?: string;
  name?: string;
}

export async function plantServices(db: Queryable, services: readonly PlantService[]): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO services (name, kind, country, geom)
     SELECT n, k, c, ST_SetSRID(ST_MakePoint(x, y), 4326)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[]) WITH ORDINALITY AS u(n, k, c, x, y, i)
     ORDER BY i RETURNING id`,
    [
      services.map((s, i) => s.name ?? `planted ${s.kind} ${i + 1}`),
      services.map((s) => s.kind),
      services.map((s) => s.country ?? 'ZMB'),
      services.map((s) => s.lon),
      services.map((s) => s.lat),
    ],
  );
  return rows.map((r) => r.id);
}

/** Centre of an H3 cell as a point. */
export function centreOf(h3: string): { lon: number; lat: number } {
  const [lat, lon] = cellToLatLng(h3);
  return { lon, lat };
}

/**
 * `count` res-`res` cells around (lon, lat), pairwise at least `spacing` grid steps apart
 * (spacing ≥ 3 keeps their 1-rings disjoint), scanning outward from the start cell.
 */
export function spacedCells(lon: number, lat: number, res: number, count: number, spacing: number, avoid: readonly string[] = []): string[] {
  const start = latLngToCell(lat, lon, res);
  const taken = new Set<string>();
  for (const a of avoid) for (const c of gridDisk(a, spacing - 1)) taken.add(c);
  const out: string[] = [];
  for (let r = 0; out.length < count && r < 200; r += 1) {
    for (const c of gridDisk(start, r)) {
      if (out.length >= count || taken.has(c)) continue;
      out.push(c);
      for (const n of gridDisk(c, spacing - 1)) taken.add(n);
    }
  }
  return out;
}
