import { beforeAll, expect, it } from 'vitest';
import type { AlertList, AlertSeries, AlertView } from '../../common/alerts.js';
import { evaluateLatestDay, evaluateRules } from '../../server/alerts/service.js';
import { DEMO_END } from '../../server/demo/calendar.js';
import { addDays } from '../../server/query/period.js';
import { importFile } from '../helpers/import.js';
import { describeApp } from '../helpers/suite.js';

const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

// A database of its own: the tests count every alert and rename a view.
describeApp('alerts on the %s database', { db: 'fresh' }, ({ app, db }) => {
  let spikeDay: string;
  const list = async (query = '', role: 'analyst' | 'data_manager' = 'analyst'): Promise<AlertList> => {
    const res = await app.as(role).get(`/api/v1/alerts${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as AlertList;
  };
  const patch = (id: number, body: unknown, role: 'analyst' | 'viewer' = 'analyst') => app.as(role).get(`/api/v1/alerts/${id}`, send('PATCH', body));

  beforeAll(async () => {
    // A day at the Katima bridge post whose two following weeks hold no group with trafficking
    // indicators in the test demo: the spike below is then the only thing the default rules can find.
    const [d] = await db.query<{ day: string }>(
      `SELECT d::date::text AS day FROM generate_series('2026-03-01'::date, '2026-09-30'::date, '1 day') d
       WHERE NOT EXISTS (SELECT 1 FROM observations o JOIN monitoring_points mp ON mp.id = o.monitoring_point_id
         WHERE mp.code = 'mp-katima-bridge' AND o.observed_on BETWEEN d::date AND d::date + 14 AND 'trafficking_indicators' = ANY(o.vulnerabilities))
       ORDER BY d LIMIT 1`,
    );
    spikeDay = d?.day as string;
  }, 180_000);

  it('when an import plants a spike of unaccompanied children, then exactly one alert is raised; the same import again raises none', async () => {
    expect(spikeDay).toMatch(/^2026-/);
    const csv = `source_row_id,date,monitoring_point,direction,total,male,female,children,unaccompanied_children\nspike-1,${spikeDay},mp-katima-bridge,inbound,14,2,12,12,12\n`;
    const first = await importFile(app, 'spike.csv', Buffer.from(csv), { kind: 'observations', dataset: 'UAC spike (test)' });
    expect(first.status).toBe('committed');
    expect(first.message).toMatch(/1 new alert/);
    const after = await list();
    expect(after.alerts).toHaveLength(1);
    expect(after.alerts[0]).toMatchObject({
      ruleId: 1, measure: 'unaccompanied_children', scope: 'point', scopeCode: 'mp-katima-bridge', day: spikeDay, status: 'new',
      observed: { count: 12, suppressed: false }, point: { code: 'mp-katima-bridge' }, isSynthetic: false,
    });
    expect(after.alerts[0]?.upperbound).toBeLessThan(12);
    expect(after.open).toBe(1);

    const again = await importFile(app, 'spike.csv', Buffer.from(csv), { kind: 'observations', dataset: 'UAC spike (test)' });
    expect(again.status).toBe('unchanged');
    const [katima] = await db.query<{ id: number }>(`SELECT id FROM monitoring_points WHERE code = 'mp-katima-bridge'`);
    const rerun = await evaluateRules(db, { from: spikeDay, to: addDays(spikeDay, 14), points: [katima?.id as number] });
    expect(rerun.raised).toEqual([]);
    expect((await list()).alerts.map((a) => a.id)).toEqual(after.alerts.map((a) => a.id));
  });

  it('when the alert is acknowledged, referred to a service with a note and closed, then each step says who and when and is audited', async () => {
    const [alert] = (await list(`?point=mp-katima-bridge&from=${spikeDay}&to=${spikeDay}`)).alerts as [AlertView];
    const early = await patch(alert.id, { action: 'refer', serviceId: 1, note: 'too early' });
    expect(early.status).toBe(409);
    const ack = await patch(alert.id, { action: 'acknowledge' });
    expect(ack.status, await ack.clone().text()).toBe(200);
    expect(((await ack.json()) as AlertView).acknowledged?.by).toMatch(/^test-analyst-/);
    const badService = await patch(alert.id, { action: 'refer', serviceId: 2_147_483_647, note: 'no such place' });
    expect(badService.status).toBe(400);
    expect(await badService.text()).toMatch(/body\.serviceId/);
    const [svc] = await db.query<{ id: number; name: string }>(`SELECT id, name FROM services WHERE kind = 'social_welfare' ORDER BY id LIMIT 1`);
    const note = 'Children met by the district social welfare officer';
    const refer = await patch(alert.id, { action: 'refer', serviceId: svc?.id, note });
    expect(refer.status).toBe(200);
    expect(((await refer.json()) as AlertView).referred).toMatchObject({ serviceId: svc?.id, serviceName: svc?.name, note });
    const close = await patch(alert.id, { action: 'close', outcome: 'assisted' });
    const closed = (await close.json()) as AlertView;
    expect(closed).toMatchObject({ status: 'closed', closed: { outcome: 'assisted' } });
    expect(Date.parse(closed.closed?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(closed.acknowledged?.at ?? ''));
    expect((await patch(alert.id, { action: 'close', outcome: 'assisted' })).status).toBe(409);
    expect((await list('?status=new,acknowledged,referred')).open).toBe(0);

    const audit = await db.query<{ action: string; params: Record<string, unknown>; actor_role: string }>(
      `SELECT action, params, actor_role FROM audit_log WHERE action LIKE 'alert.%' AND (params->>'alertId')::int = $1 ORDER BY id`,
      [alert.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['alert.acknowledge', 'alert.refer', 'alert.close']);
    expect(audit.every((a) => a.actor_role === 'analyst')).toBe(true);
    expect(audit[1]?.params).toEqual({ alertId: alert.id, serviceId: svc?.id, noteChars: note.length });
    expect(JSON.stringify(audit)).not.toMatch(/social welfare officer/); // the note stays out of the log
  });

  it('when a viewer asks for alerts or tries a step, then 403; an analyst cannot write rules', async () => {
    expect((await app.as('viewer').get('/api/v1/alerts')).status).toBe(403);
    expect((await patch(1, { action: 'acknowledge' }, 'viewer')).status).toBe(403);
    expect((await app.as('analyst').get('/api/v1/alert-rules', send('POST', {}))).status).toBe(403);
  });

  it('when the daily run comes, then the default rules are evaluated for the latest day with data only', async () => {
    const r = await evaluateLatestDay(db);
    expect(r.raised.length).toBeGreaterThan(0);
    const days = await db.query<{ day: string }>(`SELECT DISTINCT day::text AS day FROM alerts WHERE id = ANY($1::bigint[])`, [r.raised]);
    expect(days).toEqual([{ day: DEMO_END }]);
    expect((await evaluateLatestDay(db)).raised).toEqual([]);
  });

  it('when the demo period ends, then the default rules find the planted UAC rise at Nakonde and the surge at the Sesheke pontoon', async () => {
    const res = await app.as('data_manager').get('/api/v1/alerts/evaluate', send('POST', { from: addDays(DEMO_END, -29), to: DEMO_END }));
    expect(res.status, await res.clone().text()).toBe(200);
    const uac = await list(`?rule=1&point=mp-nakonde-east-footpaths&from=${addDays(DEMO_END, -5)}&to=${addDays(DEMO_END, -3)}`);
    expect(uac.alerts.length).toBeGreaterThan(0);
    const surge = await list(`?rule=3&point=mp-sesheke-pontoon&from=${addDays(DEMO_END, -11)}&to=${addDays(DEMO_END, -9)}`);
    expect(surge.alerts.length).toBeGreaterThan(0);
    expect([...uac.alerts, ...surge.alerts].every((a) => a.isSynthetic)).toBe(true);

    const series = (await (await app.as('analyst').get(`/api/v1/alerts/${surge.alerts.at(-1)?.id}/series`)).json()) as AlertSeries;
    const day = series.days.find((d) => d.day === surge.alerts.at(-1)?.day);
    expect(day).toMatchObject({ alarm: true });
    expect(series.days.length).toBeGreaterThan(30);
    expect(series.days.filter((d) => d.upperbound !== null).length).toBeGreaterThan(30);
  });

  it('when an analyst reads a small trafficking count, then it is suppressed with the sensitive k; a data manager sees it', async () => {
    const small = (await list('?rule=2&limit=1000', 'data_manager')).alerts.find((a) => (a.observed.count ?? 0) > 0 && (a.observed.count ?? 0) < 11);
    expect(small).toBeDefined();
    const seen = (await (await app.as('analyst').get(`/api/v1/alerts/${small?.id}`)).json()) as AlertView;
    expect(seen.observed).toEqual({ count: null, suppressed: true });
  });

  it('when a brief asks for the alerts section, then an analyst gets counts by rule and status and a viewer gets none', async () => {
    const q = `/api/v1/briefs/data?from=${addDays(DEMO_END, -29)}&to=${DEMO_END}&sections=figures,alerts`;
    const d = (await (await app.as('analyst').get(q)).json()) as { alerts: { rule: string; status: string; n: number }[] | null };
    const [sql] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE day BETWEEN $1::date AND $2::date`, [addDays(DEMO_END, -29), DEMO_END]);
    expect(d.alerts?.reduce((s, r) => s + r.n, 0)).toBe(sql?.n);
    expect(d.alerts?.find((r) => r.rule.startsWith('Surge at an informal crossing'))?.status).toBe('new');
    expect(Object.keys(d.alerts?.[0] ?? {}).sort()).toEqual(['n', 'rule', 'status']);
    const v = (await (await app.as('viewer').get(q)).json()) as { alerts: unknown };
    expect(v.alerts).toBeNull();
  });

  it('when alert evaluation fails after an import, then the import is still committed and its message says so', async () => {
    await db.query(`INSERT INTO alert_rules (name, measure, scope, detector, threshold) VALUES ('Any child in a district', 'children', 'district', 'threshold', 1)`);
    await db.exec('ALTER VIEW monitoring_point_district RENAME TO monitoring_point_district_gone');
    try {
      const csv = `source_row_id,date,monitoring_point,direction,total,children\nbroken-1,2026-06-01,mp-katima-bridge,inbound,3,1\n`;
      const v = await importFile(app, 'broken.csv', Buffer.from(csv), { kind: 'observations', dataset: 'evaluation fails (test)' });
      expect(v.status).toBe('committed');
      expect(v.message).toMatch(/^1 row\(s\) added; alerts were not evaluated \(.*monitoring_point_district/);
      const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE source_row_id = 'broken-1'`);
      expect(n?.n).toBe(1);
    } finally {
      await db.exec('ALTER VIEW monitoring_point_district_gone RENAME TO monitoring_point_district');
    }
  });
});
