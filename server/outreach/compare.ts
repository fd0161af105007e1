import type { PlanComparison, PlanSide, SiteRef } from '../../common/outreach.js';
import type { PublishedPlan } from './publish.js';

/**
 * Two plans side by side (issue 7): sites in common and not, and the coverage difference.
 * Works on published plans, so disclosure control has already been applied for the caller.
 * Coverage is only comparable when both plans share one demand surface (same measure, period,
 * filters, spreading and weighting); otherwise the difference is still given, flagged.
 */
function side(p: PublishedPlan): PlanSide {
  return {
    id: p.id,
    name: p.name,
    measure: p.measure,
    period: { from: p.period.from, to: p.period.to },
    method: p.method,
    optimal: p.optimal,
    sites: p.sites.length,
    covered: p.coverage.covered,
    total: p.coverage.total,
    share: p.coverage.share,
    cost: p.coverage.cost,
  };
}

/** The inputs that define the demand surface, in a fixed key order so equal inputs stringify equally. */
function demandKey(p: PublishedPlan): string {
  const r = p.request;
  const f = r.filters;
  const filters = [f.direction, f.sex, f.age, f.nationality, f.transport, f.reason, f.vulnerability, f.point, f.corridor, f.adm1, f.adm2].map((v) =>
    Array.isArray(v) ? [...v].map(String).sort() : (v ?? null),
  );
  return JSON.stringify([r.measure, p.period.from, p.period.to, filters, r.demand.spreadKm, r.demand.res, p.weighting.accessGaps.applied,
    p.weighting.lowAwareness.applied ? [p.weighting.lowAwareness.survey?.id, p.weighting.lowAwareness.indicator] : null]);
}

export function comparePlans(a: PublishedPlan, b: PublishedPlan): PlanComparison {
  const inB = new Map(b.sites.map((s) => [s.siteId, s]));
  const inA = new Set(a.sites.map((s) => s.siteId));
  const ref = (s: PublishedPlan['sites'][number]): SiteRef => ({ siteId: s.siteId, name: s.name, activity: s.activity });
  const common = a.sites.flatMap((s) => {
    const other = inB.get(s.siteId);
    return other ? [{ ...ref(s), rankA: s.rank, rankB: other.rank }] : [];
  });
  const ca = a.coverage.covered.count;
  const cb = b.coverage.covered.count;
  const sa = a.coverage.share;
  const sb = b.coverage.share;
  return {
    a: side(a),
    b: side(b),
    common,
    onlyA: a.sites.filter((s) => !inB.has(s.siteId)).map((s) => ({ ...ref(s), rank: s.rank })),
    onlyB: b.sites.filter((s) => !inA.has(s.siteId)).map((s) => ({ ...ref(s), rank: s.rank })),
    sameDemand: demandKey(a) === demandKey(b),
    coveredDifference: ca !== null && cb !== null ? cb - ca : null,
    shareDifference: sa !== null && sb !== null ? sb - sa : null,
  };
}
