import { zambeziLatAt, type Geography } from './geography.js';
import type { Rng } from './random.js';

/**
 * Which side of a barrier a synthetic point must fall on. Sesheke and Katima Mulilo face each
 * other across the Zambezi, and Nakonde and Tunduma share one built-up area across a land
 * border, so a careless jitter would put a "Zambian" clinic in Namibia or Tanzania.
 * - zambezi-north / zambezi-south: north (Zambia) or south (Namibia, Botswana) of the trace
 *   in geography.json, with a margin for the trace's roughness.
 * - nakonde-zm / tunduma-tz: south / north of the town-edge border. The border there has no
 *   trace in geography.json, so a conservative latitude band (from the monitoring points on
 *   it, about -9.32) keeps points clear of it.
 */
export type Side = 'zambezi-north' | 'zambezi-south' | 'nakonde-zm' | 'tunduma-tz' | 'free';

export const RIVER_MARGIN_DEG = 0.004; // ~450 m
const NAKONDE_MAX_LAT = -9.325;
const TUNDUMA_MIN_LAT = -9.305;

export function onSide(geo: Geography, side: Side, lon: number, lat: number): boolean {
  switch (side) {
    case 'zambezi-north':
    case 'zambezi-south': {
      const river = zambeziLatAt(geo, lon);
      if (river === null) return false;
      return side === 'zambezi-north' ? lat > river + RIVER_MARGIN_DEG : lat < river - RIVER_MARGIN_DEG;
    }
    case 'nakonde-zm':
      return lat <= NAKONDE_MAX_LAT;
    case 'tunduma-tz':
      return lat >= TUNDUMA_MIN_LAT;
    case 'free':
      return true;
  }
}

/**
 * A point within `radiusKm` of (lon, lat), uniform over the disc, on the required side.
 * Rejection sampling with the seeded Rng stays deterministic; a centre with no room on its
 * side is a bug in the plan tables, so it throws rather than returning a point in the river.
 */
export function scatter(rng: Rng, geo: Geography, lon: number, lat: number, radiusKm: number, side: Side): [number, number] {
  const kmPerDegLat = 110.57;
  const kmPerDegLon = 111.32 * Math.cos((lat * Math.PI) / 180);
  for (let attempt = 0; attempt < 500; attempt++) {
    const r = radiusKm * Math.sqrt(rng.next());
    const theta = 2 * Math.PI * rng.next();
    const x = round5(lon + (r * Math.cos(theta)) / kmPerDegLon);
    const y = round5(lat + (r * Math.sin(theta)) / kmPerDegLat);
    if (onSide(geo, side, x, y)) return [x, y];
  }
  throw new Error(`no point within ${radiusKm} km of ${lat},${lon} lies on side ${side}`);
}

/** ~1 m: more digits would only suggest a precision the synthetic data does not have. */
function round5(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}
