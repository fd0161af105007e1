import { z } from 'zod';
import type { Queryable } from '../db/index.js';
import { iso3 } from '../http/schemas.js';
import { type Collection, defineCollection, type OgcFeature } from './collection.js';
import { type AdminRow, adminExtent, adminLevels, adminPage } from './sql.js';

/**
 * Admin areas (provinces, districts … with their P-codes), one collection per level present in
 * admin_areas: `admin-areas-1`, `admin-areas-2`. Reference boundaries, viewer level.
 */
const PREFIX = 'admin-areas-';
const LEVEL_NAMES = ['countries', 'provinces', 'districts', 'constituencies', 'wards'];
const pcode = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'expected a P-code such as ZM10');

function toFeature({ geometry, ...properties }: AdminRow): OgcFeature {
  return { type: 'Feature', id: properties.pcode, geometry: JSON.parse(geometry) as OgcFeature['geometry'], properties };
}

function adminCollection(level: number, areas: number): Collection {
  return defineCollection({
    id: `${PREFIX}${level}`,
    title: `Admin areas, level ${level} (${LEVEL_NAMES[level] ?? 'areas'})`,
    description: `The ${areas} administrative areas of level ${level} loaded into Corridor, by P-code.`,
    geometry: 'MultiPolygon',
    idType: 'string',
    properties: {
      pcode: { type: 'string', description: 'P-code' },
      name: { type: 'string', description: 'name' },
      level: { type: 'integer', description: 'admin level (0 country … 4)' },
      parentPcode: { type: 'string', description: 'P-code of the area one level up', nullable: true },
      country: { type: 'string', description: 'ISO 3166-1 alpha-3 country code' },
    },
    filters: { country: iso3.optional(), parentPcode: pcode.optional() },
    items: async ({ db }, q) => {
      const { rows, matched } = await adminPage(db, { ...q, level }, q);
      return { features: rows.map(toFeature), matched };
    },
    item: async ({ db }, id, q) => {
      const { rows } = await adminPage(db, { ...q, level, pcode: id }, { limit: 1, offset: 0 });
      return rows[0] ? toFeature(rows[0]) : null;
    },
    extent: async ({ db }) => ({ bbox: await adminExtent(db, level), interval: null }),
  });
}

/** One collection per level present. */
export async function adminCollections(db: Queryable): Promise<Collection[]> {
  return (await adminLevels(db)).map((l) => adminCollection(l.level, l.areas));
}

/** The collection of an id such as admin-areas-2, when that level has areas. */
export async function findAdminCollection(db: Queryable, id: string): Promise<Collection | null> {
  const m = /^admin-areas-([0-4])$/.exec(id);
  if (!m) return null;
  const level = (await adminLevels(db)).find((l) => l.level === Number(m[1]));
  return level ? adminCollection(level.level, level.areas) : null;
}
