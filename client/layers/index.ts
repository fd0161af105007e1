import type { Layer } from '@deck.gl/core';
import { flowsLayers } from './flows.js';
import { districtTextLayers, placeLayers, townTextLayers } from './labels.js';
import { monitoringPointsLayers } from './monitoringPoints.js';
import { outreachSitesLayers } from './outreachSites.js';
import { pointNamesLayers } from './pointNames.js';
import { servicesLayers } from './services.js';
import type { LayerData, LayerState } from './types.js';

/**
 * All deck.gl layers, bottom to top. Town names sit above services (context over detail)
 * but under monitoring points: the crossings are the data, and a label halo must never
 * hide one.
 */
export function buildLayers(state: LayerState, data: LayerData): Layer[] {
  return [
    ...placeLayers(state, data),
    ...districtTextLayers(state, data),
    // Analysis surfaces (hot spots, heatmap, gaps) lie under every symbol: services stay on top.
    ...(data.analysisLayers ?? []),
    ...outreachSitesLayers(state, data),
    ...servicesLayers(state, data),
    // While planning, the plan's sites and reach circles take the flow lines' place.
    ...(data.plannerLayers ? [] : flowsLayers(state, data)),
    ...townTextLayers(state, data),
    ...monitoringPointsLayers(state, data),
    ...pointNamesLayers(state, data),
    ...(data.plannerLayers ?? []),
  ];
}
