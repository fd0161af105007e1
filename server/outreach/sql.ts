import type { PlanSummary } from '../../common/outreach.js';
import type { Principal } from '../auth/roles.js';
import type { Db, Queryable } from '../db/index.js';
import type { PlanResult } from './plan.js';
import type { StoredPlan } from './publish.js';
import type { PlanBody } from './schemas.js';

/** Saved plans (migrations/005_outreach.sql). Every value is bound; no identifier comes from a request. */

export function defaultName(body: PlanBody, result: PlanResult): string {
  const size = body.p !== undefined ? `${body.p} sites` : `budget ${body.budget}`;
  return `${body.measure}, ${result.period.from} to ${result.period.to}, ${size}, ${body.method}`;
}

export async function savePlan(db: Db, principal: Principal, body: PlanBody, result: PlanResult): Promise<StoredPlan> {
  const name = body.name ?? defaultName(body, result);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number; created_at: string }>(
      `INSERT INTO outreach_plans (name, measure, method, p, budget, period_start, period_end, covered, total_demand, optimal,
         upper_bound, request, result, created_by, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15)
       RETURNING id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`,
      [
        name, body.measure, body.method, body.p ?? null, body.budget ?? null, result.period.from, result.period.to,
        result.covered, result.demand.total, result.optimal, result.upperBound, JSON.stringify(body), JSON.stringify(result),
        principal.name, principal.userId ?? null,
      ],
    );
    if (!row) throw new Error('outreach plan insert returned no row');
    if (result.sites.length > 0) {
      await tx.query(
        `INSERT INTO outreach_plan_sites (plan_id, rank, site_id, activity, reach_m, cost, gain, locked)
         SELECT $1, s.rank, s.site_id, s.activity, s.reach_m, s.cost, s.gain, s.locked
         FROM unnest($2::int[], $3::int[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::bool[])
           AS s(rank, site_id, activity, reach_m, cost, gain, locked)`,
        [
          row.id,
          result.sites.map((s) => s.rank),
          result.sites.map((s) => s.id),
          result.sites.map((s) => s.activity),
          result.sites.map((s) => s.reachM),
          result.sites.map((s) => s.cost),
          result.sites.map((s) => s.gain),
          result.sites.map((s) => s.locked),
        ],
      );
    }
    return { id: row.id, name, createdAt: row.created_at, createdBy: principal.name, request: body, result };
  });
}

const PLAN_COLUMNS = `id, name, created_by AS "createdBy",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

export async function getPlan(db: Queryable, id: number): Promise<StoredPlan | null> {
  const [row] = await db.query<Omit<StoredPlan, 'request' | 'result'> & { request: unknown; result: unknown }>(
    `SELECT ${PLAN_COLUMNS}, request, result FROM outreach_plans WHERE id = $1`,
    [id],
  );
  if (!row) return null;
  // jsonb arrives parsed from both drivers; a string would mean a driver change, so parse it then.
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return { ...row, request: parse(row.request) as PlanBody, result: parse(row.result) as PlanResult };
}

/** Newest first. Coverage figures are left out: they need disclosure control, so read the plan. */
export function listPlans(db: Queryable, limit: number, offset: number): Promise<PlanSummary[]> {
  return db.query<PlanSummary & Record<string, unknown>>(
    `SELECT ${PLAN_COLUMNS}, measure, method, p, budget::float8 AS budget, period_start AS "from", period_end AS "to", optimal,
       (SELECT count(*)::int FROM outreach_plan_sites s WHERE s.plan_id = outreach_plans.id) AS sites
     FROM outreach_plans ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
}

export async function deletePlan(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.query('DELETE FROM outreach_plans WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

export async function planExists(db: Queryable, id: number): Promise<boolean> {
  return (await db.query('SELECT 1 FROM outreach_plans WHERE id = $1', [id])).length > 0;
}
