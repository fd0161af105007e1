import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { filterExports, FUNC, wasmExports, wasmImports } from './wasm-exports.js';

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

/** A copy of a tar header block for `size` bytes of content, its checksum recomputed. */
function resized(header: Buffer, size: number): Buffer {
  const h = Buffer.from(header);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.fill(0x20, 148, 156); // the checksum counts its own field as spaces
  const sum = h.reduce((a, b) => a + b, 0);
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/**
 * The entries of a ustar archive whose path passes `keep`, as a new archive: tar blocks copied
 * as they are, except an entry `rewrite` returns new content for.
 */
export function filterTar(tar: Buffer, keep: (path: string) => boolean, rewrite?: (path: string, data: Buffer) => Buffer | undefined): Buffer {
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
    const name = path.replace(/^\.\//, '');
    if (keep(name)) {
      const content = rewrite?.(name, tar.subarray(at + BLOCK, at + BLOCK + size));
      if (!content) out.push(tar.subarray(at, at + span));
      else out.push(resized(h, content.length), content, Buffer.alloc(Math.ceil(content.length / BLOCK) * BLOCK - content.length));
    }
    at += span;
  }
  out.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(out);
}

const LIBRARY = 'lib/postgresql/postgis-3.so';

/**
 * The library with only the exports something looks up by name. PostgreSQL looks up two symbols
 * for every C function it defines or first calls (the function and its pg_finfo_ record), and
 * emscripten's dlsym finds one with Object.keys(exports).indexOf(name): ~4.5 ms over the
 * library's 23,265 exports, about 1,500 times in CREATE EXTENSION postgis (6 of its 6.7 s).
 * Kept: every export that is not a function; the functions PostgreSQL can call (those with a
 * pg_finfo_ record, and the records); those the library's own imports name (the loader resolves
 * an import, a function pointer of its GOT or a call through env, from the exports when nothing
 * else defines it); and the runtime's (__wasm_call_ctors, _PG_init, …). Dropped: 12,011
 * internals of GEOS, PROJ and libxml2 that nothing asks for by name. CREATE EXTENSION: 2.2 s.
 */
export function lookupExportsOnly(so: Buffer): Buffer {
  const imported = new Set(wasmImports(so).map((i) => i.name));
  const names = new Set(wasmExports(so).map((e) => e.name));
  return filterExports(so, ({ name, kind }) =>
    kind !== FUNC || imported.has(name) || name.startsWith('pg_finfo_') || names.has(`pg_finfo_${name}`) ||
    name.startsWith('__') || name.startsWith('_PG_') || name === 'Pg_magic_func',
  );
}

/** Changes when what leanPostgis makes of the package's bundle changes, and with it the cached file's name. */
const RECIPE = 'lean-3: KEEP, lookupExportsOnly';

/**
 * The postgis extension with a trimmed bundle, made once from the package's own (so it follows
 * its version) and kept in .cache/ (next to the test templates); nothing is downloaded.
 */
export async function leanPostgis(cacheDir: string): Promise<Extension> {
  const source = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');
  const bytes = readFileSync(source);
  const file = join(cacheDir, `postgis-${createHash('sha256').update(bytes).update(RECIPE).digest('hex').slice(0, 12)}.tar.gz`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    const tar = filterTar(gunzipSync(bytes), (p) => KEEP.some((re) => re.test(p)), (p, data) => (p === LIBRARY ? lookupExportsOnly(data) : undefined));
    const lean = gzipSync(tar, { level: 1 }); // made at a first start: 0.35 s less than level 6, read back as fast
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, lean);
    renameSync(tmp, file); // atomic: a concurrent start never reads half a bundle
  }
  return {
    name: 'postgis',
    setup: async (pg, emscriptenOpts) => ({ ...(await postgis.setup(pg, emscriptenOpts)), bundlePath: pathToFileURL(file) }),
  };
}
