import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { MonitoringPointProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import { POINT_COLORS, pointGroup } from './colors.js';
import { pointRadius } from './sizing.js';
import type { LayerData, LayerState, Rgba } from './types.js';

export const POINTS_LAYER_ID = 'monitoring-points';
type D = PointFeature<MonitoringPointProps>;

/** Draw order: hubs under informal crossings under official posts, which users look for first. */
const ORDER = { hub: 0, informal: 1, official: 2 } as const;

function getPointColor(d: D): Rgba {
  return [...POINT_COLORS[pointGroup(d.properties.kind)], 255];
}

/** Official posts a little larger: they are the reference the informal ones are read against. */
export function getPointRadius(d: D): number {
  return pointGroup(d.properties.kind) === 'official' ? 1.15 : 1;
}

export function rank(d: D): number {
  return ORDER[pointGroup(d.properties.kind)];
}

export function monitoringPointsLayers(state: LayerState, data: LayerData): Layer[] {
  if (!state.layers.has('points') || !data.points) return [];
  const sorted = [...data.points].sort((a, b) => rank(a) - rank(b));
  return [
    new ScatterplotLayer<D>({
      id: POINTS_LAYER_ID,
      data: sorted,
      pickable: true,
      stroked: true,
      filled: true,
      radiusUnits: 'pixels',
      radiusScale: pointRadius(state.zoom),
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      getPosition: (d) => [d.geometry.coordinates[0] ?? 0, d.geometry.coordinates[1] ?? 0],
      getRadius: getPointRadius,
      getFillColor: getPointColor,
      getLineColor: [...POINT_COLORS.outline, 255],
    }),
  ];
}
