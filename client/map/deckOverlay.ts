import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { buildLayers } from '../layers/index.js';
import type { LayerData, LayerState } from '../layers/types.js';

/**
 * deck.gl on top of MapLibre, loaded as its own chunk (dynamic import in main.ts) so the
 * basemap can draw before deck.gl has downloaded.
 */
export interface DeckHandle {
  render(state: LayerState, data: LayerData): void;
  /** Topmost pickable object under a screen point, with a few pixels of slack for fingers. */
  pick(x: number, y: number): PickingInfo | null;
  /** What `layerId` has under a screen point, even below other layers (a flow end under a monitoring point). */
  pickIn(layerId: string, x: number, y: number): PickingInfo | null;
  /** True once every current layer has been initialised and drawn. */
  allLoaded(): boolean;
}

export function attachDeck(map: MapLibreMap): DeckHandle {
  // interleaved: deck draws into MapLibre's own WebGL context and canvas, so one canvas
  // (made with preserveDrawingBuffer) holds the whole picture for exports and tests.
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  let layers: Layer[] = [];
  return {
    render(state, data) {
      layers = buildLayers(state, data);
      overlay.setProps({ layers });
    },
    pick(x, y) {
      return overlay.pickObject({ x, y, radius: 6 }) ?? null;
    },
    pickIn(layerId, x, y) {
      return overlay.pickObject({ x, y, radius: 6, layerIds: [layerId] }) ?? null;
    },
    allLoaded() {
      return layers.every((l) => l.isLoaded);
    },
  };
}
