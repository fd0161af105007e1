import type { Queryable } from '../db/index.js';
import { CsvSyntaxError } from './csv.js';
import type { DbRecord, KindSpec } from './fields.js';
import { FileError } from './file-error.js';
import { SheetFramer } from './header.js';
import { Batch, BATCH_ROWS, BatchWriter } from './insert.js';
import type { Lookups } from './lookup.js';
import { planSheet, RecipeProblems, type SheetPlan } from './plan.js';
import { type Recipe, sheetRecipes } from './recipe.js';
import type { ReportBuilder } from './report.js';
import { SourceIds } from './source-id.js';
import { type RawRow, readTable, type TableOptions } from './table.js';
import type { RowError } from '../../common/imports.js';
import { RowValidator, type RowResult } from './validate.js';

export interface PassInput {
  path: string;
  spec: KindSpec;
  table: TableOptions;
  /** How the file maps onto the kind (the form's sheet and mapping are folded in: recipeOf). */
  recipe: Recipe;
  lookups: Lookups;
  today: string;
  /** See ValidatorOptions.checkDuplicateIds. */
  checkDuplicateIds?: boolean;
}

/** Where rejected rows are kept (RejectStore; the dry run keeps none). */
export interface RejectSink {
  add(raw: RawRow, errors: readonly RowError[], sheet: number): Promise<void> | undefined;
  flush(): Promise<void>;
}

type Each = (raw: RawRow, r: RowResult, v: RowValidator, plan: SheetPlan) => Promise<void> | undefined;

/**
 * Reads every sheet the recipe names (in the workbook's order), finds each one's header,
 * resolves the recipe against it and runs its validator over the data rows; `each` sees every
 * result in file order. Returns the first sheet's header labels and the sheets read.
 * Throws FileError: a missing sheet or required column, a recipe that does not fit, dates
 * whose day/month order nothing settles.
 */
export async function scan(input: PassInput, report: ReportBuilder | undefined, each: Each): Promise<{ header: string[]; headerRow: number }> {
  const recipes = sheetRecipes(input.recipe);
  const names = recipes[0]?.name === undefined ? undefined : recipes.map((r) => r.name as string);
  if (names && input.table.format !== 'xlsx') throw new FileError('recipe', `recipe.sheets: only workbooks have sheets; this file is ${input.table.format.toUpperCase()}`);
  const ids = new SourceIds();
  const opts = { today: input.today, checkDuplicateIds: input.checkDuplicateIds !== false, ids };
  const sheets: { framer: SheetFramer; v?: RowValidator; plan?: SheetPlan }[] = [];
  try {
    for await (const batch of readTable(input.path, input.table, { names })) {
      let st = sheets[batch.sheet];
      if (!st) {
        const r = recipes[batch.sheet] ?? recipes[0];
        if (!r) throw new Error('a sheet no recipe names');
        st = { framer: new SheetFramer(batch.sheet, batch.name, r) };
        sheets[batch.sheet] = st;
      }
      const rows = st.framer.feed(batch.rows);
      if (!st.v && st.framer.header) {
        st.plan = plan(input, recipes[batch.sheet] ?? recipes[0], st.framer.header, recipes.length > 1, report);
        st.v = new RowValidator(input.spec, st.plan, input.lookups, opts);
      }
      for (const raw of rows) {
        const pending = each(raw, (st.v as RowValidator).validate(raw), st.v as RowValidator, st.plan as SheetPlan);
        if (pending) await pending; // most rows need no await: spare a microtask each
      }
    }
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new FileError('csv.syntax', err.message, err.line);
    if (err instanceof RecipeProblems) throw new FileError('recipe', err.message);
    throw err;
  }
  const late: FileError[] = [];
  for (const st of sheets) {
    if (!st) continue;
    st.framer.end();
    late.push(...(st.v?.finish() ?? []));
  }
  if (late.length > 0) {
    for (const e of late) report?.addFileError(e);
    (late[0] as FileError).reported = report !== undefined;
    throw late[0];
  }
  const first = sheets[0]?.framer.header;
  return { header: recipes.length > 1 ? [] : (first?.labels ?? []), headerRow: first?.headerRow ?? 1 };
}

function plan(input: PassInput, r: ReturnType<typeof sheetRecipes>[number] | undefined, header: SheetPlan['header'], multi: boolean, report?: ReportBuilder): SheetPlan {
  if (!r) throw new Error('no recipe for the sheet');
  const p = planSheet(r, header, input.spec, multi);
  const first = p.missing[0];
  if (first) {
    for (const e of p.missing) report?.addFileError(e);
    first.reported = report !== undefined;
    throw first;
  }
  for (const w of p.warnings) report?.warn(w);
  if (header.hxl) report?.warn(`${multi ? `${header.name}: ` : ''}HXL hashtag row found and used to match columns`);
  return p;
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
  /** The header labels (one sheet; empty for several, whose rejected rows are shown by column letter). */
  header: string[];
  /** First and last day of the valid rows (observations and reports), for the dataset's period. */
  firstDay: string | null;
  lastDay: string | null;
  /** Admin levels of the valid rows (boundary imports replace these levels). */
  levels: number[];
}

/** Where the bulk import's single pass sends its rows, and what the dry run looks at. */
export interface PassSink {
  /** Each valid record, in file order (streamed to COPY). */
  valid(record: DbRecord, s: ValidationSummary): Promise<void> | undefined;
  /** Before a rejected row is recorded: may throw to end the pass there. */
  rejected(s: ValidationSummary): void;
  /** Every row with its result and the validator that made it (the dry run's preview). */
  seen?(raw: RawRow, r: RowResult, v: RowValidator, plan: SheetPlan): void;
}

/**
 * Pass 1: validate everything, keep the errors and the rejected rows. Writes no data unless
 * `sink` does (the bulk import's single pass streams each valid record to COPY).
 */
export async function validatePass(
  input: PassInput,
  report: ReportBuilder,
  rejects: RejectSink,
  onRow: (s: ValidationSummary) => Promise<void> | undefined,
  sink?: PassSink,
): Promise<ValidationSummary> {
  const s: ValidationSummary = { rowsRead: 0, rowsValid: 0, rowsRejected: 0, header: [], firstDay: null, lastDay: null, levels: [] };
  const { header, headerRow } = await scan(input, report, (raw, r, v, plan) => {
    s.rowsRead++;
    sink?.seen?.(raw, r, v, plan);
    let pending: Promise<void> | undefined;
    if (r.ok) {
      s.rowsValid++;
      const day = dayOf(r.record);
      if (day !== null) {
        if (s.firstDay === null || day < s.firstDay) s.firstDay = day;
        if (s.lastDay === null || day > s.lastDay) s.lastDay = day;
      }
      const level = r.record.level;
      if (typeof level === 'number' && !s.levels.includes(level)) s.levels.push(level);
      pending = sink?.valid(r.record, s);
    } else {
      sink?.rejected(s);
      s.rowsRejected++;
      report.addRow(r.errors);
      pending = rejects.add(raw, r.errors, plan.sheet);
    }
    if (s.rowsRead % 1000 === 0) pending = Promise.all([pending, onRow(s)]).then(() => undefined);
    return pending;
  });
  s.header = header;
  await rejects.flush();
  if (s.rowsRead === 0) throw new FileError('file.no_rows', 'the file has a header but no data rows', headerRow);
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
  // Rows keyed by code (places, points, areas) may exist from any dataset; others only when appending.
  const skipExisting = target.appending || !input.spec.insert.conflict.startsWith('(dataset_id');
  const writer = new BatchWriter(tx, input.spec.insert, target.datasetId, skipExisting, onWritten);
  let batch = new Batch(input.spec.insert);
  let valid = 0;
  await scan(input, undefined, (_raw, r) => {
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
