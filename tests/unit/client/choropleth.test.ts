import { describe, expect, it } from 'vitest';
import { BLUE, classify, fillOf, legendRows, RAMP, SUPPRESSED_FILL, ZERO_FILL } from '../../../client/places/choropleth.js';

describe('choropleth classes', () => {
  it('when values are spread, then the largest gets the darkest class, zero its own fill and a suppressed area grey', () => {
    const c = classify([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]);
    expect(c.suppressed).toBe(1);
    expect(fillOf(10, c)).toBe(RAMP[RAMP.length - 1]);
    expect(fillOf(1, c)).toBe(RAMP[0]);
    expect(fillOf(0, c)).toBe(ZERO_FILL);
    expect(fillOf(null, c)).toBe(SUPPRESSED_FILL);
  });

  it('when nets are negative, then they take the blue ramp and the legend lists them before zero', () => {
    const c = classify([-30, -3, 0, 5, 50]);
    expect(fillOf(-30, c)).toBe(BLUE[BLUE.length - 1]);
    expect(legendRows(c).map(([, t]) => t)).toEqual(['up to 30 more leaving', 'up to 3 more leaving', 'none', '1–5', '6–50']);
  });

  it('when every area has the same value, then there is one class and no empty range', () => {
    const c = classify([7, 7, 7]);
    expect(c.breaks).toEqual([7]);
    expect(legendRows(c)).toEqual([[ZERO_FILL, 'none'], [RAMP[0], '1–7']]);
  });
});
