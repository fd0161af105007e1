import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * BASEMAP=pmtiles:/path/to/file.pmtiles — a vector-tile archive the user copied onto the
 * machine (for example a Protomaps extract of Zambia and its neighbours). It is checked once at
 * start-up, so a wrong path or a file that is not a PMTiles v3 archive stops the server with one
 * line instead of a blank map later.
 */
export const PMTILES_PREFIX = 'pmtiles:';

/** Byte 0–6 'PMTiles', byte 7 the spec version (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md). */
export function pmtilesVersion(head: Uint8Array): number | null {
  const magic = new TextDecoder().decode(head.subarray(0, 7));
  return magic === 'PMTiles' && head.length >= 8 ? (head[7] ?? null) : null;
}

/** Absolute path of a valid v3 archive; throws an Error saying what is wrong with the file. */
export function checkArchive(setting: string): string {
  const path = resolve(setting.slice(PMTILES_PREFIX.length));
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch (err) {
    throw new Error(`cannot read ${path} (${err instanceof Error ? err.message : String(err)})`);
  }
  // The fixed header is 127 bytes; anything shorter cannot be an archive.
  if (size < 127) throw new Error(`${path} is too small to be a PMTiles archive (${size} bytes)`);
  const head = new Uint8Array(8);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  const version = pmtilesVersion(head);
  if (version === null) throw new Error(`${path} is not a PMTiles archive`);
  if (version !== 3) throw new Error(`${path} is PMTiles version ${version}; convert it to version 3 (pmtiles convert)`);
  return path;
}
