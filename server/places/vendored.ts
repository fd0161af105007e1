import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import { z } from 'zod';
import type { Db } from '../db/types.js';
import { paths } from '../paths.js';
import { type AreaInput, replaceLevel } from './boundaries.js';

/**
 * The Zambian boundaries vendored under data/admin/ (see its SOURCES.md): provinces with COD-AB
 * P-codes, districts by name only, the national outline. Provinces and districts are loaded on
 * first start as levels 1 and 2 of admin_areas, each only while the database has none of that level
 * (the outline stays a file: a level-0 area would change how report countries are read, query/sites.ts): a set a data manager imported
 * (say, official district P-codes) is never overwritten by the vendored one.
 */
export const ADMIN_DIR = 'data/admin';
export const ATTRIBUTION =
  'Zambia administrative boundaries: DMMU / OCHA (COD-AB), CC BY 3.0 IGO; districts: geoBoundaries (Runfola et al. 2020), source DMMU / OCHA';

/** The project's own district code, marked as such: PRJ-ZM-<NAME>. Never mistaken for a COD-AB P-code (ZMnnnn). */
export function projectDistrictCode(name: string): string {
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z0-9]+/g, '');
  return `PRJ-ZM-${slug}`;
}

const geometry = z.custom<Geometry>((g) => typeof g === 'object' && g !== null && 'type' in g && 'coordinates' in g);
const collection = <P extends z.ZodType>(props: P) =>
  z.object({ features: z.array(z.object({ properties: props, geometry })) });
const provinces = collection(z.object({ ADM1_PCODE: z.string().regex(/^ZM\d{2}$/), ADM1_EN: z.string().min(1) }));
const districts = collection(z.object({ shapeName: z.string().min(1) }));

function read<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(join(paths.data, 'admin', file), 'utf8')));
  if (!parsed.success) throw new Error(`${ADMIN_DIR}/${file} is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The vendored areas of one level. */
export function vendoredAreas(level: 1 | 2): AreaInput[] {
  const base = { country: 'ZMB', pcodeOfficial: true, parentPcode: null };
  if (level === 1) {
    return read('zmb_adm1_provinces.geojson', provinces).features.map((f) => ({
      ...base, pcode: f.properties.ADM1_PCODE, name: f.properties.ADM1_EN, level, geometry: f.geometry,
    }));
  }
  return read('zmb_adm2_districts.geojson', districts).features.map((f) => ({
    ...base, pcode: projectDistrictCode(f.properties.shapeName), name: f.properties.shapeName, level, pcodeOfficial: false, geometry: f.geometry,
  }));
}

const FILES = { 1: 'zmb_adm1_provinces.geojson', 2: 'zmb_adm2_districts.geojson' } as const;

/** Loads each vendored level the database has no areas of (an ordinary start: one count, no write). */
export async function loadVendoredBoundaries(db: Db): Promise<void> {
  const have = await db.query<{ level: number }>('SELECT DISTINCT level FROM admin_areas WHERE level IN (1, 2)');
  const missing = ([1, 2] as const).filter((l) => !have.some((h) => h.level === l));
  if (missing.length === 0) return;
  await db.transaction(async (tx) => {
    for (const level of missing) await replaceLevel(tx, level, vendoredAreas(level), `${ADMIN_DIR}/${FILES[level]}`);
  });
}
