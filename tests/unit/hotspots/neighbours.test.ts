import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3Neighbours } from '../../../server/analysis/getis-ord.js';
import { readGeography } from '../../../server/demo/geography.js';
import { studyArea } from '../../../server/hotspots/binning.js';
import { ringNeighbours } from '../../../server/hotspots/neighbours.js';

describe('ringNeighbours', () => {
  const points = readGeography().monitoringPoints;

  it.each([6, 7, 8, 9])('when the study area spans all three corridors at res %i, then it agrees with h3Neighbours for k = 1…3', (res) => {
    for (const k of [1, 2, 3]) {
      const area = studyArea(points.map((p) => latLngToCell(p.lat, p.lon, res)), k)!;
      expect(ringNeighbours(area, k)).toEqual(h3Neighbours(area, k));
    }
  });

  it('when the area is a solid disk, then interior cells have 6, 18 and 36 neighbours for k = 1, 2, 3', () => {
    const centre = latLngToCell(-9.32, 32.76, 9);
    const area = gridDisk(centre, 6).sort();
    for (const [k, n] of [[1, 6], [2, 18], [3, 36]] as const) {
      const nb = ringNeighbours(area, k);
      expect(nb).toEqual(h3Neighbours(area, k));
      expect(nb[area.indexOf(centre)]).toHaveLength(n);
    }
  });

  it('when cells repeat, then the copies neighbour each other as in h3Neighbours', () => {
    const c = latLngToCell(-17.48, 24.3, 8);
    const cells = [c, c, gridDisk(c, 1)[1]!];
    expect(ringNeighbours(cells, 1)).toEqual(h3Neighbours(cells, 1));
  });
});
