import { z } from 'zod';
import { ALERT_DETECTORS, ALERT_MEASURES, ALERT_OUTCOMES, ALERT_SCOPES, DELIVERY_STATUSES } from '../../common/alerts.js';
import { MONITORING_POINT_KINDS, VULNERABILITIES } from '../domain.js';
import { csvEnum, iso3, positiveId } from '../http/schemas.js';
import { ALERT_STATUSES } from '../../common/alerts.js';

const isoDay = z.iso.date();

export const alertIdParams = z.object({ id: positiveId });
export const ruleIdParams = z.object({ id: positiveId });

export const alertListQuery = z
  .object({
    status: csvEnum(ALERT_STATUSES).optional(),
    rule: positiveId.optional(),
    /** A monitoring point code: alerts of that point (scope point). */
    point: z.string().min(1).max(100).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type AlertListQuery = z.output<typeof alertListQuery>;

export const alertPatchBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge') }),
  z.object({ action: z.literal('refer'), serviceId: positiveId, note: z.string().trim().min(1).max(2000) }),
  z.object({ action: z.literal('close'), outcome: z.enum(ALERT_OUTCOMES), note: z.string().trim().max(2000).optional() }),
]);
export type AlertPatch = z.output<typeof alertPatchBody>;

const ruleFields = z.object({
  name: z.string().trim().min(1).max(200),
  measure: z.enum(ALERT_MEASURES),
  measureValue: z.string().min(1).max(40).nullable().default(null),
  scope: z.enum(ALERT_SCOPES),
  scopeValue: z.string().min(1).max(100).nullable().default(null),
  pointKind: z.enum(MONITORING_POINT_KINDS).nullable().default(null),
  detector: z.enum(ALERT_DETECTORS),
  alpha: z.number().gt(0).lt(1).nullable().default(null),
  minSigma: z.number().min(0).max(1e6).default(0),
  baseline: z.number().int().min(3).max(56).default(7),
  threshold: z.number().gt(0).max(1e9).nullable().default(null),
  notifyEmails: z.array(z.email()).max(20).default([]),
  webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
  enabled: z.boolean().default(true),
});

/** The cross-field rules the table's CHECKs enforce too, as 400s naming the field. */
function ruleCheck(r: Partial<z.output<typeof ruleFields>>, ctx: z.RefinementCtx): void {
  if (r.detector === 'threshold' && r.threshold == null) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'a threshold detector needs a threshold' });
  if (r.detector !== undefined && r.detector !== 'threshold' && r.threshold != null) ctx.addIssue({ code: 'custom', path: ['threshold'], message: `does not apply to detector ${r.detector}` });
  if (r.measure === 'vulnerability' && !(VULNERABILITIES as readonly string[]).includes(r.measureValue ?? '')) {
    ctx.addIssue({ code: 'custom', path: ['measureValue'], message: `one of ${VULNERABILITIES.join(', ')}` });
  }
  if (r.measure === 'nationality' && !iso3.safeParse(r.measureValue).success) ctx.addIssue({ code: 'custom', path: ['measureValue'], message: 'an ISO 3166-1 alpha-3 code such as ETH' });
  if (r.measure !== undefined && r.measure !== 'vulnerability' && r.measure !== 'nationality' && r.measureValue != null) {
    ctx.addIssue({ code: 'custom', path: ['measureValue'], message: `does not apply to measure ${r.measure}` });
  }
}

export const ruleBody = ruleFields.superRefine(ruleCheck);
export type RuleInput = z.output<typeof ruleBody>;

export const deliveryListQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
