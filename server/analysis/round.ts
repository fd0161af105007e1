/** Rounding for published analysis figures (z, p, densities, minutes, coordinates). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Four significant digits: p-values span 1 to 1e-300, so fixed decimals would zero the strongest. */
export function sig(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(4));
}
