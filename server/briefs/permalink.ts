import type { BriefQuery } from './schemas.js';

/**
 * The map view's permalink (client/state.ts and client/flows/filters.ts own the hash format:
 * v=lat,lon,zoom, then from, to, dir, nat, tr, rs, vul, pt, grp, lvl, then plan).
 */
export function permalinkHash(q: Pick<BriefQuery, 'lat' | 'lon' | 'zoom' | 'from' | 'to' | 'direction' | 'nationality' | 'transport' | 'reason' | 'vulnerability' | 'point' | 'sex' | 'age' | 'level' | 'plan'>): string {
  const parts: string[] = [];
  if (q.lat !== undefined && q.lon !== undefined && q.zoom !== undefined) parts.push(`v=${q.lat},${q.lon},${q.zoom}`);
  if (q.from) parts.push(`from=${q.from}`);
  if (q.to) parts.push(`to=${q.to}`);
  const lists: [string, readonly (string | number)[] | undefined][] = [
    ['dir', q.direction], ['nat', q.nationality], ['tr', q.transport], ['rs', q.reason], ['vul', q.vulnerability], ['pt', q.point],
  ];
  for (const [key, v] of lists) if (v && v.length > 0) parts.push(`${key}=${v.join(',')}`);
  const group = q.sex ?? q.age;
  if (group) parts.push(`grp=${group}`);
  if (q.level && q.level !== 'place') parts.push(`lvl=${q.level}`);
  if (q.plan !== undefined) parts.push(`plan=${q.plan}`);
  return parts.length ? `#${parts.join('&')}` : '';
}
