import { z } from 'zod';
import { crossCheck, filterShape } from '../query/schemas.js';

export const LEVELS = [0, 1, 2] as const;
const level = z.enum(['0', '1', '2']).transform(Number);

/** GET /admin-areas: one level, or all. */
export const areasQuery = z.strictObject({ level: level.optional() });

/** GET /admin-areas/summary: a level of areas (provinces 1, districts 2) and the flow filters. */
export const summaryQuery = z
  .strictObject({ ...filterShape, level: z.enum(['1', '2']).transform(Number).default(2) })
  .superRefine(crossCheck);
export type SummaryQuery = z.infer<typeof summaryQuery>;
