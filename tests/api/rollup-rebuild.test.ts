import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../server/db/index.js';
import { rollupStaleEverywhere } from '../../server/demo/seed.js';
import { queryFlows } from '../../server/flows/flows.js';
import { flowsQuery } from '../../server/flows/schemas.js';
import { CUBES, MEASURES } from '../../server/query/cubes.js';
import { refreshRollup } from '../../server/query/rollup.js';
import { rebuildRollupInSteps } from '../../server/query/rollup-rebuild.js';
import { describeDb } from '../helpers/suite.js';

/** Every row of every cube, in key order. */
async function cubes(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of CUBES) {
    const key = ['grain', 'observed_on', 'dataset_id', ...c.columns].join(', ');
    out[c.table] = await db.query(`SELECT ${key}, ${MEASURES.join(', ')} FROM ${c.table} ORDER BY ${key}`);
  }
  return out;
}

const indexes = (db: Db) =>
  db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY($1::text[]) ORDER BY indexname`, [CUBES.map((c) => c.table)]);
const marks = (db: Db) => db.query<{ dataset_id: number | null; first_day: string; last_day: string }>(
  `SELECT dataset_id, first_day::text, last_day::text FROM flow_rollup_dirty ORDER BY marked_at`);
const flows = (db: Db, source?: 'raw') => queryFlows(db, flowsQuery.parse({ from: '2025-06-01', to: '2025-08-31', level: 'point' }), source ? { source } : {});
const strip = ({ source: _source, ...rest }: Awaited<ReturnType<typeof flows>>) => rest;

// A first start builds the rollups in steps after it listens (demo/seed.ts buildRollups).
describeDb('the flow rollups rebuilt in steps on the %s database', { db: 'fresh', timeout: 300_000 }, ({ db }) => {
  let built: Record<string, unknown[]>;
  let builtIndexes: unknown[];
  let answer: ReturnType<typeof strip>;

  beforeAll(async () => {
    await refreshRollup(db); // the one-transaction rebuild: the reference
    built = await cubes(db);
    builtIndexes = await indexes(db);
    answer = strip(await flows(db));
  });

  it('when the rebuild runs in steps, then every cube and index ends as the one-transaction rebuild left them, and no mark is left', async () => {
    const steps: string[] = [];
    const r = await rebuildRollupInSteps(db, { onStep: (name) => steps.push(name) });
    expect(steps.length).toBeGreaterThan(CUBES.length);
    expect(r.cubeRows).toBe((built['flow_cube'] as { grain: string }[]).filter((x) => x.grain === 'd').length);
    expect(await cubes(db)).toEqual(built);
    expect(await indexes(db)).toEqual(builtIndexes);
    expect(await marks(db)).toEqual([]);
    expect(await rollupStaleEverywhere(db)).toBe(false);
    expect((await flows(db)).source).toBe('rollup');
  });

  it('when other work runs between its steps, then flow queries read the raw rows exactly, and a change marked meanwhile keeps its mark', async () => {
    const seen: { source: string; same: boolean; stale: boolean }[] = [];
    let step = 0;
    await rebuildRollupInSteps(db, {
      beforeStep: async () => {
        step++;
        if (step === 1) return; // before the first step the rollups are still whole
        const f = await flows(db);
        seen.push({ source: f.source, same: JSON.stringify(strip(f)) === JSON.stringify(answer), stale: await rollupStaleEverywhere(db) });
        if (step === 6) await db.query(`INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day) VALUES (NULL, '2025-07-01', '2025-07-02')`);
      },
    });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((s) => s.source === 'raw' && s.same && s.stale)).toBe(true);
    expect(await marks(db)).toEqual([{ dataset_id: null, first_day: '2025-07-01', last_day: '2025-07-02' }]);
    expect(await rollupStaleEverywhere(db)).toBe(true); // that change's own mark, for its next refresh
    await db.exec('DELETE FROM flow_rollup_dirty');
    expect(await cubes(db)).toEqual(built);
  });

  it('when a stop cuts it short, then everything stays marked stale and answers stay exact, and the next rebuild completes it', async () => {
    let step = 0;
    const cut = await rebuildRollupInSteps(db, {
      beforeStep: async () => {
        if (++step === 9) throw new Error('stopped');
      },
    }).catch((e: unknown) => e);
    expect((cut as Error).message).toBe('stopped');
    expect(await rollupStaleEverywhere(db)).toBe(true);
    const meanwhile = await flows(db);
    expect(meanwhile.source).toBe('raw');
    expect(strip(meanwhile)).toEqual(answer);
    await rebuildRollupInSteps(db);
    expect(await cubes(db)).toEqual(built);
    expect(await indexes(db)).toEqual(builtIndexes);
    expect(await marks(db)).toEqual([]);
  });

  it('when a refresh is asked during the rebuild, then it waits for the rebuild to end', async () => {
    const order: string[] = [];
    let step = 0;
    let refresh: Promise<unknown> | undefined;
    await rebuildRollupInSteps(db, {
      beforeStep: async () => {
        if (++step === 3) refresh = refreshRollup(db, { from: '2025-07-01', to: '2025-07-31' }).then(() => order.push('refresh'));
      },
    }).then(() => order.push('rebuild'));
    await refresh;
    expect(order).toEqual(['rebuild', 'refresh']);
    expect(await cubes(db)).toEqual(built);
  });
});
