import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/index.js';
import { errorHandler } from '../../server/http/problem.js';
import { rateLimiter } from '../../server/http/security.js';
import { startApp } from '../helpers/app.js';
import { sharedDb } from '../helpers/db.js';
import { describeApp } from '../helpers/suite.js';

const CSP =
  "default-src 'self';script-src 'self' 'wasm-unsafe-eval';style-src 'self';img-src 'self' data: blob:;" +
  "worker-src 'self' blob:;connect-src 'self';font-src 'self';object-src 'none';base-uri 'self';frame-ancestors 'none'";

async function listen(app: express.Express): Promise<{ url: string; close: () => void }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

describeApp('hardening on the %s database', { env: { JSON_BODY_LIMIT: '1kb' } }, ({ app, kind }) => {
  it.each(['/api/v1/health', '/', '/api/v1/nope'])('when %s is fetched, then the strict CSP and security headers are set', async (path) => {
    const res = await app.get(path);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer'); // keeps ?signin= codes out of Referer
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('when another origin asks, including a preflight, then no CORS header grants it access', async () => {
    const origin = { origin: 'https://elsewhere.example' };
    const get = await app.get('/api/v1/health', { headers: origin });
    const preflight = await app.get('/api/v1/tokens', { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'POST' } });
    for (const res of [get, preflight]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('when a JSON body exceeds JSON_BODY_LIMIT, then 413 problem+json answers', async () => {
    const body = JSON.stringify({ username: 'x'.repeat(2000), password: 'y' });
    const res = await app.get('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('when the database fails with SQL in its message, then the 500 says neither the SQL nor where in the code', async () => {
    const secret = 'relation "observations_secret" does not exist: SELECT password_hash FROM users';
    const real = await sharedDb(kind);
    // Only the exact counts fail (admin stats); sign-in and everything else work.
    const failing: Db = {
      ...real,
      kind,
      query: (text, values) => (text.includes('count(*)') ? Promise.reject(new Error(secret)) : real.query(text, values)),
    };
    const broken = await startApp({ db: failing, as: 'admin' });
    try {
      const res = await broken.get('/api/v1/admin/stats');
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/observations_secret|SELECT|password_hash/);
      expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(JSON.parse(text).detail).toMatch(/request id/);
    } finally {
      await broken.close();
    }
  });

  it('when requests carry credentials, then the request log records neither the token nor the cookie', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const config = loadConfig({ LOG_LEVEL: 'info' });
    const logged = await listen(createApp({ config, db: app.db, log: pino({ level: 'info' }, sink), schemaVersion: 'x' }));
    const token = `cor_${'Z'.repeat(43)}`;
    await fetch(`${logged.url}/api/v1/health`, { headers: { authorization: `Bearer ${token}`, cookie: 'corridor_session=ses_secretcookie' } });
    await fetch(`${logged.url}/api/v1/health`, { headers: { cookie: 'corridor_session=ses_secretcookie' } });
    logged.close();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/Z{43}|ses_secretcookie/);
  });
});

describe('rate limiter factory for heavy endpoints', () => {
  it('when one caller exceeds its budget, then 429 problem+json answers it, and another caller is unaffected', async () => {
    const mini = express();
    mini.use((req, res, next) => {
      const who = req.headers['x-who'] === 'b' ? 2 : 1;
      res.locals.principal = { kind: 'token', tokenId: who, name: `t${who}`, role: 'analyst' };
      next();
    });
    mini.get('/heavy', rateLimiter({ perMinute: 2, name: 'heavy-test', by: 'caller' }), (_req, res) => void res.json({ ok: true }));
    mini.use(errorHandler(pino({ level: 'silent' })));
    const { url, close } = await listen(mini);
    try {
      const a = [];
      for (let i = 0; i < 3; i++) a.push((await fetch(`${url}/heavy`)).status);
      expect(a).toEqual([200, 200, 429]);
      const limited = await fetch(`${url}/heavy`);
      expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await fetch(`${url}/heavy`, { headers: { 'x-who': 'b' } })).status).toBe(200);
    } finally {
      close();
    }
  });
});
