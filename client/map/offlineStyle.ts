import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP, toHex } from '../layers/colors.js';

/**
 * The offline basemap as a MapLibre style: GeoJSON sources only, no tiles, glyphs or
 * sprites, so it renders with no network at all. Country sources start empty and are
 * filled once the TopoJSON asset is parsed (see basemap.ts).
 */
export const SOURCES = { land: 'countries', borders: 'borders', coast: 'coast', river: 'zambezi' } as const;

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export function offlineStyle(zambezi: [number, number][]): StyleSpecification {
  return {
    version: 8,
    name: 'Corridor offline',
    sources: {
      [SOURCES.land]: { type: 'geojson', data: empty() },
      [SOURCES.borders]: { type: 'geojson', data: empty() },
      [SOURCES.coast]: { type: 'geojson', data: empty() },
      [SOURCES.river]: {
        type: 'geojson',
        data: { type: 'Feature', properties: { name: 'Zambezi' }, geometry: { type: 'LineString', coordinates: zambezi } },
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': toHex(BASEMAP.water) } },
      {
        id: 'land',
        type: 'fill',
        source: SOURCES.land,
        paint: {
          'fill-color': ['case', ['get', 'focus'], toHex(BASEMAP.focusLand), toHex(BASEMAP.land)],
          'fill-antialias': false,
        },
      },
      {
        id: 'coast',
        type: 'line',
        source: SOURCES.coast,
        paint: { 'line-color': toHex(BASEMAP.coast), 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.5] },
      },
      {
        id: 'zambezi',
        type: 'line',
        source: SOURCES.river,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': toHex(BASEMAP.zambezi),
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1.2, 8, 3, 12, 6],
        },
      },
      {
        id: 'borders',
        type: 'line',
        source: SOURCES.borders,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': toHex(BASEMAP.border),
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 8, 1.6, 12, 2.4],
          'line-dasharray': [3, 1.5],
        },
      },
    ],
  };
}
