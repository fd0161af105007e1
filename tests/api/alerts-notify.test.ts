import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AlertRuleView, type DeliveryView, WEBHOOK_SIGNATURE_HEADER } from '../../common/alerts.js';
import { processDueDeliveries } from '../../server/alerts/deliveries.js';
import { evaluateRules } from '../../server/alerts/service.js';
import { describeApp } from '../helpers/suite.js';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback HTTP listener answering each POST with the next status in `statuses` (then 200). */
async function listener(statuses: number[]): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

/** A loopback SMTP server (no TLS, no auth) keeping each message it accepts. */
async function smtp(): Promise<{ server: SMTPServer; port: number; mails: { to: string[]; data: string }[] }> {
  const mails: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

// One SMTP server for the file, up before the suites are declared: its port is in the apps'
// configuration, which describeApp takes when the suite is declared. Each suite empties its inbox.
const mail = await smtp();
afterAll(async () => {
  await new Promise((r) => mail.server.close(() => r(undefined)));
});
const env = { ALERT_WEBHOOK_SECRET: SECRET, SMTP_URL: `smtp://127.0.0.1:${mail.port}`, ALERT_RETRY_BASE_MS: '60000' };

describeApp('alert notifications on the %s database', { db: 'fresh', env }, ({ app, db }) => {
  let hook: Awaited<ReturnType<typeof listener>>;

  beforeAll(async () => {
    hook = await listener([500]);
    mail.mails.length = 0;
  });
  afterAll(async () => {
    await new Promise((r) => hook?.server.close(r));
  });

  it('when a rule with a webhook and an address raises an alert, then the webhook is signed, retried after a 500 and logged; the e-mail reaches the SMTP server', async () => {
    const created = await app.as('data_manager').get('/api/v1/alert-rules', send('POST', {
      name: 'Busy day at the Katima bridge', measure: 'total', scope: 'point', scopeValue: 'mp-katima-bridge', detector: 'threshold', threshold: 1,
      webhookUrl: hook.url, notifyEmails: ['cwac@example.org'], enabled: false, // evaluated below by hand, not by other tests' runs
    }));
    expect(created.status, await created.clone().text()).toBe(201);
    const rule = (await created.json()) as AlertRuleView;
    const [day] = await db.query<{ day: string }>(
      `SELECT max(o.observed_on)::text AS day FROM observations o JOIN monitoring_points mp ON mp.id = o.monitoring_point_id WHERE mp.code = 'mp-katima-bridge'`,
    );
    const r = await evaluateRules(db, { from: day?.day as string, to: day?.day as string, rules: [rule] });
    expect(r.raised).toHaveLength(1);

    const t0 = new Date('2030-01-01T00:00:00Z'); // the injected clock: every queued delivery is due
    const config = app.config;
    expect(await processDueDeliveries(db, config, t0)).toEqual({ delivered: 1, failed: 0, retrying: 1 });
    expect(hook.received).toHaveLength(1);
    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0]?.to).toEqual(['cwac@example.org']);
    expect(mail.mails[0]?.data).toMatch(/Subject: \[Corridor alert\] Busy day at the Katima bridge/);

    // Not yet due: the backoff holds the retry for ALERT_RETRY_BASE_MS.
    expect(await processDueDeliveries(db, config, new Date(t0.getTime() + 30_000))).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    expect(await processDueDeliveries(db, config, new Date(t0.getTime() + 61_000))).toEqual({ delivered: 1, failed: 0, retrying: 0 });
    expect(hook.received).toHaveLength(2);
    for (const h of hook.received) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(h.body).digest('hex')}`;
      expect(h.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()]).toBe(expected);
      expect(h.headers['content-type']).toBe('application/json');
    }
    expect(JSON.parse(hook.received[1]?.body ?? '{}')).toMatchObject({ event: 'alert.raised', alertId: r.raised[0], scopeCode: 'mp-katima-bridge', day: day?.day });

    const log = await app.as('admin').get('/api/v1/alert-deliveries');
    const { deliveries } = (await log.json()) as { deliveries: DeliveryView[] };
    const webhook = deliveries.find((d) => d.channel === 'webhook' && d.alertId === r.raised[0]);
    expect(webhook).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, lastError: null });
    expect(deliveries.find((d) => d.channel === 'email' && d.alertId === r.raised[0])).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await app.as('data_manager').get('/api/v1/alert-deliveries')).status).toBe(403);
  });
});
