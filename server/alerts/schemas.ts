import { z } from 'zod';
import { ALERT_DETECTORS, ALERT_MEASURES, ALERT_OUTCOMES, ALERT_SCOPES, ALERT_STATUSES, DELIVERY_STATUSES } from '../../common/alerts.js';
import { MONITORING_POINT_KINDS, VULNERABILITIES } from '../../common/vocabulary.js';
import { csvEnum, iso3, positiveId } from '../http/schemas.js';

const isoDay = z.iso.date();

export const alertIdParams = z.object({ id: positiveId });
export const ruleIdParams = z.object({ id: positiveId });

/** Point, corridor and district codes: slugs and pcodes (never free text, never a NUL). */
const code = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a code such as mp-katima-bridge');

/** Free text that PostgreSQL can store (text refuses NUL). */
const text = (min: number, max: number) => z.string().trim().min(min).max(max).refine((v) => !v.includes('\u0000'), 'must not contain NUL characters');

export const alertListQuery = z
  .strictObject({
    status: csvEnum(ALERT_STATUSES).optional(),
    rule: positiveId.optional(),
    /** A monitoring point code: alerts of that point (scope point). */
    point: code.optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type AlertListQuery = z.output<typeof alertListQuery>;

export const alertPatchBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('acknowledge') }),
  z.strictObject({ action: z.literal('refer'), serviceId: positiveId, note: text(1, 2000) }),
  z.strictObject({ action: z.literal('close'), outcome: z.enum(ALERT_OUTCOMES), note: text(0, 2000).optional() }),
]);
export type AlertPatch = z.output<typeof alertPatchBody>;

const ruleFields = z.strictObject({
  name: text(1, 200),
  measure: z.enum(ALERT_MEASURES),
  measureValue: code.max(40).nullable().default(null),
  scope: z.enum(ALERT_SCOPES),
  scopeValue: code.nullable().default(null),
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

export const deliveryListQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
