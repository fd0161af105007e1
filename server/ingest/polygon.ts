import { Invalid, REGION } from './values.js';

type Position = number[];

/**
 * An admin-area geometry from GeoJSON: Polygon or MultiPolygon, closed rings of at least four
 * positions, every position a finite lon/lat inside the region. Returns the GeoJSON text for
 * ST_GeomFromGeoJSON. Self-intersections are left to ST_MakeValid in the insert.
 */
export function parsePolygon(text: string): string | Invalid {
  let g: unknown;
  try {
    g = JSON.parse(text);
  } catch {
    return new Invalid('geometry.format', 'is not a GeoJSON geometry');
  }
  const geom = g as { type?: unknown; coordinates?: unknown };
  if (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') {
    return new Invalid('geometry.type', `expected a Polygon or MultiPolygon, got ${String(geom.type ?? 'nothing')}`);
  }
  const polygons = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return new Invalid('geometry.format', 'has no coordinates');
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) return new Invalid('geometry.format', 'has a polygon without rings');
    for (const ring of rings) {
      const problem = checkRing(ring);
      if (problem) return problem;
    }
  }
  return JSON.stringify({ type: geom.type, coordinates: geom.coordinates });
}

function checkRing(ring: unknown): Invalid | undefined {
  if (!Array.isArray(ring) || ring.length < 4) return new Invalid('geometry.ring', 'has a ring of fewer than four positions');
  for (const p of ring as Position[]) {
    if (!Array.isArray(p) || p.length < 2 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      return new Invalid('geometry.format', 'has a position that is not [lon, lat]');
    }
    const [lon = NaN, lat = NaN] = p;
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return new Invalid('coord.range', 'has coordinates out of range');
    if (lon < REGION.minLon || lon > REGION.maxLon || lat < REGION.minLat || lat > REGION.maxLat) {
      return new Invalid('coord.region', 'has coordinates outside the region');
    }
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return new Invalid('geometry.ring', 'has a ring that is not closed');
  return undefined;
}
