import { z } from 'zod';
import { flowFilterQuery } from '../flows/schemas.js';
import { bbox } from '../http/schemas.js';

/**
 * What is counted per cell:
 * - movement: people observed (total, or the sex/age part the filters ask for);
 * - vulnerable: people in groups recorded with at least one vulnerability;
 * - unaccompanied: unaccompanied children;
 * - informal: people observed at informal crossings (the registry has no per-person
 *   regular/irregular flag; the crossing point's kind is the honest proxy);
 * - reports: protection reports (incidents / referral cases), at their own points.
 */
export const MEASURES = ['movement', 'vulnerable', 'unaccompanied', 'informal', 'reports'] as const;
export type Measure = (typeof MEASURES)[number];

/** Flow filters that have no meaning for protection reports, which carry only a date and a point. */
const NOT_FOR_REPORTS = ['direction', 'sex', 'age', 'nationality', 'transport', 'reason', 'vulnerability'] as const;

const measure = z.enum(MEASURES).default('movement');
/** H3 resolution 6 (~36 km² cells) … 9 (~0.1 km²). */
export const res = z.coerce.number().int().min(6).max(9).default(8);
/** Neighbourhood: H3 k-ring 1…3. */
const k = z.coerce.number().int().min(1).max(3).default(1);

type Checked = { measure: Measure; sex?: string | undefined; age?: string | undefined } & Partial<Record<(typeof NOT_FOR_REPORTS)[number], unknown>>;

/** Filters a measure cannot honour are a 400 naming them, never silently ignored. */
export function measureCheck(v: Checked, ctx: z.RefinementCtx): void {
  if (v.measure === 'reports') {
    for (const f of NOT_FOR_REPORTS) {
      if (v[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'does not apply to measure=reports (reports carry only a date and a point)' });
    }
  }
  if (v.measure === 'unaccompanied') {
    // Unaccompanied children are counted in one column without sex, and are all children.
    for (const f of ['sex', 'age'] as const) {
      if (v[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'cannot be combined with measure=unaccompanied' });
    }
  }
}

export const hotspotsQuery = flowFilterQuery.extend({ measure, res, k }).superRefine(measureCheck);

export const STEPS = ['week', 'month'] as const;
export const emergingQuery = flowFilterQuery.extend({ measure, res, k, step: z.enum(STEPS).default('week') }).superRefine(measureCheck);

export const kdeQuery = flowFilterQuery
  .extend({
    measure,
    /** Kernel radius h in metres. */
    bandwidth: z.coerce.number().min(500).max(50_000).default(5_000),
    /** Grid cell size in metres; default h/4, coarser when the area would need too many cells. */
    cell: z.coerce.number().min(100).max(50_000).optional(),
    bbox: bbox.optional(),
  })
  .superRefine(measureCheck);

export type HotspotsQuery = z.infer<typeof hotspotsQuery>;
export type EmergingQuery = z.infer<typeof emergingQuery>;
export type KdeQuery = z.infer<typeof kdeQuery>;
/** Whatever selects sites: a measure and the flow filters. */
export type SiteQuery = Pick<HotspotsQuery, 'measure' | 'from' | 'to' | 'direction' | 'sex' | 'age' | 'nationality' | 'transport' | 'reason' | 'vulnerability' | 'point'>;
