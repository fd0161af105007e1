/**
 * Roles and the /api/v1/auth, /users and /tokens answers. Rows are declared once with their
 * dates as a parameter: the server reads them as Date (users.ts, tokens.ts), JSON carries
 * ISO strings (the default), so both sides name the same fields.
 */

/**
 * Roles, ordered: each includes what the ones before it may do (docs/architecture.md#roles).
 * viewer = government partners (aggregates, briefs); data_manager = imports and the only role
 * that sees unsuppressed counts and exact report locations; admin = users, tokens, audit.
 */
export const ROLES = ['viewer', 'analyst', 'planner', 'data_manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 0 for 'public' (an anonymous caller), then 1 (viewer) … 5 (admin). */
export function roleRank(role: Role | 'public'): number {
  return ROLES.indexOf(role as Role) + 1;
}

/** GET /auth/me and the sign-in answers. */
export interface Me {
  kind: 'anonymous' | 'session' | 'token';
  userId?: number | undefined;
  name: string;
  role: Role | 'public';
  /** Whether anonymous visitors may read viewer-level data (PUBLIC_VIEWER); /auth/me only. */
  publicViewer?: boolean;
}

export interface UserRow<D = string> {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: D;
  updatedAt: D;
  lastLoginAt: D | null;
}

export interface TokenRow<D = string> {
  id: number;
  name: string;
  role: Role;
  createdBy: number | null;
  createdAt: D;
  expiresAt: D | null;
  lastUsedAt: D | null;
  revokedAt: D | null;
}

/** The POST /tokens answer: the only time the secret ever leaves the server. */
export interface CreatedToken<D = string> {
  id: number;
  token: string;
  name: string;
  role: Role;
  expiresAt: D | null;
}
