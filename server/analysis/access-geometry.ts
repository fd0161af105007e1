/**
 * Geometry for travel-time access (docs/architecture.md#analysis): great-circle distances and river
 * crossings. Distances are great-circle on a sphere of the mean Earth radius, not UTM: the
 * programme spans UTM 35S (Sesheke, Lusaka) and 36S (Nakonde), a sphere needs no zone choice,
 * and it is within 0.5 % of the ellipsoid — far inside the error of a straight line × detour.
 */

/** Mean Earth radius (IUGG R1), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

export interface LonLat {
  lon: number;
  lat: number;
}

/** A polyline as [lon, lat] vertices, e.g. the Zambezi trace in data/geography.json. */
export type Polyline = readonly (readonly [number, number])[];

const RAD = Math.PI / 180;

/** The point on the unit sphere; |u − v| (the chord) orders pairs exactly as great-circle distance does. */
export function unitVector(p: LonLat): [number, number, number] {
  const lat = p.lat * RAD;
  const lon = p.lon * RAD;
  return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
}

/** Great-circle metres from a squared chord of the unit sphere: 2R·asin(c/2). */
export function chord2ToMetres(c2: number): number {
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(c2) / 2));
}

/** The squared chord of a great-circle distance (inverse of chord2ToMetres; ≥ 4 past half the globe). */
export function metresToChord2(m: number): number {
  if (!(m < Math.PI * EARTH_RADIUS_M)) return Infinity;
  const c = 2 * Math.sin(m / (2 * EARTH_RADIUS_M));
  return c * c;
}

/**
 * Great-circle distance in metres.
 * @example greatCircleM({ lon: 0, lat: 0 }, { lon: 0, lat: 1 }) // 111 195 m
 */
export function greatCircleM(a: LonLat, b: LonLat): number {
  const [ax, ay, az] = unitVector(a);
  const [bx, by, bz] = unitVector(b);
  return chord2ToMetres((ax - bx) ** 2 + (ay - by) ** 2 + (az - bz) ** 2);
}

/** Twice the signed area of (a, b, c) in the lon/lat plane: > 0 when c is left of a→b. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * Where segment a→b meets the polyline, as points. Tested in the lon/lat plane: over the tens
 * of kilometres a crossing question spans, a segment there and the great-circle arc differ by
 * metres, far below the roughness of the river trace. Touching counts as meeting (a path that
 * grazes the river is sent to a crossing point rather than assumed dry).
 */
export function intersections(a: LonLat, b: LonLat, line: Polyline): LonLat[] {
  const out: LonLat[] = [];
  const minX = Math.min(a.lon, b.lon), maxX = Math.max(a.lon, b.lon);
  const minY = Math.min(a.lat, b.lat), maxY = Math.max(a.lat, b.lat);
  for (let i = 0; i + 1 < line.length; i++) {
    const [px, py] = line[i]!;
    const [qx, qy] = line[i + 1]!;
    if (Math.max(px, qx) < minX || Math.min(px, qx) > maxX || Math.max(py, qy) < minY || Math.min(py, qy) > maxY) continue;
    const d1 = orient(px, py, qx, qy, a.lon, a.lat);
    const d2 = orient(px, py, qx, qy, b.lon, b.lat);
    const d3 = orient(a.lon, a.lat, b.lon, b.lat, px, py);
    const d4 = orient(a.lon, a.lat, b.lon, b.lat, qx, qy);
    if (d1 * d2 > 0 || d3 * d4 > 0) continue;
    // Parameter along a→b of the meeting point; collinear overlaps (d1 = d2 = 0) take the start.
    const t = d1 === d2 ? 0 : d1 / (d1 - d2);
    out.push({ lon: a.lon + t * (b.lon - a.lon), lat: a.lat + t * (b.lat - a.lat) });
  }
  return out;
}

/** A polyline flattened for the hot path: [x0, y0, x1, y1, …] and its bounding box. */
export interface PreparedLine {
  xy: Float64Array;
  box: { minX: number; minY: number; maxX: number; maxY: number };
}

export function prepareLine(line: Polyline): PreparedLine {
  return { xy: Float64Array.from(line.flat()), box: polylineBox(line) };
}

/**
 * Whether segment a→b meets the line — the same test as intersections() without allocating,
 * since access asks it once per demand point and service kind (hundreds of thousands of times).
 */
export function meets(a: LonLat, b: LonLat, pl: PreparedLine): boolean {
  const { box, xy } = pl;
  const minX = Math.min(a.lon, b.lon), maxX = Math.max(a.lon, b.lon);
  const minY = Math.min(a.lat, b.lat), maxY = Math.max(a.lat, b.lat);
  if (maxX < box.minX || minX > box.maxX || maxY < box.minY || minY > box.maxY) return false;
  for (let i = 0; i + 3 < xy.length; i += 2) {
    const px = xy[i]!, py = xy[i + 1]!, qx = xy[i + 2]!, qy = xy[i + 3]!;
    if ((px > maxX && qx > maxX) || (px < minX && qx < minX) || (py > maxY && qy > maxY) || (py < minY && qy < minY)) continue;
    const d1 = orient(px, py, qx, qy, a.lon, a.lat);
    const d2 = orient(px, py, qx, qy, b.lon, b.lat);
    if (d1 * d2 > 0) continue;
    if (orient(a.lon, a.lat, b.lon, b.lat, px, py) * orient(a.lon, a.lat, b.lon, b.lat, qx, qy) > 0) continue;
    return true;
  }
  return false;
}

/** Bounding box of a polyline, for a one-comparison "cannot cross" test. */
export function polylineBox(line: Polyline): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of line) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

/**
 * Metres from p to the nearest point of the polyline, in a local equirectangular projection
 * centred on p (accurate to well under 1 % within the few kilometres this is asked about).
 */
export function distanceToPolylineM(p: LonLat, line: Polyline): number {
  const kx = Math.cos(p.lat * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const ax = (line[i]![0] - p.lon) * kx, ay = (line[i]![1] - p.lat) * ky;
    const bx = (line[i + 1]![0] - p.lon) * kx, by = (line[i + 1]![1] - p.lat) * ky;
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}
