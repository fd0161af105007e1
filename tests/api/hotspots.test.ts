import { gridDisk, latLngToCell } from 'h3-js';
import { beforeAll, expect, it } from 'vitest';
import type { EmergingResponse, HotspotsResponse } from '../../common/analysis.js';
import { centreOf, plantObservations, plantPoints, spacedCells } from '../helpers/plant.js';
import { describeApp } from '../helpers/suite.js';

// A quiet area of Central Province, far from the demo's corridors.
const ORIGIN = { lon: 27.0, lat: -14.0 };
const RES = 8;
/** The Wednesday of each of twelve ISO weeks starting Monday 2031-06-02. */
const WEEKS = Array.from({ length: 12 }, (_, w) => new Date(Date.UTC(2031, 5, 4 + 7 * w)).toISOString().slice(0, 10));

describeApp('hotspots on planted data, %s database', { db: 'fresh', as: 'analyst' }, ({ app, db }) => {
  const centre = latLngToCell(ORIGIN.lat, ORIGIN.lon, RES);
  const cluster = gridDisk(centre, 1); // 7 cells
  const scattered = spacedCells(ORIGIN.lon + 0.3, ORIGIN.lat, RES, 30, 3, cluster);

  beforeAll(async () => {
    const ids = await plantPoints(db, [...cluster, ...scattered].map(centreOf));
    const clusterIds = ids.slice(0, cluster.length);
    const scatteredIds = ids.slice(cluster.length);
    // January 2031: a planted hot spot — seven adjacent cells of 400 among thirty cells of ~20.
    // March 2031: uniform — thirty separate cells of 100 each (their 1-rings do not overlap).
    await plantObservations(db, [
      ...clusterIds.map((point) => ({ point, day: '2031-01-15', total: 400 })),
      ...scatteredIds.map((point, i) => ({ point, day: '2031-01-15', total: 18 + (i % 5) })),
      ...scatteredIds.map((point) => ({ point, day: '2031-03-10', total: 100 })),
      // One cell with 3 people in April, below k = 5.
      { point: scatteredIds[0]!, day: '2031-04-02', total: 3 },
      ...scatteredIds.slice(1).map((point) => ({ point, day: '2031-04-02', total: 50 })),
      // Twelve weeks from Monday 2031-06-02: ten cells steady at 50; the cluster appears in the last week only.
      ...WEEKS.flatMap((day) => scatteredIds.slice(0, 10).map((point) => ({ point, day, total: 50 }))),
      ...clusterIds.map((point) => ({ point, day: WEEKS.at(-1)!, total: 400 })),
    ]);
  });

  const get = async (query: string, as: 'analyst' | 'data_manager' = 'analyst') => {
    const res = await app.as(as).get(`/api/v1/hotspots?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as HotspotsResponse;
  };

  it('when a cluster of busy cells is planted, then its centre is a hot spot at 99 % (class +3) after FDR', async () => {
    const body = await get(`from=2031-01-01&to=2031-01-31&res=${RES}&k=1`);
    const byCell = new Map(body.cells.map((c) => [c.h3, c]));
    expect(byCell.get(centre)).toMatchObject({ value: 400, class: 3 });
    expect(byCell.get(centre)!.z).toBeGreaterThan(10);
    // The scattered cells hold ~20 people: nothing hot there.
    for (const c of scattered) expect(byCell.get(c)!.class).toBeLessThanOrEqual(0);
    // Study area: the 19-cell disk around the cluster plus thirty disjoint 7-cell rings.
    expect(body.studyArea).toMatchObject({ cells: 19 + 30 * 7, nonEmpty: 37 });
    expect(body.disclosure).toMatchObject({ suppress: true, k: 5, suppressedCells: 0, imputed: null });
  });

  it('when every site has the same count, then no cell is significant after FDR', async () => {
    const body = await get(`from=2031-03-01&to=2031-03-31&res=${RES}&k=1`);
    expect(body.cells.length).toBe(30 * 7);
    expect(body.cells.filter((c) => c.class !== 0)).toEqual([]);
    // Not even nominally significant: edge cells of a ring have fewer neighbours in the area, so z is not exactly 0.
    for (const c of body.cells) expect(Math.abs(c.z)).toBeLessThan(1.645);
  });

  it('when a cell holds fewer than k people, then below data manager its value is suppressed and the analysis uses k/2', async () => {
    const viewer = await get(`from=2031-04-01&to=2031-04-30&res=${RES}&k=1`);
    const manager = await get(`from=2031-04-01&to=2031-04-30&res=${RES}&k=1`, 'data_manager');
    const small = scattered[0]!;
    expect(viewer.cells.find((c) => c.h3 === small)).toMatchObject({ value: null, suppressed: true });
    expect(viewer.disclosure).toMatchObject({ suppress: true, suppressedCells: 1, imputed: 2.5 });
    expect(manager.cells.find((c) => c.h3 === small)).toMatchObject({ value: 3, suppressed: false });
    expect(manager.disclosure).toMatchObject({ suppress: false, suppressedCells: 0 });
    // The viewer's z is the data manager's analysis with 2.5 in place of 3: close, not equal.
    const zOf = (b: HotspotsResponse) => b.cells.find((c) => c.h3 === small)!.z;
    expect(zOf(viewer)).not.toBe(zOf(manager));
    expect(zOf(viewer)).toBeCloseTo(zOf(manager), 0);
  });

  it('when a cluster appears only in the final week, then its centre is a new hot spot and the steady cells are not hot', async () => {
    const res = await app.get(`/api/v1/hotspots/emerging?from=2031-06-02&to=2031-08-24&step=week&res=${RES}&k=1`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as EmergingResponse;
    expect(body.steps).toHaveLength(12);
    expect(body.steps[0]).toBe('2031-06-02');
    const byCell = new Map(body.cells.map((c) => [c.h3, c]));
    const c = byCell.get(centre)!;
    expect(c.category).toBe('new');
    expect(c.state).toEqual([...new Array(11).fill(0), 1]);
    expect(c.values.at(-1)).toBe(400);
    expect(c.z).toHaveLength(12);
    for (const h3 of scattered.slice(0, 10)) expect(byCell.get(h3)!.category).not.toMatch(/^(new|consecutive|intensifying|persistent)$/);
  });

  it('when the period ends mid-week, then the partial week is dropped', async () => {
    const res = await app.get(`/api/v1/hotspots/emerging?from=2031-06-02&to=2031-08-27&step=week&res=${RES}`);
    expect(((await res.json()) as EmergingResponse).steps.at(-1)).toBe('2031-08-18');
  });
});
