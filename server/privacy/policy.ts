import { hasRole, type Principal } from '../auth/roles.js';
import type { Config } from '../config.js';

export type DisclosureConfig = Pick<Config, 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE'>;

export interface DisclosurePolicy {
  /** false only for data_manager and admin outside exports */
  suppress: boolean;
  /** counts in 1…k−1 are suppressed */
  k: number;
}

/**
 * Decides k and whether to suppress for a caller. sensitive: protection reports and trafficking
 * indicators (SUPPRESSION_K_SENSITIVE). exporting: files leave our control, so every role is
 * suppressed.
 */
export function disclosurePolicy(
  principal: Principal,
  config: DisclosureConfig,
  opts: { sensitive?: boolean; exporting?: boolean } = {},
): DisclosurePolicy {
  return {
    k: opts.sensitive ? config.SUPPRESSION_K_SENSITIVE : config.SUPPRESSION_K,
    suppress: opts.exporting === true || !hasRole(principal, 'data_manager'),
  };
}

/** Protection reports, and people in groups with trafficking indicators, are the most sensitive counts. */
export function isSensitive(q: { measure?: string | undefined; vulnerability?: readonly string[] | undefined }): boolean {
  return q.measure === 'reports' || (q.vulnerability ?? []).includes('trafficking_indicators');
}

/**
 * The policies of one request: `ordinary` for its counts — the sensitive one when the request
 * selects sensitive people as a whole (isSensitive) — and `sensitive` for the trafficking
 * indicator cells within an ordinary answer (a breakdown by vulnerability).
 */
export function requestPolicies(
  principal: Principal,
  config: DisclosureConfig,
  q: Parameters<typeof isSensitive>[0],
  opts: { exporting?: boolean } = {},
): { ordinary: DisclosurePolicy; sensitive: DisclosurePolicy } {
  const sensitive = disclosurePolicy(principal, config, { ...opts, sensitive: true });
  return { ordinary: isSensitive(q) ? sensitive : disclosurePolicy(principal, config, opts), sensitive };
}
