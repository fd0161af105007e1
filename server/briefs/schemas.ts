import { z } from 'zod';
import { ORIENTATIONS, PAPERS, SECTIONS } from '../../common/briefs.js';
import { indicatorCode } from '../awareness/schemas.js';
import { flowsQuery } from '../flows/schemas.js';

// Papers, orientations, sections and paper sizes are shared with the composer: common/briefs.ts.

const oneLine = (max: number) => z.string().trim().max(max).regex(/^[^\r\n]*$/, 'must be a single line');
const sectionList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.enum(SECTIONS)).max(SECTIONS.length));

/**
 * The view a brief starts from: the flows filters (same names and rules as /flows) plus the
 * map viewport and an optional saved outreach plan.
 */
const viewShape = {
  ...flowsQuery.shape,
  lat: z.coerce.number().min(-85).max(85).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  zoom: z.coerce.number().min(2).max(18).optional(),
  plan: z.string().regex(/^[1-9]\d{0,9}$/, 'expected a positive integer id').transform(Number).optional(),
};

/** What the author chooses on top of the view. */
const optionShape = {
  title: oneLine(120).default('Mixed-migration flows brief'),
  subtitle: oneLine(200).optional(),
  notes: z.string().trim().max(2000).optional(),
  sections: sectionList.optional(),
  /** The awareness section's indicator and survey (defaults: would_report, the newest survey). */
  awareness: indicatorCode.optional(),
  awarenessSurvey: z.string().regex(/^[1-9]\d{0,9}$/, 'expected a positive integer id').transform(Number).optional(),
  paper: z.enum(PAPERS).default('A4'),
  orientation: z.enum(ORIENTATIONS).default('portrait'),
};

type Checked = { from?: string | undefined; to?: string | undefined; sex?: string | undefined; age?: string | undefined };
function crossCheck(v: Checked, ctx: z.RefinementCtx): void {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${v.to})` });
  if (v.sex && v.age) ctx.addIssue({ code: 'custom', path: ['age'], message: 'cannot be combined with sex: sex and age are counted separately' });
}

export const briefViewSchema = z.strictObject(viewShape).superRefine(crossCheck);

/** GET /briefs/data and the print page: view and options as one flat query string. */
export const briefQuery = z.strictObject({ ...viewShape, ...optionShape }).superRefine(crossCheck);

/** POST /briefs: `{ view: {…}, title, …, paper, orientation }`; ?format=pdf|png. */
export const briefBody = z.strictObject({ view: briefViewSchema.default({ level: 'place' }), ...optionShape });
export const briefFormatQuery = z.strictObject({ format: z.enum(['pdf', 'png']).default('pdf') });

export type BriefQuery = z.infer<typeof briefQuery>;
export type BriefBody = z.infer<typeof briefBody>;
