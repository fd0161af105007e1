import type { Layer } from '@deck.gl/core';
import type { Rgb } from './colors.js';
import type { LayerData, LayerState } from './types.js';

/**
 * Flow lines and location totals. The FlowmapLayer is built by the flow view (its own
 * lazily loaded chunk, flowsFlowmap.ts) and handed over ready-made in data.flowLayer;
 * this module only decides whether it is drawn, so the deck chunk does not grow.
 */
export const FLOWS_LAYER_ID = 'flows';
/** Deep crimson: distinct from point, service and basemap colours (colors.ts). */
export const FLOW_COLOR: Rgb = [150, 20, 60];
/** Amber outline of a hovered flow or place and its flows (flowsFlowmap.ts, flowmapPlaces.ts). */
export const FLOW_HIGHLIGHT: Rgb = [242, 169, 0];

export function flowsLayers(_state: LayerState, data: LayerData): Layer[] {
  return data.flowLayer ? [data.flowLayer] : [];
}
