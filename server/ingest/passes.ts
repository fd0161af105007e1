import type { Queryable } from '../db/index.js';
import { CsvSyntaxError } from './csv.js';
import type { DbRecord, KindSpec } from './fields.js';
import { FileError } from './file-error.js';
import { Batch, BATCH_ROWS, BatchWriter } from './insert.js';
import type { Lookups } from './lookup.js';
import { lookedFor, mapColumns } from './mapping.js';
import type { RejectStore } from './rejects.js';
import type { ReportBuilder } from './report.js';
import { openTable, type RawRow, type Table, type TableOptions } from './table.js';
import { RowValidator, type RowResult } from './validate.js';

export interface PassInput {
  path: string;
  spec: KindSpec;
  table: TableOptions;
  mapping: Readonly<Record<string, string>>;
  lookups: Lookups;
  today: string;
  /** See ValidatorOptions.checkDuplicateIds. */
  checkDuplicateIds?: boolean;
}

/** Opens the file and maps its columns; a missing required column is a FileError. */
async function prepare(input: PassInput, report?: ReportBuilder): Promise<{ table: Table; validator: RowValidator }> {
  const table = await openTable(input.path, input.table);
  const map = mapColumns(input.spec, table.header, table.hxl, input.mapping);
  if (map.missing.length > 0) {
    await table.rows.return(undefined);
    const errors = map.missing.map(
      (f) => new FileError('column.missing', `no column for the required field ${f} (looked for: ${lookedFor(input.spec, f).join(', ')})`, table.headerRow, f),
    );
    for (const e of errors) report?.addFileError(e);
    const first = errors[0] as FileError;
    first.reported = report !== undefined;
    throw first;
  }
  for (const w of map.warnings) report?.warn(w);
  if (table.hxl) report?.warn('HXL hashtag row found and used to match columns');
  const validator = new RowValidator(input.spec, map.columns, table.header, table.hxl, input.lookups, {
    today: input.today,
    checkDuplicateIds: input.checkDuplicateIds !== false,
  });
  return { table, validator };
}

const isBlank = (r: RawRow) => r.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** Runs the validator over every data row; `each` sees every result in file order. */
async function scan(table: Table, validator: RowValidator, each: (raw: RawRow, r: RowResult) => Promise<void> | undefined): Promise<void> {
  try {
    for await (const batch of table.rows) {
      for (const raw of batch) {
        if (isBlank(raw)) continue;
        const pending = each(raw, validator.validate(raw));
        if (pending) await pending; // most rows need no await: spare a microtask each
      }
    }
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new FileError('csv.syntax', err.message, err.line);
    throw err;
  }
}

/** The file had errors (all-or-nothing) or no valid row: nothing may be written. */
export class Rejected extends Error {
  constructor(readonly summary: ValidationSummary) {
    super('rejected');
  }
}

export interface ValidationSummary {
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  header: string[];
  /** First and last day of the valid rows (observations and reports), for the dataset's period. */
  firstDay: string | null;
  lastDay: string | null;
}

/** Where the bulk import's single pass sends its rows. */
export interface PassSink {
  /** Each valid record, in file order (streamed to COPY). */
  valid(record: DbRecord, s: ValidationSummary): Promise<void> | undefined;
  /** Before a rejected row is recorded: may throw to end the pass there. */
  rejected(s: ValidationSummary): void;
}

/**
 * Pass 1: validate everything, keep the errors and the rejected rows. Writes no data unless
 * `sink` does (the bulk import's single pass streams each valid record to COPY).
 */
export async function validatePass(
  input: PassInput,
  report: ReportBuilder,
  rejects: RejectStore,
  onRow: (s: ValidationSummary) => Promise<void> | undefined,
  sink?: PassSink,
): Promise<ValidationSummary> {
  const { table, validator } = await prepare(input, report);
  const s: ValidationSummary = { rowsRead: 0, rowsValid: 0, rowsRejected: 0, header: table.header, firstDay: null, lastDay: null };
  await scan(table, validator, (raw, r) => {
    s.rowsRead++;
    let pending: Promise<void> | undefined;
    if (r.ok) {
      s.rowsValid++;
      const day = dayOf(r.record);
      if (day !== null) {
        if (s.firstDay === null || day < s.firstDay) s.firstDay = day;
        if (s.lastDay === null || day > s.lastDay) s.lastDay = day;
      }
      pending = sink?.valid(r.record, s);
    } else {
      sink?.rejected(s);
      s.rowsRejected++;
      report.addRow(r.errors);
      pending = rejects.add(raw, r.errors);
    }
    if (s.rowsRead % 1000 === 0) pending = Promise.all([pending, onRow(s)]).then(() => undefined);
    return pending;
  });
  await rejects.flush();
  if (s.rowsRead === 0) throw new FileError('file.no_rows', 'the file has a header but no data rows', table.headerRow);
  return s;
}

const dayOf = (r: DbRecord): string | null => {
  const d = r.observed_on ?? r.reported_on;
  return typeof d === 'string' ? d : null;
};

/** Pass 2, inside the import's transaction: the same rows validate the same way; write the valid ones. */
export async function writePass(
  tx: Queryable,
  input: PassInput,
  target: { datasetId: number; appending: boolean },
  onWritten: (rowsWritten: number) => void,
): Promise<{ valid: number; inserted: number }> {
  const { table, validator } = await prepare(input);
  // Rows keyed by code (places, points, areas) may exist from any dataset; others only when appending.
  const skipExisting = target.appending || !input.spec.insert.conflict.startsWith('(dataset_id');
  const writer = new BatchWriter(tx, input.spec.insert, target.datasetId, skipExisting, onWritten);
  let batch = new Batch(input.spec.insert);
  let valid = 0;
  await scan(table, validator, (_raw, r) => {
    if (!r.ok) return undefined;
    valid++;
    batch.add(r.record);
    if (batch.size < BATCH_ROWS) return undefined;
    const full = batch;
    batch = new Batch(input.spec.insert);
    return writer.send(full);
  });
  if (batch.size > 0) await writer.send(batch);
  await writer.flush();
  return { valid, inserted: writer.inserted };
}
