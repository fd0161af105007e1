import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/**
 * Turns Natural Earth countries (world-atlas TopoJSON) into the offline basemap's data.
 * Only polygon parts inside `REGION` are kept, so no ring crosses ±180° — a ring that
 * does is drawn as a stripe across the whole map (the antimeridian artefact).
 */
type Box = { west: number; south: number; east: number; north: number };

/** Africa, Arabia and the south-west Indian Ocean: everything the map can pan to. */
export const REGION: Box = { west: -30, south: -60, east: 70, north: 40 };

/** ISO 3166-1 numeric code of Zambia in world-atlas. */
const FOCUS_ID = '894';

interface CountryProps {
  id: string;
  name: string;
  focus: boolean;
}

export interface CountryLabel {
  name: string;
  position: [number, number];
  /** Planar area of the largest part, square degrees: decides the zoom it shows from. */
  area: number;
}

export interface BasemapData {
  land: FeatureCollection<MultiPolygon, CountryProps>;
  borders: MultiLineString;
  coast: MultiLineString;
  labels: CountryLabel[];
}

function inBox(points: Position[], box: Box): boolean {
  return points.every(([x = NaN, y = NaN]) => x >= box.west && x <= box.east && y >= box.south && y <= box.north);
}

/** Shoelace area and centroid of a ring (planar degrees: fine for label placement). */
export function ringCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (a === 0) return { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 };
  return { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
}

function parts(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Keeps the parts of each country inside `box`; drops countries with none. */
export function clipCountries(
  fc: FeatureCollection<Polygon | MultiPolygon, { name?: string } | null>,
  box: Box = REGION,
): FeatureCollection<MultiPolygon, CountryProps> {
  const features: Feature<MultiPolygon, CountryProps>[] = [];
  for (const f of fc.features) {
    const kept = parts(f.geometry).filter((p) => p.every((ring) => inBox(ring, box)));
    if (kept.length === 0) continue;
    const id = String(f.id ?? '');
    features.push({
      type: 'Feature',
      id,
      properties: { id, name: f.properties?.name ?? '', focus: id === FOCUS_ID },
      geometry: { type: 'MultiPolygon', coordinates: kept },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** One label per country at the centroid of its largest part (not the Indian Ocean islands). */
function countryLabels(land: FeatureCollection<MultiPolygon, CountryProps>): CountryLabel[] {
  return land.features.flatMap((f) => {
    const best = f.geometry.coordinates
      .map((p) => ringCentroid(p[0] ?? []))
      .reduce((a, b) => (b.area > a.area ? b : a), { area: 0, x: 0, y: 0 });
    return best.area > 0 ? [{ name: f.properties.name, position: [best.x, best.y], area: best.area }] : [];
  });
}

function clipLines(m: MultiLineString, box: Box): MultiLineString {
  return { type: 'MultiLineString', coordinates: m.coordinates.filter((line) => inBox(line, box)) };
}

export function buildBasemap(topology: Topology, box: Box = REGION): BasemapData {
  const all = topology.objects['countries'] as GeometryCollection<{ name?: string }>;
  const fc = feature(topology, all) as FeatureCollection<Polygon | MultiPolygon, { name?: string } | null>;
  const land = clipCountries(fc, box);
  const keep = new Set(land.features.map((f) => f.properties.id));
  const kept: GeometryCollection = {
    type: 'GeometryCollection',
    geometries: all.geometries.filter((g) => keep.has(String(g.id ?? ''))),
  };
  // Shared arcs are land borders; arcs used once are coastline.
  const borders = mesh(topology, kept, (a: GeometryObject, b: GeometryObject) => a !== b);
  const coast = mesh(topology, kept, (a: GeometryObject, b: GeometryObject) => a === b);
  return { land, borders: clipLines(borders, box), coast: clipLines(coast, box), labels: countryLabels(land) };
}
