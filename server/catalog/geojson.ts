import type { Row } from '../db/index.js';

export interface Feature {
  type: 'Feature';
  id: number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Rows with lon/lat columns → an RFC 7946 FeatureCollection of points (6 decimals ≈ 0.1 m). */
export function toFeatureCollection(rows: Row[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows.map(({ lon, lat, ...properties }) => ({
      type: 'Feature',
      id: Number(properties.id),
      geometry: { type: 'Point', coordinates: [round6(Number(lon)), round6(Number(lat))] },
      properties,
    })),
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
