import type { Principal } from '../auth/roles.js';
import { computeAccess } from '../access/service.js';
import { accessQuery } from '../access/schemas.js';
import type { Queryable } from '../db/index.js';
import type { FlowFilter } from '../query/schemas.js';
import { hotspotsQuery } from '../hotspots/schemas.js';
import { computeHotspots } from '../hotspots/service.js';
import type { DisclosureConfig } from '../privacy/disclosure.js';

/**
 * The brief's optional analysis sections (issue 8 §1): top hot spots and top access gaps, from
 * the hotspot and access services. Both run as a viewer whatever the caller's role, so their
 * counts are suppressed as in any export.
 */
const asViewer = (p: Principal): Principal => ({ ...p, role: 'viewer' });
// The services take the query as a client sends it: lists of strings.
const asQuery = (f: FlowFilter) => ({ ...f, point: f.point?.map(String) });

const CONFIDENCE: Record<number, string> = { 3: '99%', 2: '95%', 1: '90%' };

export async function topHotspots(db: Queryable, principal: Principal, config: DisclosureConfig, f: FlowFilter, limit = 5) {
  const r = await computeHotspots(db, asViewer(principal), config, hotspotsQuery.parse({ ...asQuery(f), measure: 'movement' }));
  return r.cells
    .filter((c) => c.class > 0)
    .sort((a, b) => b.z - a.z)
    .slice(0, limit)
    .map((c) => ({ h3: c.h3, label: c.label, people: c.value, z: Math.round(c.z * 100) / 100, confidence: CONFIDENCE[c.class] ?? null }));
}

export async function topGaps(db: Queryable, principal: Principal, config: DisclosureConfig, f: FlowFilter, limit = 5) {
  const r = await computeAccess(db, asViewer(principal), config, accessQuery.parse({ ...asQuery(f), limit: String(limit) }));
  return r.gaps.map((g) => ({ rank: g.rank, h3: g.h3, label: g.label, gap: Math.round(g.gap * 10) / 10, text: g.text }));
}
