import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Areas } from '../../common/places.js';

/**
 * Admin boundaries on the basemap (MapLibre GeoJSON sources: no tiles, so offline too):
 * province lines always, district lines from zoom 6, and the choropleth fill under both.
 * The sources carry the boundary attribution, which the map's attribution control shows.
 */
const SRC = { 1: 'adm1', 2: 'adm2' } as const;
export const FILL_LAYER = 'areas-fill';

/** Below the country borders when the style has them (offline), else on top of the basemap. */
function before(map: MapLibreMap): string | undefined {
  return map.getLayer('borders') ? 'borders' : undefined;
}

export function showBoundaries(map: MapLibreMap, level: 1 | 2, areas: Areas): void {
  const id = SRC[level];
  const src = map.getSource<GeoJSONSource>(id);
  if (src) {
    src.setData(areas);
    return;
  }
  map.addSource(id, { type: 'geojson', data: areas, attribution: areas.attribution });
  map.addLayer({
    id: `${id}-lines`,
    type: 'line',
    source: id,
    ...(level === 2 ? { minzoom: 6 } : {}),
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': level === 1 ? '#6d6478' : '#9a91a6',
      'line-width': level === 1 ? ['interpolate', ['linear'], ['zoom'], 4, 0.7, 9, 1.6] : ['interpolate', ['linear'], ['zoom'], 6, 0.5, 10, 1.2],
      ...(level === 2 ? { 'line-dasharray': [2, 1.5] } : {}),
    },
  }, before(map));
}

/** Fills each area of `areas` with its `fill` property; null removes the layer. */
export function showChoropleth(map: MapLibreMap, areas: Areas | null, fills: Map<string, string>): void {
  if (map.getLayer(FILL_LAYER)) map.removeLayer(FILL_LAYER);
  if (map.getSource(FILL_LAYER)) map.removeSource(FILL_LAYER);
  if (!areas) return;
  const data: Areas = { ...areas, features: areas.features.map((f) => ({ ...f, properties: { ...f.properties, fill: fills.get(f.properties.pcode) ?? null } })) };
  map.addSource(FILL_LAYER, { type: 'geojson', data });
  map.addLayer({
    id: FILL_LAYER,
    type: 'fill',
    source: FILL_LAYER,
    filter: ['!=', ['get', 'fill'], null],
    paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.72, 'fill-outline-color': '#ffffff' },
  }, map.getLayer('adm1-lines') ? 'adm1-lines' : before(map));
}
