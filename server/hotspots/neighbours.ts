import { cellToLocalIj } from 'h3-js';
import { h3Neighbours } from '../analysis/getis-ord.js';

/**
 * k-ring neighbours of each cell among `cells` (self excluded, ascending), as h3Neighbours in
 * analysis/getis-ord.ts returns them, but faster on large study areas: one gridDisk call per
 * cell through h3-js allocates an array of strings (about 1 s of CPU for 100,000 cells), whereas one
 * cellToLocalIj per cell and integer lookups in a typed-array grid is a fraction of that.
 *
 * In H3's local IJ coordinates the six neighbours of (i, j) are (i ± 1, j), (i, j ± 1) and
 * ±(i + 1, j + 1), so the grid distance of an offset is max(|di|, |dj|, |di − dj|). That holds
 * away from pentagon distortion, which is where cellToLocalIj succeeds; when it throws (an area
 * reaching a pentagon — the nearest are 4,000 km from Zambia — or spanning too far), this falls
 * back to h3Neighbours. tests/unit/hotspots/neighbours.test.ts checks both agree on study areas
 * of all three corridors at every allowed resolution and k.
 */
export function ringNeighbours(cells: readonly string[], k: number): number[][] {
  if (cells.length === 0) return [];
  try {
    return viaLocalIj(cells, k);
  } catch {
    return h3Neighbours([...cells], k);
  }
}

// Dense lookup grids up to this many slots (Int32Array, 4 bytes each); sparser areas use a Map.
const MAX_GRID_SLOTS = 8_000_000;

function viaLocalIj(cells: readonly string[], k: number): number[][] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError('ringNeighbours: k must be an integer ≥ 0');
  const n = cells.length;
  const origin = cells[0]!;
  const is = new Int32Array(n);
  const js = new Int32Array(n);
  let minI = Infinity, maxI = -Infinity, minJ = Infinity, maxJ = -Infinity;
  for (let idx = 0; idx < n; idx++) {
    const { i, j } = cellToLocalIj(origin, cells[idx]!);
    is[idx] = i;
    js[idx] = j;
    minI = Math.min(minI, i); maxI = Math.max(maxI, i);
    minJ = Math.min(minJ, j); maxJ = Math.max(maxJ, j);
  }
  // Slots padded by k on every side, so offsets never leave the grid. Each slot holds the first
  // cell there (index + 1; 0 = empty); `next` chains repeated cells.
  const width = maxI - minI + 1 + 2 * k;
  const height = maxJ - minJ + 1 + 2 * k;
  const slotOf = (i: number, j: number) => (i - minI + k) * height + (j - minJ + k);
  const dense = width * height <= MAX_GRID_SLOTS;
  const grid = dense ? new Int32Array(width * height) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  const next = new Int32Array(n);
  for (let idx = n - 1; idx >= 0; idx--) {
    const slot = slotOf(is[idx]!, js[idx]!);
    next[idx] = grid ? grid[slot]! : (sparse!.get(slot) ?? 0);
    if (grid) grid[slot] = idx + 1;
    else sparse!.set(slot, idx + 1);
  }
  const offsets: number[] = [];
  for (let di = -k; di <= k; di++) {
    for (let dj = -k; dj <= k; dj++) if (Math.max(Math.abs(di), Math.abs(dj), Math.abs(di - dj)) <= k) offsets.push(di * height + dj);
  }
  const out: number[][] = new Array(n);
  for (let idx = 0; idx < n; idx++) {
    const list: number[] = [];
    const base = slotOf(is[idx]!, js[idx]!);
    for (const o of offsets) {
      for (let h = grid ? grid[base + o]! : (sparse!.get(base + o) ?? 0); h !== 0; h = next[h - 1]!) if (h - 1 !== idx) list.push(h - 1);
    }
    out[idx] = list.length > 1 ? list.sort((u, v) => u - v) : list;
  }
  return out;
}
