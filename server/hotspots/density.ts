import type { DensityGrid } from '../../common/analysis.js';
import { EARTH_RADIUS_M } from '../analysis/access-geometry.js';
import { kde } from '../analysis/kde.js';
import { round, sig } from '../analysis/round.js';

/** Most grid cells one KDE request may compute (also bounds the response). */
export const MAX_GRID_CELLS = 100_000;

export interface WeightedLonLat {
  lon: number;
  lat: number;
  w: number;
}


const RAD = Math.PI / 180;

/**
 * Quartic KDE (analysis/kde.ts) on a metric grid over a bbox. Metres come from a local
 * equirectangular projection at the bbox's middle latitude: x = R·cos φ₀·Δλ, y = R·Δφ. It is
 * linear in lon and lat, so the metric grid is also a regular lon/lat grid the client can draw
 * directly; east–west scale is off by 1 − cos φ/cos φ₀ away from φ₀ (under 1 % within ±1° of it
 * at these latitudes; ~4 % for a bbox spanning Sesheke to Nakonde). Returns null when the grid
 * would need more than MAX_GRID_CELLS cells.
 */
export function densityGrid(points: readonly WeightedLonLat[], bbox: readonly [number, number, number, number], bandwidthM: number, cellM: number): DensityGrid | null {
  const [west, south, east, north] = bbox;
  const kx = EARTH_RADIUS_M * Math.cos(((south + north) / 2) * RAD) * RAD;
  const ky = EARTH_RADIUS_M * RAD;
  const cols = Math.max(1, Math.ceil(((east - west) * kx) / cellM));
  const rows = Math.max(1, Math.ceil(((north - south) * ky) / cellM));
  if (cols * rows > MAX_GRID_CELLS) return null;
  const projected = points.map((p) => ({ x: (p.lon - west) * kx, y: (p.lat - south) * ky, w: p.w }));
  const surface = kde(projected, { x0: 0, y0: 0, cellSize: cellM, cols, rows }, bandwidthM);
  const dLon = cellM / kx;
  const dLat = cellM / ky;
  const cells: DensityGrid['cells'] = [];
  let max = 0;
  for (let i = 0; i < surface.length; i++) {
    const v = surface[i]! * 1e6; // per m² → per km²
    if (!(v > 0)) continue;
    const col = i % cols;
    const row = (i - col) / cols;
    const density = sig(v);
    max = Math.max(max, density);
    cells.push({ col, row, lon: round(west + (col + 0.5) * dLon, 6), lat: round(south + (row + 0.5) * dLat, 6), density });
  }
  return { west, south, dLon, dLat, cols, rows, cellM, bandwidthM, cells, max };
}

/** The points' extent grown by the bandwidth, so every kernel lies inside. */
export function extentOf(points: readonly WeightedLonLat[], bandwidthM: number): [number, number, number, number] | null {
  if (points.length === 0) return null;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const padLat = bandwidthM / (EARTH_RADIUS_M * RAD);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const padLon = padLat / Math.cos(midLat * RAD);
  return [Math.min(...lons) - padLon, Math.min(...lats) - padLat, Math.max(...lons) + padLon, Math.max(...lats) + padLat];
}

/** Cell size when the request names none: h/4, coarsened until the grid fits. */
export function defaultCell(bbox: readonly [number, number, number, number], bandwidthM: number): number {
  const [west, south, east, north] = bbox;
  const widthM = (east - west) * EARTH_RADIUS_M * Math.cos(((south + north) / 2) * RAD) * RAD;
  const heightM = (north - south) * EARTH_RADIUS_M * RAD;
  const fit = Math.sqrt((widthM * heightM) / (MAX_GRID_CELLS * 0.95));
  return Math.ceil(Math.max(bandwidthM / 4, fit, 100));
}
