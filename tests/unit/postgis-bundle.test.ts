import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { leanPostgis } from '../../server/db/postgis-bundle.js';

/** The paths of a ustar archive's entries. */
function entries(tar: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    names.push(h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, ''));
    at += 512 + Math.ceil(parseInt(h.subarray(124, 136).toString().replace(/\0.*$/s, '').trim() || '0', 8) / 512) * 512;
  }
  return names;
}

describe('the trimmed PostGIS bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-postgis-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when made from the package, then it keeps the core library, its install scripts and PROJ data, and drops raster and topology', async () => {
    const ext = await leanPostgis(dir);
    const env = { PGLITE_ENV: {} as Record<string, unknown> };
    const { bundlePath } = await ext.setup({} as never, env);
    const names = entries(gunzipSync(readFileSync(fileURLToPath(bundlePath as URL))));
    expect(names).toContain('lib/postgresql/postgis-3.so');
    expect(names).toContain('share/postgresql/extension/postgis.control');
    expect(names).toContain('share/proj/proj.db');
    expect(names.some((n) => /^share\/postgresql\/extension\/postgis--[\d.]+\.sql$/.test(n))).toBe(true);
    expect(names.filter((n) => /raster|topology|tiger|--ANY\.sql$/.test(n))).toEqual([]);
    expect(env.PGLITE_ENV.PROJ_DATA).toBe('/pglite/share/proj'); // the package's own settings still apply
  });
});
