import type { Principal } from '../auth/roles.js';
import type { Db, Queryable } from '../db/index.js';
import type { DisclosureConfig } from '../privacy/disclosure.js';
import { computePlan } from './plan.js';
import { planPolicy, publishPlan, type PublishedPlan } from './publish.js';
import type { PlanBody } from './schemas.js';
import { getPlan, savePlan } from './sql.js';

/**
 * Outreach plans as they leave the API: computed and saved unsuppressed, always read back
 * through publish.ts for the caller's role (for every role alike when exporting). The routes and
 * map briefs use these; nothing outside outreach/ reads a stored plan directly.
 */
export async function createPlan(db: Db, principal: Principal, config: DisclosureConfig, body: PlanBody): Promise<PublishedPlan> {
  const result = await computePlan(db, principal, body);
  const plan = await savePlan(db, principal, body, result);
  return publishPlan(plan, planPolicy(plan, principal, config, false));
}

/** A saved plan published for the caller; null when there is no such plan. */
export async function findPlan(db: Queryable, id: number, principal: Principal, config: DisclosureConfig, exporting = false): Promise<PublishedPlan | null> {
  const plan = await getPlan(db, id);
  return plan && publishPlan(plan, planPolicy(plan, principal, config, exporting));
}
export { listPlans } from './sql.js';
