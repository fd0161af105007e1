import { z } from 'zod';
import { K_RANGE, STEPS } from '../../common/analysis.js';
import { bbox } from '../http/schemas.js';
import { flowFilterQuery, measure, measureCheck, res } from '../query/schemas.js';

/** Neighbourhood: H3 k-ring 1…3. */
const k = z.coerce.number().int().min(K_RANGE[0]).max(K_RANGE[1]).default(1);

// The measures and the H3 resolution are shared with access and outreach (query/schemas.ts).
export const hotspotsQuery = flowFilterQuery.extend({ measure, res, k }).superRefine(measureCheck);

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
