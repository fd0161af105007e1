/**
 * Benjamini–Hochberg false discovery rate control (step-up): with the m p-values sorted
 * ascending, find the largest rank k with p_(k) ≤ k/m·α and reject ranks 1…k.
 * Ties at p_(k) always fall inside the rejected ranks (a tie at rank k + 1 would also pass),
 * so "reject every p ≤ p_(k)" is the same rule and needs no index sort — a native
 * Float64Array sort keeps 100,000 cells fast.
 */

/** Relative slack so a p-value equal to k/m·α on paper is not lost to one rounding of k·α/m. */
const TIE_SLACK = 1 + 1e-12;

function sortedCopy(p: number[]): Float64Array {
  const sorted = Float64Array.from(p);
  for (const v of sorted) {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`p-values must lie in [0, 1], got ${v}`);
  }
  return sorted.sort();
}

/** The largest p_(k) passing the BH test, or −Infinity when nothing is rejected. */
function cutoff(sorted: Float64Array, alpha: number): number {
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must lie in [0, 1], got ${alpha}`);
  const m = sorted.length;
  for (let k = m; k >= 1; k--) {
    const pk = sorted[k - 1]!;
    if (pk <= ((k * alpha) / m) * TIE_SLACK) return pk;
  }
  return -Infinity;
}

/**
 * Which hypotheses BH rejects at false discovery rate α, in input order.
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5], 0.05) // [true, true, true, true, false]
 */
export function benjaminiHochberg(p: number[], alpha: number): boolean[] {
  const cut = cutoff(sortedCopy(p), alpha);
  return p.map((v) => v <= cut);
}

/** Levels of ArcGIS "Gi_Bin" with FDR correction, strongest first: ±3, ±2, ±1. */
const LEVELS = [0.01, 0.05, 0.1] as const;

/**
 * Hot/cold spot confidence bins −3…+3 (ArcGIS Gi_Bin with FDR correction): ±3 when BH over
 * all p rejects at α = 0.01, ±2 at 0.05, ±1 at 0.10, sign from z; 0 otherwise or when z = 0.
 * @example hotspotClasses([3, -2.5, 0.2], [0.0027, 0.0124, 0.84]) // [3, -2, 0]
 */
export function hotspotClasses(z: number[], p: number[]): number[] {
  if (z.length !== p.length) {
    throw new RangeError(`hotspotClasses: ${z.length} z-scores but ${p.length} p-values`);
  }
  const sorted = sortedCopy(p);
  const cuts = LEVELS.map((alpha) => cutoff(sorted, alpha));
  return z.map((zi, i) => {
    const pi = p[i]!;
    const sign = zi > 0 ? 1 : zi < 0 ? -1 : 0;
    if (sign === 0) return 0;
    for (let level = 0; level < cuts.length; level++) {
      if (pi <= cuts[level]!) return sign * (3 - level);
    }
    return 0;
  });
}
