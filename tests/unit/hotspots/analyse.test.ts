import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { analyseHotspots } from '../../../server/hotspots/analyse.js';
import { publishImputed as publish } from '../../../server/privacy/disclosure.js';
import { binSites, studyArea } from '../../../server/hotspots/binning.js';
import { analyseEmerging } from '../../../server/hotspots/emerging.js';
import { binSteps } from '../../../server/hotspots/series.js';
import { stepPeriod } from '../../../server/hotspots/steps.js';
import { mulberry32 } from '../../../server/analysis/coverage-instance.js';

const centre = latLngToCell(-14, 27, 8);

// Seeded (mulberry32), so every run uses the same data.
const rng = mulberry32;

describe('binning', () => {
  it('when two sites share a cell, then their weights add and the centre is weighted', () => {
    const [lat, lon] = cellToLatLng(centre);
    const bins = binSites(
      [
        { lon, lat, weight: 30, country: 'ZMB', label: 'market' },
        { lon: lon + 0.001, lat, weight: 10, country: 'NAM', label: 'stall' },
        { lon, lat, weight: 0, label: 'empty' },
      ],
      8,
    );
    const b = bins.get(centre)!;
    expect(b).toMatchObject({ value: 40, sites: 2, country: 'ZMB', label: 'market' });
    expect(b.lon).toBeCloseTo(lon + 0.00025, 12);
  });

  it('when the study area is built, then it is the k-ring of every non-empty cell', () => {
    expect(studyArea([centre], 2)).toHaveLength(19);
    expect(studyArea([centre], 1, 5)).toBeNull();
  });
});

describe('analyseHotspots', () => {
  it('when values are independent noise over a solid area, then FDR leaves no significant cell', () => {
    const area = gridDisk(centre, 12).sort(); // 469 cells
    const next = rng(11);
    const values = new Map(area.map((h) => [h, 90 + Math.floor(next() * 21)]));
    const a = analyseHotspots(values, area, 1, null);
    expect(a.cells.filter((c) => c.class !== 0)).toEqual([]);
    expect(a.cells.some((c) => c.p < 0.1)).toBe(true); // unadjusted, some would have passed
  });

  it('when a block of high values sits in that noise, then its centre is class +3', () => {
    const area = gridDisk(centre, 12).sort();
    const next = rng(12);
    const values = new Map(area.map((h) => [h, 90 + Math.floor(next() * 21)]));
    for (const h of gridDisk(centre, 1)) values.set(h, 300);
    const a = analyseHotspots(values, area, 1, null);
    expect(a.cells.find((c) => c.h3 === centre)!.class).toBe(3);
  });

  it('when counts are below k, then they publish as null and enter the analysis as k/2', () => {
    expect(publish(3, 5)).toEqual({ value: null, suppressed: true, used: 2.5 });
    expect(publish(0, 5)).toEqual({ value: 0, suppressed: false, used: 0 });
    expect(publish(3, null)).toEqual({ value: 3, suppressed: false, used: 3 });
    const area = studyArea([centre], 1)!;
    const a = analyseHotspots(new Map([[centre, 4]]), area, 1, 11);
    expect(a).toMatchObject({ suppressed: 1, imputed: 5.5, nonEmpty: 1 });
  });
});

describe('emerging steps', () => {
  it('when no dates are given, then the default is the 52 whole weeks ending before a partial last week', () => {
    const { period, starts } = stepPeriod({}, '2026-10-28', 'week'); // a Wednesday
    expect(starts).toHaveLength(52);
    expect(starts.at(-1)).toBe('2026-10-19');
    expect(period.to).toBe('2026-10-25');
    expect(period.from).toBe(starts[0]);
  });

  it('when months are asked, then steps start on the first of each whole month', () => {
    const { starts } = stepPeriod({ from: '2026-01-15', to: '2026-10-31' }, null, 'month');
    expect(starts).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01']);
  });

  it('when sites are split by step, then each step bins only its own sites', () => {
    const [lat, lon] = cellToLatLng(centre);
    const { steps, labels } = binSteps([{ lon, lat, weight: 5, t: '2026-01-05', label: 'x' }], ['2026-01-05', '2026-01-12'], 8);
    expect(steps[0]!.get(centre)).toBe(5);
    expect(steps[1]!.size).toBe(0);
    expect(labels.get(centre)).toBe('x');
  });
});

describe('analyseEmerging', () => {
  it('when a block turns busy in the final step only, then its centre is a new hot spot; small counts show as null below data manager', () => {
    const area = gridDisk(centre, 8).sort();
    const next = rng(13);
    const steps = Array.from({ length: 12 }, (_, t) => {
      const m = new Map(area.map((h) => [h, 40 + Math.floor(next() * 11)]));
      if (t === 11) for (const h of gridDisk(centre, 1)) m.set(h, 400);
      return m;
    });
    steps[0]!.set(area[0]!, 3);
    const cells = analyseEmerging(steps, area, 1, 5);
    const c = cells.find((x) => x.h3 === centre)!;
    expect(c.category).toBe('new');
    expect(c.state.at(-1)).toBe(1);
    expect(cells.find((x) => x.h3 === area[0])!.values[0]).toBeNull();
    expect(c.values.at(-1)).toBe(400);
  });
});
