import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../server/auth/roles.js';
import { messageOf } from '../../../server/alerts/deliveries.js';
import { countFor } from '../../../server/alerts/publish.js';

const config = { SUPPRESSION_K: 5, SUPPRESSION_K_SENSITIVE: 11 };
const as = (role: Principal['role']): Principal => ({ kind: 'token', name: role, role });
const due = (measure: string, measureValue: string | null, observed: number) => ({
  id: 1, channel: 'webhook' as const, target: 'http://127.0.0.1/', attempts: 0, alertId: 2, ruleId: 3, ruleName: 'r', measure, measureValue,
  detector: 'C2', scope: 'point', scopeCode: 'mp-x', day: '2026-10-01', observed, upperbound: 3.14159, isSynthetic: true,
});

describe('alert counts under disclosure control', () => {
  it('when an analyst reads 7 people, then an ordinary count shows and a trafficking count (either way of naming it) is suppressed', () => {
    expect(countFor(as('analyst'), config, 'total', null)(7)).toEqual({ count: 7, suppressed: false });
    expect(countFor(as('analyst'), config, 'total', null)(3)).toEqual({ count: null, suppressed: true });
    expect(countFor(as('analyst'), config, 'trafficking_indicators', null)(7)).toEqual({ count: null, suppressed: true });
    expect(countFor(as('analyst'), config, 'vulnerability', 'trafficking_indicators')(7)).toEqual({ count: null, suppressed: true });
    expect(countFor(as('data_manager'), config, 'trafficking_indicators', null)(7)).toEqual({ count: 7, suppressed: false });
    expect(countFor(as('analyst'), config, 'informal_share', null)(0.12345)).toEqual({ count: 0.123, suppressed: false });
  });

  it('when a webhook message is built, then counts are suppressed as in an export, whoever set the rule up', () => {
    expect(messageOf(due('unaccompanied_children', null, 4), { ...config, ALERT_DELIVERY_ATTEMPTS: 1, ALERT_RETRY_BASE_MS: 10, SMTP_FROM: 'x' })).toMatchObject({
      observed: null, observedSuppressed: true, upperbound: 3.1, isSynthetic: true,
    });
    expect(messageOf(due('trafficking_indicators', null, 10), { ...config, ALERT_DELIVERY_ATTEMPTS: 1, ALERT_RETRY_BASE_MS: 10, SMTP_FROM: 'x' }).observed).toBeNull();
    expect(messageOf(due('total', null, 10), { ...config, ALERT_DELIVERY_ATTEMPTS: 1, ALERT_RETRY_BASE_MS: 10, SMTP_FROM: 'x' }).observed).toBe(10);
  });
});
