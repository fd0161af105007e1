import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../../server/analysis/normal.js';
import { incompleteBeta, logBeta, studentTQuantile, studentTUpperTail } from '../../../server/analysis/student-t.js';

describe('normalQuantile', () => {
  it('when p is 0.975 or 0.999, then Φ⁻¹ matches qnorm (1.959963984540054, 3.090232306167813)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('when Φ (Cody, an independent algorithm) is applied to Φ⁻¹(p), then p comes back to 1e-13 relative, tails included', () => {
    for (const p of [1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999999]) {
      const back = normalCdf(normalQuantile(p));
      expect(Math.abs(back / p - 1)).toBeLessThan(1e-12); // dp/p = z·dz: 1e-12 at z = 21 is dz ≈ 5e-14
    }
  });

  it('when p is 0, 1 or outside [0, 1], then −∞, +∞ or NaN', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});

describe('studentTQuantile', () => {
  it('when read against the t table, then t(1, .975) = 12.7062, t(10, .975) = 2.2281, t(29, .975) = 2.0452', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.0452, 4);
    // R: qt(0.975, 10) = 2.228138851986274, qt(0.975, 29) = 2.045229642132703
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 12);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045229642132703, 12);
  });

  it('when df grows without bound, then t tends to the normal 1.95996', () => {
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 14);
    expect(studentTQuantile(0.975, 1e9)).toBeCloseTo(1.95996, 5);
    // Either side of the seam between the incomplete-beta and the Cornish–Fisher branches (df
    // 1e4); references from mpmath (40 digits: betainc solved by findroot).
    expect(studentTQuantile(0.975, 9_999)).toBeCloseTo(1.9602012636213577, 12);
    expect(studentTQuantile(0.975, 10_001)).toBeCloseTo(1.9602012161646411, 14);
    expect(studentTQuantile(0.975, 50_000)).toBeCloseTo(1.9600114310936801, 14);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.032142983555228, 13);
  });

  it('when df is 1 or 2, then t has a closed form: tan(π(p − ½)) and (2p − 1)/√(2p(1 − p))', () => {
    for (const p of [0.6, 0.9, 0.975, 0.9999]) {
      expect(Math.abs(studentTQuantile(p, 1) / Math.tan(Math.PI * (p - 0.5)) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(studentTQuantile(p, 2) / ((2 * p - 1) / Math.sqrt(2 * p * (1 - p))) - 1)).toBeLessThan(1e-12);
    }
  });

  it('when p < ½, then the quantile is the negative of the upper one; at ½ it is 0', () => {
    expect(studentTQuantile(0.025, 7)).toBe(-studentTQuantile(0.975, 7));
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(1, 7)).toBe(Infinity);
    expect(studentTQuantile(0.975, 0)).toBeNaN();
  });

  it('when the tail is evaluated at the quantile, then it gives back 1 − p (df ≥ 1, any p)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 5e4, noNaN: true }), fc.double({ min: 0.5001, max: 1 - 1e-9, noNaN: true }), (df, p) => {
        const t = studentTQuantile(p, df);
        expect(Math.abs(studentTUpperTail(t, df) / (1 - p) - 1)).toBeLessThan(1e-11);
      }),
    );
  });
});

describe('incomplete beta and t tail', () => {
  it('when ν = 1 or 2, then the tail matches ½ − atan(t)/π and ½ − t/(2√(2 + t²))', () => {
    for (const t of [0.1, 1, 3, 40]) {
      expect(studentTUpperTail(t, 1)).toBeCloseTo(0.5 - Math.atan(t) / Math.PI, 14);
      expect(studentTUpperTail(t, 2)).toBeCloseTo(0.5 - t / (2 * Math.sqrt(2 + t * t)), 14);
    }
  });

  it('when a and b are integers, then I_x(a, b) is a binomial tail: I_0.3(2, 3) = 1 − 0.7⁴ − 4·0.3·0.7³ = 0.3483', () => {
    expect(incompleteBeta(0.3, 2, 3)).toBeCloseTo(1 - 0.7 ** 4 - 4 * 0.3 * 0.7 ** 3, 14);
    expect(logBeta(3, 4)).toBeCloseTo(Math.log(1 / 60), 14); // B(3, 4) = 2!·3!/6! = 1/60
  });
});
