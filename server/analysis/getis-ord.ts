import { gridDisk } from 'h3-js';
import { twoSidedP } from './normal.js';

/**
 * Getis-Ord Gi* in the ArcGIS form with binary weights that include the cell itself
 * (docs/architecture.md#analysis):
 *   z_i = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S · sqrt((n Σ_j w_ij² − (Σ_j w_ij)²)/(n−1)))
 * with X̄ the mean and S the population standard deviation of all n values.
 * `neighbours[i]` lists i's neighbours; i itself and repeated indices are ignored there
 * because w_ii = 1 is always added. Degenerate cases (n < 3, constant values, a cell whose
 * neighbourhood is every cell) give z = 0, p = 1 so callers never see NaN.
 * @example giStar([1, 2, 3, 4, 10], [[1], [0, 2], [1, 3], [2, 4], [3]]).z[4] // 6/√15 ≈ 1.5492
 */
export function giStar(values: number[], neighbours: number[][]): { z: number[]; p: number[] } {
  const n = values.length;
  if (neighbours.length !== n) {
    throw new RangeError(`giStar: ${n} values but ${neighbours.length} neighbour lists`);
  }
  const z = new Array<number>(n).fill(0);
  const p = new Array<number>(n).fill(1);
  if (n < 3) return { z, p };

  // z is invariant under x → a·x + b (a > 0), so dividing by max|x| keeps every sum finite
  // even for values near Number.MAX_VALUE.
  let scale = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError('giStar: values must be finite');
    scale = Math.max(scale, Math.abs(v));
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min === max) return { z, p };

  const dev = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]! / scale;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! / scale - mean;
    dev[i] = d;
    ss += d * d;
  }
  const s = Math.sqrt(ss / n);
  if (!(s > 0)) return { z, p };

  // Stamping each visited index with i + 1 drops duplicates in O(degree), no Set per cell.
  const seen = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    seen[i] = i + 1;
    let w = 1;
    let num = dev[i]!;
    for (const j of neighbours[i]!) {
      if (!Number.isInteger(j) || j < 0 || j >= n) {
        throw new RangeError(`giStar: neighbour index ${j} of cell ${i} is out of range`);
      }
      if (seen[j] === i + 1) continue;
      seen[j] = i + 1;
      w += 1;
      num += dev[j]!;
    }
    // Binary weights: Σw² = Σw = w, so the bracket is (n·w − w²)/(n − 1); 0 when w = n.
    const spread = (n * w - w * w) / (n - 1);
    if (spread <= 0) continue;
    const zi = num / (s * Math.sqrt(spread));
    z[i] = zi;
    p[i] = twoSidedP(zi);
  }
  return { z, p };
}

/**
 * Neighbours within a planar distance band, d ≤ threshold (inclusive), self excluded,
 * each list ascending. A uniform grid with cells ≥ threshold means only the 3×3 block of
 * cells around a point can hold its neighbours, so the cost is ~linear in points. Work is
 * done per grid cell: its 3×3 candidates are gathered and sorted once, which also leaves
 * every point's list in ascending order without sorting it.
 * @example distanceBandNeighbours([{ x: 0, y: 0 }, { x: 3, y: 4 }], 5) // [[1], [0]]
 */
export function distanceBandNeighbours(points: { x: number; y: number }[], threshold: number): number[][] {
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new RangeError('distanceBandNeighbours: threshold must be a finite number ≥ 0');
  }
  const n = points.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  points.forEach(({ x, y }, i) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new RangeError('distanceBandNeighbours: coordinates must be finite');
    }
    xs[i] = x;
    ys[i] = y;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  });
  // Any cell size ≥ threshold is correct; growing it keeps cols·rows an exact integer key
  // (a zero or tiny threshold over a wide extent would otherwise overflow it).
  const span = Math.max(maxX - minX, maxY - minY, 0);
  const size = Math.max(threshold, span / 2 ** 24, Number.MIN_VALUE);
  const cols = Math.floor((maxX - minX) / size) + 1;

  const buckets = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = Math.floor((ys[i]! - minY) / size) * cols + Math.floor((xs[i]! - minX) / size);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(i);
    else buckets.set(key, [i]);
  }

  const t2 = threshold * threshold;
  for (const [key, members] of buckets) {
    const gx = key % cols;
    const gy = (key - gx) / cols;
    const gathered: number[] = [];
    for (let y = gy - 1; y <= gy + 1; y++) {
      for (let x = gx - 1; x <= gx + 1; x++) {
        if (x < 0 || x >= cols || y < 0) continue;
        const bucket = buckets.get(y * cols + x);
        if (bucket) for (const j of bucket) gathered.push(j);
      }
    }
    const candidates = Int32Array.from(gathered).sort();
    for (const i of members) {
      const list = out[i]!;
      const xi = xs[i]!;
      const yi = ys[i]!;
      for (const j of candidates) {
        if (j !== i && withinInclusive(xi - xs[j]!, yi - ys[j]!, threshold, t2)) list.push(j);
      }
    }
  }
  return out;
}

/**
 * d ≤ t, robust to how the caller computed t: a pair "exactly at" the threshold may miss
 * dx²+dy² ≤ t² by one rounding, so near-ties are settled with sqrt and hypot as well.
 */
function withinInclusive(dx: number, dy: number, t: number, t2: number): boolean {
  const d2 = dx * dx + dy * dy;
  if (d2 <= t2) return true;
  if (d2 > t2 * (1 + 1e-12)) return false;
  return Math.sqrt(d2) <= t || Math.hypot(dx, dy) <= t;
}

/**
 * Neighbours of each H3 cell within k grid steps (`gridDisk`), keeping only cells present
 * in `cells`, self excluded. Repeated cells are at distance 0, so they neighbour each other.
 * @example h3Neighbours(cells, 1) // indices of the up-to-6 adjacent cells that are present
 */
export function h3Neighbours(cells: string[], k: number): number[][] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError('h3Neighbours: k must be an integer ≥ 0');
  const index = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    const at = index.get(cell);
    if (at) at.push(i);
    else index.set(cell, [i]);
  });
  return cells.map((cell, i) => {
    const list: number[] = [];
    for (const other of gridDisk(cell, k)) {
      for (const j of index.get(other) ?? []) if (j !== i) list.push(j);
    }
    return list.sort((u, v) => u - v);
  });
}
