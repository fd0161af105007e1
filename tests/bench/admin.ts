/**
 * Admin areas (issue 15): time to re-assign --services (100,000) services to their province and
 * district after a boundary import replaces level 2 (116 districts, every row's code changes),
 * and in the same run the baseline: one plain ST_Contains join UPDATE setting the district of
 * every service (no tie rule, no province, no other table). Medians of --runs (5).
 *
 *   npm run bench -- admin --services 100000 --runs 5     BENCH_DATABASE_URL=postgres://… (database name gets _admin)
 */
import { SERVICE_KINDS } from '../../common/vocabulary.js';
import { replaceLevel } from '../../server/places/boundaries.js';
import { vendoredAreas } from '../../server/places/vendored.js';
import { freshBenchDatabase } from './bench-db.js';
import { median, wholeOptions } from './common.js';
import type { Bench, BenchRow } from './run.js';

// Deterministic synthetic services spread over Zambia and its neighbours (22–33° E, 8–18° S).
const SERVICES_SQL = `INSERT INTO services (name, kind, country, is_synthetic, geom)
  SELECT 'Bench service ' || i, ($2::text[])[1 + i % cardinality($2::text[])], 'ZMB', true,
    ST_SetSRID(ST_MakePoint(22 + (i::bigint * 7919 % 100003) / 100003.0 * 11, -18 + (i::bigint * 104729 % 99991) / 99991.0 * 10), 4326)
  FROM generate_series(1, $1::int) i`;

const BASELINE = `UPDATE services s SET adm2_pcode = a.pcode FROM admin_areas a WHERE a.level = 2 AND ST_Contains(a.geom, s.geom)`;

export const adminBench: Bench = {
  name: 'admin',
  summary: 'Re-assigning 100,000 services after a district import vs one ST_Contains join UPDATE (--services 100000 --runs 5)',
  async run({ options, log }) {
    const { services, runs } = wholeOptions(options, { services: 100_000, runs: 5 });
    const { db, drop } = await freshBenchDatabase('admin');
    try {
      log(`inserting ${services} synthetic services (areas assigned by the insert trigger)`);
      const t0 = performance.now();
      await db.query(SERVICES_SQL, [services, SERVICE_KINDS]);
      const insertMs = performance.now() - t0;
      await db.exec('VACUUM ANALYZE services');
      const [located] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM services WHERE adm2_pcode IS NOT NULL');
      const districts = vendoredAreas(2);
      const reassign: number[] = [];
      const baseline: number[] = [];
      let moved = 0;
      for (let i = 0; i < runs; i++) {
        // Alternate two code sets so every located service changes district code on every run.
        const codes = districts.map((d) => ({ ...d, pcode: i % 2 === 0 ? d.pcode.replace('PRJ-', 'ALT-') : d.pcode }));
        const t1 = performance.now();
        const r = await db.transaction((tx) => replaceLevel(tx, 2, codes, 'bench'));
        reassign.push(performance.now() - t1);
        moved = r.reassigned;
        const t2 = performance.now();
        await db.transaction(async (tx) => {
          await tx.query(BASELINE);
          throw new Rollback();
        }).catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
        baseline.push(performance.now() - t2);
        log(`run ${i + 1}: import + re-assign ${reassign.at(-1)?.toFixed(0)} ms, baseline ${baseline.at(-1)?.toFixed(0)} ms`);
      }
      const rows: BenchRow[] = [
        { step: 'insert services (trigger assigns areas)', services, ms: Math.round(insertMs), ratio: '' },
        { step: 'district import + re-assign (replaceLevel)', services, 'rows re-assigned': moved, 'in a district': located?.n ?? 0, 'median ms': Math.round(median(reassign)), ratio: (median(reassign) / median(baseline)).toFixed(2) },
        { step: 'baseline: one ST_Contains join UPDATE', services, 'median ms': Math.round(median(baseline)), ratio: '1.00' },
      ];
      return rows;
    } finally {
      await db.close();
      await drop();
    }
  },
};

class Rollback extends Error {}
