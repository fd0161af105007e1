import express from 'express';
import type { AddressInfo } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { issueOneTimeCode } from '../../server/auth/one-time.js';
import { setSessionCookie } from '../../server/auth/sessions.js';
import { startApp } from '../helpers/app.js';
import { json, makeUser, sessionCookie, type TestUser } from '../helpers/auth.js';
import { describeApp } from '../helpers/suite.js';

describeApp('sessions and sign-in on the %s database', { env: { LOGIN_RATE_LIMIT: '1000' } }, ({ app, kind }) => {
  let user: TestUser;
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    app.anonymous.get('/api/v1/auth/login', json({ username, password }, { method: 'POST', headers }));
  /** Audit entries of an action done by (or, for failures, aimed at) a username. */
  const auditCount = async (action: string, username: string) => {
    const [row] = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND (actor_name = $2 OR params->>'username' = $2)`,
      [action, username],
    );
    return row?.n ?? 0;
  };
  beforeAll(async () => {
    user = await makeUser(app.db, 'analyst', 'sess');
  });

  it('when signing in, then the session cookie is HttpOnly, SameSite=Strict, not Secure over http, and identifies the user', async () => {
    const res = await login(user.username, user.password);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: 'session', userId: user.id, name: user.username, role: 'analyst' });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('corridor_session='));
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Strict/);
    expect(set).toMatch(/; Path=\//);
    expect(set).not.toMatch(/; Secure/);
    const me = await app.anonymous.get('/api/v1/auth/me', { headers: { cookie: sessionCookie(res) ?? '' } });
    expect(await me.json()).toMatchObject({ kind: 'session', role: 'analyst' });
    expect(await auditCount('auth.login', user.username)).toBeGreaterThanOrEqual(1);
  });

  it('when the request came over HTTPS, then the cookie is Secure', async () => {
    const mini = express();
    mini.get('/', (req, res) => {
      Object.defineProperty(req, 'secure', { value: true }); // as an HTTPS listener would report
      setSessionCookie(req, res, 'ses_x', 1);
      res.end();
    });
    const server = mini.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.close();
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('when signing out, then the cookie is cleared and the old session no longer works', async () => {
    const cookie = sessionCookie(await login(user.username, user.password)) ?? '';
    const out = await app.anonymous.get('/api/v1/auth/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/corridor_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await app.anonymous.get('/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('when the password, the user or the account state is wrong, then the same 401 answers and a failure is audited', async () => {
    const disabled = await makeUser(app.db, 'viewer', 'sess-off');
    await app.db.query('UPDATE users SET disabled = true WHERE id = $1', [disabled.id]);
    const bodies = [];
    for (const [name, pw] of [[user.username, 'wrong password!'], ['nobody-here', 'whatever'], [disabled.username, disabled.password]] as const) {
      const res = await login(name, pw);
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie()).toEqual([]);
      const { detail, title } = await res.json();
      bodies.push({ detail, title });
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(await auditCount('auth.login_failed', user.username)).toBeGreaterThanOrEqual(1);
    expect(await auditCount('auth.login_failed', disabled.username)).toBeGreaterThanOrEqual(1);
  });

  it('when a session expires or its user is disabled, then it stops working and the cookie is cleared', async () => {
    const other = await makeUser(app.db, 'viewer', 'sess-exp');
    const cookie = sessionCookie(await login(other.username, other.password)) ?? '';
    await app.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [other.id]);
    const res = await app.anonymous.get('/api/v1/auth/me', { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().join()).toMatch(/corridor_session=;/);
  });

  it('when a one-time code is used, then it signs in once and never again', async () => {
    const code = await issueOneTimeCode(app.db, user.id);
    const first = await app.anonymous.get('/api/v1/auth/one-time', json({ code }, { method: 'POST' }));
    expect(first.status).toBe(200);
    expect(sessionCookie(first)).toBeDefined();
    const second = await app.anonymous.get('/api/v1/auth/one-time', json({ code }, { method: 'POST' }));
    expect(second.status).toBe(401);
    expect(await auditCount('auth.one_time', user.username)).toBeGreaterThanOrEqual(1);
  });

  it('when a one-time code is expired or superseded, then it is refused', async () => {
    const old = await issueOneTimeCode(app.db, user.id);
    const expired = await issueOneTimeCode(app.db, user.id); // supersedes `old`
    await app.db.query(`UPDATE one_time_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`, [user.id]);
    for (const code of [old, expired]) {
      expect((await app.anonymous.get('/api/v1/auth/one-time', json({ code }, { method: 'POST' }))).status).toBe(401);
    }
  });

  it('when a signed-in write comes from another origin, then it is refused; from our own origin it passes', async () => {
    const admin = await makeUser(app.db, 'admin', 'sess-adm');
    const cookie = sessionCookie(await login(admin.username, admin.password)) ?? '';
    const body = (name: string) => ({ role: 'viewer', name });
    const cross = await app.anonymous.get('/api/v1/tokens', json(body('x'), { method: 'POST', headers: { cookie, origin: 'https://evil.example' } }));
    expect(cross.status).toBe(403);
    const own = await app.anonymous.get('/api/v1/tokens', json(body('own'), { method: 'POST', headers: { cookie, origin: app.url } }));
    expect(own.status).toBe(201);
  });

  it('when a user gets a new password, then their open sessions end', async () => {
    const victim = await makeUser(app.db, 'planner', 'sess-pw');
    const cookie = sessionCookie(await login(victim.username, victim.password)) ?? '';
    const patch = await app.as('admin').get(`/api/v1/users/${victim.id}`, json({ password: 'a brand new password' }, { method: 'PATCH' }));
    expect(patch.status).toBe(200);
    expect((await app.anonymous.get('/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await login(victim.username, 'a brand new password')).status).toBe(200);
  });

  it('when sign-in is attempted too often from one address, then 429 answers as problem+json', async () => {
    const limited = await startApp({ kind, env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.anonymous.get('/api/v1/auth/login', json({ username: 'nobody-x', password: 'x' }, { method: 'POST' }));
        statuses.push(res.status);
        if (res.status === 429) expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
