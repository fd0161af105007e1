import { z } from 'zod';
import { BREAKDOWN_DIMS, BUCKETS, LEVELS } from '../../common/flows.js';
import { crossCheck, filterShape, flowFilterQuery } from '../query/schemas.js';
import { csvEnum } from '../http/schemas.js';


// Every flows endpoint takes the flow filters (query/schemas.ts) and is as strict about them.
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

export type FlowsQuery = z.infer<typeof flowsQuery>;
export type TimeseriesQuery = z.infer<typeof timeseriesQuery>;
export type BreakdownsQuery = z.infer<typeof breakdownsQuery>;
export type CorridorsQuery = z.infer<typeof corridorsQuery>;
