import { readdirSync, readFileSync, rmSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openEmbedded } from '../../server/db/embedded.js';
import { checkpointEmbedded } from '../../server/db/index.js';
import { refreshRollup } from '../../server/query/rollup.js';

const MB = 1 << 20;

/** Bytes of the files under a directory, as `du --apparent-size` counts them. */
function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

// Issue 19: the embedded data directory after a first start. The demo-loaded template the
// suite already prepares is unpacked into a directory on disk, and the rollups are rebuilt
// there as a first start builds them (the bulk of its writes), followed by the start's checkpoint.
describe('the embedded data directory after the demo load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-size-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when the rollups are built and the start checkpoints, then the directory is under 250 MB and the WAL at its floor', async () => {
    const db = await openEmbedded({ dir, loadDataDir: new Blob([readFileSync(inject('embeddedTemplate'))]) });
    try {
      const { cubeRows } = await refreshRollup(db);
      expect(cubeRows).toBeGreaterThan(0);
      await checkpointEmbedded(db);
    } finally {
      await db.close();
    }
    const wal = dirBytes(join(dir, 'pgdata', 'pg_wal'));
    // min_wal_size = max_wal_size = 32 MB: two recycled 16 MB segments and the current one at most.
    expect(wal).toBeLessThanOrEqual(48 * MB);
    expect(dirBytes(dir)).toBeLessThan(250 * MB);
  }, 120_000);
});
