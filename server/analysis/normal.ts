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
