import type { MonitoringPointKind, ServiceKind } from '../../common/vocabulary.js';

/**
 * Every colour the map draws, in one place, so the legend, the layers and the browser
 * test (which looks for these exact pixels) cannot drift apart.
 * RGB triples; alpha is added where a layer needs it.
 */
export type Rgb = readonly [number, number, number];

/** Offline basemap. Land is warm and light so coloured symbols stand out on it. */
export const BASEMAP = {
  water: [170, 205, 229],
  land: [236, 232, 222],
  /** Zambia, the programme's country, a touch lighter so it reads as the focus. */
  focusLand: [250, 248, 242],
  border: [128, 116, 140],
  coast: [120, 160, 190],
  zambezi: [47, 110, 186],
} as const satisfies Record<string, Rgb>;

/**
 * Three groups users must tell apart at a glance: official posts (dark blue),
 * informal crossings (orange-red, the risk signal) and inland hubs (purple).
 */
export const POINT_COLORS = {
  official: [11, 60, 140],
  informal: [228, 87, 46],
  hub: [123, 45, 142],
  outline: [255, 255, 255],
} as const satisfies Record<string, Rgb>;

export type PointGroup = 'official' | 'informal' | 'hub';

export function pointGroup(kind: MonitoringPointKind): PointGroup {
  if (kind === 'official_border_post') return 'official';
  if (kind === 'informal_crossing') return 'informal';
  return 'hub';
}

/**
 * Categorical palette (ColorBrewer Dark2 plus Tableau cyan/olive), chosen to stay apart
 * from the three monitoring-point colours above.
 */
export const SERVICE_COLORS: Record<ServiceKind, Rgb> = {
  health: [27, 158, 119],
  police_vsu: [55, 126, 184],
  social_welfare: [230, 171, 2],
  cwac: [102, 166, 30],
  shelter: [231, 41, 138],
  immigration: [102, 102, 102],
  legal_aid: [166, 118, 29],
  one_stop_centre: [23, 190, 207],
  ngo_help_desk: [188, 189, 34],
};

export const SITE_COLOR: Rgb = [92, 64, 51];
export const LABEL_COLORS = {
  country: [95, 88, 104],
  town: [34, 34, 40],
  halo: [255, 255, 255],
} as const satisfies Record<string, Rgb>;

/** '#rrggbb' for CSS and MapLibre paint properties. */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
