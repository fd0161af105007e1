import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
// MapLibre 6 does not find its worker by itself in a bundled app (docs/architecture.md#chunks).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Viewport } from '../state.js';
import { MAX_BOUNDS } from '../views.js';

setWorkerUrl(workerUrl);

/** opts: for the brief's print map (server/briefs): a fixed pixel ratio for print resolution, no interaction. */
export function createMap(
  container: HTMLElement,
  style: StyleSpecification | string,
  view: Viewport,
  opts: { pixelRatio?: number; interactive?: boolean; antialias?: boolean } = {},
): MapLibreMap {
  const { antialias = true, ...mapOpts } = opts;
  const map = new MapLibreMap({
    ...mapOpts,
    container,
    style,
    center: [view.lon, view.lat],
    zoom: view.zoom,
    minZoom: 3,
    maxZoom: 16,
    maxBounds: MAX_BOUNDS,
    // One copy of the world: the offline basemap holds only the region anyway.
    renderWorldCopies: false,
    // Exports and the browser test read the canvas back after a frame is drawn.
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias },
    attributionControl: { compact: true, customAttribution: 'Natural Earth · Corridor reference geography (approximate)' },
    // Rotation helps nobody reading a border map and confuses keyboard users.
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  return map;
}
