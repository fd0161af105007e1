import { adminCollections, findAdminCollection } from './admin-areas.js';
import { ANALYSIS_COLLECTIONS } from './analyses.js';
import { CATALOG_COLLECTIONS } from './catalog-layers.js';
import type { Collection, Ctx } from './collection.js';
import { findPlanCollection, planCollections } from './plans.js';

/**
 * Every collection: the catalog layers and the analyses always; one per admin level present;
 * one per saved outreach plan. Looking one up by id never lists the others.
 */
const STATIC = new Map([...CATALOG_COLLECTIONS, ...ANALYSIS_COLLECTIONS].map((c) => [c.id, c]));

export const staticCollections = (): Collection[] => [...STATIC.values()];

export async function listCollections(ctx: Ctx): Promise<Collection[]> {
  const [admin, plans] = await Promise.all([adminCollections(ctx.db), planCollections(ctx)]);
  return [...CATALOG_COLLECTIONS, ...admin, ...ANALYSIS_COLLECTIONS, ...plans];
}

export async function findCollection(ctx: Ctx, id: string): Promise<Collection | null> {
  return STATIC.get(id) ?? (await findAdminCollection(ctx.db, id)) ?? (await findPlanCollection(ctx, id));
}
