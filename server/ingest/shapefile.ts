import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { FeatureCollection } from 'geojson';
import { read } from 'shapefile';
import { FileError } from './file-error.js';

/**
 * A zipped ESRI shapefile (.shp + .dbf, optionally .prj and .cpg) as a GeoJSON FeatureCollection,
 * read with the `shapefile` package. Coordinates are taken as they are: the .prj must say WGS 84
 * geographic (EPSG:4326) — there is no reprojection here, and a projected file (metres) would
 * otherwise be read as degrees and land nowhere near Zambia.
 */
export async function readShapefileZip(path: string): Promise<FeatureCollection> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(await readFile(path)));
  } catch (err) {
    throw new FileError('zip.invalid', `the file is not a readable ZIP archive (${(err as Error).message})`);
  }
  const names = Object.keys(files).filter((n) => !n.startsWith('__MACOSX/'));
  const shps = names.filter((n) => /\.shp$/i.test(n));
  if (shps.length !== 1) throw new FileError('shapefile.count', shps.length === 0 ? 'the ZIP holds no .shp file' : `the ZIP holds ${shps.length} .shp files (${shps.join(', ')}): zip one layer`);
  const base = (shps[0] as string).slice(0, -4);
  const part = (ext: string) => {
    const n = names.find((x) => x.toLowerCase() === `${base}.${ext}`.toLowerCase());
    return n === undefined ? undefined : files[n];
  };
  const dbf = part('dbf');
  if (!dbf) throw new FileError('shapefile.dbf', `the ZIP has ${base}.shp but no ${base}.dbf (the attributes: P-codes and names)`);
  const prj = part('prj');
  const wkt = prj ? Buffer.from(prj).toString('latin1') : '';
  if (prj && (/^\s*PROJCS/i.test(wkt) || !/^\s*GEOGCS\[[^\]]*WGS[ _]?(19)?84/i.test(wkt))) {
    throw new FileError('shapefile.projection', `${base}.prj is not WGS 84 longitude/latitude (EPSG:4326): reproject the layer first (QGIS: Export → Save Features As, CRS EPSG:4326)`);
  }
  const cpg = part('cpg');
  const encoding = cpg ? Buffer.from(cpg).toString('latin1').trim() || 'utf-8' : 'utf-8';
  try {
    return await read(toArrayBuffer(files[shps[0] as string] as Uint8Array), toArrayBuffer(dbf), { encoding });
  } catch (err) {
    throw new FileError('shapefile.invalid', `${base}.shp could not be read (${(err as Error).message})`);
  }
}

const toArrayBuffer = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

/** True when a ZIP (by its first bytes) holds a .shp rather than an Excel workbook. */
export async function isShapefileZip(path: string): Promise<boolean> {
  try {
    return Object.keys(unzipSync(new Uint8Array(await readFile(path)), { filter: (f) => /\.shp$/i.test(f.name) })).length > 0;
  } catch {
    return false;
  }
}
