import { z } from 'zod';
import { positiveId } from '../http/schemas.js';
import { KINDS, type Kind, MODES } from './fields.js';
import { KIND_SPECS } from './kinds.js';
import { isIsoDay } from './values.js';

const isoDate = z.string().refine(isIsoDay, 'expected a calendar date YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

/** `{"date": "Survey date", "total": "#affected"}`: field → header or HXL tag. */
const mapping = z
  .string()
  .max(10_000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a JSON object of field → column header or HXL tag' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.string().min(1).max(200)));

/**
 * The form fields of POST /imports (multipart, so every value arrives as text). Unknown
 * fields are refused: a misspelt `licence` must not silently drop provenance.
 */
export const importFields = z
  .strictObject({
    kind: z.enum(KINDS),
    mode: z.enum(MODES).default('all-or-nothing'),
    /** The dataset's name (default: the file name). */
    dataset: text(200).optional(),
    /** Append to this existing dataset instead of creating one. */
    datasetId: positiveId.optional(),
    sourceOrg: text(200).optional(),
    method: text(200).optional(),
    licence: text(200).optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    /** XLSX: the sheet to read (default: the first). */
    sheet: text(100).optional(),
    mapping: mapping.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart && v.periodEnd && v.periodStart > v.periodEnd) {
      ctx.addIssue({ code: 'custom', path: ['periodStart'], message: `must not be after periodEnd (${v.periodEnd})` });
    }
    const known = new Set(KIND_SPECS[v.kind as Kind].fields.map((f) => f.name));
    for (const key of Object.keys(v.mapping ?? {})) {
      if (!known.has(key)) ctx.addIssue({ code: 'custom', path: ['mapping'], message: `${key} is not a field of ${v.kind} (fields: ${[...known].join(', ')})` });
    }
  });

export type ImportFields = z.infer<typeof importFields>;

export const idParams = z.strictObject({ id: positiveId });
