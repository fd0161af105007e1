/**
 * EARS C1, C2 and C3 (Hutwagner et al., CDC Early Aberration Reporting System) for a daily count
 * series: the upper bound each day's count is compared with, from the few days before it.
 *
 * Checked against R surveillance::earsC (R/earsC.R, versions 1.20.3 to 1.26.0):
 * - C1 window t−b … t−1, C2 window t−b−2 … t−3, mean + z·max(sd, minSigma), sd with n − 1,
 *   alarm when count > upperbound, z = qnorm(1 − α): identical. The first defined day is index
 *   b (C1), b + 2 (C2), b + 4 (C3), as R's default range (baseline + 1, + 3, + 5, 1-based).
 * - R requires baseline ≥ 3 and minSigma ≥ 0; so do we.
 * - Zero variance: R divides by max(sd, minSigma) as is. For C1/C2 that is harmless (the bound is
 *   the window mean, any count above it alarms) and we do the same. For C3 R gets 0/0 = NaN
 *   or ±Inf; we take the limits: C2ₜ = 0 when the count equals the flat window's mean, +∞ above
 *   it, −∞ below. Sparse series (a handful of UAC a week) should set minSigma (Burkom: 0.5 or 1).
 * - C3 differs, by the explicit definition: alarm when C3ₜ = Σᵢ₌₀..₂ max(0, C2ₜ₋ᵢ − 1) > z,
 *   upperbound = mean + σ·(1 + z − S), S = max(0, C2ₜ₋₁ − 1) + max(0, C2ₜ₋₂ − 1). R's code sets
 *   upperbound = countₜ + σ·(z − S), floored at 0, and alarm = count > upperbound, which reduces
 *   to S > z: its C3 alarm ignores the day's own count. Its help page gives mean + σ·(z − S),
 *   which lacks the "1 +" that max(0, C2ₜ − 1) implies. We neither floor at 0 (it would break
 *   "a constant added to every count moves every bound by that constant").
 *   When S > z the alarm holds whatever the day's count, so a C3 alarm can sit below its upper
 *   bound (the bound is then below mean + σ); draw alarm days from `alarm`, not by comparison.
 */
import { normalQuantile } from './normal.js';

export type EarsMethod = 'C1' | 'C2' | 'C3';

export interface EarsOptions {
  method: EarsMethod;
  /** Days in the reference window, b; default 7, at least 3 (as R). */
  baseline?: number;
  /** One-sided false-alarm rate; default 0.001 for C1/C2 and 0.025 for C3 (CDC, R). */
  alpha?: number;
  /** Floor for the window's standard deviation; default 0. */
  minSigma?: number;
}

export interface EarsResult {
  /** Per day; null where the window (or C3's three C2 days) is not yet complete. */
  upperbound: (number | null)[];
  alarm: boolean[];
}

interface Window {
  mean: number;
  sigma: number;
}

/** Mean and max(sample sd, minSigma) of counts[end − b … end − 1] (two passes: no cancellation). */
function windowAt(counts: readonly number[], end: number, b: number, minSigma: number): Window {
  let sum = 0;
  for (let i = end - b; i < end; i++) sum += counts[i] ?? 0;
  const mean = sum / b;
  let ss = 0;
  for (let i = end - b; i < end; i++) ss += ((counts[i] ?? 0) - mean) ** 2;
  return { mean, sigma: Math.max(Math.sqrt(ss / (b - 1)), minSigma) };
}

/** (count − mean)/σ, with the σ = 0 limits described above. */
function standardised(count: number, w: Window): number {
  const d = count - w.mean;
  if (w.sigma > 0) return d / w.sigma;
  return d === 0 ? 0 : d > 0 ? Infinity : -Infinity;
}

const excess = (c2: number) => Math.max(0, c2 - 1);

function validate(counts: readonly number[], options: EarsOptions): { b: number; z: number; minSigma: number } {
  const { method, baseline = 7, minSigma = 0 } = options;
  if (method !== 'C1' && method !== 'C2' && method !== 'C3') throw new RangeError(`method must be C1, C2 or C3, got ${String(method)}`);
  if (!Number.isInteger(baseline) || baseline < 3) throw new RangeError(`baseline must be an integer ≥ 3, got ${baseline}`);
  const alpha = options.alpha ?? (method === 'C3' ? 0.025 : 0.001);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(minSigma >= 0 && Number.isFinite(minSigma))) throw new RangeError(`minSigma must be finite and ≥ 0, got ${minSigma}`);
  const bad = counts.findIndex((c) => !Number.isFinite(c));
  if (bad >= 0) throw new RangeError(`counts[${bad}] must be a finite number, got ${counts[bad]}`);
  return { b: baseline, z: normalQuantile(1 - alpha), minSigma };
}

/**
 * EARS upper bounds and alarms for a series of consecutive days (index 0 the oldest).
 * @example earsC([3, 5, 4, 6, 5, 4, 5, 30], { method: 'C1' }).alarm[7] // true
 */
export function earsC(counts: number[], options: EarsOptions): EarsResult {
  const { b, z, minSigma } = validate(counts, options);
  const n = counts.length;
  const upperbound: (number | null)[] = new Array<number | null>(n).fill(null);
  const alarm: boolean[] = new Array<boolean>(n).fill(false);
  if (options.method === 'C3') {
    const c2 = counts.map((y, t) => (t >= b + 2 ? standardised(y, windowAt(counts, t - 2, b, minSigma)) : Number.NaN));
    for (let t = b + 4; t < n; t++) {
      const w = windowAt(counts, t - 2, b, minSigma);
      const carried = excess(c2[t - 1] ?? 0) + excess(c2[t - 2] ?? 0);
      // σ = 0: σ·(finite) is 0 and the bound is the window mean (C2ₜ is +∞ above it).
      upperbound[t] = w.sigma > 0 ? w.mean + w.sigma * (1 + z - carried) : w.mean;
      alarm[t] = excess(c2[t] ?? 0) + carried > z;
    }
    return { upperbound, alarm };
  }
  const lag = options.method === 'C1' ? 0 : 2;
  for (let t = b + lag; t < n; t++) {
    const w = windowAt(counts, t - lag, b, minSigma);
    const ub = w.mean + z * w.sigma;
    upperbound[t] = ub;
    alarm[t] = (counts[t] ?? 0) > ub;
  }
  return { upperbound, alarm };
}

/**
 * EARS on a monitoring point's calendar, one entry per day: the day's count (0 when the point was
 * active and saw nobody) or null when the point was not active (outside its active period or
 * observation calendar). A null day is a gap: it gets upperbound null and alarm false, and every
 * window skips it — the reference window is the b previous *observed* days and C3's t−1, t−2 are
 * the two previous observed days. (However long ago those were: the caller decides whether a
 * window reaching back past a long closure is still a fair baseline.)
 * @example earsOnCalendar([2, 3, null, 2, …], { method: 'C2' })
 */
export function earsOnCalendar(days: readonly (number | null)[], options: EarsOptions): EarsResult {
  const observed: number[] = [];
  const at: number[] = [];
  days.forEach((c, i) => {
    if (c !== null && !Number.isFinite(c)) throw new RangeError(`days[${i}] must be a finite number or null, got ${c}`);
    if (c !== null) {
      observed.push(c);
      at.push(i);
    }
  });
  const compact = earsC(observed, options);
  const upperbound: (number | null)[] = new Array<number | null>(days.length).fill(null);
  const alarm: boolean[] = new Array<boolean>(days.length).fill(false);
  at.forEach((day, k) => {
    upperbound[day] = compact.upperbound[k] ?? null;
    alarm[day] = compact.alarm[k] ?? false;
  });
  return { upperbound, alarm };
}
