import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MigrationError, readMigrations } from '../../server/db/migrate.js';
import { paths } from '../../server/paths.js';
import { DB_KINDS, sharedDb } from '../helpers/db.js';

describe.each(DB_KINDS)('Db layer on the %s database', (kind) => {
  it('when counting, then int8 and numeric come back as numbers and dates as YYYY-MM-DD', async () => {
    const db = await sharedDb(kind);
    const [row] = await db.query(`SELECT count(*) AS c, 1.25::numeric AS n, DATE '2025-03-04' AS d, 10000000000::bigint AS b`);
    expect(row).toEqual({ c: 1, n: 1.25, d: '2025-03-04', b: 10_000_000_000 });
  });

  it('when a transaction throws, then nothing it wrote remains', async () => {
    const db = await sharedDb(kind);
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
    const db = await sharedDb(kind);
    const migrations = readMigrations(paths.migrations);
    await expect(migrate(db, migrations)).resolves.toBe(migrations.at(-1)?.version);
  });

  it('when an applied migration file changed, then migrate stops naming the file', async () => {
    const db = await sharedDb(kind);
    const changed = readMigrations(paths.migrations).map((m, i) =>
      i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: 'x'.repeat(64) } : m,
    );
    await expect(migrate(db, changed)).rejects.toThrow(MigrationError);
    await expect(migrate(db, changed)).rejects.toThrow(/001_core\.sql changed after it was applied/);
  });

  it('when a new migration is added, then it is applied in a transaction and recorded with its checksum', async () => {
    const db = await sharedDb(kind);
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
});
