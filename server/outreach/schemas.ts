import { z } from 'zod';
import { indicatorCode } from '../awareness/schemas.js';
import { SITE_KINDS } from '../../common/vocabulary.js';
import { corridorCode } from '../corridors/schemas.js';
import { flowFilterQuery, isoDate } from '../query/schemas.js';
import {
  ACTIVITY_TYPES, type ActivityBody, type ActivityType, DELIVERED_TYPES, MAX_NOTES, MAX_P, MAX_REACH, MAX_SITE_IDS, METHODS, PLAN_MEASURES as MEASURES,
  type PlanMeasure as Measure, RADIUS_BOUNDS, TIME_LIMIT_MS,
} from '../../common/outreach.js';
import { type ActivityOverride, resolveActivities } from './activities.js';

// What demand counts, the methods and the bounds are shared with the planner (common/outreach.ts).

const siteId = z.number().int().min(1).max(2_147_483_647);
const siteIds = z
  .array(siteId)
  .max(MAX_SITE_IDS)
  .refine((ids) => new Set(ids).size === ids.length, 'lists a site twice');

// The flow filters exactly as the flow endpoints take them (server/query/schemas.ts), minus the
// dates, which are `period` here. JSON numbers are accepted for point ids.
const { from: _from, to: _to, ...filterShape } = flowFilterQuery.shape;
const filters = z.preprocess(
  (v) => (v && typeof v === 'object' && 'point' in v && Array.isArray(v.point) ? { ...v, point: v.point.map(String) } : v),
  z.strictObject(filterShape),
);

function activityOf<const T extends ActivityType>(type: T) {
  const [min, max] = RADIUS_BOUNDS[type];
  return z.strictObject({
    type: z.literal(type),
    radiusKm: z.number().min(min).max(max).optional(),
    detour: z.number().min(1).max(3).optional(),
    cost: z.number().min(0).max(10_000_000).optional(),
    siteKinds: z.array(z.enum(SITE_KINDS)).max(SITE_KINDS.length).optional(),
  });
}
const activity = z.discriminatedUnion('type', [activityOf('drama'), activityOf('road_show'), activityOf('community_meeting')]);

export const planBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    measure: z.enum(MEASURES),
    period: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }).default({}),
    filters: filters.default({}),
    /** How far each monitoring point's count is spread over H3 cells (0: its own cell only). */
    demand: z
      .strictObject({ spreadKm: z.number().min(0).max(10).default(3), res: z.number().int().min(7).max(9).default(8) })
      .default({ spreadKm: 3, res: 8 }),
    weighting: z
      .strictObject({ accessGaps: z.boolean().default(false), lowAwareness: z.boolean().default(false) })
      .default({ accessGaps: false, lowAwareness: false }),
    /** The survey (default: the newest) and indicator (default: exposure) lowAwareness weights by. */
    awareness: z
      .strictObject({ surveyId: z.number().int().positive().max(2_147_483_647).optional(), indicator: indicatorCode.optional() })
      .default({}),
    sites: z
      .strictObject({ kinds: z.array(z.enum(SITE_KINDS)).min(1).optional(), corridors: z.array(corridorCode).min(1).optional() })
      .default({}),
    activities: z.array(activity).max(ACTIVITY_TYPES.length).default([]),
    p: z.number().int().min(1).max(MAX_P).optional(),
    budget: z.number().positive().max(1e12).optional(),
    locked: siteIds.default([]),
    excluded: siteIds.default([]),
    method: z.enum(METHODS).default('greedy'),
    timeLimitMs: z.number().int().min(TIME_LIMIT_MS.min).max(TIME_LIMIT_MS.max).default(TIME_LIMIT_MS.default),
  })
  .superRefine(crossCheck);

type Checked = {
  measure: Measure;
  period: { from?: string | undefined; to?: string | undefined };
  filters: { sex?: string | undefined; age?: string | undefined };
  activities: { type: ActivityType; siteKinds?: string[] | undefined }[];
  p?: number | undefined;
  budget?: number | undefined;
  locked: number[];
  excluded: number[];
};

/** Checks spanning fields; each issue names the field to change. */
function crossCheck(b: Checked, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (b.p === undefined && b.budget === undefined) issue(['p'], 'give p (number of sites) or budget');
  if (b.p !== undefined && b.budget !== undefined) issue(['budget'], 'give p or budget, not both');
  if (b.p !== undefined && b.locked.length > b.p) issue(['locked'], `${b.locked.length} locked sites exceed p = ${b.p}`);
  const both = b.locked.find((id) => b.excluded.includes(id));
  if (both !== undefined) issue(['excluded'], `site ${both} is also locked`);
  if (b.period.from && b.period.to && b.period.from > b.period.to) issue(['period', 'from'], `must not be after to (${b.period.to})`);
  if (b.filters.sex && b.filters.age) issue(['filters', 'age'], 'cannot be combined with sex: sex and age are counted separately');
  if (b.measure === 'unaccompanied') {
    // Unaccompanied children are one column, without sex, and are all children.
    for (const f of ['sex', 'age'] as const) if (b.filters[f]) issue(['filters', f], 'cannot be combined with measure=unaccompanied');
  }
  const seenType = new Set<string>();
  b.activities.forEach((a, i) => {
    if (seenType.has(a.type)) issue(['activities', i, 'type'], `${a.type} is listed twice`);
    seenType.add(a.type);
  });
  // A kind hosts one activity, counting the defaults of the types the request leaves alone.
  const hosts = new Map<string, ActivityType[]>();
  for (const spec of resolveActivities(b.activities as ActivityOverride[])) {
    for (const kind of spec.siteKinds) hosts.set(kind, [...(hosts.get(kind) ?? []), spec.type]);
  }
  for (const [kind, types] of hosts) {
    if (types.length < 2) continue;
    const i = b.activities.findIndex((a) => a.siteKinds?.includes(kind));
    issue(['activities', Math.max(i, 0), 'siteKinds'], `${kind} would host ${types.join(' and ')}; a kind hosts one activity`);
  }
}

export type PlanBody = z.infer<typeof planBody>;

export const planIdParams = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const EXPORT_FORMATS = ['json', 'csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const planExportParams = planIdParams.extend({ format: z.enum(['csv', 'geojson']) });
export const planGetQuery = z.strictObject({ format: z.enum(EXPORT_FORMATS).default('json') });
export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const compareQuery = z.strictObject({ a: planIdParams.shape.id, b: planIdParams.shape.id });

export const activityBody = z.strictObject({
  siteId,
  date: isoDate,
  type: z.enum(DELIVERED_TYPES),
  reach: z.number().int().min(0).max(MAX_REACH),
  notes: z.string().trim().max(MAX_NOTES).optional(),
}) satisfies z.ZodType<ActivityBody>;
export type { ActivityBody };
