import type { Queryable } from '../db/index.js';
import { newSecret, secretHash } from './secrets.js';

/** One day: long enough to open the link printed at first start, short enough to go stale. */
export const ONE_TIME_HOURS = 24;

/** A fresh single-use sign-in code for a user; earlier unused codes of theirs stop working. */
export async function issueOneTimeCode(q: Queryable, userId: number): Promise<string> {
  await q.query('UPDATE one_time_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
  const code = newSecret('otc');
  await q.query(
    `INSERT INTO one_time_codes (code_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`,
    [secretHash(code), userId, ONE_TIME_HOURS],
  );
  return code;
}

/**
 * Uses up a code and returns its user, or undefined (unknown, used, expired, user disabled).
 * One UPDATE … WHERE used_at IS NULL: two concurrent redemptions cannot both succeed.
 */
export async function redeemOneTimeCode(q: Queryable, code: string): Promise<number | undefined> {
  const [row] = await q.query<{ userId: number }>(
    `UPDATE one_time_codes c SET used_at = now() FROM users u
     WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > now() AND u.id = c.user_id AND NOT u.disabled
     RETURNING c.user_id AS "userId"`,
    [secretHash(code)],
  );
  return row?.userId;
}
