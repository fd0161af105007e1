import type { Me } from '../../common/auth.js';
import { Router } from 'express';
import { audit } from '../audit/audit.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { HttpError } from '../http/problem.js';
import { rateLimiter } from '../http/security.js';
import { redeemOneTimeCode } from './one-time.js';
import { ANONYMOUS, type Principal } from './roles.js';
import { route } from '../http/route.js';
import { loginBody, oneTimeBody } from './schemas.js';
import { verifyPassword } from './secrets.js';
import { clearSessionCookie, createSession, endSession, readCookie, SESSION_COOKIE, setSessionCookie } from './sessions.js';
import { findLoginUser, getUser, markLogin } from './users.js';

const signInFailed = () => new HttpError(401, 'Sign-in failed', 'wrong username or password');

/** What the client needs to know about the caller (never a secret). */
const describe = (p: Principal): Me => ({ kind: p.kind, userId: p.userId, name: p.name, role: p.role });

/** Sign-in (password, one-time code), sign-out and "who am I". */
export function authRouter(db: Db, config: Config): Router {
  const router = Router();
  // One budget for both ways of signing in, so guessing codes is as slow as guessing passwords.
  const signInLimit = rateLimiter({ perMinute: config.LOGIN_RATE_LIMIT, name: 'sign-in', by: 'ip' });

  /** A new session (never reusing one the browser brought: no session fixation), audited. */
  async function signIn(userId: number, action: 'auth.login' | 'auth.one_time'): Promise<{ secret: string; principal: Principal }> {
    return db.transaction(async (tx) => {
      const user = await getUser(tx, userId);
      if (!user || user.disabled) throw signInFailed();
      const principal: Principal = { kind: 'session', userId: user.id, name: user.username, role: user.role };
      await markLogin(tx, user.id);
      await audit(tx, principal, action);
      return { secret: await createSession(tx, user.id, config.SESSION_HOURS), principal };
    });
  }

  route(router, {
    method: 'post',
    path: '/auth/login',
    access: 'public',
    summary: 'Sign in with username and password; sets the session cookie',
    body: loginBody,
    cache: 'no-store',
    middleware: [signInLimit],
    handler: async (req, res, { body }) => {
      const user = await findLoginUser(db, body.username);
      const passwordOk = await verifyPassword(body.password, user?.passwordHash, config.BCRYPT_COST);
      if (!user || !passwordOk || user.disabled) {
        const reason = !user ? 'unknown user' : !passwordOk ? 'wrong password' : 'disabled';
        await audit(db, ANONYMOUS, 'auth.login_failed', { username: body.username, reason, ip: req.ip });
        throw signInFailed();
      }
      const { secret, principal } = await signIn(user.id, 'auth.login');
      setSessionCookie(req, res, secret, config.SESSION_HOURS);
      return describe(principal);
    },
  });

  route(router, {
    method: 'post',
    path: '/auth/one-time',
    access: 'public',
    summary: 'Exchange a one-time sign-in code (first-start link) for a session',
    body: oneTimeBody,
    cache: 'no-store',
    middleware: [signInLimit],
    handler: async (req, res, { body }) => {
      const userId = await redeemOneTimeCode(db, body.code);
      if (userId === undefined) {
        await audit(db, ANONYMOUS, 'auth.one_time_failed', { ip: req.ip });
        throw new HttpError(401, 'Sign-in failed', 'the sign-in code is unknown, used or expired');
      }
      const { secret, principal } = await signIn(userId, 'auth.one_time');
      setSessionCookie(req, res, secret, config.SESSION_HOURS);
      return describe(principal);
    },
  });

  route(router, {
    method: 'post',
    path: '/auth/logout',
    access: 'public', // signing out must work with an expired session too; it only ever removes access
    summary: 'End the current session and clear its cookie',
    handler: async (req, res, { principal }) => {
      const secret = readCookie(req, SESSION_COOKIE);
      if (secret && principal.kind === 'session') {
        await endSession(db, secret);
        await audit(db, principal, 'auth.logout');
      }
      clearSessionCookie(req, res);
      res.status(204).end();
    },
  });

  route(router, {
    method: 'get',
    path: '/auth/me',
    access: 'viewer', // anonymous gets 401, or the public principal when PUBLIC_VIEWER=on
    summary: 'The signed-in principal: kind, name, role',
    cache: 'no-store',
    handler: (_req, res, { principal }) => ({ ...describe(principal), publicViewer: res.locals.publicViewer === true }),
  });

  return router;
}
