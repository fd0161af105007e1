/**
 * Seeded, spatially plausible MCLP instances for tests and benchmarks. Demand is
 * mostly clustered around settlements with heavy-tailed integer weights (like
 * population counts) over a thin rural background; candidate sites sit half
 * near settlements, half anywhere. Site j covers demand i when their distance
 * is <= radius (inclusive, as in docs/architecture.md#analysis). Same arguments, same instance.
 */

export interface RandomInstance {
  weights: number[];
  /** covers[j]: demand indices within `radius` of site j, ascending. */
  covers: number[][];
  radius: number;
  /** Coordinates in the unit square, for plotting or debugging. */
  sites: [number, number][];
  demand: [number, number][];
}

/** mulberry32: tiny, fast and good enough for test data; not for anything secret. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param avgCover mean number of sites covering a demand point if sites were
 *   uniform (edge effects ignored); sets radius = sqrt(avgCover / (π · candidates)).
 * @example
 * const inst = randomInstance(42, 500, 10_000, 4);
 * await solveMaxCoverage({ ...inst, p: 20 });
 */
export function randomInstance(seed: number, candidates: number, demand: number, avgCover: number): RandomInstance {
  if (!Number.isInteger(candidates) || candidates < 1) throw new RangeError(`candidates must be an integer >= 1, got ${candidates}`);
  if (!Number.isInteger(demand) || demand < 0) throw new RangeError(`demand must be an integer >= 0, got ${demand}`);
  if (!(avgCover > 0) || !Number.isFinite(avgCover)) throw new RangeError(`avgCover must be a finite number > 0, got ${avgCover}`);
  const random = mulberry32(seed);
  // Irwin–Hall sum of four uniforms: a bell curve using only + and *, so the
  // same seed gives bit-identical data on every platform.
  const bell = (): number => (random() + random() + random() + random() - 2) / Math.sqrt(1 / 3);
  const inSquare = (draw: () => [number, number]): [number, number] => {
    for (;;) {
      const [x, y] = draw();
      if (x >= 0 && x <= 1 && y >= 0 && y <= 1) return [x, y];
    }
  };
  const towns = Array.from({ length: 6 + Math.round(Math.sqrt(candidates)) }, () => ({
    x: random(),
    y: random(),
    spread: 0.01 + 0.05 * random(),
  }));
  const nearTown = (): [number, number] => {
    const town = towns[Math.floor(random() * towns.length)] ?? { x: 0.5, y: 0.5, spread: 0.05 };
    return inSquare(() => [town.x + town.spread * bell(), town.y + town.spread * bell()]);
  };
  const cube = (v: number): number => v * v * v;
  const anywhere = (): [number, number] => [random(), random()];

  const points = Array.from({ length: demand }, () => (random() < 0.75 ? nearTown() : anywhere()));
  const weights = points.map(() => 1 + Math.floor(99 * cube(random())));
  const sites = Array.from({ length: candidates }, () => (random() < 0.5 ? nearTown() : anywhere()));
  const radius = Math.sqrt(avgCover / (Math.PI * candidates));
  return { weights, covers: withinRadius(sites, points, radius), radius, sites, demand: points };
}

/** Grid of radius-sized cells: each site checks only its 3×3 neighbourhood. */
function withinRadius(sites: [number, number][], points: [number, number][], radius: number): number[][] {
  // Cells at least `radius` wide, so no covered point lies beyond the 3×3 block.
  const side = Math.max(1, Math.floor(1 / radius));
  const cellOf = (v: number): number => Math.min(side - 1, Math.floor(v * side));
  const cells = new Map<number, number[]>();
  points.forEach(([x, y], i) => {
    const key = cellOf(x) * side + cellOf(y);
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  const r2 = radius * radius;
  return sites.map(([sx, sy]) => {
    const found: number[] = [];
    const cx = cellOf(sx);
    const cy = cellOf(sy);
    for (let gx = Math.max(0, cx - 1); gx <= Math.min(side - 1, cx + 1); gx++) {
      for (let gy = Math.max(0, cy - 1); gy <= Math.min(side - 1, cy + 1); gy++) {
        for (const i of cells.get(gx * side + gy) ?? []) {
          const [px, py] = points[i] ?? [Infinity, Infinity];
          if ((px - sx) ** 2 + (py - sy) ** 2 <= r2) found.push(i);
        }
      }
    }
    return found.sort((a, b) => a - b);
  });
}
