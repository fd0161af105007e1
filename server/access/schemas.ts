import { z } from 'zod';
import { TRAVEL_MODES } from '../../common/analysis.js';
import { SERVICE_KINDS } from '../../common/vocabulary.js';
import { csvEnum } from '../http/schemas.js';
import { flowFilterQuery, measure, measureCheck, res } from '../query/schemas.js';


/**
 * GET /access: demand cells from a hotspot measure (same filters), travel time to the nearest
 * service of each kind, gap index per cell. Unknown parameters are a 400 (strict, as flows).
 */
export const accessQuery = flowFilterQuery
  .extend({
    measure,
    res,
    /** Service kinds to reach; default all. */
    kind: csvEnum(SERVICE_KINDS).optional(),
    mode: z.enum(TRAVEL_MODES).default('walk'),
    /** km/h; default by mode. */
    speed: z.coerce.number().min(1).max(120).optional(),
    /** Path length / straight line. */
    detour: z.coerce.number().min(1).max(3).default(1.3),
    /** Minutes beyond which a service counts as out of reach (inaccessibility 1). */
    tmax: z.coerce.number().int().min(10).max(1440).default(120),
    /** Ranked gap areas to return. */
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .superRefine(measureCheck);

export type AccessQuery = z.infer<typeof accessQuery>;
