import { z } from 'zod';
import { DIRECTIONS, REASONS, TRANSPORT_MODES, VULNERABILITIES } from '../domain.js';
import { csvEnum, iso3 } from '../http/schemas.js';
import { isIsoDate } from './period.js';

const isoDate = z.string().refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');

/** `a,b` or repeated parameters → a de-duplicated list of trimmed strings. */
const csvList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()))]);
const csvIso3 = csvList.pipe(z.array(iso3).min(1).max(100));
const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'expected a positive integer id')
  .transform(Number)
  .pipe(z.number().max(2_147_483_647));
const csvIds = csvList.pipe(z.array(id).min(1).max(100));

export const SEXES = ['female', 'male'] as const;
export const AGES = ['children', 'adults'] as const;
export const LEVELS = ['place', 'point', 'admin', 'country'] as const;
export const BUCKETS = ['day', 'week', 'month'] as const;
export const BREAKDOWN_DIMS = ['sex', 'age', 'nationality', 'transport', 'reason', 'vulnerability'] as const;

// Every flows endpoint takes these. Unknown parameters are rejected (strictObject): a typo such
// as `nationalty=ETH` must be a 400, not a silently unfiltered map.
const filterShape = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  direction: csvEnum(DIRECTIONS).optional(),
  sex: z.enum(SEXES).optional(),
  age: z.enum(AGES).optional(),
  nationality: csvIso3.optional(),
  transport: csvEnum(TRANSPORT_MODES).optional(),
  reason: csvEnum(REASONS).optional(),
  vulnerability: csvEnum(VULNERABILITIES).optional(),
  point: csvIds.optional(),
};

type Checked = { from?: string | undefined; to?: string | undefined; sex?: string | undefined; age?: string | undefined };

/** Checks that need two parameters at once; each issue names the parameter to change. */
function crossCheck(v: Checked, ctx: z.RefinementCtx): void {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${v.to})` });
  if (v.sex && v.age) {
    // The registry counts sex and age in separate columns (no female-children column), so
    // "female children" cannot be answered exactly.
    ctx.addIssue({ code: 'custom', path: ['age'], message: 'cannot be combined with sex: sex and age are counted separately' });
  }
}

export const flowFilterQuery = z.strictObject(filterShape).superRefine(crossCheck);

export const flowsQuery = z
  .strictObject({
    ...filterShape,
    level: z.enum(LEVELS).default('place'),
    /** With level=admin: only areas of this level (else the finest area holding the place). */
    adminLevel: z.coerce.number().int().min(0).max(4).optional(),
  })
  .superRefine(crossCheck);

export const timeseriesQuery = z.strictObject({ ...filterShape, bucket: z.enum(BUCKETS).default('day') }).superRefine(crossCheck);

export const breakdownsQuery = z.strictObject({ ...filterShape, by: csvEnum(BREAKDOWN_DIMS).optional() }).superRefine(crossCheck);

export const corridorsQuery = z
  .strictObject({
    ...filterShape,
    // The middle of a corridor is always the monitoring point, so `point` is no level here.
    level: z.enum(['place', 'admin', 'country']).default('place'),
    adminLevel: z.coerce.number().int().min(0).max(4).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(20),
  })
  .superRefine(crossCheck);

export const crossingsQuery = flowFilterQuery;

export type FlowFilter = z.infer<typeof flowFilterQuery>;
export type FlowsQuery = z.infer<typeof flowsQuery>;
export type TimeseriesQuery = z.infer<typeof timeseriesQuery>;
export type BreakdownsQuery = z.infer<typeof breakdownsQuery>;
export type CorridorsQuery = z.infer<typeof corridorsQuery>;
export type Level = (typeof LEVELS)[number];
export type Bucket = (typeof BUCKETS)[number];
export type BreakdownDim = (typeof BREAKDOWN_DIMS)[number];
