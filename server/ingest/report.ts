import type { FileError } from './file-error.js';
import type { ErrorGroup, ErrorReport, RowError } from '../../common/imports.js';

export type { ErrorGroup, ErrorReport };

export const MAX_LISTED = 100;
export const MAX_GROUPS = 50;
const ROWS_PER_GROUP = 20;
const EXAMPLES_PER_GROUP = 3;

/**
 * Collects errors from a million rows in bounded memory: repeated problems fold into groups
 * (column × code), the first MAX_LISTED errors are kept whole, and the totals stay exact.
 */
export class ReportBuilder {
  private readonly groups = new Map<string, ErrorGroup>();
  private readonly listed: RowError[] = [];
  private readonly fileErrors: ErrorReport['fileErrors'] = [];
  private readonly warnings: string[] = [];
  private total = 0;
  private rows = 0;
  private cut = false;

  addRow(errors: readonly RowError[]): void {
    if (errors.length === 0) return;
    this.rows++;
    for (const e of errors) {
      this.total++;
      if (this.listed.length < MAX_LISTED) this.listed.push(e);
      else this.cut = true;
      const key = `${e.column}\u0000${e.code}`;
      let g = this.groups.get(key);
      if (!g) {
        if (this.groups.size >= MAX_GROUPS) {
          this.cut = true;
          continue;
        }
        g = { column: e.column, code: e.code, reason: e.reason, count: 0, rows: [], examples: [] };
        this.groups.set(key, g);
      }
      g.count++;
      if (g.rows.length < ROWS_PER_GROUP) g.rows.push(e.row);
      if (g.examples.length < EXAMPLES_PER_GROUP) {
        g.examples.push(e.suggestions ? { row: e.row, value: e.value, suggestions: e.suggestions } : { row: e.row, value: e.value });
      }
    }
  }

  addFileError(e: FileError): void {
    this.fileErrors.push({ code: e.code, message: e.message, ...(e.row !== undefined ? { row: e.row } : {}), ...(e.column ? { column: e.column } : {}) });
  }

  warn(message: string): void {
    if (this.warnings.length < 20) this.warnings.push(message);
  }

  get errorCount(): number {
    return this.total + this.fileErrors.length;
  }

  build(): ErrorReport {
    return {
      fileErrors: [...this.fileErrors],
      totalErrors: this.total,
      rowsWithErrors: this.rows,
      groups: [...this.groups.values()].sort((a, b) => b.count - a.count || (a.rows[0] ?? 0) - (b.rows[0] ?? 0)),
      errors: [...this.listed],
      truncated: this.cut,
      warnings: [...this.warnings],
    };
  }
}

/** The report as lines for a terminal (the CLI). */
export function formatReport(r: ErrorReport): string[] {
  const out = r.fileErrors.map((e) => `file: ${e.message}${e.row !== undefined ? ` (row ${e.row})` : ''}`);
  for (const g of r.groups) {
    const more = g.count > g.rows.length ? ` and ${g.count - g.rows.length} more` : '';
    const ex = g.examples[0];
    const hint = ex?.suggestions ? `; did you mean ${ex.suggestions.join(' / ')}?` : '';
    out.push(`${g.column}: ${g.reason} — ${g.count} row(s): ${g.rows.join(', ')}${more}${ex ? ` (e.g. "${ex.value}"${hint})` : ''}`);
  }
  for (const w of r.warnings) out.push(`note: ${w}`);
  return out;
}
