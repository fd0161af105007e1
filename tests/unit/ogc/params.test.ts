import { describe, expect, it } from 'vitest';
import { boxesMeet, boundsOf, pageOf, type OgcFeature } from '../../../server/ogc/collection.js';
import { ogcBbox, ogcDatetime } from '../../../server/ogc/params.js';

describe('OGC API parameters', () => {
  it.each([
    ['24,-18,27,-16', [24, -18, 27, -16]],
    ['170,-20,-170,-10', [170, -20, -170, -10]], // west > east: across the antimeridian
    ['24,-18,0,27,-16,500', [24, -18, 27, -16]], // heights ignored
  ])('when bbox is %s, then the box is %j', (text, box) => {
    expect(ogcBbox.parse(text)).toEqual(box);
  });

  it.each(['1,2,3', '1,2,3,4,5', 'a,b,c,d', '0,10,1,5', '-181,0,0,1', '0,-91,1,0', '1,,2,3'])('when bbox is %s, then it is refused', (text) => {
    expect(ogcBbox.safeParse(text).success).toBe(false);
  });

  it.each([
    ['2025-03-01', { from: '2025-03-01', to: '2025-03-01' }],
    ['2025-03-01T23:30:00-02:00', { from: '2025-03-02', to: '2025-03-02' }], // the UTC day
    ['2025-01-01/2025-03-31', { from: '2025-01-01', to: '2025-03-31' }],
    ['2025-01-01T00:00:00Z/..', { from: '2025-01-01' }],
    ['../2025-03-31', { to: '2025-03-31' }],
    ['/2025-03-31', { to: '2025-03-31' }],
  ])('when datetime is %s, then the days are %j', (text, range) => {
    expect(ogcDatetime.parse(text)).toEqual(range);
  });

  it.each(['2025-02-30', '2025-03-31/2025-01-01', '../..', 'yesterday', '2025-01-01/2025-02-01/2025-03-01', '2025-01-01T25:00:00Z'])(
    'when datetime is %s, then it is refused',
    (text) => {
      expect(ogcDatetime.safeParse(text).success).toBe(false);
    },
  );

  it('when a box wraps across the antimeridian, then features on either side meet it and those between do not', () => {
    const wrap = [170, -20, -170, 20] as const;
    expect(boxesMeet([175, 0, 176, 1], wrap)).toBe(true);
    expect(boxesMeet([-175, 0, -174, 1], wrap)).toBe(true);
    expect(boxesMeet([0, 0, 1, 1], wrap)).toBe(false);
    expect(boxesMeet([175, 30, 176, 31], wrap)).toBe(false);
    expect(boxesMeet([0, 0, 1, 1], [0.5, 0.5, 2, 2])).toBe(true);
  });

  it('when computed features are paged, then bbox applies before offset and limit and numberMatched counts what bbox keeps', () => {
    const point = (id: number, x: number): OgcFeature => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [x, 0] }, properties: {} });
    const all = [point(1, 10), point(2, 20), point(3, 30), point(4, 40), { type: 'Feature' as const, id: 5, geometry: null, properties: {} }];
    expect(pageOf(all, { limit: 2, offset: 0 })).toEqual({ features: all.slice(0, 2), matched: 5 });
    expect(pageOf(all, { limit: 2, offset: 1, bbox: [15, -1, 45, 1] })).toEqual({ features: [all[2], all[3]], matched: 3 });
    expect(boundsOf({ type: 'LineString', coordinates: [[1, 5], [3, -2]] })).toEqual([1, -2, 3, 5]);
  });
});
