import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { leanPostgis, lookupExportsOnly } from '../../server/db/postgis-bundle.js';
import { wasmExports, wasmImports } from '../../server/db/wasm-exports.js';

/** The entries of a ustar archive: path and content. */
function entries(tar: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let at = 0; at + 512 <= tar.length; ) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(h.subarray(124, 136).toString().replace(/\0.*$/s, '').trim() || '0', 8);
    out.set(h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '').replace(/^\.\//, ''), tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

const LIBRARY = 'lib/postgresql/postgis-3.so';
let unpacked: Map<string, Buffer> | undefined;
/** The package's own bundle, unpacked once. */
const packageBundle = () =>
  (unpacked ??= entries(gunzipSync(readFileSync(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz')))));

describe('the trimmed PostGIS bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-postgis-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when made from the package, then it keeps the core library, its install scripts and PROJ data, and drops raster and topology', async () => {
    const ext = await leanPostgis(dir);
    const env = { PGLITE_ENV: {} as Record<string, unknown> };
    const { bundlePath } = await ext.setup({} as never, env);
    const lean = entries(gunzipSync(readFileSync(fileURLToPath(bundlePath as URL))));
    const names = [...lean.keys()];
    expect(names).toContain('lib/postgresql/postgis-3.so');
    expect(names).toContain('share/postgresql/extension/postgis.control');
    expect(names).toContain('share/proj/proj.db');
    expect(names.some((n) => /^share\/postgresql\/extension\/postgis--[\d.]+\.sql$/.test(n))).toBe(true);
    expect(names.filter((n) => /raster|topology|tiger|--ANY\.sql$/.test(n))).toEqual([]);
    expect(env.PGLITE_ENV.PROJ_DATA).toBe('/pglite/share/proj'); // the package's own settings still apply
    // Its library is the package's with only the exports something looks up (lookupExportsOnly).
    const library = lean.get(LIBRARY) as Buffer;
    // (Buffer.equals: a deep comparison of 16 MB byte by byte runs the worker out of memory.)
    expect(library.equals(lookupExportsOnly(packageBundle().get(LIBRARY) as Buffer))).toBe(true);
    expect(lean.get('share/proj/proj.db')?.equals(packageBundle().get('share/proj/proj.db') as Buffer)).toBe(true);
  });

  it("when the library's exports are cut to those looked up, then it stays valid and keeps every function PostgreSQL or the loader can ask for", () => {
    const so = packageBundle().get(LIBRARY) as Buffer;
    const cut = lookupExportsOnly(so);
    const before = wasmExports(so);
    const after = new Set(wasmExports(cut).map((e) => e.name));
    expect(WebAssembly.Module.exports(new WebAssembly.Module(new Uint8Array(cut))).map((e) => e.name)).toEqual([...after]);
    expect(after.size).toBeLessThan(before.length * 0.6); // 23,265 → 11,254 for PostGIS 3.6.2
    const names = new Set(before.map((e) => e.name));
    const needed = [
      ...before.filter((e) => e.kind !== 0).map((e) => e.name), // data and globals
      ...before.filter((e) => e.name.startsWith('pg_finfo_')).flatMap((e) => [e.name, e.name.slice('pg_finfo_'.length)]), // SQL-callable
      ...wasmImports(so).map((i) => i.name).filter((n) => names.has(n)), // its own GOT and env imports
      '_PG_init', 'Pg_magic_func', '__wasm_call_ctors', '__wasm_apply_data_relocs',
    ];
    expect(needed.filter((n) => !after.has(n))).toEqual([]);
    // The functions the install script defines are all there (AS '$libdir/postgis-3', 'symbol').
    const sql = [...packageBundle()].find(([p]) => /^share\/postgresql\/extension\/postgis--[\d.]+\.sql$/.test(p))?.[1].toString('utf8') ?? '';
    const symbols = [...sql.matchAll(/AS '\$libdir\/postgis-3', *'(\w+)'/g)].map((m) => m[1] as string);
    expect(symbols.length).toBeGreaterThan(400);
    expect(symbols.filter((n) => !after.has(n) || !after.has(`pg_finfo_${n}`))).toEqual([]);
  });
});
