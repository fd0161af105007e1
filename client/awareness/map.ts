import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Areas } from '../../common/places.js';

/**
 * The awareness layers on the basemap (MapLibre GeoJSON sources, offline like the admin
 * areas): district fills, a hatch over districts whose interval is wider than ±10 points,
 * an outline round the district whose row is open, and survey clusters as dots.
 */
export const AW_FILL = 'aw-fill';
const HATCH = 'aw-hatch';
const LAYERS = ['aw-fill', 'aw-hatch', 'aw-selected', 'aw-clusters'] as const;
const SOURCES = ['aw-areas', 'aw-clusters'] as const;

export interface DistrictStyle {
  fill: string;
  wide: boolean;
}

export interface ClusterDot {
  lon: number;
  lat: number;
  fill: string;
  label: string;
}

/** Diagonal lines on transparent, drawn here: a pattern image must not be fetched. */
function addHatch(map: MapLibreMap): void {
  if (map.hasImage(HATCH)) return;
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + y) % size > 1) continue;
      data.set([29, 35, 48, 200], (y * size + x) * 4);
    }
  }
  map.addImage(HATCH, { width: size, height: size, data });
}

function before(map: MapLibreMap): string | undefined {
  return map.getLayer('adm1-lines') ? 'adm1-lines' : map.getLayer('borders') ? 'borders' : undefined;
}

export function clearAwareness(map: MapLibreMap): void {
  for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of SOURCES) if (map.getSource(id)) map.removeSource(id);
}

/** Districts of `styles` are drawn; the others (not surveyed) stay uncoloured. */
export function showAwareness(map: MapLibreMap, areas: Areas, styles: ReadonlyMap<string, DistrictStyle>, selected: string | null, clusters: ClusterDot[]): void {
  clearAwareness(map);
  addHatch(map);
  const features = areas.features
    .filter((f) => styles.has(f.properties.pcode))
    .map((f) => {
      const s = styles.get(f.properties.pcode);
      return { ...f, properties: { pcode: f.properties.pcode, name: f.properties.name, fill: s?.fill ?? null, wide: s?.wide === true, selected: f.properties.pcode === selected } };
    });
  map.addSource('aw-areas', { type: 'geojson', data: { type: 'FeatureCollection', features } });
  const at = before(map);
  map.addLayer({ id: AW_FILL, type: 'fill', source: 'aw-areas', paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 1, 'fill-outline-color': '#ffffff' } }, at);
  map.addLayer({ id: 'aw-hatch', type: 'fill', source: 'aw-areas', filter: ['==', ['get', 'wide'], true], paint: { 'fill-pattern': HATCH } }, at);
  map.addLayer({ id: 'aw-selected', type: 'line', source: 'aw-areas', filter: ['==', ['get', 'selected'], true], paint: { 'line-color': '#1d2330', 'line-width': 3 } }, at);
  const dots: FeatureCollection<Point, { fill: string; label: string }> = {
    type: 'FeatureCollection',
    features: clusters.map((c) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [c.lon, c.lat] }, properties: { fill: c.fill, label: c.label } })),
  };
  map.addSource('aw-clusters', { type: 'geojson', data: dots });
  map.addLayer({
    id: 'aw-clusters',
    type: 'circle',
    source: 'aw-clusters',
    minzoom: 6,
    paint: { 'circle-color': ['get', 'fill'], 'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 2.5, 11, 6], 'circle-stroke-color': '#1d2330', 'circle-stroke-width': 1 },
  });
}

/** The district code under a map click, if it is a drawn awareness district. */
export function districtAt(map: MapLibreMap, point: { x: number; y: number }): string | null {
  if (!map.getLayer(AW_FILL)) return null;
  const hit = map.queryRenderedFeatures([point.x, point.y], { layers: [AW_FILL] })[0];
  const code = hit?.properties['pcode'];
  return typeof code === 'string' ? code : null;
}
