/**
 * OGC API – Features (issue 18): items per second paging through --services (100,000) services
 * with limit=10000 following the `next` links, as GDAL and QGIS page, each page fetched and its
 * JSON parsed; and in the same run the same layer as one GeoJSON answer of the REST API
 * (GET /api/v1/services), the baseline of the ratio. Medians of --runs (5), after one warm-up.
 *
 *   npm run bench -- ogc --services 100000 --limit 10000     BENCH_DATABASE_URL=postgres://… (database name gets _ogc)
 */
import { createToken } from '../../server/auth/tokens.js';
import { SERVICE_KINDS } from '../../common/vocabulary.js';
import { freshBenchDatabase } from './bench-db.js';
import { benchServer, median, wholeOptions } from './common.js';
import type { Bench, BenchRow } from './run.js';

// Deterministic synthetic services spread over the programme's area (22–33° E, 8–18° S).
const SERVICES_SQL = `INSERT INTO services (name, kind, country, hours, capacity, is_synthetic, geom)
  SELECT 'Bench service ' || i, ($2::text[])[1 + i % cardinality($2::text[])], 'ZMB', '08:00-17:00', i % 50, true,
    ST_SetSRID(ST_MakePoint(22 + (i::bigint * 7919 % 100003) / 100003.0 * 11, -18 + (i::bigint * 104729 % 99991) / 99991.0 * 10), 4326)
  FROM generate_series(1, $1::int) i`;

export const ogcBench: Bench = {
  name: 'ogc',
  summary: 'OGC API items/s paging through 100,000 services with limit=10000 vs one REST GeoJSON answer (--services 100000 --limit 10000 --runs 5)',
  async run({ options, log }) {
    const { services, limit, runs } = wholeOptions(options, { services: 100_000, limit: 10_000, runs: 5 });
    const { db, drop } = await freshBenchDatabase('ogc');
    const { server, origin } = await benchServer(db);
    try {
      log(`inserting ${services} synthetic services`);
      await db.query(SERVICES_SQL, [services, SERVICE_KINDS]);
      await db.exec('VACUUM ANALYZE services');
      const headers = { authorization: `Bearer ${(await createToken(db, { name: 'bench', role: 'viewer' })).token}` };
      const get = async (path: string) => {
        const res = await fetch(origin + path, { headers });
        if (!res.ok) throw new Error(`${path} → ${res.status}`);
        return (await res.json()) as { features: unknown[]; links?: { rel: string; href: string }[] };
      };
      const paging = async () => {
        const t0 = performance.now();
        let next: string | undefined = `/ogc/collections/services/items?limit=${limit}`;
        let features = 0;
        let requests = 0;
        while (next) {
          const page = await get(next);
          features += page.features.length;
          requests += 1;
          next = page.links?.find((l) => l.rel === 'next')?.href.slice(origin.length);
        }
        return { seconds: (performance.now() - t0) / 1000, features, requests };
      };
      const rest = async () => {
        const t0 = performance.now();
        const body = await get('/api/v1/services');
        return { seconds: (performance.now() - t0) / 1000, features: body.features.length, requests: 1 };
      };
      await paging();
      await rest();
      const ogc: Awaited<ReturnType<typeof paging>>[] = [];
      const base: Awaited<ReturnType<typeof rest>>[] = [];
      for (let i = 0; i < runs; i++) {
        ogc.push(await paging());
        base.push(await rest());
        log(`run ${i + 1}: OGC ${ogc.at(-1)!.seconds.toFixed(2)} s, REST ${base.at(-1)!.seconds.toFixed(2)} s`);
      }
      if (ogc.some((r) => r.features !== services)) throw new Error(`paging returned ${ogc.map((r) => r.features).join(', ')} features, not ${services}`);
      const o = median(ogc.map((r) => r.seconds));
      const b = median(base.map((r) => r.seconds));
      const rows: BenchRow[] = [
        { client: `OGC items, limit=${limit}, following next (median of ${runs})`, features: services, requests: ogc[0]!.requests, seconds: o, 'items/s': Math.round(services / o) },
        { client: `REST GET /api/v1/services, one GeoJSON (median of ${runs})`, features: services, requests: 1, seconds: b, 'items/s': Math.round(services / b) },
        { client: 'ratio OGC paging / REST (time)', seconds: o / b },
      ];
      return rows;
    } finally {
      server.close();
      await db.close();
      await drop();
    }
  },
};
