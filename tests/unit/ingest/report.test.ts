import { describe, expect, it } from 'vitest';
import { FileError } from '../../../server/ingest/file-error.js';
import { formatReport, MAX_GROUPS, MAX_LISTED, ReportBuilder } from '../../../server/ingest/report.js';
import type { RowError } from '../../../common/imports.js';

const err = (row: number, column: string, code = 'date.format'): RowError => ({
  row, column, field: column, value: 'x', code, reason: 'expected a date as YYYY-MM-DD or dd/mm/yyyy',
});

describe('the error report', () => {
  it('when thousands of rows share a problem, then it is one group with an exact count and capped lists', () => {
    const r = new ReportBuilder();
    for (let row = 2; row < 5002; row++) r.addRow([err(row, 'date')]);
    r.addRow([err(6000, 'total', 'count.negative'), err(6000, 'date')]);
    const out = r.build();
    expect(out.totalErrors).toBe(5002);
    expect(out.rowsWithErrors).toBe(5001);
    expect(out.groups.map((g) => [g.column, g.code, g.count])).toEqual([['date', 'date.format', 5001], ['total', 'count.negative', 1]]);
    expect(out.groups[0]?.rows).toHaveLength(20);
    expect(out.errors).toHaveLength(MAX_LISTED);
    expect(out.truncated).toBe(true);
  });

  it('when there are more kinds of problem than groups, then the count still covers them all', () => {
    const r = new ReportBuilder();
    for (let i = 0; i < MAX_GROUPS + 10; i++) r.addRow([err(i + 2, `col${i}`)]);
    const out = r.build();
    expect(out.groups).toHaveLength(MAX_GROUPS);
    expect(out.totalErrors).toBe(MAX_GROUPS + 10);
  });

  it('when printed for a terminal, then each group is one line with its rows and an example', () => {
    const r = new ReportBuilder();
    r.addFileError(new FileError('column.missing', 'no column for the required field total', 1, 'total'));
    r.addRow([{ ...err(3, 'monitoring_point', 'point.unknown'), reason: 'is not a known monitoring point', value: 'Kazungula Brigde', suggestions: ['Kazungula Bridge border post'] }]);
    expect(formatReport(r.build())).toEqual([
      'file: no column for the required field total (row 1)',
      'monitoring_point: is not a known monitoring point — 1 row(s): 3 (e.g. "Kazungula Brigde"; did you mean Kazungula Bridge border post?)',
    ]);
  });
});
