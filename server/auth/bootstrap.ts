import type { Logger } from 'pino';
import { audit, SYSTEM } from '../audit/audit.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { issueOneTimeCode, ONE_TIME_HOURS } from './one-time.js';
import { ensureConfiguredToken } from './tokens.js';
import { createUser, lockUserChanges } from './users.js';

export const FIRST_ADMIN = 'admin';

/**
 * Start-up identity work (server/main.ts). A database without users gets an admin with no
 * password; until some enabled admin has a password, every start issues a fresh one-time
 * sign-in code for the console (like a notebook server), so a lost link is one restart away
 * and there is never a default password. CORRIDOR_ADMIN_TOKEN, when set, is made a live admin token.
 */
export async function bootstrapAuth(
  db: Db,
  config: Pick<Config, 'CORRIDOR_ADMIN_TOKEN'>,
  log: Pick<Logger, 'info' | 'warn'>,
): Promise<{ signInCode?: string; validHours: number }> {
  if (config.CORRIDOR_ADMIN_TOKEN) {
    const outcome = await ensureConfiguredToken(db, config.CORRIDOR_ADMIN_TOKEN);
    if (outcome === 'created') {
      await audit(db, SYSTEM, 'token.create', { name: 'CORRIDOR_ADMIN_TOKEN', role: 'admin' });
      log.info('admin API token from CORRIDOR_ADMIN_TOKEN created');
    }
    if (outcome === 'revoked') {
      log.warn('CORRIDOR_ADMIN_TOKEN was revoked by an admin and stays revoked; set a new value to get a working token');
    }
  }
  const signInCode = await db.transaction(async (tx) => {
    await lockUserChanges(tx);
    const [users] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if (users?.n === 0) {
      const admin = await createUser(tx, { username: FIRST_ADMIN, role: 'admin', passwordHash: null });
      if (admin) await audit(tx, SYSTEM, 'user.create', { id: admin.id, username: admin.username, role: admin.role });
    }
    const [pending] = await tx.query<{ id: number }>(
      `SELECT id FROM users WHERE role = 'admin' AND NOT disabled AND password_hash IS NULL
         AND NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND NOT disabled AND password_hash IS NOT NULL)
       ORDER BY id LIMIT 1`,
    );
    if (!pending) return undefined;
    await audit(tx, SYSTEM, 'auth.one_time_issued', { userId: pending.id });
    return issueOneTimeCode(tx, pending.id);
  });
  return { signInCode, validHours: ONE_TIME_HOURS };
}
