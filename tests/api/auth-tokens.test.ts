import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { json } from '../helpers/auth.js';
import { describeApp } from '../helpers/suite.js';

describeApp('API tokens on the %s database', ({ app }) => {
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const newToken = async (body: unknown) => app.as('admin').get('/api/v1/tokens', json(body, { method: 'POST' }));

  it('when an admin creates a token, then the secret is returned once and never listed, not even hashed', async () => {
    const res = await newToken({ role: 'analyst', name: 'tokens-once' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { id, token } = await res.json();
    expect(token).toMatch(/^cor_[A-Za-z0-9_-]{43}$/);
    const list = await (await app.as('admin').get('/api/v1/tokens')).text();
    expect(JSON.parse(list).tokens.find((t: { id: number }) => t.id === id)).toMatchObject({ name: 'tokens-once', role: 'analyst', revokedAt: null });
    expect(list).not.toContain(token);
    expect(list).not.toContain(createHash('sha256').update(token).digest('hex'));
    const [stored] = await app.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [id]);
    expect(stored?.token_hash).not.toContain(token);
  });

  it('when a token is used, then it acts with its role and its last use is recorded', async () => {
    const { id, token } = await (await newToken({ role: 'analyst', name: 'tokens-role' })).json();
    const me = await app.anonymous.get('/api/v1/auth/me', bearer(token));
    expect(await me.json()).toMatchObject({ kind: 'token', name: 'tokens-role', role: 'analyst' });
    expect((await app.anonymous.get('/api/v1/users', bearer(token))).status).toBe(403);
    const [row] = await app.db.query<{ used: boolean }>('SELECT last_used_at IS NOT NULL AS used FROM api_tokens WHERE id = $1', [id]);
    expect(row?.used).toBe(true);
  });

  it('when a token is revoked, then it is refused with 401; revoking again is harmless; an unknown id is 404', async () => {
    const { id, token } = await (await newToken({ role: 'viewer', name: 'tokens-revoke' })).json();
    expect((await app.anonymous.get('/api/v1/places', bearer(token))).status).toBe(200);
    expect((await app.as('admin').get(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
    const refused = await app.anonymous.get('/api/v1/places', bearer(token));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await app.as('admin').get(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.as('admin').get('/api/v1/tokens/2147483647', { method: 'DELETE' })).status).toBe(404);
    const [n] = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'token.revoke' AND (params->>'id')::int = $1`, [id]);
    expect(n?.n).toBe(1);
  });

  it('when a token has expired, then it is refused with 401', async () => {
    const { id, token } = await createToken(app.db, { name: 'tokens-expiring', role: 'viewer', expiresAt: new Date(Date.now() + 60_000) });
    expect((await app.anonymous.get('/api/v1/places', bearer(token))).status).toBe(200);
    await app.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect((await app.anonymous.get('/api/v1/places', bearer(token))).status).toBe(401);
  });

  it.each([
    ['Bearer nope', 401],
    ['Basic YWRtaW46YWRtaW4=', 401],
    [`Bearer cor_${'A'.repeat(43)}`, 401],
  ])('when the Authorization header is %s, then %i answers even on a public route', async (authorization, status) => {
    expect((await app.anonymous.get('/api/v1/health', { headers: { authorization } })).status).toBe(status);
  });

  it.each([
    [{ role: 'root', name: 'x' }, 'body.role'],
    [{ role: 'viewer', name: '' }, 'body.name'],
    [{ role: 'viewer', name: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'body.expiresAt'],
    [{ role: 'viewer', name: 'x', secret: 'mine' }, 'body.secret'],
  ])('when the token request is %o, then 400 names %s', async (body, field) => {
    const res = await newToken(body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describeApp('users on the %s database', { as: 'admin' }, ({ app }) => {
  const username = `users-${Date.now().toString(36)}`;

  it('when an admin creates a user, then it is listed without any password hash, and a second one by that name conflicts', async () => {
    const res = await app.get('/api/v1/users', json({ username: username.toUpperCase(), password: 'long enough password', role: 'planner' }, { method: 'POST' }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ username, role: 'planner', disabled: false, hasPassword: true });
    const list = await (await app.get('/api/v1/users')).text();
    expect(list).toContain(username);
    expect(list).not.toMatch(/\$2[aby]\$/);
    const again = await app.get('/api/v1/users', json({ username, password: 'long enough password', role: 'viewer' }, { method: 'POST' }));
    expect(again.status).toBe(409);
  });

  it.each([
    [{ username: 'x', password: 'long enough password', role: 'viewer' }, 'body.username'],
    [{ username: 'shortpw', password: 'short', role: 'viewer' }, 'body.password'],
    [{ username: 'longpw', password: 'é'.repeat(40), role: 'viewer' }, 'body.password'],
    [{ username: 'norole', password: 'long enough password', role: 'owner' }, 'body.role'],
  ])('when the new user is %o, then 400 names %s', async (body, field) => {
    const res = await app.get('/api/v1/users', json(body, { method: 'POST' }));
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('when a patch is empty or the user does not exist, then 400 and 404 answer', async () => {
    expect((await app.get('/api/v1/users/1', json({}, { method: 'PATCH' }))).status).toBe(400);
    expect((await app.get('/api/v1/users/2147483647', json({ role: 'viewer' }, { method: 'PATCH' }))).status).toBe(404);
  });
});
