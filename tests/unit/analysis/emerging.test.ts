import { describe, expect, it } from 'vitest';
import { classifyEmerging, type EmergingCategory } from '../../../server/analysis/emerging.js';

// Ten steps. 'H' hot (z = 3, p = 0.001), 'C' cold (z = −3, p = 0.001), '.' not significant.
const step = { H: [3, 0.001], C: [-3, 0.001], '.': [0.5, 0.6] } as const;
function series(pattern: string): { z: number[]; p: number[] } {
  const steps = [...pattern].map((ch) => step[ch as keyof typeof step]);
  return { z: steps.map((s) => s[0]), p: steps.map((s) => s[1]) };
}
const allHot = (z: number[]): { z: number[]; p: number[] } => ({ z, p: z.map(() => 0.001) });

// Mann-Kendall on these z series: strictly rising 10 steps → S = 45, Z = 44/√125 ≈ 3.94, p < 0.001;
// alternating 3,4,3,4,… → S = 15 − 10 = 5, Var(S) = (2250 − 2·300)/18 = 91.67, Z ≈ 0.42, p ≈ 0.68.
const cases: [string, { z: number[]; p: number[] }, EmergingCategory][] = [
  ['only the final step is hot', series('.........H'), 'new'],
  ['the last three steps are hot and nothing before', series('.......HHH'), 'consecutive'],
  ['every step is hot and z rises significantly', allHot([2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5]), 'intensifying'],
  ['every step is hot with no trend', allHot([3, 4, 3, 4, 3, 4, 3, 4, 3, 4]), 'persistent'],
  ['every step is hot and z falls significantly', allHot([6.5, 6, 5.5, 5, 4.5, 4, 3.5, 3, 2.5, 2]), 'diminishing'],
  ['hot on and off including the final step, never cold', series('H..H.....H'), 'sporadic'],
  ['hot at the end after being cold earlier', series('CH.......H'), 'oscillating'],
  ['9 of 10 steps hot but not the last', series('HHHHHHHHH.'), 'historical'],
  ['nothing significant', series('..........'), 'none'],
  ['a few early hot steps but not the last', series('HH........'), 'none'],
];

describe('classifyEmerging', () => {
  for (const [when, { z, p }, category] of cases) {
    it(`when ${when}, then the category is ${category}`, () => {
      expect(classifyEmerging(z, p).category).toBe(category);
    });
  }

  for (const [when, { z, p }, category] of cases) {
    const mirrored = category === 'none' ? 'none' : `cold_${category}`;
    it(`when the mirror of "${when}" is cold, then the category is ${mirrored}`, () => {
      expect(classifyEmerging(z.map((v) => -v), p).category).toBe(mirrored);
    });
  }

  it('when z rises, then the trend reports the Mann-Kendall result of the z series', () => {
    const { trend } = classifyEmerging([2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5], Array<number>(10).fill(0.001));
    expect(trend.tau).toBe(1);
    expect(trend.z).toBeCloseTo(44 / Math.sqrt(125), 12);
  });

  it('when a step has p = 0.07, then it is hot at the default α = 0.1 but not at α = 0.05', () => {
    const z = [0.5, 0.5, 0.5, 2];
    const p = [0.6, 0.6, 0.6, 0.07];
    expect(classifyEmerging(z, p).category).toBe('new');
    expect(classifyEmerging(z, p, { alpha: 0.05 }).category).toBe('none');
  });

  it('when the series is empty, then the category is none with no trend', () => {
    expect(classifyEmerging([], [])).toEqual({ category: 'none', trend: { z: 0, p: 1, tau: 0 } });
  });
});
