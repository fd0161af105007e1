import type { DatasetInfo as SharedDatasetInfo } from '../../common/imports.js';
import { audit, type SYSTEM } from '../audit/audit.js';
import type { Principal } from '../auth/roles.js';
import type { Db, Queryable } from '../db/index.js';
import { refreshRollup } from '../query/rollup.js';
import { HttpError, notFound } from '../http/problem.js';
import type { Kind } from './fields.js';
import { FileError } from './file-error.js';
import type { ImportJob } from './run.js';

/**
 * The dataset a file with this checksum already went into, if any: as its own dataset
 * (datasets.checksum, unique per kind) or appended to another one (imports.checksum).
 */
export async function findSameFile(q: Queryable, kind: Kind, checksum: string): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    `SELECT id FROM datasets WHERE kind = $1 AND checksum = $2
     UNION ALL
     SELECT i.dataset_id FROM imports i JOIN datasets d ON d.id = i.dataset_id
     WHERE i.kind = $1 AND i.checksum = $2 AND i.status = 'committed'
     LIMIT 1`,
    [kind, checksum],
  );
  return row?.id ?? null;
}

/**
 * The dataset row of an import, inside its transaction: a new one with provenance, or the one
 * appended to. `id`: the new row's id, taken from its sequence beforehand (spool.ts).
 */
export async function commitDataset(
  tx: Queryable,
  job: ImportJob,
  period: { firstDay: string | null; lastDay: string | null },
  id?: number,
): Promise<number> {
  const d = job.options.dataset;
  const start = d.periodStart ?? period.firstDay;
  const end = d.periodEnd ?? period.lastDay;
  if (job.options.datasetId !== undefined) {
    const [row] = await tx.query<{ id: number; kind: string }>('SELECT id, kind FROM datasets WHERE id = $1 FOR UPDATE', [job.options.datasetId]);
    if (!row) throw new FileError('dataset.missing', `dataset ${job.options.datasetId} does not exist`);
    if (row.kind !== job.kind) throw new FileError('dataset.kind', `dataset ${row.id} holds ${row.kind}, not ${job.kind}`);
    await tx.query(
      `UPDATE datasets SET period_start = LEAST(period_start, $2::date), period_end = GREATEST(period_end, $3::date) WHERE id = $1`,
      [row.id, start, end],
    );
    return row.id;
  }
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO datasets (id, name, kind, source_org, method, licence, period_start, period_end, checksum, imported_by)
     VALUES (coalesce($10::int, nextval(pg_get_serial_sequence('datasets', 'id'))), $1, $2, $3, $4, $5, $6::date, $7::date, $8, $9) RETURNING id`,
    [d.name, job.kind, d.sourceOrg ?? null, d.method ?? null, d.licence ?? null, start, end, job.checksum, job.actorName, id ?? null],
  );
  if (!row) throw new Error('datasets insert returned no row');
  return row.id;
}

/** Provenance of every dataset, newest first, with the recipes it was read with. Who imported it is shown to data managers only. */
/** A dataset's provenance as read here; the API sends it with ISO dates (common/imports.ts). */
export type DatasetInfo = SharedDatasetInfo<Date>;

export function listDatasets(q: Queryable, withImporter: boolean): Promise<DatasetInfo[]> {
  return q.query<DatasetInfo & Record<string, unknown>>(
    `SELECT id, name, kind, source_org AS "sourceOrg", method, licence, period_start AS "periodStart", period_end AS "periodEnd",
       checksum, rows_accepted AS "rowsAccepted", rows_rejected AS "rowsRejected", is_synthetic AS "isSynthetic",
       imported_at AS "importedAt" ${withImporter ? ', imported_by AS "importedBy"' : ''},
       (SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('id', r.id, 'name', r.name, 'version', i.recipe_version)), '[]'::jsonb)
        FROM imports i JOIN import_recipes r ON r.id = i.recipe_id WHERE i.dataset_id = d.id AND i.status = 'committed') AS recipes
     FROM datasets d ORDER BY imported_at DESC, id DESC`,
  );
}

/**
 * Deletes a dataset with everything it brought (ON DELETE CASCADE), audited in the same
 * transaction, then refreshes the flow rollup for it. 409 when other data still refers to its
 * places or monitoring points.
 */
export async function deleteDataset(db: Db, id: number, principal: Principal | typeof SYSTEM): Promise<{ id: number; name: string; kind: Kind }> {
  let gone: { id: number; name: string; kind: Kind } | undefined;
  try {
    gone = await db.transaction(async (tx) => {
      // Its observations partition goes whole (migration 009), rather than row by row by the cascade.
      await tx.query(`SELECT observations_drop_partition(id) FROM datasets WHERE id = $1 AND kind = 'observations'`, [id]);
      const [row] = await tx.query<{ id: number; name: string; kind: Kind }>('DELETE FROM datasets WHERE id = $1 RETURNING id, name, kind', [id]);
      if (row) await audit(tx, principal, 'dataset.delete', { datasetId: row.id, name: row.name, kind: row.kind });
      return row;
    });
  } catch (err) {
    if ((err as { code?: unknown }).code === '23503') {
      throw new HttpError(409, 'Conflict', `dataset ${id} cannot be deleted: other data still refers to the places or monitoring points it brought`);
    }
    throw err;
  }
  if (!gone) throw notFound(`no dataset ${id}`);
  if (gone.kind === 'observations') await refreshRollup(db, { datasetId: id });
  return gone;
}
