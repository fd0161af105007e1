import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { bootstrapAuth, FIRST_ADMIN } from '../../server/auth/bootstrap.js';
import { json, sessionCookie } from '../helpers/auth.js';
import { describeApp } from '../helpers/suite.js';

// A database of its own: these tests need to know every user in it.
describeApp('first start on the %s database', { db: 'fresh' }, ({ app, db }) => {
  const warnings: string[] = [];
  const log = { info: () => {}, warn: (msg: string) => void warnings.push(msg) };

  const redeem = (code: string) => app.anonymous.get('/api/v1/auth/one-time', json({ code }, { method: 'POST' }));

  it('when there are no users, then an admin without password is made and a one-time code signs in as it, once', async () => {
    const { signInCode, validHours } = await bootstrapAuth(db, {}, log);
    expect(validHours).toBe(24);
    expect(signInCode).toMatch(/^otc_/);
    const [admin] = await db.query<{ role: string; pw: boolean }>('SELECT role, password_hash IS NOT NULL AS pw FROM users WHERE username = $1', [FIRST_ADMIN]);
    expect(admin).toEqual({ role: 'admin', pw: false });
    const res = await redeem(signInCode ?? '');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: 'session', name: FIRST_ADMIN, role: 'admin' });
    expect((await redeem(signInCode ?? '')).status).toBe(401);
  });

  it('when restarted before the admin has a password, then a new code is printed and the old unused one dies', async () => {
    const first = (await bootstrapAuth(db, {}, log)).signInCode ?? '';
    const second = (await bootstrapAuth(db, {}, log)).signInCode ?? '';
    expect(second).not.toBe(first);
    expect((await redeem(first)).status).toBe(401);
    const session = sessionCookie(await redeem(second)) ?? '';
    expect((await db.query('SELECT 1 FROM users')).length).toBe(1);

    // The admin sets a password for itself: from then on no more links.
    const [admin] = await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [FIRST_ADMIN]);
    const patch = await app.anonymous.get(`/api/v1/users/${admin?.id}`, json({ password: 'the admin password' }, { method: 'PATCH', headers: { cookie: session } }));
    expect(patch.status).toBe(200);
    expect((await bootstrapAuth(db, {}, log)).signInCode).toBeUndefined();
  });

  it('when the only admin would be demoted or disabled, then 409; with a second admin it is allowed', async () => {
    const [admin] = await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [FIRST_ADMIN]);
    const patch = (body: unknown) => app.as('admin').get(`/api/v1/users/${admin?.id}`, json(body, { method: 'PATCH' }));
    expect((await patch({ role: 'viewer' })).status).toBe(409);
    expect((await patch({ disabled: true })).status).toBe(409);
    const other = await app.as('admin').get('/api/v1/users', json({ username: 'second-admin', password: 'another long password', role: 'admin' }, { method: 'POST' }));
    expect(other.status).toBe(201);
    expect((await patch({ role: 'data_manager' })).status).toBe(200);
  });

  it('when CORRIDOR_ADMIN_TOKEN is set, then start-up makes it an admin token, once; a revoked one stays revoked', async () => {
    const token = `ci-${randomBytes(24).toString('hex')}`;
    const bearer = { headers: { authorization: `Bearer ${token}` } };
    await bootstrapAuth(db, { CORRIDOR_ADMIN_TOKEN: token }, log);
    await bootstrapAuth(db, { CORRIDOR_ADMIN_TOKEN: token }, log);
    const rows = await db.query<{ id: number }>(`SELECT id FROM api_tokens WHERE name = 'CORRIDOR_ADMIN_TOKEN'`);
    expect(rows).toHaveLength(1);
    expect((await app.anonymous.get('/api/v1/audit', bearer)).status).toBe(200);

    await app.as('admin').get(`/api/v1/tokens/${rows[0]?.id}`, { method: 'DELETE' });
    await bootstrapAuth(db, { CORRIDOR_ADMIN_TOKEN: token }, log);
    expect((await app.anonymous.get('/api/v1/audit', bearer)).status).toBe(401);
    expect(warnings.join()).toMatch(/CORRIDOR_ADMIN_TOKEN was revoked/);
  });
});
