/**
 * Seeded randomness for the demo generator. Math.random cannot be seeded, and the demo must
 * be identical for the same seed on every machine, so everything draws from `Rng`.
 */

/** 32-bit mixer (splitmix32 finaliser): spreads small, similar seeds over the whole state. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

/** A seed for one part of the demo, so that e.g. changing `rows` leaves the services alone. */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5; // FNV-1a over the label
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  // Seeds are any safe integer: fold the high bits in too, so 1 and 2**32 + 1 differ.
  const high = Math.floor(seed / 4294967296) >>> 0;
  return mix32((h ^ mix32((seed >>> 0) ^ mix32(high))) >>> 0);
}

/** sfc32: 128-bit state, fast, statistically sound far beyond the demo's 10M rows. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix32(seed ^ 0x9e3779b9);
    this.b = mix32(this.a ^ 0x85ebca6b);
    this.c = mix32(this.b ^ 0xc2b2ae35);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.uint32(); // warm up: the first outputs of sfc32 are weak
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream simple to reason about). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Poisson(λ): Knuth's product method for small λ, a rounded normal beyond. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) k++;
    return k;
  }

  /** Binomial(n, p) by counting trials: n is a group size here (≤ 40), so this is cheap. */
  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /**
   * Integer in [min, max], mostly small with a long tail: min + a geometric draw with mean
   * (mean - min), truncated by redrawing (capping would pile the tail up on max).
   */
  skewed(min: number, mean: number, max: number): number {
    if (mean <= min || max <= min) return min;
    const logQ = Math.log(1 - 1 / (mean - min + 1));
    for (;;) {
      const k = Math.floor(Math.log(1 - this.next()) / logQ);
      if (min + k <= max) return min + k;
    }
  }
}

/** Weighted choice with precomputed cumulative weights (built once, picked millions of times). */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new Error('weighted choice needs at least one positive weight');
    this.items = kept.map(([item]) => item);
    this.cumulative = new Float64Array(kept.length);
    let sum = 0;
    kept.forEach(([, w], i) => (this.cumulative[i] = sum += w));
  }

  static of<K extends string>(weights: Partial<Record<K, number>>): Weighted<K> {
    return new Weighted(Object.entries(weights).map(([k, w]) => [k as K, Number(w)] as const));
  }

  get total(): number {
    return this.cumulative[this.cumulative.length - 1] ?? 0;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let i = 0;
    while (i < this.cumulative.length - 1 && (this.cumulative[i] ?? 0) <= x) i++;
    return this.items[i] as T;
  }
}
