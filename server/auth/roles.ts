/**
 * Roles, ordered: each includes what the ones before it may do (docs/architecture.md#roles).
 * viewer = government partners (aggregates, briefs); data_manager = imports and the only role
 * that sees unsuppressed counts and exact report locations; admin = users, tokens, audit.
 */
export const ROLES = ['viewer', 'analyst', 'planner', 'data_manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is asking. 'public' is the role of an anonymous caller: below viewer, and allowed to read
 * viewer-level data only when PUBLIC_VIEWER=on.
 */
export interface Principal {
  kind: 'anonymous' | 'session' | 'token';
  userId?: number;
  /** Set for token principals, so the audit log can name the token. */
  tokenId?: number;
  name: string;
  role: Role | 'public';
}

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous', name: 'anonymous', role: 'public' });

/** 0 for 'public', then 1 (viewer) … 5 (admin). */
export function roleRank(role: Role | 'public'): number {
  return ROLES.indexOf(role as Role) + 1;
}

export function hasRole(principal: Principal, atLeast: Role): boolean {
  return roleRank(principal.role) >= roleRank(atLeast);
}
