/**
 * Alerts (issue 17): the vocabularies and response shapes the server and the client share.
 * The database CHECK constraints in migrations/013_alerts.sql list the same values.
 */

/** What a rule counts per day. vulnerability and nationality name their value in `measureValue`. */
export const ALERT_MEASURES = [
  'total',
  'unaccompanied_children',
  'children',
  'trafficking_indicators',
  'vulnerability',
  'nationality',
  'informal_share',
] as const;
export type AlertMeasure = (typeof ALERT_MEASURES)[number];

export const ALERT_MEASURE_LABELS: Record<AlertMeasure, string> = {
  total: 'People (total)',
  unaccompanied_children: 'Unaccompanied children',
  children: 'Children',
  trafficking_indicators: 'People in groups with trafficking indicators',
  vulnerability: 'People in groups with a vulnerability',
  nationality: 'People of a nationality',
  informal_share: 'Share of people using informal crossings',
};

/** Where a rule looks: each monitoring point, each corridor, each district (admin level 2). */
export const ALERT_SCOPES = ['point', 'corridor', 'district'] as const;
export type AlertScope = (typeof ALERT_SCOPES)[number];

/** EARS C1/C2/C3 (server/analysis/ears.ts) or a fixed threshold (count ≥ threshold). */
export const ALERT_DETECTORS = ['C1', 'C2', 'C3', 'threshold'] as const;
export type AlertDetector = (typeof ALERT_DETECTORS)[number];

export const ALERT_STATUSES = ['new', 'acknowledged', 'referred', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** Not yet closed: what the badge counts and the map marks. */
export const OPEN_ALERT_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'referred'];

/** PATCH /alerts/:id steps. refer needs an acknowledged alert; close works from any open one. */
export const ALERT_ACTIONS = ['acknowledge', 'refer', 'close'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export const ALERT_OUTCOMES = ['assisted', 'referred_onward', 'no_action_needed', 'false_alarm', 'could_not_reach'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

export const DELIVERY_CHANNELS = ['webhook', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Header carrying `sha256=<hex HMAC of the raw body>` on every webhook POST. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Corridor-Signature';

/** A count as published for the caller (null with suppressed: true below k). */
export interface AlertCount {
  count: number | null;
  suppressed: boolean;
}

export interface AlertRuleView {
  id: number;
  name: string;
  measure: AlertMeasure;
  measureValue: string | null;
  scope: AlertScope;
  /** One point code, corridor code or district pcode; null = every one of that scope. */
  scopeValue: string | null;
  /** Only points of this kind (e.g. informal_crossing); null = all kinds. */
  pointKind: string | null;
  detector: AlertDetector;
  alpha: number | null;
  minSigma: number;
  baseline: number;
  threshold: number | null;
  notifyEmails: string[];
  webhookUrl: string | null;
  enabled: boolean;
  createdBy: string;
  updatedAt: string;
}

export interface AlertStep {
  by: string;
  at: string;
}

export interface AlertView {
  id: number;
  ruleId: number;
  ruleName: string;
  measure: AlertMeasure;
  detector: AlertDetector;
  scope: AlertScope;
  scopeCode: string;
  scopeName: string;
  /** The monitoring point (scope point), for the map marker; null for corridors and districts. */
  point: { code: string; lon: number; lat: number } | null;
  day: string;
  observed: AlertCount;
  upperbound: number | null;
  status: AlertStatus;
  acknowledged: AlertStep | null;
  referred: (AlertStep & { serviceId: number | null; serviceName: string | null; note: string }) | null;
  closed: (AlertStep & { outcome: AlertOutcome; note: string | null }) | null;
  isSynthetic: boolean;
}

export interface AlertList {
  alerts: AlertView[];
  /** Open alerts (new, acknowledged, referred) matching the filters but for status: the badge. */
  open: number;
}

/** The series an alert was raised on, for the sparkline. */
export interface AlertSeries {
  alertId: number;
  days: { day: string; value: AlertCount | null; upperbound: number | null; alarm: boolean }[];
}

export interface DeliveryView {
  id: number;
  alertId: number;
  ruleId: number;
  channel: DeliveryChannel;
  target: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}
