import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { type Db, openReader } from '../../server/db/index.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { openFreshDb, sharedDb } from '../helpers/db.js';
import { fixture, importFile } from '../helpers/import.js';
import { withDatabase } from '../setup/template.js';
import { openReplicaAdmin, openReplicaOf, READ_URL, waitForReplay } from '../helpers/replica.js';

/**
 * DATABASE_READ_URL against a real streaming replica (.ci/replica): `app` reads the analysis
 * endpoints from the replica of a fresh server database, `plain` is the same app without one.
 * Pausing WAL replay on the replica makes "not yet replicated" a state the tests can hold.
 */
const ready = Boolean(READ_URL && process.env.TEST_DATABASE_URL);
const title = 'a read replica (DATABASE_READ_URL) under the flows, import and analysis endpoints';
(ready ? describe : describe.skip)(ready ? title : `${title} (skipped: TEST_DATABASE_READ_URL is not set)`, { timeout: 120_000 }, () => {
  let primary: Db, reader: Db, admin: Db, app: TestApp, plain: TestApp;
  const json = async (a: TestApp, path: string): Promise<unknown> => {
    const res = await a.as('data_manager').get(path);
    const text = await res.text();
    expect(res.status, `${path}: ${text}`).toBe(200);
    // OGC links name the app's own address, and feature collections the time they were made.
    const { timeStamp: _, ...body } = JSON.parse(text.replaceAll(a.url, 'http://app')) as Record<string, unknown>;
    return body;
  };
  const resume = () => admin.exec('SELECT pg_wal_replay_resume()');

  beforeAll(async () => {
    primary = await openFreshDb('server');
    admin = await openReplicaAdmin(READ_URL!);
    reader = await openReplicaOf(primary, admin, READ_URL!);
    app = await startApp({ db: primary, reader });
    plain = await startApp({ db: primary });
  });
  afterAll(async () => {
    await resume().catch(() => {}); // never leave the replica paused for the next run
    await Promise.all([app?.close(), plain?.close()]);
    await reader?.close();
    await admin?.close();
    await primary?.close();
  });

  it('when the reader is asked to write, then it refuses (read-only sessions, and a standby)', async () => {
    await expect(reader.query('CREATE TABLE replica_probe (id int)')).rejects.toThrow(/read-only/);
    const [r] = await reader.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    expect(r?.standby).toBe(true);
  });

  it.each([
    '/api/v1/flows?from=2025-01-01&to=2025-06-30',
    '/api/v1/flows/timeseries?bucket=week',
    '/api/v1/flows/breakdowns',
    '/api/v1/flows/corridors',
    '/api/v1/flows/crossings',
    '/api/v1/hotspots',
    '/api/v1/access?mode=motor',
    '/api/v1/admin-areas/summary?level=2',
    '/ogc/collections',
    '/ogc/collections/flows/items?limit=5',
  ])('when %s is read through the replica, then it answers as the primary does', async (path) => {
    await waitForReplay(primary, admin);
    expect(await json(app, path)).toEqual(await json(plain, path));
  });

  it('when replay is paused, then an import and a saved plan are read back from the primary at once, and the replica-backed flows show the import once replay catches up', async () => {
    const path = '/api/v1/flows/timeseries?from=2025-03-01&to=2025-03-02&bucket=day';
    const total = async (a: TestApp) => ((await json(a, path)) as { totals: { count: number } }).totals.count;
    await waitForReplay(primary, admin);
    const before = await total(app);
    await admin.exec('SELECT pg_wal_replay_pause()');
    try {
      // importFile polls GET /imports/:id until done: it would never see 'committed' on the paused replica.
      const v = await importFile(app, 'obs-comma.csv', fixture('obs-comma.csv'), { kind: 'observations', dataset: 'replica check' });
      expect(v.status, v.message ?? undefined).toBe('committed');
      const saved = await app.as('planner').get('/api/v1/outreach/plans', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ measure: 'movement', p: 2, name: 'Just saved' }),
      });
      expect(saved.status, await saved.clone().text()).toBe(201);
      const { id } = (await saved.json()) as { id: number };
      expect((await app.as('planner').get(`/api/v1/outreach/plans/${id}`)).status).toBe(200);
      expect((await app.as('planner').get(`/ogc/collections/outreach-plan-${id}`)).status).toBe(200);
      expect(await total(plain)).toBe(before + 45); // the file's four rows: 12 + 4 + 9 + 20
      expect(await total(app)).toBe(before); // the replica has not replayed the import yet
    } finally {
      await resume();
    }
    await waitForReplay(primary, admin);
    expect(await total(app)).toBe(before + 45);
  });
});

describe('choosing the reader (DATABASE_READ_URL)', () => {
  it('when DATABASE_READ_URL is unset, then the reader is the one database (the embedded engine too)', async () => {
    const db = await sharedDb('embedded');
    expect(await openReader(loadConfig({}), db)).toBe(db);
  });

  it('when DATABASE_READ_URL is set without DATABASE_URL, then start-up stops with a message naming it (not the URL)', () => {
    const env = { DATABASE_READ_URL: 'postgres://reader:secret@db2/corridor' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/^DATABASE_READ_URL needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/c', DATABASE_READ_URL: 'mysql://secret@db2' })).toThrow(/DATABASE_READ_URL=\(hidden\)/);
  });

  // Any server database shows it: the reader's sessions are read-only even where the URL names a primary.
  (process.env.TEST_DATABASE_URL ? it : it.skip)('when the reader URL names a primary, then a write through the reader is still refused', async () => {
    const primary = await sharedDb('server');
    const [here] = await primary.query<{ name: string }>('SELECT current_database() AS name');
    const reader = await openReader({ DATABASE_READ_URL: withDatabase(process.env.TEST_DATABASE_URL!, here!.name), PG_POOL_MAX: 1 }, primary);
    try {
      expect(reader).not.toBe(primary);
      await expect(reader.query(`UPDATE places SET name = name WHERE false`)).rejects.toThrow(/read-only transaction/);
      await expect(reader.transaction((tx) => tx.query('CREATE TABLE reader_probe (id int)'))).rejects.toThrow(/read-only transaction/);
      expect(await reader.query<{ n: number }>('SELECT count(*)::int AS n FROM places')).toEqual(await primary.query('SELECT count(*)::int AS n FROM places'));
    } finally {
      await reader.close();
    }
  });
});
