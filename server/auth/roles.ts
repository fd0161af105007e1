import { type Role, ROLES, roleRank } from '../../common/auth.js';

// The roles, in order, and their ranks are shared with the client: common/auth.ts.
export { type Role, ROLES, roleRank };

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

export function hasRole(principal: Principal, atLeast: Role): boolean {
  return roleRank(principal.role) >= roleRank(atLeast);
}
