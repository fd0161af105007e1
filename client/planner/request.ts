import { ACTIVITY_TYPES, DEFAULT_PLAN_INDICATOR, type PlanRequest } from '../../common/outreach.js';
import type { PlannerView } from './view.js';

// Builds the POST /api/v1/outreach/plans body (PlanRequest, common/outreach.ts); pure, unit-tested.

/**
 * The planner's URL state as a request. The period is the planner's own when set, else the
 * flow filters' (so "plan for what the map shows" is the default); only overridden activity
 * settings are sent, so the server's defaults stay the single source.
 */
export function buildPlanRequest(v: PlannerView, flowPeriod: { from: string | null; to: string | null }, name = ''): PlanRequest {
  const from = v.from ?? (v.to === null ? flowPeriod.from : null);
  const to = v.to ?? (v.from === null ? flowPeriod.to : null);
  const period: PlanRequest['period'] = {};
  if (from) period.from = from;
  if (to) period.to = to;
  const activities = ACTIVITY_TYPES.flatMap((type) => {
    const s = v.mix[type];
    if (s.radiusKm === null && s.cost === null) return [];
    return [{ type, ...(s.radiusKm !== null ? { radiusKm: s.radiusKm } : {}), ...(s.cost !== null ? { cost: s.cost } : {}) }];
  });
  const req: PlanRequest = {
    measure: v.measure,
    period,
    sites: v.corridor ? { corridors: [v.corridor] } : {},
    activities,
    locked: [...v.locked],
    excluded: v.excluded.filter((id) => !v.locked.includes(id)),
    method: v.method,
  };
  if (v.size.kind === 'budget') req.budget = v.size.value;
  // Locked sites count towards p; asking for fewer would be a 400, so p grows to hold them.
  else req.p = Math.max(v.size.value, v.locked.length);
  if (v.awareness) {
    req.weighting = { lowAwareness: true };
    req.awareness = { indicator: v.awareness.indicator, ...(v.awareness.survey !== null ? { surveyId: v.awareness.survey } : {}) };
  }
  if (v.method === 'exact') req.timeLimitMs = Math.round(v.timeLimitS * 1000);
  const trimmed = name.trim();
  if (trimmed) req.name = trimmed.slice(0, 200);
  return req;
}

/** A saved plan's request back into panel settings (for "open, adjust, re-run"). */
export function viewFromRequest(base: PlannerView, r: Partial<PlanRequest> & { activities?: { type: string; radiusKm?: number; cost?: number | null }[] }): PlannerView {
  const mix = { ...base.mix };
  for (const t of ACTIVITY_TYPES) {
    const a = r.activities?.find((x) => x.type === t);
    mix[t] = { radiusKm: a?.radiusKm ?? null, cost: a?.cost ?? null };
  }
  const corridor = r.sites?.corridors?.length === 1 ? (r.sites.corridors[0] as PlannerView['corridor']) : null;
  return {
    ...base,
    measure: r.measure ?? base.measure,
    from: r.period?.from ?? null,
    to: r.period?.to ?? null,
    corridor,
    mix,
    size: r.budget !== undefined && r.budget !== null ? { kind: 'budget', value: r.budget } : { kind: 'p', value: r.p ?? base.size.value },
    method: r.method ?? base.method,
    timeLimitS: r.timeLimitMs ? Math.round(r.timeLimitMs / 1000) : base.timeLimitS,
    locked: [...(r.locked ?? [])],
    excluded: [...(r.excluded ?? [])],
    awareness: r.weighting?.lowAwareness ? { survey: r.awareness?.surveyId ?? null, indicator: r.awareness?.indicator ?? DEFAULT_PLAN_INDICATOR } : null,
  };
}
