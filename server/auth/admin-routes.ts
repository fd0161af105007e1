import type { CreatedToken } from '../../common/auth.js';
import { Router } from 'express';
import { audit } from '../audit/audit.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { HttpError, notFound } from '../http/problem.js';
import { route } from '../http/route.js';
import { idParams, tokenBody, userBody, userPatch } from './schemas.js';
import { hashPassword } from './secrets.js';
import { endUserSessions } from './sessions.js';
import { createToken, listTokens, revokeToken } from './tokens.js';
import { createUser, getUser, listUsers, lockUserChanges, otherEnabledAdmins, updateUser } from './users.js';

const conflict = (detail: string) => new HttpError(409, 'Conflict', detail);

/** Users and API tokens: admin only, every change audited in the same transaction. */
export function adminRouter(db: Db, config: Config): Router {
  const router = Router();

  route(router, {
    method: 'get',
    path: '/users',
    access: 'admin',
    summary: 'List users (no password hashes)',
    cache: 'no-store',
    handler: async () => ({ users: await listUsers(db) }),
  });

  route(router, {
    method: 'post',
    path: '/users',
    access: 'admin',
    summary: 'Create a user: { username, password, role }',
    body: userBody,
    handler: async (_req, res, { body, principal }) => {
      const passwordHash = await hashPassword(body.password, config.BCRYPT_COST);
      const user = await db.transaction(async (tx) => {
        const created = await createUser(tx, { username: body.username, role: body.role, passwordHash });
        if (created) await audit(tx, principal, 'user.create', { id: created.id, username: created.username, role: created.role });
        return created;
      });
      if (!user) throw conflict(`username ${body.username} is taken`);
      res.status(201).json(user);
    },
  });

  route(router, {
    method: 'patch',
    path: '/users/:id',
    access: 'admin',
    summary: 'Change a user: { role?, disabled?, password? }',
    params: idParams,
    body: userPatch,
    handler: async (_req, res, { params, body, principal }) => {
      // Hash before the transaction: bcrypt is slow and needs no lock.
      const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password, config.BCRYPT_COST);
      const user = await db.transaction(async (tx) => {
        await lockUserChanges(tx);
        const before = await getUser(tx, params.id);
        if (!before) throw notFound(`no user ${params.id}`);
        const losesAdmin = before.role === 'admin' && !before.disabled && ((body.role ?? 'admin') !== 'admin' || body.disabled === true);
        if (losesAdmin && (await otherEnabledAdmins(tx, before.id)) === 0) {
          throw conflict('this is the last enabled admin; make another admin first');
        }
        const after = await updateUser(tx, params.id, { role: body.role, disabled: body.disabled, passwordHash });
        // A new password or a disabled account ends every open session of that user.
        if (passwordHash !== undefined || body.disabled === true) await endUserSessions(tx, params.id);
        const changes = { role: body.role, disabled: body.disabled, passwordChanged: passwordHash !== undefined || undefined };
        await audit(tx, principal, 'user.update', { id: params.id, username: before.username, ...changes });
        return after;
      });
      res.json(user);
    },
  });

  route(router, {
    method: 'get',
    path: '/tokens',
    access: 'admin',
    summary: 'List API tokens (never their secrets)',
    cache: 'no-store',
    handler: async () => ({ tokens: await listTokens(db) }),
  });

  route(router, {
    method: 'post',
    path: '/tokens',
    access: 'admin',
    summary: 'Create an API token: { role, name, expiresAt? }; the secret is returned this once',
    body: tokenBody,
    cache: 'no-store', // the answer holds the secret
    handler: async (_req, res, { body, principal }) => {
      const created = await db.transaction(async (tx) => {
        const t = await createToken(tx, { name: body.name, role: body.role, expiresAt: body.expiresAt, createdBy: principal.userId });
        await audit(tx, principal, 'token.create', { id: t.id, name: body.name, role: body.role, expiresAt: body.expiresAt ?? null });
        return t;
      });
      res.status(201);
      const answer: CreatedToken<Date> = { ...created, name: body.name, role: body.role, expiresAt: body.expiresAt ?? null };
      return answer;
    },
  });

  route(router, {
    method: 'delete',
    path: '/tokens/:id',
    access: 'admin',
    summary: 'Revoke an API token (idempotent)',
    params: idParams,
    handler: async (_req, res, { params, principal }) => {
      const outcome = await db.transaction(async (tx) => {
        const r = await revokeToken(tx, params.id);
        if (r === 'revoked') await audit(tx, principal, 'token.revoke', { id: params.id });
        return r;
      });
      if (outcome === 'missing') throw notFound(`no token ${params.id}`);
      res.status(204).end();
    },
  });

  return router;
}
