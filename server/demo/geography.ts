import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { lonLatTrace } from '../db/reference.js';
import { MONITORING_POINT_KINDS, PLACE_KINDS } from '../../common/vocabulary.js';
import { corridorCode } from '../corridors/schemas.js';
import { paths } from '../paths.js';

const iso3 = z.string().regex(/^[A-Z]{3}$/);
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);

const schema = z.object({
  places: z.array(
    z.object({
      code: z.string().min(1),
      name: z.string().min(1),
      country: iso3,
      admin1: z.string().optional(),
      kind: z.enum(PLACE_KINDS),
      lat,
      lon,
    }),
  ),
  monitoringPoints: z.array(
    z.object({
      code: z.string().min(1),
      name: z.string().min(1),
      kind: z.enum(MONITORING_POINT_KINDS),
      corridor: corridorCode,
      district: z.string().optional(),
      country: iso3,
      facing: iso3.optional(),
      place: z.string().min(1),
      lat,
      lon,
      hours: z.string().optional(),
    }),
  ),
  zambezi: z.object({ coordinates: lonLatTrace }),
});

export type Geography = z.infer<typeof schema>;
export type GeoPlace = Geography['places'][number];
export type GeoMonitoringPoint = Geography['monitoringPoints'][number];

let cached: Geography | undefined;

/** data/geography.json, checked once: a typo there should fail loudly, not seed a broken map. */
export function readGeography(): Geography {
  if (cached) return cached;
  const raw: unknown = JSON.parse(readFileSync(join(paths.data, 'geography.json'), 'utf8'));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`data/geography.json is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const geo = parsed.data;
  const codes = new Set(geo.places.map((p) => p.code));
  if (codes.size !== geo.places.length) throw new Error('data/geography.json has duplicate place codes');
  for (const mp of geo.monitoringPoints) {
    if (!codes.has(mp.place)) throw new Error(`monitoring point ${mp.code} names unknown place ${mp.place}`);
  }
  const lons = geo.zambezi.coordinates.map(([x]) => x);
  if (lons.some((x, i) => i > 0 && x <= (lons[i - 1] ?? x))) {
    // zambeziLatAt interpolates by longitude, which needs the trace to run west to east.
    throw new Error('data/geography.json: the zambezi trace must run strictly west to east');
  }
  cached = geo;
  return geo;
}

/** Latitude of the Zambezi trace at a longitude (linear between vertices); null outside it. */
export function zambeziLatAt(geo: Geography, x: number): number | null {
  const c = geo.zambezi.coordinates;
  for (let i = 1; i < c.length; i++) {
    const [x0, y0] = c[i - 1] as [number, number];
    const [x1, y1] = c[i] as [number, number];
    if (x >= x0 && x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return null;
}
