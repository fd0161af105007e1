import type { Principal } from '../auth/roles.js';
import {
  type DisclosureConfig, type DisclosurePolicy, publishBreakdown, publishCount, requestPolicies,
} from '../privacy/disclosure.js';
import type { Plan } from '../../common/outreach.js';
import type { PlanResult } from './plan.js';
import type { PlanBody } from './schemas.js';

/**
 * A plan as it leaves the API: demand figures pass disclosure control (docs/architecture.md#privacy) for
 * the caller's role, and for every role in exports. Figures are people (estimates after
 * spreading), rounded to whole people first. Marginal gains are a breakdown of the covered
 * total, so they get complementary suppression: one hidden gain cannot be subtracted back out.
 */
export interface StoredPlan {
  id: number;
  name: string;
  createdAt: string;
  createdBy: string;
  request: PlanBody;
  result: PlanResult;
}

/** The plan as the API answers it (common/outreach.ts), with the request as the server parsed it. */
export type PublishedPlan = Plan<PlanBody>;

/** The plan's counts are as sensitive as the people its filters select (server/privacy). */
export function planPolicy(plan: StoredPlan, principal: Principal, config: DisclosureConfig, exporting: boolean): DisclosurePolicy {
  return requestPolicies(principal, config, plan.request.filters, { exporting }).ordinary;
}

export function publishPlan(plan: StoredPlan, policy: DisclosurePolicy): PublishedPlan {
  const r = plan.result;
  const count = (n: number) => publishCount(Math.round(n), policy);
  const gains = publishBreakdown(r.sites.map((s) => ({ key: s.rank, count: Math.round(s.gain) })), policy);
  const people = publishBreakdown(r.sites.map((s) => ({ key: s.rank, count: Math.round(s.people) })), policy);
  const total = count(r.demand.total);
  // Covered is the sum of the published (rounded) gains, so the table adds up.
  const covered = gains.total;
  const uncovered = total.count !== null && covered.count !== null ? count(total.count - covered.count) : null;
  const share =
    covered.count !== null && total.count !== null && total.count > 0 && uncovered && !uncovered.suppressed ? covered.count / total.count : null;
  return {
    id: plan.id,
    name: plan.name,
    createdAt: plan.createdAt,
    createdBy: plan.createdBy,
    request: plan.request,
    period: r.period,
    measure: plan.request.measure,
    method: r.method,
    optimal: r.optimal,
    gap: r.gap,
    upperBound: r.upperBound === null ? null : count(r.upperBound),
    solver: r.solver,
    activities: r.activities,
    candidates: r.candidates,
    demand: { ...r.demand, total, people: count(r.demand.people), unit: r.demand.weighted ? 'weighted people' : 'people' },
    weighting: r.weighting,
    sites: r.sites.map(({ id, ...s }, k) => ({
      ...s,
      siteId: id,
      gain: gains.cells[k] ?? { count: null, suppressed: true },
      people: people.cells[k] ?? { count: null, suppressed: true },
    })),
    coverage: { covered, total, share, people: people.total, cost: r.cost, budget: r.budget },
    uncoveredHotspots: r.uncoveredHotspots.map((h) => ({ ...h, demand: count(h.demand) })),
    disclosure: { suppressed: policy.suppress, k: policy.k },
    synthetic: r.synthetic,
    notes: r.notes,
  };
}
