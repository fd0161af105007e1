import { describe, expect, it } from 'vitest';
import { kde, kdeAt } from '../../../server/analysis/kde.js';

// h = 2 over a 5×5 grid of unit cells from the origin; cell (c, r) has centre (c + 0.5, r + 0.5).
const h = 2;
const grid = { x0: 0, y0: 0, cellSize: 1, cols: 5, rows: 5 };
const peak = 3 / (Math.PI * h * h);
const at = (c: number, r: number): number => r * grid.cols + c;

describe('kde', () => {
  it('when one point of weight 1 sits on a cell centre, then that cell holds exactly 3/(πh²)', () => {
    expect(kde([{ x: 2.5, y: 2.5, w: 1 }], grid, h)[at(2, 2)]).toBe(peak);
  });

  it('when a cell centre is h/2 from the point, then its density is 3/(πh²)·(1 − ¼)² = 3/(πh²)·0.75²', () => {
    const surface = kde([{ x: 2.5, y: 2.5, w: 1 }], grid, h);
    expect(surface[at(3, 2)]).toBeCloseTo(peak * 0.75 ** 2, 15);
    expect(surface[at(2, 1)]).toBeCloseTo(peak * 0.5625, 15);
  });

  it('when a cell centre is h or more from the point, then its density is 0', () => {
    const surface = kde([{ x: 2.5, y: 2.5, w: 1 }], grid, h);
    expect(surface[at(4, 2)]).toBe(0); // d = 2 = h
    expect(surface[at(4, 4)]).toBe(0); // d = √8 > h
  });

  it('when the point weighs 2, then every density doubles', () => {
    const one = kde([{ x: 2.2, y: 1.9, w: 1 }], grid, h);
    const two = kde([{ x: 2.2, y: 1.9, w: 2 }], grid, h);
    two.forEach((v, i) => expect(v).toBe(2 * one[i]!));
  });

  it('when the grid is fine and covers the kernel, then Σ density · cellSize² ≈ total weight (1 %)', () => {
    // ∫ 3/(πh²)(1 − r²/h²)² 2πr dr over [0, h] = 1, so the integral is the weight, 3.
    const fine = { x0: -12, y0: -12, cellSize: 0.25, cols: 96, rows: 96 };
    const surface = kde([{ x: 0.1, y: -0.3, w: 3 }], fine, 10);
    const integral = surface.reduce((s, v) => s + v, 0) * fine.cellSize ** 2;
    expect(Math.abs(integral / 3 - 1)).toBeLessThan(0.01);
  });

  it('when points fall near and beyond the grid edges, then each cell equals kdeAt at its centre', () => {
    let seed = 11;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 9 - 2;
    const pts = Array.from({ length: 60 }, () => ({ x: rand(), y: rand(), w: 1 + Math.floor(rand() + 2) }));
    const surface = kde(pts, grid, 1.7);
    for (let r = 0; r < grid.rows; r++) {
      for (let c = 0; c < grid.cols; c++) {
        expect(surface[at(c, r)]).toBeCloseTo(kdeAt(pts, c + 0.5, r + 0.5, 1.7), 12);
      }
    }
  });
});

describe('kdeAt', () => {
  it('when asked at the point itself, then it gives w·3/(πh²)', () => {
    expect(kdeAt([{ x: 4, y: -1, w: 2 }], 4, -1, h)).toBe(2 * peak);
  });

  it('when the bandwidth is not positive, then it fails at once', () => {
    expect(() => kdeAt([], 0, 0, 0)).toThrow(RangeError);
  });
});
