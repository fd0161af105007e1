import { gridDisk, latLngToCell } from 'h3-js';
import type { Site } from '../query/sites.js';

/**
 * Binning for hotspots (issue 6). A site is where counts were recorded: a monitoring point
 * (observations are counted there) or a protection report's point (jittered at source, and
 * coarsened for roles below data manager before it leaves the database). Each site's count
 * goes to the H3 cell holding it, and nowhere else.
 *
 * Deliberately NOT spread to the trips' origin and destination places: the registry says where
 * people were seen, while an origin such as "Sesheke" is a town label with an approximate
 * point; counting a person again at each end would make a cell's value a count of nothing in
 * particular (one person in up to three cells), and smearing counts over neighbouring cells
 * would manufacture the very spatial autocorrelation Gi* tests for. Few sites give few
 * non-empty cells; the study-area rule below keeps Gi* meaningful with them.
 */
export interface Bin {
  h3: string;
  value: number;
  /** Weighted centre of the sites in the cell: where the people were, not the hexagon's centre. */
  lon: number;
  lat: number;
  /** The country holding most of the cell's weight. */
  country: string | null;
  /** The heaviest site's label. */
  label: string | null;
  sites: number;
}

/** Sites with a positive weight → one bin per H3 cell at `res` (weights summed). */
export function binSites(sites: readonly Site[], res: number): Map<string, Bin> {
  const acc = new Map<string, { bin: Bin; sx: number; sy: number; byCountry: Map<string, number>; top: number }>();
  for (const s of sites) {
    if (!(s.weight > 0)) continue;
    const h3 = latLngToCell(s.lat, s.lon, res);
    let a = acc.get(h3);
    if (!a) {
      a = { bin: { h3, value: 0, lon: 0, lat: 0, country: null, label: null, sites: 0 }, sx: 0, sy: 0, byCountry: new Map(), top: -1 };
      acc.set(h3, a);
    }
    a.bin.value += s.weight;
    a.bin.sites += 1;
    a.sx += s.lon * s.weight;
    a.sy += s.lat * s.weight;
    if (s.country) a.byCountry.set(s.country, (a.byCountry.get(s.country) ?? 0) + s.weight);
    if (s.weight > a.top) {
      a.top = s.weight;
      a.bin.label = s.label ?? null;
    }
  }
  const out = new Map<string, Bin>();
  for (const [h3, a] of acc) {
    let country: string | null = null;
    let most = -1;
    for (const [c, w] of a.byCountry) if (w > most || (w === most && c < (country ?? ''))) [country, most] = [c, w];
    out.set(h3, { ...a.bin, lon: a.sx / a.bin.value, lat: a.sy / a.bin.value, country });
  }
  return out;
}

/** Largest study area one request may analyse (cells); beyond it the client should coarsen res. */
export const MAX_STUDY_CELLS = 250_000;

/**
 * The study area: every non-empty cell and the zero-valued cells of its k-ring (H3 gridDisk),
 * sorted. Why: Gi* compares a neighbourhood with the mean and spread of the whole area, so the
 * area must contain the empty ground around the sites — with non-empty cells alone, nine busy
 * crossings would only be compared with each other. Padding by exactly the neighbourhood the
 * statistic uses keeps every non-empty cell's neighbourhood complete and adds no ground that
 * no neighbourhood reaches. Returns null when the area would exceed `max` cells.
 */
export function studyArea(nonEmpty: Iterable<string>, k: number, max = MAX_STUDY_CELLS): string[] | null {
  const cells = new Set<string>();
  for (const c of nonEmpty) {
    for (const d of gridDisk(c, k)) cells.add(d);
    if (cells.size > max) return null;
  }
  return [...cells].sort();
}
