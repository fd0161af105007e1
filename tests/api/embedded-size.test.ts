import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { openEmbedded } from '../../server/db/embedded.js';
import { migrate, readMigrations } from '../../server/db/migrate.js';
import { buildRollups, seedDemoIfEmpty } from '../../server/demo/seed.js';
import { paths } from '../../server/paths.js';

const MB = 1 << 20;

/** Bytes of the files under a directory, as `du --apparent-size` counts them. */
function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

// Issue 19: the embedded data directory after a first start with the default demo (200,000
// observations, the configuration's defaults): migrations, demo load, rollups and the start's
// checkpoint, as `npm start` runs them, into a directory on disk. A size, not a time.
describe('the embedded data directory after the default demo load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-size-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when a first start has loaded the demo and built the rollups, then the directory is under 250 MB and the WAL at its floor', async () => {
    const config = loadConfig({});
    expect(config.DEMO_ROWS).toBe(200_000);
    const db = await openEmbedded({ dir });
    try {
      await migrate(db, readMigrations(paths.migrations));
      const log = pino({ level: 'silent' });
      expect(await seedDemoIfEmpty(db, config, log)).toBe(true);
      await buildRollups(db, log); // what a first start runs once it listens
      const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations');
      expect(n?.n).toBe(200_000);
    } finally {
      await db.close();
    }
    const wal = dirBytes(join(dir, 'pgdata', 'pg_wal'));
    // min_wal_size = max_wal_size = 32 MB: two recycled 16 MB segments and the current one at most.
    expect(wal).toBeLessThanOrEqual(48 * MB);
    expect(dirBytes(dir)).toBeLessThan(250 * MB);
  }, 600_000);
});
