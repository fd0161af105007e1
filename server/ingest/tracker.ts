import type { Db, Queryable } from '../db/index.js';
import { type Finish, finishImport, liveProgress, type Progress, saveProgress } from './jobs.js';
import type { ValidationSummary } from './passes.js';
import { RejectStore } from './rejects.js';
import { ReportBuilder } from './report.js';
import type { Format } from './table.js';

const PERSIST_MS = 2_000;
/** Percent of the bar when the rows are written; the rest is the rollup refresh (commit.ts refreshAfter). */
export const WRITTEN = 95;

const start = (): Progress => ({ status: 'validating', rowsRead: 0, rowsValid: 0, rowsRejected: 0, rowsInserted: 0, rowsSkipped: 0, percent: 0 });

/**
 * What one import has done so far: its progress (live in memory, saved to its imports row
 * every 2 s), its error report and its rejected rows. restart() forgets all of it, for the
 * bulk path's fall-back to two passes.
 */
export class Tracker {
  readonly p: Progress = start();
  report = new ReportBuilder();
  readonly rejects: RejectStore;
  /** Share of the bar per reading of the file: two passes get half each, the bulk pass 90 %. */
  span = 50;
  /**
   * false while the embedded engine's one connection is held by the import's transaction:
   * progress then lives in memory only (liveProgress), as a save would wait for that connection.
   */
  persist = true;
  /** Aborted when a user cancels the import (or its lease is lost): the next row or progress report throws. */
  signal: AbortSignal | undefined;
  private bytesSeen = 0;
  private lastSaved = Date.now();

  constructor(
    private readonly db: Db,
    private readonly importId: number,
    private readonly fileBytes: number,
    private readonly onProgress?: (p: Progress) => void,
  ) {
    this.rejects = new RejectStore(db, importId);
  }

  publish(): void {
    this.signal?.throwIfAborted();
    liveProgress.set(this.importId, { ...this.p });
    this.onProgress?.({ ...this.p });
  }

  readonly onBytes = (n: number): void => {
    this.bytesSeen += n;
    const part = this.fileBytes > 0 ? Math.min(1, this.bytesSeen / this.fileBytes) * this.span : this.span;
    this.p.percent = this.p.status === 'writing' ? this.span + part : part;
  };

  readonly onRows = (s: ValidationSummary): Promise<void> | undefined => {
    this.signal?.throwIfAborted();
    this.counts(s);
    this.publish();
    if (!this.persist || Date.now() - this.lastSaved < PERSIST_MS) return undefined;
    this.lastSaved = Date.now();
    return saveProgress(this.db, this.importId, this.p);
  };

  /** The pass is over: its counts, and the file's format and header, are saved (through `q`, the import's transaction if it has begun). */
  async validated(s: ValidationSummary, format: Format, q: Queryable = this.db): Promise<void> {
    this.counts(s);
    await saveProgress(q, this.importId, this.p, { format, header: s.header });
  }

  /** The file is read again (two-pass), or the database builds what it needs (bulk). */
  writing(fromPercent: number): void {
    Object.assign(this.p, { status: 'writing', percent: fromPercent });
    this.bytesSeen = 0;
    this.publish();
  }

  /** A write step of a spooled import is done: its rows, and the share of the spool written so far. */
  async wrote(rows: number, share: number): Promise<void> {
    this.p.rowsInserted += rows;
    this.p.percent = this.span + (WRITTEN - this.span) * share;
    this.publish();
    if (Date.now() - this.lastSaved < PERSIST_MS) return;
    this.lastSaved = Date.now();
    await saveProgress(this.db, this.importId, this.p);
  }

  counts(s: Pick<ValidationSummary, 'rowsRead' | 'rowsValid' | 'rowsRejected'>): void {
    Object.assign(this.p, { rowsRead: s.rowsRead, rowsValid: s.rowsValid, rowsRejected: s.rowsRejected });
  }

  async restart(span: number): Promise<void> {
    Object.assign(this.p, start());
    this.report = new ReportBuilder();
    this.span = span;
    this.bytesSeen = 0;
    await this.rejects.clear();
    this.publish();
  }

  /** The final status, saved outside the import's transaction (rejected, failed, unchanged). */
  async finish(status: Progress['status'], f: Omit<Finish, 'progress'>): Promise<Progress> {
    Object.assign(this.p, { status, percent: 100 });
    await finishImport(this.db, this.importId, { ...f, progress: this.p });
    this.end();
    this.onProgress?.({ ...this.p });
    return { ...this.p };
  }

  end(): void {
    liveProgress.delete(this.importId);
  }
}
