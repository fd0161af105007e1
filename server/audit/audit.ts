import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';

/** Actions are dotted lower-case names: 'auth.login', 'user.update', 'import.observations', 'export.brief'. */
export const ACTION_PATTERN = /^[a-z][a-z_]*(\.[a-z_]+)*$/;

/** Start-up and other work no caller asked for. */
export const SYSTEM = 'system';

/**
 * Appends one audit entry. Call it inside the transaction of the change it records, so an entry
 * exists exactly when the change does. params must never hold secrets (passwords, tokens, codes).
 */
export async function audit(
  q: Queryable,
  principal: Principal | typeof SYSTEM,
  action: string,
  params: Record<string, unknown> = {},
): Promise<void> {
  if (!ACTION_PATTERN.test(action)) throw new Error(`audit action ${JSON.stringify(action)} is not a dotted lower-case name`);
  const actor =
    principal === SYSTEM
      ? { kind: SYSTEM, userId: null, tokenId: null, name: SYSTEM, role: SYSTEM }
      : { ...principal, userId: principal.userId ?? null, tokenId: principal.tokenId ?? null };
  await q.query(
    `INSERT INTO audit_log (actor_kind, actor_user_id, actor_token_id, actor_name, actor_role, action, params)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [actor.kind, actor.userId, actor.tokenId, actor.name, actor.role, action, JSON.stringify(params, noNul)],
  );
}

// jsonb refuses \u0000; params often echo what a caller sent (a username, a file name).
const noNul = (_key: string, value: unknown) => (typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : value);

export interface AuditFilter {
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actorKind: string;
  actorUserId: number | null;
  actorTokenId: number | null;
  actorName: string;
  actorRole: string;
  action: string;
  params: Record<string, unknown>;
}

/** Newest first. `action` matches exactly, or as a prefix when it ends in '.*' ('auth.*'). */
export function listAudit(q: Queryable, f: AuditFilter): Promise<AuditEntry[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const bind = (v: unknown) => `$${values.push(v)}`;
  if (f.action?.endsWith('.*')) where.push(`(action = ${bind(f.action.slice(0, -2))} OR starts_with(action, ${bind(f.action.slice(0, -1))}))`);
  else if (f.action) where.push(`action = ${bind(f.action)}`);
  if (f.from) where.push(`at >= ${bind(f.from.toISOString())}::timestamptz`);
  if (f.to) where.push(`at < ${bind(f.to.toISOString())}::timestamptz`);
  return q.query<AuditEntry & Record<string, unknown>>(
    `SELECT id, at, actor_kind AS "actorKind", actor_user_id AS "actorUserId", actor_token_id AS "actorTokenId",
       actor_name AS "actorName", actor_role AS "actorRole", action, params
     FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${bind(f.limit)}`,
    values,
  );
}
