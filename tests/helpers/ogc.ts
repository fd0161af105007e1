import type { Queryable } from '../../server/db/index.js';
import type { Requester } from './app.js';

export interface OgcFeature {
  type: 'Feature';
  id: string | number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
}
export interface OgcLink {
  href: string;
  rel: string;
  type?: string;
}
export interface OgcPage {
  type: 'FeatureCollection';
  features: OgcFeature[];
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links: OgcLink[];
}

/** GET a path as JSON; throws with the body when the status is not 200. */
export async function getJson<T>(who: Requester, path: string): Promise<T> {
  const res = await who.get(path);
  if (res.status !== 200) throw new Error(`${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every page of an items request, following `next` links until there is none. */
export async function allPages(who: Requester, path: string, origin: string): Promise<OgcPage[]> {
  const pages: OgcPage[] = [];
  let next: string | undefined = path;
  while (next) {
    const page: OgcPage = await getJson<OgcPage>(who, next);
    pages.push(page);
    const link = page.links.find((l) => l.rel === 'next')?.href;
    next = link ? link.slice(origin.length) : undefined;
    if (pages.length > 10_000) throw new Error('next links never end');
  }
  return pages;
}

/** A few admin areas (boxes around the demo's districts): two provinces and three districts. */
export async function insertAdminAreas(db: Queryable): Promise<void> {
  const box = (w: number, s: number, e: number, n: number) => `ST_Multi(ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326))`;
  await db.query(`INSERT INTO admin_areas (pcode, name, level, parent_pcode, country, geom) VALUES
    ('ZMT10', 'Test Southern', 1, NULL, 'ZMB', ${box(24.0, -18.1, 28.9, -15.5)}),
    ('ZMT20', 'Test Muchinga', 1, NULL, 'ZMB', ${box(30.0, -12.5, 33.7, -9.0)}),
    ('ZMT1001', 'Test Sesheke', 2, 'ZMT10', 'ZMB', ${box(24.0, -18.1, 25.2, -16.9)}),
    ('ZMT1002', 'Test Kazungula', 2, 'ZMT10', 'ZMB', ${box(25.2, -18.1, 26.4, -16.9)}),
    ('ZMT2001', 'Test Nakonde', 2, 'ZMT20', 'ZMB', ${box(32.3, -9.6, 33.7, -9.0)})`);
}
