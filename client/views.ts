/**
 * Named places the view buttons fly to. Centres and zooms frame each corridor's
 * crossings on a 1366×768 laptop screen.
 */
export interface NamedView {
  id: 'overview' | 'sesheke' | 'nakonde' | 'lusaka';
  label: string;
  /** What a screen reader announces for the button. */
  description: string;
  center?: { lat: number; lon: number; zoom: number };
  /** [[west, south], [east, north]]: the overview fits a box instead of a zoom. */
  bounds?: [[number, number], [number, number]];
}

export const NAMED_VIEWS: readonly NamedView[] = [
  {
    id: 'overview',
    label: 'Overview',
    description: 'Whole region: Zambia with the Sesheke and Nakonde corridors',
    bounds: [[13, -26], [40, -1]],
  },
  {
    id: 'sesheke',
    label: 'Sesheke',
    description: 'Sesheke and Katima Mulilo, Kazungula',
    center: { lat: -17.55, lon: 24.6, zoom: 9 },
  },
  {
    id: 'nakonde',
    label: 'Nakonde',
    description: 'Nakonde and Tunduma',
    center: { lat: -9.32, lon: 32.76, zoom: 12 },
  },
  {
    id: 'lusaka',
    label: 'Lusaka',
    description: 'Lusaka, the inland hub',
    center: { lat: -15.42, lon: 28.28, zoom: 11 },
  },
];

/** Panning stops here: the offline basemap only holds Africa and its neighbours. */
export const MAX_BOUNDS: [[number, number], [number, number]] = [[-5, -42], [62, 22]];
