import { el } from '../panels/dom.js';
import type { ErrorReport } from '../../common/imports.js';

const n = (x: number): string => x.toLocaleString('en-GB');

/** "rows 3, 7, 12 and 40 more": the first rows of a group, the rest counted. */
function rowList(rows: number[], count: number): string {
  const shown = rows.join(', ');
  return count > rows.length ? `${shown} and ${n(count - rows.length)} more` : shown;
}

/**
 * An import's error report as a person reads it: problems with the whole file first, then
 * each kind of row problem once (column, reason, rows, example values with the closest known
 * names), with the totals stated even when the lists were cut.
 */
export function renderReport(report: ErrorReport): HTMLElement {
  const root = el('div', { class: 'import-report', 'data-testid': 'import-report' });
  for (const f of report.fileErrors) {
    const where = [f.row !== undefined ? `row ${f.row}` : '', f.column ? `column ${f.column}` : ''].filter(Boolean).join(', ');
    root.append(el('p', { class: 'import-file-error' }, where ? `${where}: ${f.message}` : f.message));
  }
  if (report.totalErrors > 0) {
    root.append(el('p', { class: 'import-summary' }, `${n(report.totalErrors)} error${report.totalErrors === 1 ? '' : 's'} in ${n(report.rowsWithErrors)} row${report.rowsWithErrors === 1 ? '' : 's'}`));
    const body = el('tbody');
    for (const g of report.groups) {
      const examples = el('ul', { class: 'import-examples' });
      for (const x of g.examples) {
        const hint = x.suggestions && x.suggestions.length > 0 ? ` — did you mean ${x.suggestions.join(', ')}?` : '';
        examples.append(el('li', {}, `row ${x.row}: “${x.value}”${hint}`));
      }
      body.append(
        el('tr', {}, el('td', {}, g.column), el('td', {}, g.reason), el('td', { class: 'num' }, n(g.count)), el('td', {}, rowList(g.rows, g.count), examples)),
      );
    }
    const head = el('thead', {}, el('tr', {}, el('th', {}, 'Column'), el('th', {}, 'Problem'), el('th', { class: 'num' }, 'Rows'), el('th', {}, 'Where')));
    root.append(el('table', { class: 'admin-table import-errors' }, head, body));
    if (report.truncated) root.append(el('p', { class: 'admin-hint' }, 'The lists are cut to their first entries; the counts above are complete. Download the rejected rows for all of them.'));
  }
  if (report.warnings.length > 0) root.append(el('ul', { class: 'import-warnings' }, ...report.warnings.map((w) => el('li', {}, w))));
  return root;
}
