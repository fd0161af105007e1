import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { OutreachSiteProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import { SITE_COLOR } from './colors.js';
import { siteRadius } from './sizing.js';
import type { LayerData, LayerState } from './types.js';

export const SITES_LAYER_ID = 'outreach-sites';
type D = PointFeature<OutreachSiteProps>;

/** Candidate outreach sites: open rings sized by footfall, so points under them stay visible. */
export function outreachSitesLayers(state: LayerState, data: LayerData): Layer[] {
  if (!state.layers.has('sites') || !data.sites) return [];
  const zoom = state.zoom;
  return [
    new ScatterplotLayer<D>({
      id: SITES_LAYER_ID,
      data: data.sites,
      pickable: true,
      filled: true,
      stroked: true,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      getRadius: (d) => siteRadius(d.properties.footfall, zoom),
      getPosition: (d) => [d.geometry.coordinates[0] ?? 0, d.geometry.coordinates[1] ?? 0],
      getFillColor: [...SITE_COLOR, 40],
      getLineColor: [...SITE_COLOR, 220],
      updateTriggers: { getRadius: zoom >= 9 },
    }),
  ];
}
