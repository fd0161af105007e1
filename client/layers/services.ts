import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { ServiceProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import { SERVICE_COLORS } from './colors.js';
import { serviceRadius } from './sizing.js';
import type { LayerData, LayerState, Rgba } from './types.js';

export const SERVICES_LAYER_ID = 'services';
type D = PointFeature<ServiceProps>;

const UNKNOWN: Rgba = [120, 120, 120, 255];

function getServiceColor(d: D): Rgba {
  const c = SERVICE_COLORS[d.properties.kind];
  return c ? [...c, 255] : UNKNOWN;
}

/** Services: small discs with a dark rim, so they never read as monitoring points (white rim). */
export function servicesLayers(state: LayerState, data: LayerData): Layer[] {
  if (!state.layers.has('services') || !data.services) return [];
  const shown = data.services.filter((d) => state.serviceKinds.has(d.properties.kind));
  return [
    new ScatterplotLayer<D>({
      id: SERVICES_LAYER_ID,
      data: shown,
      pickable: true,
      stroked: true,
      radiusUnits: 'pixels',
      radiusScale: serviceRadius(state.zoom),
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      getRadius: 1,
      getPosition: (d) => [d.geometry.coordinates[0] ?? 0, d.geometry.coordinates[1] ?? 0],
      getFillColor: getServiceColor,
      getLineColor: [40, 40, 48, 230],
    }),
  ];
}
