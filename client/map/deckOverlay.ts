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
  /** True once every current layer has been initialised and drawn. */
  allLoaded(): boolean;
}

export function attachDeck(map: MapLibreMap): DeckHandle {
  // interleaved: deck draws into MapLibre's own WebGL context and canvas, so one canvas
  // (made with preserveDrawingBuffer) holds the whole picture for exports and tests.
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [], pickingRadius: 4 });
  map.addControl(overlay);
  let layers: Layer[] = [];
  forwardPointer(map, overlay, () => layers);
  return {
    render(state, data) {
      layers = buildLayers(state, data);
      overlay.setProps({ layers });
    },
    pick(x, y) {
      return overlay.pickObject({ x, y, radius: 6 }) ?? null;
    },
    allLoaded() {
      return layers.every((l) => l.isLoaded);
    },
  };
}

type Handler = (info: PickingInfo, event: { srcEvent: unknown }) => void;
const handlerOf = (layer: Layer | null | undefined, name: 'onHover' | 'onClick'): Handler | undefined =>
  (layer?.props as Record<string, unknown> | undefined)?.[name] as Handler | undefined;

/**
 * In interleaved mode deck.gl gets no pointer events (MapLibreOverlay subscribes them only
 * when overlaid, and deck's own hover dispatch needs the widget manager an interleaved deck
 * lacks), so layers' onHover/onClick never fire and FlowmapLayer cannot highlight. Here the
 * same picking deck would do is run on MapLibre's events and handed to the picked layer's
 * own handlers; a layer the pointer left gets an empty pick, as deck would send it.
 */
function forwardPointer(map: MapLibreMap, overlay: MapLibreOverlay, drawn: () => Layer[]): void {
  let hovered: Layer | null = null;
  let frame = 0;
  // Only layers that listen are asked: a monitoring point drawn over a flow's end must not
  // swallow the flow map's hover (points answer clicks through interaction.ts).
  const pickAt = (x: number, y: number, name: 'onHover' | 'onClick'): PickingInfo | null => {
    const layerIds = drawn().filter((l) => handlerOf(l, name)).map((l) => l.id);
    return layerIds.length ? (overlay.pickObject({ x, y, radius: 4, layerIds }) ?? null) : null;
  };
  map.on('mousemove', (e) => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const info = pickAt(e.point.x, e.point.y, 'onHover');
      const layer = info && handlerOf(info.layer, 'onHover') ? info.layer : null;
      if (hovered && hovered !== layer) leave(hovered, e.point.x, e.point.y, e.originalEvent);
      hovered = layer;
      if (info && layer) handlerOf(layer, 'onHover')?.(info, { srcEvent: e.originalEvent });
    });
  });
  const leave = (layer: Layer, x: number, y: number, srcEvent: unknown): void => {
    // The layer may have been replaced since: the current one with the same id takes the leave.
    const current = drawn().find((l) => l.id === layer.id);
    const empty = { layer: current ?? layer, index: -1, picked: false, object: undefined, sourceLayer: null, x, y, coordinate: undefined } as unknown as PickingInfo;
    handlerOf(current ?? layer, 'onHover')?.(empty, { srcEvent });
  };
  map.getCanvas().addEventListener('mouseleave', (ev) => {
    if (hovered) leave(hovered, -1, -1, ev);
    hovered = null;
  });
  map.on('click', (e) => {
    const info = pickAt(e.point.x, e.point.y, 'onClick');
    if (info?.layer) handlerOf(info.layer, 'onClick')?.(info, { srcEvent: e.originalEvent });
  });
}
