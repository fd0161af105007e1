import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earsC, earsOnCalendar, type EarsMethod, type EarsResult } from '../../../server/analysis/ears.js';
import { normalQuantile } from '../../../server/analysis/normal.js';

const Z001 = 3.090232306167813; // qnorm(0.999)
const Z025 = 1.959963984540054; // qnorm(0.975)
const Z05 = 1.6448536269514722; // qnorm(0.95)

describe('earsC, hand-computed', () => {
  it('when C1 looks at the 7 days before, then a jump above mean + 3.09·sd alarms', () => {
    // t = 7: window 1…7, mean 4, Σ(y − 4)² = 9+4+1+0+1+4+9 = 28, sd = √(28/6) = 2.1602469;
    //        ub = 4 + 3.0902323·2.1602469 = 10.6756648; 11 > 10.68 → alarm.
    // t = 8: window 2…7, 11: mean 38/7 = 5.4285714, Σy² − (Σy)²/7 = 260 − 1444/7 = 376/7,
    //        sd = √(376/42) = 2.9920530; ub = 5.4285714 + 3.0902323·2.9920530 = 14.6747102; 12 → no.
    const r = earsC([1, 2, 3, 4, 5, 6, 7, 11, 12], { method: 'C1' });
    expect(r.upperbound.slice(0, 7)).toEqual([null, null, null, null, null, null, null]);
    expect(r.upperbound[7]).toBeCloseTo(4 + Z001 * Math.sqrt(28 / 6), 12);
    expect(r.upperbound[7]).toBeCloseTo(10.675664758038842, 12);
    expect(r.upperbound[8]).toBeCloseTo(14.674710166402557, 12);
    expect(r.alarm).toEqual([false, false, false, false, false, false, false, true, false]);
  });

  it('when C2 has a two-day guard band, then the two days before t do not enter its window', () => {
    // b = 3, α = 0.05: t = 5, window t−5…t−3 = 2, 4, 6: mean 4, sd 2; ub = 4 + 1.6448536·2 =
    // 7.2897073; 9 > 7.29 → alarm. The 100s on days 3 and 4 (the guard band) are not in it.
    const r = earsC([2, 4, 6, 100, 100, 9], { method: 'C2', baseline: 3, alpha: 0.05 });
    expect(r.upperbound).toEqual([null, null, null, null, null, expect.closeTo(4 + 2 * Z05, 12)]);
    expect(r.upperbound[5]).toBeCloseTo(7.289707253902943, 12);
    expect(r.alarm).toEqual([false, false, false, false, false, true]);
  });

  it('when C3 sums three days of excess over C2, then a rise alarms, and carries into a quiet day', () => {
    // b = 3, z = 1.959964. C2ₜ = (yₜ − mean)/sd over days t−5…t−3.
    //   C2₅: window 2,4,6 (mean 4, sd 2), y = 6 → 1   → excess max(0, C2 − 1) = 0
    //   C2₆: window 4,6,2 (4, 2), y = 7 → 1.5          → 0.5
    //   C2₇: window 6,2,4 (4, 2), y = 8 → 2            → 1
    //   C2₈: window 2,4,6 (4, 2), y = 9 → 2.5          → 1.5
    //   C2₉: window 4,6,7 (17/3, √(7/3) = 1.5275252), y = 4 → −1.0910895 → 0
    // C3₇ = 1 + 0.5 + 0 = 1.5 ≤ z: no alarm; ub₇ = 4 + 2·(1 + z − 0.5) = 8.9199280 (8 below it).
    // C3₈ = 1.5 + 1 + 0.5 = 3 > z: alarm;   ub₈ = 4 + 2·(1 + z − 1.5) = 6.9199280 (9 above it).
    // C3₉ = 0 + 1.5 + 1 = 2.5 > z: alarm though y₉ = 4 is low — the two days before carry it;
    //      ub₉ = 17/3 + 1.5275252·(1 + z − 2.5) = 6.3692733, above the count (S > z).
    const r = earsC([2, 4, 6, 2, 4, 6, 7, 8, 9, 4], { method: 'C3', baseline: 3 });
    expect(r.upperbound.slice(0, 7).every((u) => u === null)).toBe(true);
    expect(r.upperbound[7]).toBeCloseTo(4 + 2 * (1 + Z025 - 0.5), 12);
    expect(r.upperbound[8]).toBeCloseTo(6.919927969080108, 12);
    expect(r.upperbound[9]).toBeCloseTo(17 / 3 + Math.sqrt(7 / 3) * (1 + Z025 - 2.5), 12);
    expect(r.alarm.slice(7)).toEqual([false, true, true]);
  });

  it('when the window is flat, then minSigma = 0 alarms on +1 and minSigma = 1 does not (Burkom)', () => {
    const flat = [5, 5, 5, 5, 5, 5, 5, 6];
    expect(earsC(flat, { method: 'C1' })).toEqual({ upperbound: [...Array(7).fill(null), 5], alarm: [...Array(7).fill(false), true] });
    const floored = earsC(flat, { method: 'C1', minSigma: 1 });
    expect(floored.upperbound[7]).toBeCloseTo(5 + Z001, 12);
    expect(floored.alarm[7]).toBe(false);
  });

  it('when C3 meets flat windows (σ = 0), then 0/0 is no excess and a rise is an infinite one', () => {
    // All zeros: every C2 is 0/0 → 0, no alarm, every bound the window mean 0.
    const quiet = earsC(Array(10).fill(0), { method: 'C3', baseline: 3 });
    expect(quiet.upperbound.slice(7)).toEqual([0, 0, 0]);
    expect(quiet.alarm.some(Boolean)).toBe(false);
    // Counts 0,0,0,0,0,2,0,1,0,0. C2₅ (window 0…2 flat, y 2) = +∞, C2₆ (1…3 flat, y 0) = 0,
    // C2₇ (2…4 flat, y 1) = +∞. Day 7: flat window → bound = mean 0, C3 = ∞ → alarm. Days 8
    // and 9 have σ > 0 (windows 0,0,2 and 0,2,0) and carry C2₇ = ∞: bound −∞, alarm.
    const r = earsC([0, 0, 0, 0, 0, 2, 0, 1, 0, 0], { method: 'C3', baseline: 3 });
    expect(r.upperbound.slice(7)).toEqual([0, -Infinity, -Infinity]);
    expect(r.alarm.slice(7)).toEqual([true, true, true]);
  });

  it('when the series is shorter than the window, then every day is null/false', () => {
    for (const method of ['C1', 'C2', 'C3'] as const) {
      const first = { C1: 7, C2: 9, C3: 11 }[method];
      expect(earsC([], { method })).toEqual({ upperbound: [], alarm: [] });
      const short = earsC(Array(first).fill(3), { method });
      expect(short.upperbound.every((u) => u === null) && short.alarm.every((a) => !a)).toBe(true);
      const long = earsC(Array(first + 1).fill(3), { method });
      expect(long.upperbound.findIndex((u) => u !== null)).toBe(first);
    }
  });

  it('when an option is out of range or a count is not finite, then it throws naming it', () => {
    expect(() => earsC([1, 2, 3], { method: 'C1', baseline: 2 })).toThrow(/baseline/);
    expect(() => earsC([1, 2, 3], { method: 'C1', alpha: 1 })).toThrow(/alpha/);
    expect(() => earsC([1, 2, 3], { method: 'C1', minSigma: -1 })).toThrow(/minSigma/);
    expect(() => earsC([1, Number.NaN, 3], { method: 'C1' })).toThrow(/counts\[1\]/);
    expect(() => earsC([1], { method: 'C4' as EarsMethod })).toThrow(/method/);
    expect(() => earsOnCalendar([1, null, Infinity], { method: 'C1' })).toThrow(/days\[2\]/);
  });
});

// surveillance::earsC on one series (fixtures/ears-r.R): R returns only its default range, so
// the first b (C1), b + 2 (C2) or b + 4 (C3) days are padded here.
const Y = [4, 6, 5, 3, 7, 5, 4, 6, 5, 12, 6, 5, 4, 9, 15, 7, 5, 6, 4, 5, 3, 6, 8, 5, 20, 6, 5, 4, 6, 7];
const R_C1 = [
  9.01407829446389, 9.29979258017817, 8.98947275256669, 15.0973975831583, 14.5767006707383, 14.4018503823002, 14.556465805458,
  15.4026000535353, 20.8656630444027, 20.609800122249, 18.9462116534428, 18.9462116534428, 19.1681328144512, 18.9462116534428,
  18.7710927067303, 9.29979258017817, 10.2411102293801, 10.2411102293801, 25.2794558203639, 25.1302890517624, 25.1302890517624,
  24.893521066813, 24.893521066813,
];
const R_C1_ALARM = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0];
const R_C2_ALARM = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0];
const R_C2_OPTS = [
  8.28970725390294, 8.48970725390294, 8.08970725390294, 8.28970725390294, 8.68970725390294, 11.6789295863066, 11.7492063320608,
  11.6516211775684, 11.6789295863066, 12.5804567611701, 15.1006305238438, 15.1697507367978, 15.1697507367978, 14.9381638534613,
  14.6261323447638, 8.68970725390294, 7.88970725390294, 8.08970725390294, 8.48970725390294, 8.68970725390294, 19.4707325173415,
  19.2721076079703, 19.2935989337159,
];
const R_C2_OPTS_ALARM = [0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0];
const R_C3 = [
  1.9661908586606, 9.76997773935761, 14.1679091646767, 20.238224086118, 6.01960956901432, 4.00450250918287, 14.1599807735904,
  11.8164882082741, 12.3956106267342, 10.3956106267342, 13.626969394323, 15.3956106267342, 12.8281807925339, 22.6365149723359, 0,
  0, 15.4124382444148, 17.1366171670426, 18.1366171670426,
];

/** Straightforward re-implementation: slices and reduce, window by window. */
function naive(counts: number[], method: EarsMethod, b = 7, alpha = method === 'C3' ? 0.025 : 0.001, minSigma = 0) {
  const z = normalQuantile(1 - alpha);
  const stats = (from: number, to: number) => {
    const w = counts.slice(from, to + 1);
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const sd = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / (w.length - 1));
    return { mean, sigma: Math.max(sd, minSigma) };
  };
  const c2 = (t: number) => {
    const { mean, sigma } = stats(t - b - 2, t - 3);
    const d = (counts[t] ?? 0) - mean;
    return sigma > 0 ? d / sigma : d > 0 ? Infinity : d < 0 ? -Infinity : 0;
  };
  const pos = (v: number) => (v > 1 ? v - 1 : 0);
  return counts.map((y, t) => {
    if (method !== 'C3') {
      const from = method === 'C1' ? t - b : t - b - 2;
      if (from < 0) return { ub: null, alarm: false, sigma: 0, carried: 0 };
      const { mean, sigma } = stats(from, from + b - 1);
      return { ub: mean + z * sigma, alarm: y > mean + z * sigma, sigma, carried: 0 };
    }
    if (t < b + 4) return { ub: null, alarm: false, sigma: 0, carried: 0 };
    const { mean, sigma } = stats(t - b - 2, t - 3);
    const carried = pos(c2(t - 1)) + pos(c2(t - 2));
    return { ub: sigma > 0 ? mean + sigma * (1 + z - carried) : mean, alarm: pos(c2(t)) + carried > z, sigma, carried };
  });
}

const pad = <T>(k: number, xs: T[], fill: T) => [...Array<T>(k).fill(fill), ...xs];
function expectBounds(got: (number | null)[], want: (number | null)[], digits = 11) {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    const w = want[i];
    if (w === null || w === undefined || !Number.isFinite(w)) expect(g).toBe(w);
    else expect(g).toBeCloseTo(w, digits);
  });
}

describe('earsC against R surveillance::earsC', () => {
  it('when C1 and C2 run with the defaults, then upper bounds (15 digits printed) and alarms are R’s', () => {
    const c1 = earsC(Y, { method: 'C1' });
    expectBounds(c1.upperbound, pad(7, R_C1, null));
    expect(c1.alarm).toEqual(pad(7, R_C1_ALARM, 0).map(Boolean));
    const c2 = earsC(Y, { method: 'C2' });
    expectBounds(c2.upperbound, pad(9, R_C1.slice(0, 21), null)); // C2 at t = C1 at t − 2
    expect(c2.alarm).toEqual(pad(9, R_C2_ALARM, 0).map(Boolean));
  });

  it('when C2 runs with baseline 5, α 0.05 and minSigma 2, then it is R’s too', () => {
    const r = earsC(Y, { method: 'C2', baseline: 5, alpha: 0.05, minSigma: 2 });
    expectBounds(r.upperbound, pad(7, R_C2_OPTS, null));
    expect(r.alarm).toEqual(pad(7, R_C2_OPTS_ALARM, 0).map(Boolean));
  });

  it('when C3 runs, then R’s bound is max(0, count + σ(z − S)) with our σ and S, and ours is mean + σ(1 + z − S)', () => {
    // R's code puts the day's count where the mean belongs, so its alarm reduces to S > z (see
    // ears.ts). The same σ and S reproduce R's numbers, which checks both against R.
    const ref = naive(Y, 'C3').slice(11);
    ref.forEach((d, i) => expect(Math.max(0, (Y[i + 11] ?? 0) + d.sigma * (Z025 - d.carried))).toBeCloseTo(R_C3[i] ?? NaN, 11));
    const ours = earsC(Y, { method: 'C3' });
    expectBounds(ours.upperbound, naive(Y, 'C3').map((d) => d.ub), 12);
    // Day 14 (count 15 after a week around 5-9): ours alarms on the day, R only on the two after.
    expect(ours.alarm.slice(14, 17)).toEqual([true, true, true]);
    expect(ref.slice(3, 6).map((d) => d.carried > Z025)).toEqual([false, true, true]);
  });
});

const series = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 });
const config = fc.record({
  method: fc.constantFrom<EarsMethod>('C1', 'C2', 'C3'),
  baseline: fc.integer({ min: 3, max: 10 }),
  alpha: fc.constantFrom(0.001, 0.01, 0.025, 0.05, 0.2),
  minSigma: fc.constantFrom(0, 0.5, 1),
});

describe('earsC properties', () => {
  it('when compared with the naive re-implementation on random series, then bounds and alarms agree', () => {
    fc.assert(
      fc.property(series, config, (counts, o) => {
        const got = earsC(counts, o);
        const want = naive(counts, o.method, o.baseline, o.alpha, o.minSigma);
        expectBounds(got.upperbound, want.map((d) => d.ub), 9);
        expect(got.alarm).toEqual(want.map((d) => d.alarm));
      }),
      { numRuns: 300 },
    );
  });

  it('when a constant is added to every count, then every bound moves by it and no alarm changes', () => {
    fc.assert(
      fc.property(series, config, fc.integer({ min: -50, max: 1000 }), (counts, o, k) => {
        const before = earsC(counts, o);
        const after = earsC(counts.map((c) => c + k), o);
        expectBounds(after.upperbound, before.upperbound.map((u) => (u === null ? null : u + k)), 9);
        expect(after.alarm).toEqual(before.alarm);
      }),
      { numRuns: 300 },
    );
  });
});

describe('earsOnCalendar (gaps)', () => {
  it('when a day is a gap, then it gets null/false and the window is the b previous observed days', () => {
    // b = 3, C1. Observed days 0,1,3,4 (day 2 closed): day 4's window is days 0, 1, 3 = 2, 4, 6
    // (mean 4, sd 2): ub = 4 + 2·3.0902323 = 10.18; 11 alarms. Day 5 closed too.
    const r = earsOnCalendar([2, 4, null, 6, 11, null], { method: 'C1', baseline: 3 });
    expect(r.upperbound).toEqual([null, null, null, null, expect.closeTo(4 + 2 * Z001, 12), null]);
    expect(r.alarm).toEqual([false, false, false, false, true, false]);
  });

  it('when compared with earsC on the observed days only, then it is that result put back on the calendar', () => {
    const calendar = fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 4 }), { maxLength: 60 });
    fc.assert(
      fc.property(calendar, config, (days, o) => {
        const got = earsOnCalendar(days, o);
        const observed = days.filter((d): d is number => d !== null);
        const compact: EarsResult = earsC(observed, o);
        let k = 0;
        days.forEach((d, i) => {
          if (d === null) {
            expect([got.upperbound[i], got.alarm[i]]).toEqual([null, false]);
          } else {
            expect([got.upperbound[i], got.alarm[i]]).toEqual([compact.upperbound[k], compact.alarm[k]]);
            k++;
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
