import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';

/**
 * The detailed basemap (GET /api/v1/basemap/borders): Natural Earth 1:10m countries cut to
 * DETAIL_BOX, drawn from DETAIL_MIN_ZOOM, where the 1:50m file is visibly off (kilometres at
 * zoom 10). The box holds Zambia and a margin of at least 4° on each side: at zoom 7 a
 * 1366-pixel map centred on any part of Zambia stays inside it.
 */
export interface GeoBox {
  west: number;
  south: number;
  east: number;
  north: number;
}
export const DETAIL_BOX: Readonly<GeoBox> = { west: 16, south: -24, east: 38, north: -4 };
export const DETAIL_MIN_ZOOM = 7;
export const DETAIL_ATTRIBUTION = 'Natural Earth 1:10m';

export interface DetailCountryProps {
  name: string;
  /** Zambia, drawn a touch lighter as the programme's country. */
  focus: boolean;
}

export interface DetailBasemap {
  box: GeoBox;
  land: FeatureCollection<Polygon | MultiPolygon, DetailCountryProps>;
  /** Land borders only (arcs shared by two countries); coastlines stay with the 1:50m file. */
  borders: Feature<MultiLineString, Record<string, never>>;
  attribution: string;
}

/** Path of the archive BASEMAP=pmtiles:… serves, under /api/v1. */
export const ARCHIVE_PATH = '/basemap/archive.pmtiles';
