import { describe, expect, it } from 'vitest';
import type { ImportView } from '../../../common/imports.js';
import { progressText } from '../../../client/imports/progress.js';

const view = (status: ImportView['status'], p: Partial<ImportView['progress']>): Pick<ImportView, 'status' | 'progress'> => ({
  status,
  progress: { rowsRead: 0, rowsValid: 0, rowsRejected: 0, rowsInserted: 0, rowsSkipped: 0, percent: 0, ...p },
});

describe('the import progress line', () => {
  it('when rows are checked, then it counts them and shows a whole percentage', () => {
    expect(progressText(view('validating', { rowsRead: 12000, rowsValid: 11990, rowsRejected: 10, percent: 23.6 }))).toBe(
      'Checking — 12,000 rows read, 11,990 valid, 10 rejected (23 %)',
    );
  });

  it('when rows are written in steps, then it says how many of the valid rows are in', () => {
    expect(progressText(view('writing', { rowsRead: 30000, rowsValid: 30000, rowsInserted: 7000, percent: 60.5 }))).toBe(
      'Writing — 7,000 of 30,000 rows written (60 %)',
    );
  });

  it('when every row is written and the import still runs, then it is updating the map summaries', () => {
    expect(progressText(view('writing', { rowsValid: 30000, rowsInserted: 30000, percent: 97 }))).toBe("Updating the map's summaries — 30,000 rows written (97 %)");
  });

  it('when the writing has begun in one transaction, or the import waits its turn, then it says so', () => {
    expect(progressText(view('writing', { rowsValid: 500, percent: 50 }))).toBe('Writing 500 rows (50 %)');
    expect(progressText(view('queued', {}))).toBe('Waiting for the import before it (0 %)');
  });
});
