import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { audit, SYSTEM } from '../../server/audit/audit.js';
import { registeredRoutes } from '../../server/http/route.js';
import { describeApp } from '../helpers/suite.js';
import { itNamesTheField } from '../helpers/problem.js';

interface Entry {
  id: number;
  at: string;
  action: string;
  actorKind: string;
  actorName: string;
  params: Record<string, unknown>;
}

describeApp('audit log on the %s database', { as: 'admin' }, ({ app }) => {
  const tag = randomBytes(4).toString('hex');
  const entries = async (query: string) => (await (await app.get(`/api/v1/audit?${query}`)).json()).entries as Entry[];

  it('when others call audit(), then the entry is listed with its actor, and filters by action and prefix find it', async () => {
    const principal = { kind: 'token' as const, tokenId: 7, name: `importer-${tag}`, role: 'data_manager' as const };
    await audit(app.db, principal, 'import.observations', { datasetId: 1, file: `f-${tag}.csv`, note: 'nul \u0000 inside' });
    await audit(app.db, SYSTEM, 'export.brief', { tag });
    const exact = await entries('action=import.observations&limit=1000');
    expect(exact.find((e) => e.params.file === `f-${tag}.csv`)).toMatchObject({ actorKind: 'token', actorName: `importer-${tag}` });
    const prefix = await entries('action=export.*&limit=1000');
    expect(prefix.some((e) => e.params.tag === tag && e.actorKind === 'system')).toBe(true);
    expect(prefix.every((e) => e.action.startsWith('export'))).toBe(true);
    await expect(audit(app.db, SYSTEM, 'Not An Action')).rejects.toThrow(/dotted/);
  });

  it('when filtering by time and limit, then only entries inside [from, to) come back, newest first', async () => {
    const [now] = await app.db.query<{ t: Date }>('SELECT now() AS t');
    await audit(app.db, SYSTEM, 'export.brief', { tag, late: true });
    const from = new Date((now?.t ?? new Date()).getTime() - 1000).toISOString();
    const got = await entries(`from=${encodeURIComponent(from)}&limit=2`);
    expect(got.length).toBeLessThanOrEqual(2);
    for (const e of got) expect(new Date(e.at).getTime()).toBeGreaterThanOrEqual(new Date(from).getTime());
    expect(got.map((e) => e.id)).toEqual([...got.map((e) => e.id)].sort((a, b) => b - a));
    expect(await entries('to=1999-01-01')).toEqual([]);
  });

  itNamesTheField('when the query is %s, then 400 names %s', (query) => app.get(`/api/v1/audit?${query}`), [
    ['limit=1001', 'query.limit'],
    ['limit=0', 'query.limit'],
    ['action=DROP%20TABLE', 'query.action'],
    ['from=yesterday', 'query.from'],
    ['from=2026-02-01&to=2026-01-01', 'query.from'],
    ['from=0000-01-01T00:00:00Z', 'query.from'],
    ['user=admin', 'query.user'],
  ]);

  it('when anything tries to change or remove entries, then the database refuses and the API has no way to', async () => {
    await expect(app.db.query(`UPDATE audit_log SET action = 'x.y' WHERE id = (SELECT max(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
    await expect(app.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(app.db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const writes = registeredRoutes().filter((r) => r.path.startsWith('/audit') && r.method !== 'GET');
    expect(writes).toEqual([]);
  });

  it('when users and tokens change through the API, then each change is audited without secrets', async () => {
    const created = await app.get('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'viewer', name: `audit-${tag}` }),
    });
    const { id, token } = await created.json();
    const got = await entries('action=token.create&limit=1000');
    const entry = got.find((e) => e.params.id === id);
    expect(entry).toMatchObject({ params: { name: `audit-${tag}`, role: 'viewer' } });
    expect(JSON.stringify(got)).not.toContain(token);
  });
});
