import type { AlertCount, AlertMeasure, AlertOutcome, AlertSeries, AlertView } from '../../common/alerts.js';
import type { Principal } from '../auth/roles.js';
import { type DisclosureConfig, publishCount, requestPolicies } from '../privacy/disclosure.js';
import type { EntitySeries } from '../query/daily-series.js';
import type { Detection } from './detect.js';
import type { AlertRow } from './sql.js';

/**
 * Alert figures as the caller may see them: counts through server/privacy/ like every other
 * aggregate (trafficking indicators with the sensitive k), shares as they are (not a count).
 */
/** People in groups with trafficking indicators, whichever way the rule names them. */
export function isSensitiveMeasure(measure: string, measureValue: string | null): boolean {
  return measure === 'trafficking_indicators' || (measure === 'vulnerability' && measureValue === 'trafficking_indicators');
}

export function countFor(principal: Principal, config: DisclosureConfig, measure: string, measureValue: string | null): (v: number) => AlertCount {
  if (measure === 'informal_share') return (v) => ({ count: Math.round(v * 1000) / 1000, suppressed: false });
  const sensitive = isSensitiveMeasure(measure, measureValue) ? ['trafficking_indicators'] : [];
  const { ordinary } = requestPolicies(principal, config, { vulnerability: sensitive });
  return (v) => publishCount(v, ordinary);
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function alertView(r: AlertRow, principal: Principal, config: DisclosureConfig): AlertView {
  const publish = countFor(principal, config, r.measure, r.measureValue);
  return {
    id: r.id,
    ruleId: r.ruleId,
    ruleName: r.ruleName,
    measure: r.measure as AlertMeasure,
    detector: r.detector as AlertView['detector'],
    scope: r.scope,
    scopeCode: r.scopeCode,
    scopeName: r.scopeName ?? r.scopeCode,
    point: r.pointCode !== null && r.lon !== null && r.lat !== null ? { code: r.pointCode, lon: r.lon, lat: r.lat } : null,
    day: r.day,
    observed: publish(r.observed),
    upperbound: round1(r.upperbound),
    status: r.status,
    acknowledged: r.acknowledgedBy && r.acknowledgedAt ? { by: r.acknowledgedBy, at: r.acknowledgedAt } : null,
    referred: r.referredBy && r.referredAt
      ? { by: r.referredBy, at: r.referredAt, serviceId: r.serviceId, serviceName: r.serviceName, note: r.referralNote ?? '' }
      : null,
    closed: r.closedBy && r.closedAt ? { by: r.closedBy, at: r.closedAt, outcome: r.outcome as AlertOutcome, note: r.outcomeNote } : null,
    isSynthetic: r.isSynthetic,
  };
}

export function seriesView(alertId: number, s: EntitySeries, d: Detection, from: string, publish: (v: number) => AlertCount): AlertSeries {
  const days: AlertSeries['days'] = [];
  s.days.forEach((x, i) => {
    if (x.day < from) return;
    days.push({ day: x.day, value: x.value === null ? null : publish(x.value), upperbound: round1(d.upperbound[i] ?? null), alarm: d.alarm[i] ?? false });
  });
  return { alertId, days };
}
