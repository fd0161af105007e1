/**
 * Symbol sizes by zoom, in CSS pixels. Points grow as the map zooms in, but stay
 * modest: at the region overview several crossings sit within a few pixels of each
 * other, and at street level a giant disc would hide the town it marks.
 */
export function pointRadius(zoom: number): number {
  return clamp(3.5 + (zoom - 4) * 0.75, 4, 10);
}

export function serviceRadius(zoom: number): number {
  return clamp(2 + (zoom - 5) * 0.6, 2.5, 7);
}

/** Site rings scale with sqrt(footfall) so area, not radius, is proportional. */
export function siteRadius(footfall: number | null, zoom: number): number {
  const base = Math.sqrt(Math.max(0, footfall ?? 0) / 1000);
  return clamp((4 + base * 2) * (zoom >= 9 ? 1.4 : 1), 4, 24);
}

/** Town label rank → the zoom from which it shows. */
const TOWN_MIN_ZOOM: Record<string, number> = {
  capital: 4,
  city: 5.5,
  border_town: 6,
  town: 6.5,
  port: 6,
  village: 8,
};

/** Corridor towns the programme works in: labelled from the overview on. */
const FOCUS_TOWNS = new Set(['zm-sesheke', 'zm-nakonde', 'zm-lusaka']);

export function townVisible(code: string, kind: string, zoom: number): boolean {
  if (FOCUS_TOWNS.has(code)) return true;
  return zoom >= (TOWN_MIN_ZOOM[kind] ?? 7);
}

/**
 * A country name shows once its largest part is big enough on screen: area (square
 * degrees) × 4^(zoom − 4) is proportional to its pixel area.
 */
export function countryLabelVisible(area: number, zoom: number): boolean {
  return area * Math.pow(4, zoom - 4) >= 12;
}

/** Monitoring-point names show from town scale; below it they would mostly collide. */
export function pointNamesVisible(zoom: number): boolean {
  return zoom >= 10;
}

/** Labels use a system font: no web font or glyph server to fetch (CSP, weak links). */
export const LABEL_FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';
// SDF glyphs allow a white halo (outline), which keeps names readable over borders and rivers.
export const LABEL_FONT_SETTINGS = { sdf: true, fontSize: 48, buffer: 8, radius: 12, cutoff: 0.22 };

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * Where a town's name goes relative to its dot. Twin border towns (Sesheke / Katima
 * Mulilo, Kazungula / Kasane, Nakonde / Tunduma) sit a few pixels apart with the foreign
 * twin to the west or north, and the crossings themselves are drawn right by the
 * Zambian town. So: foreign names to the left, Zambian names below-right, clear of both
 * the twin's name and the crossing symbols.
 */
interface TownLabelPlacement {
  anchor: 'start' | 'end';
  baseline: 'top' | 'center';
  offset: [number, number];
}

export function townLabelPlacement(country: string): TownLabelPlacement {
  return country === 'ZMB'
    ? { anchor: 'start', baseline: 'top', offset: [4, 6] }
    : { anchor: 'end', baseline: 'center', offset: [-7, -1] };
}
