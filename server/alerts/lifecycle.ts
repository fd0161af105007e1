import type { AlertStatus } from '../../common/alerts.js';
import { audit } from '../audit/audit.js';
import type { Principal } from '../auth/roles.js';
import type { Db } from '../db/index.js';
import { badRequest, HttpError, notFound } from '../http/problem.js';
import type { AlertPatch } from './schemas.js';
import { type AlertRow, findAlertRow, serviceExists } from './sql.js';

/**
 * new → acknowledged → referred → closed. Referring needs an acknowledged alert (someone has
 * looked at it); closing works from any open state (a false alarm needs no referral). Each step
 * records who and when on the alert and in the audit log, in one transaction.
 */
const FROM: Record<AlertPatch['action'], readonly AlertStatus[]> = {
  acknowledge: ['new'],
  refer: ['acknowledged'],
  close: ['new', 'acknowledged', 'referred'],
};

export async function applyStep(db: Db, principal: Principal, id: number, step: AlertPatch): Promise<AlertRow> {
  return db.transaction(async (tx) => {
    const alert = await findAlertRow(tx, id, true);
    if (!alert) throw notFound(`no alert ${id}`);
    if (!FROM[step.action].includes(alert.status)) {
      throw new HttpError(409, 'Conflict', `cannot ${step.action} an alert that is ${alert.status} (allowed from ${FROM[step.action].join(', ')})`);
    }
    const by = principal.name;
    if (step.action === 'acknowledge') {
      await tx.query(`UPDATE alerts SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = now(), updated_at = now() WHERE id = $1`, [id, by]);
      await audit(tx, principal, 'alert.acknowledge', { alertId: id });
    } else if (step.action === 'refer') {
      if (!(await serviceExists(tx, step.serviceId))) {
        throw badRequest([{ field: 'body.serviceId', message: `no service ${step.serviceId} in the registry` }]);
      }
      await tx.query(
        `UPDATE alerts SET status = 'referred', referred_by = $2, referred_at = now(), service_id = $3, referral_note = $4, updated_at = now() WHERE id = $1`,
        [id, by, step.serviceId, step.note],
      );
      // The note may name people: the audit log records that there is one, not what it says.
      await audit(tx, principal, 'alert.refer', { alertId: id, serviceId: step.serviceId, noteChars: step.note.length });
    } else {
      await tx.query(
        `UPDATE alerts SET status = 'closed', closed_by = $2, closed_at = now(), outcome = $3, outcome_note = $4, updated_at = now() WHERE id = $1`,
        [id, by, step.outcome, step.note ?? null],
      );
      await audit(tx, principal, 'alert.close', { alertId: id, outcome: step.outcome, from: alert.status });
    }
    return (await findAlertRow(tx, id)) as AlertRow;
  });
}
