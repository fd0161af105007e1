import { z } from 'zod';
import { MEASURES, type Measure, RES_RANGE } from '../../common/analysis.js';
import { AGES, DIRECTIONS, REASONS, SEXES, TRANSPORT_MODES, VULNERABILITIES } from '../../common/vocabulary.js';
import { csvCorridors } from '../corridors/schemas.js';
import { csvEnum, iso3 } from '../http/schemas.js';
import { isIsoDate } from './period.js';

/**
 * The request parameters every query over observations and reports takes: the flow filters
 * (flows, hotspots, access, outreach demand, exports and briefs all select people the same
 * way) and the measure counted at each site (hotspots, access, outreach).
 */
export const isoDate = z.string().refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');

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
/** Admin-area P-codes: COD-AB (ZM90, ZM9001) or the project's marked district codes (PRJ-ZM-SESHEKE). */
export const pcode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/, 'expected a P-code such as ZM90');
const csvPcodes = csvList.pipe(z.array(pcode).min(1).max(200));


// Unknown parameters are rejected (strictObject): a typo such as `nationalty=ETH` must be a 400,
// not a silently unfiltered map.
export const filterShape = {
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
  // Where: the monitoring points of corridors, provinces (adm1) or districts (adm2).
  corridor: csvCorridors.optional(),
  adm1: csvPcodes.optional(),
  adm2: csvPcodes.optional(),
};

type Checked = { from?: string | undefined; to?: string | undefined; sex?: string | undefined; age?: string | undefined };

/** Checks that need two parameters at once; each issue names the parameter to change. */
export function crossCheck(v: Checked, ctx: z.RefinementCtx): void {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${v.to})` });
  if (v.sex && v.age) {
    // The registry counts sex and age in separate columns (no female-children column), so
    // "female children" cannot be answered exactly.
    ctx.addIssue({ code: 'custom', path: ['age'], message: 'cannot be combined with sex: sex and age are counted separately' });
  }
}

export const flowFilterQuery = z.strictObject(filterShape).superRefine(crossCheck);
export type FlowFilter = z.infer<typeof flowFilterQuery>;

// What is counted per site: common/analysis.ts (the client offers the same list).
export const measure = z.enum(MEASURES).default('movement');

/** H3 resolution of analysis cells: 6 (~36 km² cells) … 9 (~0.1 km²). */
export const res = z.coerce.number().int().min(RES_RANGE[0]).max(RES_RANGE[1]).default(8);

/** Flow filters that have no meaning for protection reports, which carry only a date and a point. */
const NOT_FOR_REPORTS = ['direction', 'sex', 'age', 'nationality', 'transport', 'reason', 'vulnerability'] as const;


type MeasureChecked = { measure: Measure; sex?: string | undefined; age?: string | undefined } & Partial<Record<(typeof NOT_FOR_REPORTS)[number], unknown>>;

/** Filters a measure cannot honour are a 400 naming them, never silently ignored. */
export function measureCheck(v: MeasureChecked, ctx: z.RefinementCtx): void {
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

/** Whatever selects sites: a measure and the flow filters. */
export type SiteQuery = FlowFilter & { measure: Measure };
