import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';

/**
 * What Corridor needs of the PostGIS bundle: the core library, its extension scripts (install,
 * not upgrades from 2.x) and PROJ's data. PGlite compiles every .so of a bundle at each start;
 * the package's also holds raster and topology (31 MB of WebAssembly we never load), which
 * nearly doubled the time to open the database (issue 19).
 */
const KEEP = [/^lib\/postgresql\/postgis-3\.so$/, /^share\/proj\//, /^share\/postgresql\/extension\/postgis(\.control|--[\d.]+\.sql|--ANY--[\d.]+\.sql)$/];

const BLOCK = 512;

function field(h: Buffer, at: number, len: number): string {
  const s = h.subarray(at, at + len);
  const end = s.indexOf(0);
  return s.subarray(0, end < 0 ? len : end).toString('utf8');
}

/** The entries of a ustar archive whose path passes `keep`, as a new archive (tar blocks copied as they are). */
export function filterTar(tar: Buffer, keep: (path: string) => boolean): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(field(h, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(h[156] ?? 0);
    if (type === 'x' || type === 'g' || type === 'L') throw new Error(`postgis bundle: tar extension header '${type}' is not handled`);
    const prefix = field(h, 345, 155);
    const path = (prefix ? `${prefix}/` : '') + field(h, 0, 100);
    const span = BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (keep(path.replace(/^\.\//, ''))) out.push(tar.subarray(at, at + span));
    at += span;
  }
  out.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(out);
}

/**
 * The postgis extension with a trimmed bundle, made once from the package's own (so it follows
 * its version) and kept in .cache/ (next to the test templates); nothing is downloaded.
 */
export async function leanPostgis(cacheDir: string): Promise<Extension> {
  const source = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');
  const bytes = readFileSync(source);
  const file = join(cacheDir, `postgis-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.tar.gz`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    const lean = gzipSync(filterTar(gunzipSync(bytes), (p) => KEEP.some((re) => re.test(p))));
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, lean);
    renameSync(tmp, file); // atomic: a concurrent start never reads half a bundle
  }
  return {
    name: 'postgis',
    setup: async (pg, emscriptenOpts) => ({ ...(await postgis.setup(pg, emscriptenOpts)), bundlePath: pathToFileURL(file) }),
  };
}
