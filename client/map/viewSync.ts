import type { Map as MapLibreMap } from 'maplibre-gl';
import { formatViewport, type Store, type Viewport } from '../state.js';

function viewOf(map: MapLibreMap): Viewport {
  const c = map.getCenter();
  return { lat: c.lat, lon: c.lng, zoom: map.getZoom() };
}

/**
 * Keeps the map and `state.view` in step: where the map comes to rest goes into the store,
 * and a view that arrives from elsewhere (Back, a pasted link, a dataset's map link) moves
 * the map. Compared at the link's precision, so the map's own moves never move it again.
 */
export function bindMapView(map: MapLibreMap, store: Store): void {
  map.on('moveend', () => store.update({ view: viewOf(map) }));
  store.subscribe((next, prev) => {
    if (next.view === prev.view || formatViewport(next.view) === formatViewport(viewOf(map))) return;
    map.jumpTo({ center: [next.view.lon, next.view.lat], zoom: next.view.zoom });
  });
}
