import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openEmbedded } from '../../server/db/embedded.js';
import type { Db } from '../../server/db/index.js';
import { migrate, readMigrations } from '../../server/db/migrate.js';
import { openServer } from '../../server/db/server.js';
import { readGeography } from '../../server/demo/geography.js';
import { DemoLoadError, loadDemo, type DemoCounts } from '../../server/demo/load.js';
import { DEMO_PROFILES, observationRows } from '../../server/demo/observations.js';
import { paths } from '../../server/paths.js';
import { forEachDb } from '../helpers/suite.js';
import { adminQuery, withDatabase } from '../setup/template.js';

const DEMO = { rows: 5000, seed: 11 };
const geo = readGeography();

/** The land north of the Zambezi trace (closed off far to the north), for ST_Within. */
function northOfZambeziWkt(): string {
  const c = geo.zambezi.coordinates;
  const [west] = c[0] as [number, number];
  const [east] = c.at(-1) as [number, number];
  const ring = [...c, [east, -8], [west, -8], c[0]] as [number, number][];
  return `POLYGON((${ring.map(([x, y]) => `${x} ${y}`).join(', ')}))`;
}

/** Runs `npm run demo` (the CLI) in a child process with the given database settings. */
function demoCli(env: NodeJS.ProcessEnv, ...args: string[]) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return spawnSync(join(paths.root, 'node_modules/.bin/tsx'), [join(paths.root, 'server/demo/cli.ts'), ...args], {
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
}

/** A fresh database: in-memory PGlite, or a throwaway database on the test server (never TEST_DATABASE_URL's own). */
async function freshDb(kind: 'embedded' | 'server'): Promise<{ db: Db; url?: string; drop: () => Promise<void> }> {
  if (kind === 'embedded') {
    const db = await openEmbedded({});
    return { db, drop: () => db.close() };
  }
  const url = process.env.TEST_DATABASE_URL as string;
  const name = `corridor_demo_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const db = await openServer(withDatabase(url, name), 2);
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'); // only ever in this throwaway database
  return {
    db,
    url: withDatabase(url, name),
    drop: async () => {
      await db.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

forEachDb('loading the demo into a fresh %s database', (kind) => {
  let db: Db;
  let url: string | undefined;
  let drop: () => Promise<void>;
  let counts: DemoCounts;
  let aborted: unknown;
  let placesAfterAbort = -1;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    ({ db, url, drop } = await freshDb(kind));
    await migrate(db, readMigrations(paths.migrations));
    // A load that fails half-way (here: its progress callback throws) must leave nothing behind.
    aborted = await loadDemo(db, DEMO, () => {
      throw new Error('stop');
    }).catch((err: unknown) => err);
    placesAfterAbort = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM places'))[0]?.n ?? -1;
    counts = await loadDemo(db, DEMO, (done, total) => progress.push([done, total]));
  }, 180_000); // creating PostGIS in PGlite takes ~15-20 s, much longer on a busy machine
  afterAll(() => drop?.(), 60_000);

  it('when a load fails half-way, then it is rolled back entirely', () => {
    expect((aborted as Error).message).toBe('stop');
    expect(placesAfterAbort).toBe(0);
  });

  it('when loaded, then the returned counts are what SQL counts, and progress reached the end', async () => {
    const [sql] = await db.query(`SELECT (SELECT count(*) FROM observations)::int AS observations,
      (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM services)::int AS services,
      (SELECT count(*) FROM outreach_sites)::int AS "outreachSites",
      (SELECT count(*) FROM monitoring_points)::int AS "monitoringPoints", (SELECT count(*) FROM places)::int AS places,
      (SELECT count(*) FROM awareness_respondents)::int AS "surveyRespondents"`);
    expect(sql).toEqual(counts);
    expect(counts.observations).toBe(DEMO.rows);
    expect(counts.places).toBe(geo.places.length);
    expect(counts.monitoringPoints).toBe(geo.monitoringPoints.length);
    expect(counts.reports).toBeGreaterThanOrEqual(300);
    expect(progress.at(-1)).toEqual([DEMO.rows, DEMO.rows]);
  });

  it('when loaded, then synthetic datasets describe observations, reports and awareness surveys with their row counts', async () => {
    const ds = await db.query(`SELECT name, kind, source_org, method, licence, period_start, period_end, rows_accepted, is_synthetic
      FROM datasets ORDER BY kind`);
    expect(ds).toEqual([
      expect.objectContaining({ name: 'Synthetic demo data (Corridor)', kind: 'observations', rows_accepted: DEMO.rows }),
      expect.objectContaining({ kind: 'reports', rows_accepted: counts.reports }),
      expect.objectContaining({ kind: 'survey_respondents', rows_accepted: counts.surveyRespondents, is_synthetic: true, period_start: '2017-01-01', period_end: '2019-12-31' }),
    ]);
    for (const d of ds.filter((x) => x.kind !== 'survey_respondents')) {
      expect(d).toMatchObject({ source_org: 'Corridor demo generator', method: 'synthetic', licence: 'CC0', is_synthetic: true });
      expect(d).toMatchObject({ period_start: '2024-11-01', period_end: '2026-10-31' });
    }
    const [flags] = await db.query(`SELECT bool_and(is_synthetic) AS services,
      (SELECT bool_and(is_synthetic) FROM outreach_sites) AS sites, (SELECT bool_or(is_synthetic) FROM monitoring_points) AS mps,
      (SELECT count(*)::int FROM monitoring_points WHERE place_id IS NULL) AS unplaced FROM services`);
    expect(flags).toEqual({ services: true, sites: true, mps: false, unplaced: 0 });
  });

  it('when rows are read back, then they are the generator rows, ids mapped to the same places', async () => {
    const first = observationRows(geo, DEMO_PROFILES, DEMO.rows, DEMO.seed).next().value;
    const [row] = await db.query(`SELECT o.source_row_id, m.code AS point, o.direction, po.code AS origin, pd.code AS destination,
      o.total, o.male, o.female, o.reasons, o.vulnerabilities FROM observations o
      JOIN monitoring_points m ON m.id = o.monitoring_point_id
      LEFT JOIN places po ON po.id = o.origin_place_id LEFT JOIN places pd ON pd.id = o.final_destination_place_id
      WHERE o.source_row_id = 'demo-00000001'`);
    expect(row).toEqual({
      source_row_id: 'demo-00000001', point: first?.point, direction: first?.direction, origin: first?.origin, destination: first?.destination,
      total: first?.total, male: first?.male, female: first?.female, reasons: first?.reasons, vulnerabilities: first?.vulnerabilities,
    });
    let people = 0;
    for (const r of observationRows(geo, DEMO_PROFILES, DEMO.rows, DEMO.seed)) people += r.total;
    const [sum] = await db.query<{ people: number; ids: number }>(
      `SELECT sum(total)::int AS people, count(DISTINCT source_row_id)::int AS ids FROM observations`,
    );
    expect(sum).toEqual({ people, ids: DEMO.rows });
  });

  it('when a service near the Zambezi is Zambian, then PostGIS puts it north of the river; Namibian ones south', async () => {
    const rows = await db.query<{ name: string; country: string; north: boolean }>(
      `SELECT name, country, ST_Within(geom, ST_GeomFromText($1, 4326)) AS north FROM services
       WHERE ST_X(geom) BETWEEN 23.5 AND 26 AND ST_Y(geom) < -17`,
      [northOfZambeziWkt()],
    );
    expect(rows.filter((r) => r.country === 'ZMB').length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.country === 'NAM').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.north !== (r.country === 'ZMB'))).toEqual([]);
  });

  it('when the demo is loaded again, then it refuses with a clear error and changes nothing', async () => {
    const err = await loadDemo(db, DEMO).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DemoLoadError);
    expect((err as Error).message).toMatch(/already has \d+ places/);
    const [n] = await db.query('SELECT count(*)::int AS n FROM observations');
    expect(n).toEqual({ n: DEMO.rows });
  });

  it.runIf(kind === 'server')('when the CLI meets a loaded database, then it refuses without --replace and replaces with it', async () => {
    const refused = demoCli({ DATABASE_URL: url }, '--rows', '2000');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds data .*--replace/);
    const replaced = demoCli({ DATABASE_URL: url }, '--rows', '2_000', '--seed', '5', '--replace');
    expect(replaced.stderr + replaced.stdout).toMatch(/2,000 observations/);
    expect(replaced.status).toBe(0);
    const [n] = await db.query('SELECT count(*)::int AS o, (SELECT count(*)::int FROM datasets) AS d FROM observations');
    expect(n).toEqual({ o: 2000, d: 3 }); // observations, reports, awareness surveys
  }, 300_000); // each CLI run opens the database anew: slow on a busy machine
});

describe('the demo CLI on an embedded data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-demo-cli-'));
  beforeAll(async () => {
    // Start from the prepared template (schema + test demo) instead of creating PostGIS again.
    const db = await openEmbedded({ dir, loadDataDir: new Blob([readFileSync(inject('embeddedTemplate'))]) });
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when asked with bad options, then it says how to call it', () => {
    const r = demoCli({ DATA_DIR: dir }, '--rows', 'many');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--rows must be an integer[\s\S]*usage: npm run demo/);
  });

  it('when --replace is given, then the earlier demo is replaced by one of the requested size', async () => {
    const r = demoCli({ DATA_DIR: dir }, '--rows', '3000', '--replace');
    expect(r.stderr + r.stdout).toMatch(/3,000 observations \([\d,]+ rows\/s\)/);
    expect(r.status).toBe(0);
    const db = await openEmbedded({ dir });
    try {
      const [n] = await db.query('SELECT count(*)::int AS o, (SELECT count(*)::int FROM places) AS p FROM observations');
      expect(n).toEqual({ o: 3000, p: geo.places.length });
    } finally {
      await db.close();
    }
  }, 300_000); // each CLI run opens the database anew: slow on a busy machine
});
