import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MultiLineString, Position } from 'geojson';
import { DETAIL_BOX, DETAIL_MIN_ZOOM, type DetailBasemap, type GeoBox } from '../../common/basemap.js';
import { ApiError, request } from '../api.js';
import { BASEMAP, toHex } from '../layers/colors.js';

/**
 * From zoom 7 the offline basemap swaps the 1:50m countries for Natural Earth 1:10m around
 * Zambia (GET /api/v1/basemap/borders, cut on the server): at zoom 10 the 1:50m line is off by
 * kilometres, on the wrong side of a border post. Fetched the first time someone zooms in.
 * Outside DETAIL_BOX the 1:50m borders stay (layer borders-far).
 */
type Box = Readonly<GeoBox>;
const URL_ = '/api/v1/basemap/borders';

const inBox = ([x = NaN, y = NaN]: Position, b: Box): boolean => x >= b.west && x <= b.east && y >= b.south && y <= b.north;

/** The parts of `lines` not wholly inside `box` (a segment with an end outside stays). Pure. */
export function outsideBox(lines: MultiLineString, box: Box = DETAIL_BOX): MultiLineString {
  const out: Position[][] = [];
  for (const line of lines.coordinates) {
    let run: Position[] = [];
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1] as Position;
      const b = line[i] as Position;
      if (inBox(a, box) && inBox(b, box)) {
        if (run.length) out.push(run);
        run = [];
        continue;
      }
      if (!run.length) run.push(a);
      run.push(b);
    }
    if (run.length) out.push(run);
  }
  return { type: 'MultiLineString', coordinates: out };
}

async function fetchDetail(): Promise<DetailBasemap> {
  const res = await request(URL_);
  if (!res.ok) throw new ApiError(res.status, null, URL_);
  return (await res.json()) as DetailBasemap;
}

function addDetail(map: MapLibreMap, d: DetailBasemap, borders50m: MultiLineString): void {
  const line = map.getLayer('borders');
  map.addSource('land-detail', { type: 'geojson', data: d.land, attribution: d.attribution });
  map.addSource('borders-detail', { type: 'geojson', data: d.borders });
  map.addSource('borders-far', { type: 'geojson', data: outsideBox(borders50m, d.box) });
  map.addLayer({
    id: 'land-detail', type: 'fill', source: 'land-detail', minzoom: DETAIL_MIN_ZOOM,
    paint: { 'fill-color': ['case', ['get', 'focus'], toHex(BASEMAP.focusLand), toHex(BASEMAP.land)], 'fill-antialias': false },
  }, map.getLayer('coast') ? 'coast' : undefined);
  // Same look as the 1:50m borders (offlineStyle.ts), so zooming past 7 changes only the detail.
  const paint = line ? { ...map.getStyle().layers.find((l) => l.id === 'borders') } : undefined;
  const linePaint = paint && 'paint' in paint ? paint.paint : { 'line-color': toHex(BASEMAP.border) };
  for (const id of ['borders-detail', 'borders-far'] as const) {
    map.addLayer({ id, type: 'line', source: id, minzoom: DETAIL_MIN_ZOOM, layout: { 'line-join': 'round' }, paint: linePaint as Record<string, unknown> }, line ? 'borders' : undefined);
  }
  if (line) map.setLayerZoomRange('borders', 0, DETAIL_MIN_ZOOM);
}

/**
 * Wires the detailed countries into the offline style; `borders50m` is what the 1:50m
 * borders source holds. `track` wraps the fetch (map readiness, status line).
 */
export function attachDetailBasemap(map: MapLibreMap, borders50m: MultiLineString, track: <T>(p: Promise<T>) => Promise<T>): void {
  let started = false;
  const check = (): void => {
    // Half a zoom early, so the data is there when the layers switch on.
    if (started || map.getZoom() < DETAIL_MIN_ZOOM - 0.5) return;
    started = true;
    map.off('zoomend', check);
    track(fetchDetail()).then(
      (d) => {
        if (map.getSource<GeoJSONSource>('land-detail')) return;
        addDetail(map, d, borders50m);
      },
      (err: unknown) => console.warn('Corridor: detailed borders unavailable, keeping 1:50m', err),
    );
  };
  map.on('zoomend', check);
  check();
}
