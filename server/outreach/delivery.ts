import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';
import { badRequest } from '../http/problem.js';
import type { ActivityBody, DeliveredActivity, SiteDelivery } from '../../common/outreach.js';

/**
 * Delivered activities logged against a plan, and the plan's sites beside what was delivered.
 * A site outside the plan may be logged (teams adapt on the ground); it shows as 'unplanned'.
 * Reach figures are what teams report, not registry counts, so no disclosure control applies.
 */
const ACTIVITY_COLUMNS = `a.id, a.site_id AS "siteId", s.name AS "siteName", a.delivered_on AS date, a.type, a.reach, a.notes,
  a.recorded_by AS "recordedBy", to_char(a.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"`;

export async function addActivity(db: Queryable, planId: number, principal: Principal, body: ActivityBody): Promise<DeliveredActivity> {
  const [site] = await db.query('SELECT 1 FROM outreach_sites WHERE id = $1', [body.siteId]);
  if (!site) throw badRequest([{ field: 'body.siteId', message: `unknown site id ${body.siteId}` }]);
  const [row] = await db.query<DeliveredActivity & Record<string, unknown>>(
    `WITH a AS (INSERT INTO outreach_activities (plan_id, site_id, delivered_on, type, reach, notes, recorded_by)
                VALUES ($1, $2, $3::date, $4, $5, $6, $7) RETURNING *)
     SELECT ${ACTIVITY_COLUMNS} FROM a LEFT JOIN outreach_sites s ON s.id = a.site_id`,
    [planId, body.siteId, body.date, body.type, body.reach, body.notes ?? null, principal.name],
  );
  if (!row) throw new Error('outreach activity insert returned no row');
  return row;
}

export function listActivities(db: Queryable, planId: number): Promise<DeliveredActivity[]> {
  return db.query<DeliveredActivity & Record<string, unknown>>(
    `SELECT ${ACTIVITY_COLUMNS} FROM outreach_activities a LEFT JOIN outreach_sites s ON s.id = a.site_id
     WHERE a.plan_id = $1 ORDER BY a.delivered_on, a.id`,
    [planId],
  );
}

/** Planned vs delivered per site: the plan's sites in rank order, then unplanned ones. */
export async function deliveryBySite(db: Queryable, planId: number): Promise<SiteDelivery[]> {
  const rows = await db.query<Omit<SiteDelivery, 'status'> & Record<string, unknown>>(
    `WITH ps AS (SELECT site_id, rank, activity FROM outreach_plan_sites WHERE plan_id = $1 AND site_id IS NOT NULL),
          da AS (SELECT site_id, count(*) AS n, sum(reach) AS reach, max(delivered_on) AS last
                 FROM outreach_activities WHERE plan_id = $1 AND site_id IS NOT NULL GROUP BY site_id)
     SELECT COALESCE(ps.site_id, da.site_id) AS "siteId", s.name, ps.rank, ps.activity AS "plannedActivity",
       COALESCE(da.n, 0) AS delivered, COALESCE(da.reach, 0) AS reach, da.last AS "lastDelivered"
     FROM ps FULL JOIN da ON da.site_id = ps.site_id LEFT JOIN outreach_sites s ON s.id = COALESCE(ps.site_id, da.site_id)
     ORDER BY ps.rank NULLS LAST, 1`,
    [planId],
  );
  return rows.map((r) => ({
    ...r,
    delivered: Number(r.delivered),
    reach: Number(r.reach),
    status: r.rank === null ? 'unplanned' : Number(r.delivered) > 0 ? 'delivered' : 'pending',
  }));
}
