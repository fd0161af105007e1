import { z } from 'zod';

/** Query-string helpers shared by feature schemas. */

/** `a,b,c` (or repeated `?x=a&x=b`) → a de-duplicated list of allowed values. */
export function csvEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .describe(`one or more of ${values.join(', ')} (comma-separated or repeated)`)
    .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()))])
    .pipe(z.array(z.enum(values)).min(1));
}

/** `minLon,minLat,maxLon,maxLat` in WGS84 degrees. */
export const bbox = z
  .string()
  .describe('minLon,minLat,maxLon,maxLat in WGS84 degrees')
  .transform((s, ctx) => {
    const n = s.split(',').map(Number);
    const [w, s_, e, nn] = n;
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || w === undefined || s_ === undefined || e === undefined || nn === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    if (w < -180 || e > 180 || s_ < -90 || nn > 90 || w >= e || s_ >= nn) {
      ctx.addIssue({ code: 'custom', message: 'out of range or min ≥ max' });
      return z.NEVER;
    }
    return [w, s_, e, nn] as [number, number, number, number];
  });

export const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as ZMB');
export const positiveId = z.coerce.number().int().min(1).max(2_147_483_647);
