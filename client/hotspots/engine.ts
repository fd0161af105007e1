/**
 * What the analysis view draws and picks with: deck.gl's H3 and heatmap layers and h3-js (the
 * 'deck-analysis' chunk). Loaded the first time an analysis layer is switched on, so the first
 * map view (flows) does not download it (issue 19).
 */
export { cellToLatLng, latLngToCell } from 'h3-js';
export { analysisLayers, shade } from './layers.js';
