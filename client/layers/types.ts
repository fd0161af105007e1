import type { Layer } from '@deck.gl/core';
import type { MonitoringPointProps, OutreachSiteProps, ServiceProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import type { CountryLabel } from '../map/countries.js';
import type { AppState } from '../state.js';

/** What every layer module reads: the URL state plus the current zoom (for sizing). */
export type LayerState = Pick<AppState, 'layers' | 'serviceKinds'> & { zoom: number };

export interface TownLabel {
  code: string;
  name: string;
  country: string;
  kind: string;
  position: [number, number];
}

/** Data loaded so far; a layer whose data has not arrived (or failed) draws nothing. */
export interface LayerData {
  points?: PointFeature<MonitoringPointProps>[];
  services?: PointFeature<ServiceProps>[];
  sites?: PointFeature<OutreachSiteProps>[];
  countryLabels?: CountryLabel[];
  towns?: TownLabel[];
  /** District names at a point inside each district (places/controller.ts), drawn from zoom 6. */
  districtLabels?: { pcode: string; name: string; position: [number, number] }[];
  /** Built by the lazily loaded flow view (layers/flows.ts), absent while flows are off. */
  flowLayer?: Layer;
  /** Built by the lazily loaded outreach planner (planner/layers.ts), absent while its panel is closed. */
  plannerLayers?: Layer[];
  /** Built by the lazily loaded analysis view (hotspots/layers.ts), absent while it is off. */
  analysisLayers?: Layer[];
}

/** deck.gl colours are RGBA arrays. */
export type Rgba = [number, number, number, number];
