/**
 * Standard normal distribution function after W. J. Cody, "Rational Chebyshev approximations
 * for the error function", Math. Comp. 23 (1969), as packaged in his ANORM routine (SPECFUN)
 * and R's pnorm.c. Accurate to about 1e-16 relative, including far tails, which the usual
 * erfcc-style approximations (~1e-7) are not — FDR ranks thousands of tiny p-values.
 */

const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113] as const;
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956] as const;
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303] as const;
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5] as const;

const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.65685424949238019520675489684;
/** Φ(x) is 1 to double precision past this, and Φ(−x) underflows to 0 past 37.5193. */
const TAIL_LIMIT = 38;

/** exp(−y²/2)·r, splitting y so y² is formed exactly; avoids cancellation in the far tail. */
function gaussTimes(y: number, r: number): number {
  const ySplit = Math.trunc(y * 16) / 16;
  const del = (y - ySplit) * (y + ySplit);
  return Math.exp(-ySplit * ySplit * 0.5) * Math.exp(-del * 0.5) * r;
}

/** P(Z > |x|) for the standard normal, computed directly so it never loses digits to 1 − Φ. */
function upperTailOfAbs(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.67448975) return 0.5 - y * centralRatio(y * y);
  if (y <= SQRT_32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    return gaussTimes(y, (num + C[7]) / (den + D[7]));
  }
  if (y >= TAIL_LIMIT) return 0;
  const inv = 1 / (y * y);
  let num = P[5] * inv;
  let den = inv;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]!) * inv;
    den = (den + Q[i]!) * inv;
  }
  const r = (ONE_OVER_SQRT_2PI - (inv * (num + P[4])) / (den + Q[4])) / y;
  return gaussTimes(y, r);
}

/** Φ(x) − 1/2 = x · centralRatio(x²) near the origin. */
function centralRatio(xsq: number): number {
  let num = A[4] * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]!) * xsq;
    den = (den + B[i]!) * xsq;
  }
  return (num + A[3]) / (den + B[3]);
}

/**
 * Standard normal CDF Φ(x) = P(Z ≤ x).
 * @example normalCdf(1.96) // ≈ 0.9750021048517795
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) <= 0.67448975) return 0.5 + x * centralRatio(x * x);
  const tail = upperTailOfAbs(x);
  return x > 0 ? 1 - tail : tail;
}

/**
 * Two-sided p-value 2·(1 − Φ(|z|)) = 2·Φ(−|z|), capped at 1.
 * @example twoSidedP(1.96) // ≈ 0.0499957902964
 */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * upperTailOfAbs(z));
}

// Wichura, "Algorithm AS 241: the percentage points of the normal distribution", Applied
// Statistics 37 (1988), PPND16 — the algorithm of R's qnorm, accurate to about 1e-16.
const QA = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727] as const;
const QB = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561] as const;
const QC = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4] as const;
const QD = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9] as const;
const QE = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7] as const;
const QF = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15] as const;

/** c₀ + c₁r + … + c₇r⁷ by Horner's rule. */
function poly(c: readonly number[], r: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * r + (c[i] ?? 0);
  return s;
}

/**
 * Standard normal quantile Φ⁻¹(p): the z with Φ(z) = p; −∞ at 0, +∞ at 1, NaN outside [0, 1].
 * @example normalQuantile(0.975) // ≈ 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(QA, r)) / poly(QB, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const z = r <= 5 ? ((r -= 1.6), poly(QC, r) / poly(QD, r)) : ((r -= 5), poly(QE, r) / poly(QF, r));
  return q < 0 ? -z : z;
}
