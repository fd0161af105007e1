import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { REGION, buildBasemap, clipCountries, ringCentroid } from '../../../client/map/countries.js';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const basemap = buildBasemap(topology);

const inRegion = ([x = NaN, y = NaN]: Position): boolean =>
  x >= REGION.west && x <= REGION.east && y >= REGION.south && y <= REGION.north;

describe('offline basemap from Natural Earth countries', () => {
  it('when built, then every coordinate lies inside the region (no ring crosses ±180°)', () => {
    const land = basemap.land.features.flatMap((f) => f.geometry.coordinates.flat(2));
    expect(land.length).toBeGreaterThan(1000);
    expect(land.every(inRegion)).toBe(true);
    expect(basemap.borders.coordinates.flat().every(inRegion)).toBe(true);
    expect(basemap.coast.coordinates.flat().every(inRegion)).toBe(true);
  });

  it('when built, then the corridor countries are there and only Zambia is the focus', () => {
    const names = new Set(basemap.land.features.map((f) => f.properties.name));
    for (const n of ['Zambia', 'Namibia', 'Botswana', 'Tanzania', 'Malawi', 'Dem. Rep. Congo', 'Ethiopia', 'Somalia', 'Madagascar']) {
      expect(names).toContain(n);
    }
    expect(names).not.toContain('Russia');
    expect(names).not.toContain('Fiji');
    expect(basemap.land.features.filter((f) => f.properties.focus).map((f) => f.properties.name)).toEqual(['Zambia']);
  });

  it('when a country straddles the region edge, then only its parts inside are kept', () => {
    const fc = clipCountries({
      type: 'FeatureCollection',
      features: [{
        type: 'Feature', id: '1', properties: { name: 'Split' },
        geometry: { type: 'MultiPolygon', coordinates: [
          [[[10, 0], [11, 0], [11, 1], [10, 0]]],
          [[[179, 0], [-179, 0], [-179, 1], [179, 0]]],
        ] },
      }],
    });
    expect(fc.features[0]?.geometry.coordinates).toHaveLength(1);
  });

  it('when labels are placed, then Zambia’s sits inside Zambia', () => {
    const zambia = basemap.labels.find((l) => l.name === 'Zambia');
    const [lon = 0, lat = 0] = zambia?.position ?? [];
    expect(lon).toBeGreaterThan(24);
    expect(lon).toBeLessThan(31);
    expect(lat).toBeGreaterThan(-16);
    expect(lat).toBeLessThan(-11);
  });

  it('when a ring is a unit square, then its centroid and area are exact', () => {
    expect(ringCentroid([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]])).toEqual({ area: 4, x: 1, y: 1 });
  });
});
