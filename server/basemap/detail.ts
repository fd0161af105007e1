import { bboxClip } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { DETAIL_ATTRIBUTION, DETAIL_BOX, type DetailBasemap, type GeoBox, type DetailCountryProps } from '../../common/basemap.js';

type Box = Readonly<GeoBox>;

/** ISO 3166-1 numeric code of Zambia in world-atlas. */
const ZAMBIA = '894';

/** 5 decimals ≈ 1 m: finer than the 1:10m source, and a third fewer bytes than full floats. */
const round = (p: Position): Position => [Math.round((p[0] ?? 0) * 1e5) / 1e5, Math.round((p[1] ?? 0) * 1e5) / 1e5];

function bboxOverlaps(points: Position[], box: Box): boolean {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x = 0, y = 0] of points) {
    w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
  }
  // A ring spanning more than half the globe crosses ±180° (Fiji, Russia): never in an African box.
  if (e - w > 180) return false;
  return w <= box.east && e >= box.west && s <= box.north && n >= box.south;
}

const bbox = (b: Box): [number, number, number, number] => [b.west, b.south, b.east, b.north];

function roundPolygon(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(round)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(round))) };
}

/**
 * Cuts Natural Earth countries (world-atlas TopoJSON, any scale) to `box`: country polygons
 * clipped to it, and the land borders (arcs two countries share) clipped likewise. Pure.
 */
export function cutDetail(topology: Topology, box: Box = DETAIL_BOX): DetailBasemap {
  const all = topology.objects['countries'] as GeometryCollection<{ name?: string }>;
  const fc = feature(topology, all) as FeatureCollection<Polygon | MultiPolygon, { name?: string } | null>;
  const land: Feature<Polygon | MultiPolygon, DetailCountryProps>[] = [];
  const near = new Set<string>();
  for (const f of fc.features) {
    const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    if (!rings.some((r) => bboxOverlaps(r, box))) continue;
    const clipped = bboxClip(f as Feature<Polygon | MultiPolygon>, bbox(box)).geometry as Polygon | MultiPolygon;
    const parts: Position[][][] = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
    const kept = parts.filter((p) => (p[0]?.length ?? 0) >= 4);
    if (kept.length === 0) continue;
    const id = String(f.id ?? '');
    near.add(id);
    land.push({
      type: 'Feature',
      properties: { name: f.properties?.name ?? '', focus: id === ZAMBIA },
      geometry: roundPolygon({ type: 'MultiPolygon', coordinates: kept }),
    });
  }
  const kept: GeometryCollection = { type: 'GeometryCollection', geometries: all.geometries.filter((g) => near.has(String(g.id ?? ''))) };
  const shared = mesh(topology, kept, (a: GeometryObject, b: GeometryObject) => a !== b);
  const lines = bboxClip({ type: 'Feature', properties: {}, geometry: shared }, bbox(box)).geometry as MultiLineString | LineString;
  const coordinates = (lines.type === 'LineString' ? [lines.coordinates] : lines.coordinates)
    .filter((l) => l.length >= 2)
    .map((l) => l.map(round));
  const borders: Feature<MultiLineString, Record<string, never>> = { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates } };
  return { box, land: { type: 'FeatureCollection', features: land }, borders, attribution: DETAIL_ATTRIBUTION };
}
