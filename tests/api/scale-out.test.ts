import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshRollup } from '../../server/query/rollup.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { calls, readLayout, readsOf, recording, scansOf, unionAllPartners } from '../helpers/sql-shape.js';
import { describeDb } from '../helpers/suite.js';

/**
 * docs/scale-out.md's Citus layout against the migrated schema and the SQL the flow and
 * area-summary endpoints really run (recorded through the app's reader). See "What the test checks" there.
 */
const layout = readLayout();
const distributed = [...layout.distributed.keys()];
// Aggregates Citus computes per shard and merges on the coordinator.
const TWO_PHASE = new Set(['sum', 'count', 'min', 'max', 'avg', 'bool_and', 'bool_or', 'bit_and', 'bit_or', 'every']);
// Where docs/scale-out.md ("Schema and query changes", 2) says grouping sets must be rewritten.
const GROUPING_SETS_AT = ['/api/v1/flows/breakdowns'];

const REQUESTS = [
  '/api/v1/flows', '/api/v1/flows?from=2025-01-01&to=2025-12-31&point=1,2&direction=inbound', '/api/v1/flows?level=point&reason=trade', '/api/v1/flows?level=admin&adminLevel=1',
  '/api/v1/flows?nationality=COD&sex=female', '/api/v1/flows?vulnerability=unaccompanied_child&corridor=nakonde',
  '/api/v1/flows/timeseries?bucket=week', '/api/v1/flows/timeseries?bucket=day&transport=bus&adm1=ZM50',
  '/api/v1/flows/breakdowns', '/api/v1/flows/breakdowns?direction=outbound&by=sex,age', '/api/v1/flows/corridors', '/api/v1/flows/corridors?level=country', '/api/v1/flows/crossings',
  '/api/v1/flows/crossings?from=2024-06-01&to=2024-08-31', '/api/v1/admin-areas/summary?level=1', '/api/v1/admin-areas/summary?level=2&age=children',
];

describe('the scan finder of the layout check', () => {
  const aggs = new Set(['sum', 'count', 'percentile_cont']);
  it('when a statement aggregates a distributed table, then its scan level is found through row-level subqueries, with its calls and joins', () => {
    const [inner] = scansOf('SELECT a, percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM (SELECT a, n FROM observations o JOIN users u ON u.id = o.id) s GROUP BY a', distributed, aggs);
    expect(calls(inner!.level)).toContain('percentile_cont');
    expect(readsOf(inner!.whole)).toEqual(['observations', 'users']);
    const [win] = scansOf('WITH f AS (SELECT x, sum(n) AS n FROM flow_cube WHERE y IN (SELECT id FROM places) GROUP BY x) SELECT x, count(*) OVER () FROM f', distributed, aggs);
    expect(win!.level).toMatch(/^SELECT x, sum\(n\) AS n FROM flow_cube WHERE y IN \(\) GROUP BY x$/);
    expect(win!.level).not.toMatch(/OVER/);
    expect(scansOf('SELECT count(*) FROM flow_cube_archive', distributed, aggs)).toEqual([]);
  });

  it('when two cubes are read as legs of one UNION ALL, then they are partners only with the same select list holding the distribution column', () => {
    const union = (a: string, b: string) => `SELECT sum(total) FROM (SELECT ${a} FROM flow_od WHERE (grain = $1) UNION ALL SELECT ${b} FROM flow_cube WHERE (grain = $2)) AS r`;
    expect(unionAllPartners(union('grain, dataset_id, total', 'grain, dataset_id, total'), 'flow_od', 'dataset_id', layout.distributed)).toEqual(['flow_cube']);
    expect(unionAllPartners(union('grain, dataset_id, total', 'grain, dataset_id, total'), 'flow_cube', 'dataset_id', layout.distributed)).toEqual(['flow_od']);
    expect(unionAllPartners(union('grain, total', 'grain, total'), 'flow_od', 'dataset_id', layout.distributed)).toEqual([]);
    expect(unionAllPartners(union('grain, dataset_id, total', 'dataset_id, grain, total'), 'flow_od', 'dataset_id', layout.distributed)).toEqual([]);
  });
});

describeDb('the Citus layout of docs/scale-out.md on the %s database', { db: 'fresh' }, ({ db }) => {
  const fk = () =>
    db.query<{ source: string; target: string; cols: string[]; tcols: string[] }>(
      `SELECT c.conrelid::regclass::text AS source, c.confrelid::regclass::text AS target,
         (SELECT array_agg(attname::text ORDER BY attname) FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = ANY(c.conkey)) AS cols,
         (SELECT array_agg(attname::text ORDER BY attname) FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = ANY(c.confkey)) AS tcols
       FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
       WHERE c.contype = 'f' AND r.relnamespace = 'public'::regnamespace AND NOT r.relispartition`,
    );

  it('when the layout is read, then it names the observations and all twelve cubes, each distributed on a column of its own', async () => {
    expect(distributed).toEqual(expect.arrayContaining(['observations', 'flow_cube', 'flow_attr', 'flow_point']));
    expect(distributed).toHaveLength(13);
    expect(layout.reference.size).toBeGreaterThan(5);
    const cols = await db.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1::text[])`,
      [distributed],
    );
    for (const [table, key] of layout.distributed) expect(cols, table).toContainEqual({ t: table, c: key });
  });

  it('when the catalog is read, then the distribution column is in every primary and unique key of the distributed tables', async () => {
    const keys = await db.query<{ t: string; name: string; cols: string[] }>(
      `SELECT r.relname::text AS t, c.conname::text AS name, array_agg(a.attname::text) AS cols
       FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
       WHERE c.contype IN ('p', 'u') AND r.relname = ANY($1::text[]) GROUP BY 1, 2`,
      [distributed],
    );
    expect(keys.map((k) => k.t)).toContain('observations');
    for (const k of keys) expect(k.cols, `${k.t}.${k.name}`).toContain(layout.distributed.get(k.t));
    const unique = await db.query<{ t: string; def: string }>(
      `SELECT tablename::text AS t, indexdef AS def FROM pg_indexes i JOIN pg_class x ON x.relname = i.indexname
       JOIN pg_index ix ON ix.indexrelid = x.oid WHERE ix.indisunique AND tablename = ANY($1::text[])`,
      [distributed],
    );
    for (const u of unique) expect(u.def, u.t).toContain(layout.distributed.get(u.t));
  });

  it('when the foreign keys are read, then distributed tables point only at reference tables and nothing points at them', async () => {
    const keys = await fk();
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) {
      const where = `${k.source} → ${k.target} (${k.cols.join(', ')})`;
      expect(layout.distributed.has(k.target), where).toBe(false);
      if (layout.distributed.has(k.source) || layout.reference.has(k.source)) expect(layout.reference.has(k.target), where).toBe(true);
    }
    const withDataset = await db.query<{ t: string }>(
      `SELECT c.relname::text AS t FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       WHERE a.attname = 'dataset_id' AND c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND NOT a.attisdropped`,
    );
    for (const { t } of withDataset) expect(layout.distributed.has(t) || layout.reference.has(t) || layout.coordinator.has(t), `${t} has dataset_id: docs/scale-out.md must place it`).toBe(true);
  });

  describe_sql(db);
});

/** The recorded SQL of the endpoints and of a scoped rollup refresh. */
function describe_sql(db: Parameters<typeof recording>[0]): void {
  let app: TestApp;
  const rec = recording(db);
  let aggregates = new Set<string>();
  let tables = new Set<string>();
  beforeAll(async () => {
    app = await startApp({ db, reader: rec.db, as: 'data_manager' });
    aggregates = new Set((await db.query<{ f: string }>(`SELECT DISTINCT proname::text AS f FROM pg_proc WHERE prokind = 'a'`)).map((r) => r.f));
    tables = new Set(
      (await db.query<{ t: string }>(`SELECT relname::text AS t FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm')`)).map((r) => r.t),
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('when the flow and area-summary endpoints run (on the cubes, then on raw rows), then every scan of a distributed table is grouped by its key or aggregated in two phases, joined only to reference tables', async () => {
    for (const source of ['rollup', 'raw']) {
      // A pending change over all days makes every request read the observations themselves (query/source.ts).
      if (source === 'raw') await db.query(`INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day) VALUES (NULL, '-infinity', 'infinity')`);
      for (const path of REQUESTS) {
        rec.label(`${source} ${path}`);
        const res = await app.get(path);
        expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      }
    }
    await db.query(`DELETE FROM flow_rollup_dirty WHERE dataset_id IS NULL`);
    const grouping = new Set<string>();
    let checked = 0;
    for (const { label, text } of rec.log) {
      for (const scan of scansOf(text, distributed, aggregates)) {
        checked++;
        const where = `${label}: ${scan.table} in ${text.replace(/\s+/g, ' ').slice(0, 400)}`;
        const key = layout.distributed.get(scan.table)!;
        const groupedByKey = new RegExp(`\\bGROUP BY\\b[^]*\\b${key}\\b`, 'i').test(scan.level);
        const used = calls(scan.level).filter((f) => aggregates.has(f));
        if (!groupedByKey) expect(used.filter((f) => !TWO_PHASE.has(f)), where).toEqual([]);
        expect(scan.level, where).not.toMatch(/\bOVER\s*\(/i);
        if (/\bGROUPING SETS\b|\bROLLUP\(|\bCUBE\(/i.test(scan.level)) grouping.add(label.split(/[ ?]/)[1]!);
        const partners = unionAllPartners(scan.whole, scan.table, key, layout.distributed);
        const others = readsOf(scan.whole).filter((t) => tables.has(t) && t !== scan.table && !partners.includes(t));
        for (const t of others) expect(layout.reference.has(t), `${where}: joins ${t}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2 * REQUESTS.length);
    expect(new Set(rec.log.flatMap(({ text }) => scansOf(text, distributed, aggregates).map((s) => s.table)))).toContain('observations');
    expect([...grouping]).toEqual(GROUPING_SETS_AT);
  });

  it('when one dataset is refreshed, then every statement on a distributed table filters that dataset (single-shard)', async () => {
    const [ds] = await db.query<{ id: number }>('SELECT dataset_id AS id FROM observations LIMIT 1');
    rec.log.length = 0;
    rec.label('refresh');
    // One week of it keeps the test quick; the statements are those of a whole-dataset refresh plus the day range.
    await refreshRollup(rec.db, { datasetId: ds!.id, from: '2025-03-03', to: '2025-03-09' });
    const touching = rec.log.filter(({ text }) => scansOf(text, distributed, new Set()).length || /\b(INSERT INTO|DELETE FROM)\s+flow_(?!rollup)/i.test(text));
    expect(touching.length).toBeGreaterThan(20);
    for (const { text } of touching) expect(text, text.slice(0, 300)).toMatch(/\bdataset_id = \$\d+::int\b/);
  });
}
