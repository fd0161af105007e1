/**
 * Student's t distribution: the upper tail through the regularized incomplete beta function,
 * and the quantile R's qt gives, for survey confidence intervals (df = PSUs − strata). No
 * dependency: the few lines below are smaller than any package that would do it.
 */
import { normalCdf, normalQuantile } from './normal.js';

// Lanczos approximation, g = 7, nine terms (about 1e-15 relative for x > 0).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x); // reflection
  const xm1 = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) s += (LANCZOS[i] ?? 0) / (xm1 + i);
  const t = xm1 + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (xm1 + 0.5) * Math.log(t) - t + Math.log(s);
}

/** δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], Stirling's series (x ≥ 10: exact to double precision). */
function stirlingCorrection(x: number): number {
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x;
}

/**
 * ln B(a, b). When one argument is large, ln Γ(a) − ln Γ(a + b) is formed from Stirling's series
 * directly: subtracting two ln Γ near 10⁵ would lose ten digits (the t tail at df ≈ 10⁵ needs them).
 */
export function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const diff = -(big + small - 0.5) * Math.log1p(small / big) - small * Math.log(big) + small + stirlingCorrection(big) - stirlingCorrection(big + small);
  return logGamma(small) + diff;
}

const TINY = 1e-300;

/** Lentz's continued fraction for I_x(a, b), good when x < (a + 1)/(a + b + 2). */
function betaFraction(a: number, b: number, x: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < TINY ? TINY : d);
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    for (const num of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < TINY ? TINY : d);
      c = 1 + num / c;
      if (Math.abs(c) < TINY) c = TINY;
      h *= d * c;
      if (Math.abs(d * c - 1) < 1e-16) return h;
    }
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b), with y = 1 − x passed separately so that x close to 1
 * keeps its digits (the t tail needs both ν/(ν+t²) and t²/(ν+t²)).
 */
export function incompleteBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logX = y < 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = x < 0.5 ? Math.log1p(-x) : Math.log(y);
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(a, b, x)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(b, a, y)) / b;
}

/** P(T > t) for Student's t with df > 0 degrees of freedom (df = Infinity: the normal). */
export function studentTUpperTail(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df === Infinity) return normalCdf(-t);
  const t2 = t * t;
  const half = 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
  return t >= 0 ? half : 1 - half;
}

/**
 * Past this many degrees of freedom the four-term Cornish–Fisher series is exact to double precision
 * for |z| ≲ 6 (its next term is below 1e-14), and the continued fraction would need thousands of steps.
 */
const LARGE_DF = 1e4;

/**
 * Quantile of Student's t: the t with P(T ≤ t) = p (R's qt(p, df)). NaN for p outside [0, 1] or
 * df ≤ 0; ±Infinity at p = 1, 0; df = Infinity gives Φ⁻¹(p).
 *
 * For the upper half the answer lies between the normal quantile z (t has heavier tails) and the
 * tail bound (K/q)^(1/ν), K = ν^((ν−1)/2)/B(ν/2, ½) (the t density is below its power-law
 * asymptote), so a Newton iteration on log t, kept inside that bracket, always converges.
 * @example studentTQuantile(0.975, 10) // ≈ 2.2281388519862744
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (p === 1) return Infinity;
  const z = normalQuantile(p);
  if (df === Infinity) return z;
  if (df > LARGE_DF) return cornishFisher(z, df);
  const q = 1 - p; // upper tail wanted; 1 − p is exact for p ≥ 0.5
  const logB = logBeta(df / 2, 0.5);
  const logK = ((df - 1) / 2) * Math.log(df) - logB;
  let lo = Math.log(z);
  let hi = Math.max(lo, (logK - Math.log(q)) / df);
  const start = cornishFisher(z, df); // a good guess for df ≥ 3; for tiny df it may even be ≤ 0
  let u = start > 0 && Number.isFinite(start) ? Math.min(hi, Math.max(lo, Math.log(start))) : (lo + hi) / 2;
  const logQ = Math.log(q);
  const logDensityConst = -0.5 * Math.log(df) - logB;
  for (let i = 0; i < 200; i++) {
    const t = Math.exp(u);
    const tail = studentTUpperTail(t, df);
    const g = Math.log(tail) - logQ; // decreasing in u
    if (g > 0) lo = u;
    else hi = u;
    const logDensity = logDensityConst - ((df + 1) / 2) * Math.log1p((t * t) / df);
    // d/du log P(T > e^u) = −f(t)·t / P(T > t)
    const slope = -Math.exp(logDensity + u) / tail;
    let next = u - g / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - u) <= 1e-15 * Math.max(1, Math.abs(u))) return Math.exp(next);
    u = next;
  }
  return Math.exp(u);
}

/** Cornish–Fisher expansion of the t quantile in powers of 1/ν (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}
