/**
 * Quartic (biweight) kernel density, as ArcGIS Kernel Density and docs/architecture.md#analysis:
 * K(d) = 3/(π h²) · (1 − (d/h)²)² for d ≤ h, 0 beyond; each point contributes w·K.
 */

export interface WeightedPoint {
  x: number;
  y: number;
  /** Weight, e.g. an event count. */
  w: number;
}

export interface DensityGrid {
  /** West edge of column 0. */
  x0: number;
  /** South edge of row 0; rows grow with y. */
  y0: number;
  cellSize: number;
  cols: number;
  rows: number;
}

function checkBandwidth(h: number): void {
  if (!(Number.isFinite(h) && h > 0)) throw new RangeError(`kde: bandwidth h must be finite and > 0, got ${h}`);
}

/**
 * Density at every cell centre (x0 + (c + ½)·cellSize, y0 + (r + ½)·cellSize), row-major
 * (index r·cols + c). Each point only visits the cells whose centres can lie within h,
 * so cost is points × (2h/cellSize)², not points × cells.
 * @example kde([{ x: 0.5, y: 0.5, w: 1 }], { x0: 0, y0: 0, cellSize: 1, cols: 1, rows: 1 }, 2)[0] // 3/(4π)
 */
export function kde(points: WeightedPoint[], grid: DensityGrid, h: number): Float64Array {
  checkBandwidth(h);
  const { x0, y0, cellSize, cols, rows } = grid;
  if (!(Number.isFinite(cellSize) && cellSize > 0) || !Number.isFinite(x0) || !Number.isFinite(y0)) {
    throw new RangeError('kde: grid origin must be finite and cellSize > 0');
  }
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 0 || rows < 0) {
    throw new RangeError('kde: grid cols and rows must be integers ≥ 0');
  }
  const out = new Float64Array(cols * rows);
  const norm = 3 / (Math.PI * h * h);
  const h2 = h * h;
  for (const { x, y, w } of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(w)) {
      throw new RangeError('kde: point coordinates and weights must be finite');
    }
    // Centre of column c is x0 + (c + ½)·cellSize, so |centre − x| ≤ h bounds c as below.
    const c0 = Math.max(0, Math.ceil((x - h - x0) / cellSize - 0.5));
    const c1 = Math.min(cols - 1, Math.floor((x + h - x0) / cellSize - 0.5));
    const r0 = Math.max(0, Math.ceil((y - h - y0) / cellSize - 0.5));
    const r1 = Math.min(rows - 1, Math.floor((y + h - y0) / cellSize - 0.5));
    for (let r = r0; r <= r1; r++) {
      const dy = y0 + (r + 0.5) * cellSize - y;
      const row = r * cols;
      for (let c = c0; c <= c1; c++) {
        const dx = x0 + (c + 0.5) * cellSize - x;
        const d2 = dx * dx + dy * dy;
        if (d2 > h2) continue;
        const t = 1 - d2 / h2;
        out[row + c]! += norm * w * t * t;
      }
    }
  }
  return out;
}

/**
 * Density at one location; scans every point, so use `kde` for surfaces.
 * @example kdeAt([{ x: 0, y: 0, w: 2 }], 0, 0, 1) // 6/π
 */
export function kdeAt(points: WeightedPoint[], x: number, y: number, h: number): number {
  checkBandwidth(h);
  const norm = 3 / (Math.PI * h * h);
  const h2 = h * h;
  let sum = 0;
  for (const pt of points) {
    const dx = pt.x - x;
    const dy = pt.y - y;
    const d2 = dx * dx + dy * dy;
    if (d2 > h2) continue;
    const t = 1 - d2 / h2;
    sum += norm * pt.w * t * t;
  }
  return sum;
}
