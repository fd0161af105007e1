import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DATA } from './reference.js';
import type { Db } from './types.js';

export class MigrationError extends Error {}

export interface Migration {
  version: string; // file name without .sql, e.g. '001_core'
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return { version: f.slice(0, -4), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

// Serialises concurrent migrators on a server database (two instances starting at once).
const LOCK_KEY = 7_304_001;

/**
 * Applies pending migrations in order, each in its own transaction, recording
 * (version, checksum). An applied migration whose file changed stops everything: the
 * schema would no longer match the files, and silently carrying on corrupts data later.
 * Then (re)loads the reference data of data/ (reference.ts) whose table the migrations create.
 * Returns the latest applied version.
 */
export async function migrate(db: Db, migrations: Migration[]): Promise<string> {
  await ensurePostgis(db);
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Map(
    (await db.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map(
      (r) => [r.version, r.checksum],
    ),
  );
  for (const [version, checksum] of applied) {
    const file = migrations.find((m) => m.version === version);
    if (!file) throw new MigrationError(`migration ${version} is applied but its file is missing from migrations/`);
    if (file.checksum !== checksum) {
      throw new MigrationError(
        `migration ${version}.sql changed after it was applied (checksum ${checksum.slice(0, 12)} → ` +
          `${file.checksum.slice(0, 12)}); restore the file and put the change in a new migration`,
      );
    }
  }
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.length > 0) return; // another process applied it while we waited
      try {
        await tx.exec(m.sql);
      } catch (err) {
        throw new MigrationError(`migration ${m.version}.sql failed: ${(err as Error).message}`);
      }
      await tx.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [m.version, m.checksum]);
    });
  }
  for (const r of REFERENCE_DATA) if (migrations.some((m) => m.version === r.after)) await r.load(db);
  return migrations.at(-1)?.version ?? 'none';
}

async function ensurePostgis(db: Db): Promise<void> {
  try {
    await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  } catch (err) {
    throw new MigrationError(
      `PostGIS is not available in this database (${(err as Error).message}); ` +
        `install it (Debian: postgresql-15-postgis-3) or run CREATE EXTENSION postgis as a superuser`,
    );
  }
}
