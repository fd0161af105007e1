import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { migrate, MigrationError, readMigrations } from '../../server/db/migrate.js';
import { paths } from '../../server/paths.js';
import { openBlankDb } from '../helpers/db.js';
import { describeDb } from '../helpers/suite.js';

describeDb('Db layer on the %s database', ({ db, kind }) => {
  it('when counting, then int8 and numeric come back as numbers and dates as YYYY-MM-DD', async () => {
    const [row] = await db.query(`SELECT count(*) AS c, 1.25::numeric AS n, DATE '2025-03-04' AS d, 10000000000::bigint AS b`);
    expect(row).toEqual({ c: 1, n: 1.25, d: '2025-03-04', b: 10_000_000_000 });
  });

  it('when a transaction throws, then nothing it wrote remains', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM places');
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO places (code, name, country, geom) VALUES ('tx-test', 'Tx', 'ZMB', ST_SetSRID(ST_MakePoint(28, -15), 4326))`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('SELECT count(*)::int AS n FROM places')).toEqual(before);
  });

  it('when the migrations are applied again, then nothing changes and the latest version is reported', async () => {
    const migrations = readMigrations(paths.migrations);
    await expect(migrate(db, migrations)).resolves.toBe(migrations.at(-1)?.version);
  });

  it('when an applied migration file changed, then migrate stops naming the file', async () => {
    const changed = readMigrations(paths.migrations).map((m, i) =>
      i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: 'x'.repeat(64) } : m,
    );
    await expect(migrate(db, changed)).rejects.toThrow(MigrationError);
    await expect(migrate(db, changed)).rejects.toThrow(/001_core\.sql changed after it was applied/);
  });

  it('when a new migration is added, then it is applied in a transaction and recorded with its checksum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-mig-'));
    const existing = readMigrations(paths.migrations);
    mkdirSync(dir, { recursive: true });
    for (const m of existing) writeFileSync(join(dir, `${m.version}.sql`), m.sql);
    writeFileSync(join(dir, '900_test_extra.sql'), 'CREATE TABLE test_extra (id int);\nCREATE TABLE test_extra (id int);');
    // the second statement fails → the first must be rolled back with it
    await expect(migrate(db, readMigrations(dir))).rejects.toThrow(/900_test_extra\.sql failed/);
    const [t] = await db.query<{ r: string | null }>(`SELECT to_regclass('test_extra')::text AS r`);
    expect(t?.r).toBeNull();
    const rows = await db.query('SELECT version FROM schema_migrations WHERE version = $1', ['900_test_extra']);
    expect(rows).toEqual([]);
  });

  it('when migration 009 meets existing observations, then each dataset moves whole into its own partition', async () => {
    const db = await openBlankDb(kind);
    try {
      const all = readMigrations(paths.migrations);
      await migrate(db, all.filter((m) => m.version < '009'));
      await db.exec(`
        INSERT INTO datasets (id, name, kind) VALUES (7, 'a', 'observations'), (8, 'b', 'observations'), (9, 'odd', 'reports');
        INSERT INTO monitoring_points (id, code, name, kind, corridor, country, geom)
          VALUES (1, 'mp-x', 'X', 'market', 'other', 'ZMB', ST_SetSRID(ST_MakePoint(28, -15), 4326));
        INSERT INTO observations (dataset_id, source_row_id, observed_on, monitoring_point_id, direction, total, male, female, reasons)
        SELECT CASE WHEN g <= 3 THEN 7 WHEN g <= 5 THEN 8 ELSE 9 END, 'r' || g, DATE '2025-01-01' + g, 1, 'inbound', g, 1, 0, '{trade}'
        FROM generate_series(1, 6) g;
        DELETE FROM flow_rollup_dirty;`);
      const before = await db.query('SELECT * FROM observations ORDER BY id');
      await migrate(db, all);
      expect(await db.query('SELECT * FROM observations ORDER BY id')).toEqual(before);
      const where = await db.query<{ t: string; n: number }>('SELECT tableoid::regclass::text AS t, count(*)::int AS n FROM observations GROUP BY 1 ORDER BY 1');
      expect(where).toEqual([{ t: 'observations_d7', n: 3 }, { t: 'observations_d8', n: 2 }, { t: 'observations_default', n: 1 }]);
      const [next] = await db.query<{ id: number }>(`INSERT INTO observations (dataset_id, source_row_id, observed_on, monitoring_point_id, direction, total)
        VALUES (7, 'new', '2025-02-01', 1, 'outbound', 1) RETURNING id`);
      expect(next?.id).toBe(Math.max(...before.map((r) => Number(r.id))) + 1); // the sequence carries on
      const named = await db.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE conrelid = 'observations'::regclass AND conname IN ('observations_sex_le_total', 'observations_source_row')`);
      expect(named).toHaveLength(2);
      // The move itself marks nothing for the rollup; the insert after it does.
      expect(await db.query('SELECT dataset_id FROM flow_rollup_dirty')).toEqual([{ dataset_id: 7 }]);
    } finally {
      await db.close();
    }
  });
});
