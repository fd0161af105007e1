import { SITE_KINDS } from '../../common/vocabulary.js';
import { csvCorridors } from '../corridors/schemas.js';
import { csvEnum } from '../http/schemas.js';
import { ACTIVITY_TYPES, type PlanSummary } from '../../common/outreach.js';
import { findPlan, listPlans } from '../outreach/service.js';
import { type Collection, type Ctx, defineCollection, type OgcFeature, pageOf, round6 } from './collection.js';

/**
 * The chosen sites of each saved outreach plan, one collection per plan (`outreach-plan-12`):
 * QGIS lists collections, so a plan is one click there rather than a parameter to type. The
 * plan is read through outreach's findPlan, so its counts are published for the caller's role.
 */
const PREFIX = 'outreach-plan-';
type PublishedSite = NonNullable<Awaited<ReturnType<typeof findPlan>>>['sites'][number];
/** Newest plans listed under /collections; older ones stay reachable by id. */
export const PLANS_LISTED = 100;

function toFeature(s: PublishedSite): OgcFeature {
  return {
    type: 'Feature',
    id: s.rank,
    geometry: { type: 'Point', coordinates: [round6(s.lon), round6(s.lat)] },
    properties: {
      rank: s.rank, siteId: s.siteId, name: s.name, kind: s.kind, corridor: s.corridor, activity: s.activity, radiusKm: s.radiusKm,
      reachM: Math.round(s.reachM), cost: s.cost, locked: s.locked,
      gain: s.gain.count, gainSuppressed: s.gain.suppressed, people: s.people.count, peopleSuppressed: s.people.suppressed,
    },
  };
}

const count = (description: string) => ({ type: 'integer' as const, description: `${description}; null when suppressed`, nullable: true });
const flag = (description: string) => ({ type: 'boolean' as const, description });

function planCollection(plan: Pick<PlanSummary, 'id' | 'name' | 'from' | 'to'>): Collection {
  const sites = async ({ primary, principal, config }: Ctx) => (await findPlan(primary, plan.id, principal, config))?.sites ?? [];
  return defineCollection({
    id: `${PREFIX}${plan.id}`,
    title: `Outreach plan ${plan.id}: ${plan.name}`,
    description: `Sites chosen by saved outreach plan ${plan.id} (${plan.from} to ${plan.to}), in the order chosen.`,
    geometry: 'Point',
    idType: 'integer',
    properties: {
      rank: { type: 'integer', description: 'order of choice' }, siteId: { type: 'integer', description: 'outreach site id' },
      name: { type: 'string', description: 'site name' }, kind: { type: 'string', description: 'kind of site', enum: SITE_KINDS },
      corridor: { type: 'string', description: 'corridor code' }, activity: { type: 'string', description: 'activity', enum: ACTIVITY_TYPES },
      radiusKm: { type: 'number', description: 'reach of the activity (km)' }, reachM: { type: 'integer', description: 'straight-line reach tested (m)' },
      cost: { type: 'number', description: 'cost of the activity' }, locked: flag('kept by the planner'),
      gain: count('demand the site adds'), gainSuppressed: flag('gain suppressed'),
      people: count('people the site newly covers'), peopleSuppressed: flag('people suppressed'),
    },
    filters: { kind: csvEnum(SITE_KINDS).optional(), corridor: csvCorridors.optional(), activity: csvEnum(ACTIVITY_TYPES).optional() },
    items: async (ctx, q) => {
      const kept = (await sites(ctx)).filter(
        (s) => (!q.kind || q.kind.includes(s.kind)) && (!q.corridor || q.corridor.includes(s.corridor)) && (!q.activity || q.activity.includes(s.activity)),
      );
      return pageOf(kept.map(toFeature), q);
    },
    item: async (ctx, id) => {
      const site = (await sites(ctx)).find((s) => String(s.rank) === id);
      return site ? toFeature(site) : null;
    },
    extent: async (ctx) => {
      const s = await sites(ctx);
      const xs = s.map((x) => x.lon);
      const ys = s.map((x) => x.lat);
      return { bbox: s.length ? [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] : null, interval: [plan.from, plan.to] };
    },
  });
}

export async function planCollections(ctx: Ctx): Promise<Collection[]> {
  return (await listPlans(ctx.primary, PLANS_LISTED, 0)).map(planCollection);
}

export async function findPlanCollection(ctx: Ctx, id: string): Promise<Collection | null> {
  const m = /^outreach-plan-([1-9]\d{0,9})$/.exec(id);
  if (!m || Number(m[1]) > 2_147_483_647) return null;
  const plan = await findPlan(ctx.primary, Number(m[1]), ctx.principal, ctx.config);
  return plan ? planCollection({ id: plan.id, name: plan.name, from: plan.period.from, to: plan.period.to }) : null;
}
