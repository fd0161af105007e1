import type { Map as MapLibreMap } from 'maplibre-gl';
import { decodeState, encodeState, type AppState } from '../state.js';

/**
 * Keeps the URL hash and the map in step. replaceState (not pushState) on every move:
 * panning should not fill the back button's history with hundreds of entries.
 */
export function viewOf(map: MapLibreMap): AppState['view'] {
  const c = map.getCenter();
  return { lat: c.lat, lon: c.lng, zoom: map.getZoom() };
}

export function writeUrl(state: AppState): void {
  const hash = encodeState(state);
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** Applies a hash changed from outside (edited URL, back button, pasted link). */
export function watchUrl(map: MapLibreMap, onExternal: (s: AppState) => void): void {
  window.addEventListener('hashchange', () => {
    const s = decodeState(location.hash);
    // State first: jumpTo fires moveend synchronously, which writes the URL from state.
    onExternal(s);
    map.jumpTo({ center: [s.view.lon, s.view.lat], zoom: s.view.zoom });
  });
}
