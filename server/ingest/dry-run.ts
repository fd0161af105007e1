import type { DryRun } from '../../common/imports.js';
import type { Queryable } from '../db/index.js';
import { findSameFile } from './datasets.js';
import type { Kind } from './fields.js';
import { FileError } from './file-error.js';
import { type PassInput, validatePass } from './passes.js';
import { ReportBuilder } from './report.js';

/** Rows a dry run shows. */
export const DRY_RUN_ROWS = 50;

/**
 * Validates a whole file as an import would, writes nothing (no rows, no rejected rows, no
 * import record) and answers with the first DRY_RUN_ROWS rows mapped, the grouped errors and
 * the counts.
 */
export async function dryRun(q: Queryable, input: PassInput, file: { kind: Kind; checksum: string }): Promise<DryRun> {
  const report = new ReportBuilder();
  const rows: DryRun['rows'] = [];
  const none = { add: () => undefined, flush: async () => {} };
  const counts = { rowsRead: 0, rowsValid: 0, rowsRejected: 0 };
  try {
    await validatePass(input, report, none, () => undefined, {
      valid: () => undefined,
      rejected: () => {},
      seen(raw, r, v, plan) {
        counts.rowsRead++;
        if (r.ok) counts.rowsValid++;
        else counts.rowsRejected++;
        if (rows.length >= DRY_RUN_ROWS) return;
        rows.push({ sheet: plan.name, row: raw.row, fields: v.shown(raw), raw: v.texts(raw), record: r.ok ? r.record : null, errors: r.ok ? [] : r.errors });
      },
    });
  } catch (err) {
    if (!(err instanceof FileError)) throw err;
    if (!err.reported) report.addFileError(err);
  }
  const built = report.build();
  const bad = built.fileErrors.length > 0 || counts.rowsRejected > 0 || counts.rowsValid === 0;
  return { dryRun: true, outcome: bad ? 'rejected' : 'valid', counts, rows, report: built, sameFile: await findSameFile(q, file.kind, file.checksum) };
}

/** The dry run of a file that cannot be read at all (an old .xls). */
export function unreadable(err: FileError): DryRun {
  const report = new ReportBuilder();
  report.addFileError(err);
  return { dryRun: true, outcome: 'rejected', counts: { rowsRead: 0, rowsValid: 0, rowsRejected: 0 }, rows: [], report: report.build(), sameFile: null };
}
