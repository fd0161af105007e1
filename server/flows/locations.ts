import { countryName } from '../../common/countries.js';
import type { Queryable } from '../db/index.js';
import { type EndKind, splitKeys } from './ends.js';
import { round5 } from './shape.js';

export interface Location {
  id: string;
  name: string;
  /** null when nothing places it (a country with no loaded place or boundary). */
  lat: number | null;
  lon: number | null;
  kind: EndKind;
}

// The countries the programme's flows touch (geography.md): an approximate centre (public
// gazetteer figures, ~50 km), where a country-level flow is drawn when no level-0 boundary is
// loaded. Others are placed at the centre of their known places. Names: common/countries.ts.
const COUNTRIES: Record<string, { lat: number; lon: number }> = {
  AGO: { lat: -12.3, lon: 17.5 },
  BDI: { lat: -3.4, lon: 29.9 },
  BWA: { lat: -22.3, lon: 24.7 },
  COD: { lat: -2.9, lon: 23.6 },
  ERI: { lat: 15.2, lon: 39.8 },
  ETH: { lat: 8.6, lon: 39.6 },
  KEN: { lat: 0.2, lon: 37.9 },
  MOZ: { lat: -17.3, lon: 35.5 },
  MWI: { lat: -13.2, lon: 34.3 },
  NAM: { lat: -22.1, lon: 17.2 },
  RWA: { lat: -2.0, lon: 29.9 },
  SOM: { lat: 5.2, lon: 46.2 },
  TZA: { lat: -6.4, lon: 34.9 },
  ZAF: { lat: -29.0, lon: 25.1 },
  ZMB: { lat: -13.1, lon: 27.8 },
  ZWE: { lat: -19.0, lon: 29.9 },
};


// A country is placed on its level-0 boundary when one is loaded (else see COUNTRIES); the
// centre of its places comes along as the last resort.
const LOCATIONS_SQL = `
  SELECT 'p:' || id AS id, name, ST_Y(geom) AS lat, ST_X(geom) AS lon, 'place' AS kind, false AS boundary
    FROM places WHERE id = ANY($1::int[])
  UNION ALL
  SELECT 'm:' || id, name, ST_Y(geom), ST_X(geom), 'point', false FROM monitoring_points WHERE id = ANY($2::int[])
  UNION ALL
  SELECT 'a:' || pcode, name, ST_Y(pt), ST_X(pt), 'admin', true
    FROM (SELECT pcode, name, ST_PointOnSurface(geom) AS pt FROM admin_areas WHERE pcode = ANY($3::text[])) a
  UNION ALL
  SELECT 'c:' || c.iso, c.iso, ST_Y(coalesce(c.area, c.places)), ST_X(coalesce(c.area, c.places)), 'country', c.area IS NOT NULL
    FROM (SELECT u.iso,
      (SELECT ST_PointOnSurface(a.geom) FROM admin_areas a WHERE a.level = 0 AND a.country = u.iso ORDER BY a.pcode LIMIT 1) AS area,
      (SELECT ST_Centroid(ST_Collect(p.geom)) FROM places p WHERE p.country = u.iso) AS places
      FROM unnest($4::text[]) AS u(iso)) c`;

/** Name, position and kind of each location key, in the order of `keys`. */
export async function lookupLocations(db: Queryable, keys: readonly string[]): Promise<Location[]> {
  if (keys.length === 0) return [];
  const k = splitKeys(keys);
  const rows = await db.query<{ id: string; name: string; lat: number | null; lon: number | null; kind: EndKind; boundary: boolean }>(
    LOCATIONS_SQL,
    [k.place, k.point, k.admin, k.country],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys.map((id) => {
    const r = byId.get(id);
    const kind = r?.kind ?? 'country';
    const name = kind === 'country' ? countryName(id.slice(2)) : (r?.name ?? id);
    const known = kind === 'country' && !r?.boundary ? COUNTRIES[id.slice(2)] : undefined;
    const lat = known?.lat ?? r?.lat ?? null;
    const lon = known?.lon ?? r?.lon ?? null;
    return { id, name, lat: lat === null ? null : round5(lat), lon: lon === null ? null : round5(lon), kind };
  });
}
