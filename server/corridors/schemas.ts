import { CORRIDOR_CODE } from '../../common/vocabulary.js';
import { z } from 'zod';
// period.ts, not query/schemas.ts: the query schemas import the corridor codes from here.
import { isIsoDate } from '../query/period.js';

const isoDate = z.string().refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');

/** A corridor's code: a lower-case slug, immutable once created (rows and alert rules name it). */
export const corridorCode = z.string().regex(CORRIDOR_CODE, 'expected a lower-case code such as chirundu (letters, digits, _)');

/** `a,b` or repeated parameters → corridor codes (checked against the table by the service). */
export const csvCorridors = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()))])
  .pipe(z.array(corridorCode).min(1).max(100));

const fields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).nullable(),
  colour: z.string().regex(/^#[0-9a-f]{6}$/, 'expected a colour #rrggbb in lower case'),
  districts: z.array(z.string().trim().min(1).max(100)).max(50),
  activeFrom: isoDate.nullable(),
  activeTo: isoDate.nullable(),
};

type Period = { activeFrom?: string | null | undefined; activeTo?: string | null | undefined };
const period = (v: Period, ctx: z.RefinementCtx) => {
  if (v.activeFrom && v.activeTo && v.activeFrom > v.activeTo) ctx.addIssue({ code: 'custom', path: ['activeTo'], message: `is before activeFrom (${v.activeFrom})` });
};

const base = z.strictObject({
  code: corridorCode,
  name: fields.name,
  description: fields.description.optional(),
  colour: fields.colour.optional(),
  districts: fields.districts.optional(),
  activeFrom: fields.activeFrom.optional(),
  activeTo: fields.activeTo.optional(),
});

export const corridorBody = base.superRefine(period);
export type CorridorBody = z.infer<typeof corridorBody>;

// No `code`: the strict object makes { code } a 400 naming body.code (codes never change).
export const corridorPatch = base.omit({ code: true }).partial().superRefine(period);
export type CorridorPatch = z.infer<typeof corridorPatch>;

export const codeParams = z.strictObject({ code: corridorCode });
