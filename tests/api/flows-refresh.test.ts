import { expect, it } from 'vitest';
import type { Db } from '../../server/db/index.js';
import { queryFlows } from '../../server/flows/flows.js';
import { refreshRollup } from '../../server/query/rollup.js';
import { flowsQuery, timeseriesQuery } from '../../server/flows/schemas.js';
import { queryTimeseries } from '../../server/flows/timeseries.js';
import { describeDb } from '../helpers/suite.js';

const strip = <T extends { source: string }>({ source: _s, ...rest }: T) => rest;
const PERIOD = { from: '2026-05-01', to: '2026-06-30' };

/** A small import of its own: two located groups, one with no known origin. */
async function importDataset(db: Db): Promise<number> {
  const [ds] = await db.query<{ id: number }>(`INSERT INTO datasets (name, kind) VALUES ('flows refresh test', 'observations') RETURNING id`);
  const id = ds?.id ?? 0;
  await db.query(
    `INSERT INTO observations (dataset_id, source_row_id, observed_on, monitoring_point_id, direction, origin_place_id,
       origin_country, final_destination_place_id, destination_country, total, female, nationality, transport_mode, reasons)
     SELECT $1, r.n, r.d::date, (SELECT min(id) FROM monitoring_points), 'inbound', r.op, r.oc,
       (SELECT id FROM places WHERE code = 'zm-lusaka'), 'ZMB', r.total, 1, 'ETH', 'foot', '{asylum}'
     FROM (VALUES ('a', '2026-05-10', (SELECT id FROM places WHERE code = 'zm-sesheke'), 'ZMB', 7),
                  ('b', '2026-06-20', NULL::int, 'ETH', 4),
                  ('c', '2026-06-21', NULL::int, NULL, 3)) AS r(n, d, op, oc, total)`,
    [id],
  );
  return id;
}

describeDb('refreshing flow rollups on the %s database', { db: 'fresh' }, ({ db }) => {
  const flows = (q: Record<string, string>, source?: 'raw') => queryFlows(db, flowsQuery.parse({ ...PERIOD, ...q }), { source });

  it('when observations are imported without a refresh, then queries read the raw table and still count the new rows', async () => {
    const before = await flows({});
    const id = await importDataset(db);
    const after = await flows({});
    expect(after.source).toBe('raw');
    expect(after.totals.matched).toBe(before.totals.matched + 14);
    expect(after.totals.unlocated).toBe(3); // the group with neither origin place nor country
    const ts = await queryTimeseries(db, timeseriesQuery.parse({ ...PERIOD, bucket: 'week' }));
    expect(ts.totals.count).toBe(after.totals.matched);
    // A period the import did not touch keeps using the rollup.
    expect((await flows({ from: '2025-01-01', to: '2025-01-31' })).source).toBe('rollup');

    const refreshed = await refreshRollup(db, { datasetId: id });
    expect(refreshed.cubeRows).toBe(3);
    const now = await flows({});
    expect(now.source).toBe('rollup');
    expect(strip(now)).toEqual(strip(after));
    expect(strip(await flows({ nationality: 'ETH', level: 'point' }))).toEqual(strip(await flows({ nationality: 'ETH', level: 'point' }, 'raw')));
  });

  it('when a dataset is deleted and refreshed by id, then its rows leave the rollup', async () => {
    const base = await flows({});
    const [ds] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = 'flows refresh test'`);
    await db.query('DELETE FROM datasets WHERE id = $1', [ds?.id]);
    expect((await flows({})).source).toBe('raw');
    await refreshRollup(db, { datasetId: ds?.id ?? 0 });
    const after = await flows({});
    expect(after.source).toBe('rollup');
    expect(after.totals.matched).toBe(base.totals.matched - 14);
    expect(strip(after)).toEqual(strip(await flows({}, 'raw')));
  });

  it('when observations change in a period and that period is refreshed, then weeks and months overlapping it are right too', async () => {
    await db.query(`UPDATE observations SET total = total + 1 WHERE observed_on BETWEEN '2026-05-30' AND '2026-06-02'`);
    expect((await flows({})).source).toBe('raw');
    await refreshRollup(db, { from: '2026-05-30', to: '2026-06-02' });
    const cases: Record<string, string>[] = [{}, { from: '2026-05-01', to: '2026-05-31' }, { from: '2026-06-01', to: '2026-08-31', sex: 'female' }];
    for (const q of cases) {
      const r = await flows(q);
      expect(r.source).toBe('rollup');
      expect(strip(r)).toEqual(strip(await flows(q, 'raw')));
    }
    const months = timeseriesQuery.parse({ from: '2026-01-01', to: '2026-12-31', bucket: 'month' });
    expect(strip(await queryTimeseries(db, months))).toEqual(strip(await queryTimeseries(db, months, { source: 'raw' })));
  });

  it('when admin areas are loaded, then level=admin groups places by the finest area holding them', async () => {
    // The vendored provinces and districts (data/admin/) are loaded with the schema.
    const admin = await flows({ level: 'admin' });
    const ids = new Set(admin.locations.map((l) => l.id));
    expect(admin.locations.find((l) => l.id === 'a:PRJ-ZM-SESHEKE')).toMatchObject({ name: 'Sesheke', kind: 'admin' });
    expect(ids.has('c:TZA')).toBe(true); // no Tanzanian area loaded: its places fall back to the country
    // Katima Mulilo lies across the river from Sesheke, in Namibia: a Zambian area never takes it.
    expect(ids.has('c:NAM')).toBe(true);
    expect((await flows({ level: 'admin', adminLevel: '1' })).locations.some((l) => l.id === 'a:ZM90')).toBe(true);
    expect(admin.totals.people).toBe((await flows({})).totals.people);
  });
});
