import { z } from 'zod';
import { positiveId } from '../http/schemas.js';
import { KINDS, type Kind, MODES } from './fields.js';
import { KIND_SPECS } from './kinds.js';
import { recipeSchema } from './recipe.js';
import { isIsoDay } from './values.js';

const isoDate = z.string().refine(isIsoDay, 'expected a calendar date YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

/** A form field holding JSON, parsed and then checked by `schema`. */
const jsonField = <S extends z.ZodType>(schema: S, expected: string, max: number) =>
  z
    .string()
    .max(max)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `expected ${expected}` });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** `{"date": "Survey date", "total": "#affected"}`: field → header or HXL tag. */
const mapping = jsonField(z.record(z.string(), z.string().min(1).max(200)), 'a JSON object of field → column header or HXL tag', 10_000);

/**
 * The form fields of POST /imports (multipart, so every value arrives as text). Unknown
 * fields are refused: a misspelt `licence` must not silently drop provenance. The file comes
 * as the part `file`, or as `upload`, the id of a file the wizard uploaded before.
 */
export const importFields = z
  .strictObject({
    /** Optional with a recipe, which names its kind. */
    kind: z.enum(KINDS).optional(),
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
    /** An import recipe as JSON (docs/imports.md#import-recipes). */
    recipe: jsonField(recipeSchema, 'a JSON import recipe', 100_000).optional(),
    /** A stored recipe, at its latest version unless recipeVersion says. */
    recipeId: positiveId.optional(),
    recipeVersion: positiveId.optional(),
    /** A file kept by POST /imports/preview, instead of the file part. */
    upload: z.uuid().optional(),
    /** Validate and show the first rows; write nothing. */
    dryRun: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart && v.periodEnd && v.periodStart > v.periodEnd) {
      ctx.addIssue({ code: 'custom', path: ['periodStart'], message: `must not be after periodEnd (${v.periodEnd})` });
    }
    if (v.recipe && v.recipeId !== undefined) ctx.addIssue({ code: 'custom', path: ['recipeId'], message: 'give recipe or recipeId, not both' });
    if (v.recipeVersion !== undefined && v.recipeId === undefined) ctx.addIssue({ code: 'custom', path: ['recipeVersion'], message: 'needs recipeId' });
    if (v.recipe && v.kind && v.recipe.kind !== v.kind) ctx.addIssue({ code: 'custom', path: ['kind'], message: `the recipe is for ${v.recipe.kind}` });
    if (v.sheet && v.recipe?.sheets) ctx.addIssue({ code: 'custom', path: ['sheet'], message: 'the recipe names its sheets' });
    const kind = v.kind ?? v.recipe?.kind;
    if (!kind && v.recipeId === undefined) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'is required (or a recipe)' });
    if (!kind) return;
    const known = new Set(KIND_SPECS[kind as Kind].fields.map((f) => f.name));
    for (const key of Object.keys(v.mapping ?? {})) {
      if (!known.has(key)) ctx.addIssue({ code: 'custom', path: ['mapping'], message: `${key} is not a field of ${kind} (fields: ${[...known].join(', ')})` });
    }
  });

export type ImportFields = z.infer<typeof importFields>;

export const idParams = z.strictObject({ id: positiveId });

/** POST /imports/preview: a file part, or `upload`; a recipe to read it with; `values` lists each field's distinct values. */
export const previewFields = z.strictObject({
  upload: z.uuid().optional(),
  recipe: jsonField(recipeSchema, 'a JSON import recipe', 100_000).optional(),
  rows: z.coerce.number().int().min(1).max(200).default(25),
  values: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});

/** POST and PUT /import-recipes. */
export const recipeBody = z.strictObject({ name: text(200), recipe: recipeSchema });
export const recipeUpdate = z.strictObject({ name: text(200).optional(), recipe: recipeSchema });
export const recipeQuery = z.strictObject({ kind: z.enum(KINDS).optional(), version: positiveId.optional() });
