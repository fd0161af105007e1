import { el } from '../panels/dom.js';
import type { ImportView } from '../../common/imports.js';
import { showDatasetOnMap, type Navigate } from './showOnMap.js';
import { renderReport } from './report.js';

const n = (x: number): string => x.toLocaleString('en-GB');

function headline(v: ImportView): string {
  const p = v.progress;
  switch (v.status) {
    case 'committed': {
      const skipped = p.rowsSkipped > 0 ? `; ${n(p.rowsSkipped)} already present, skipped` : '';
      const rejected = p.rowsRejected > 0 ? `; ${n(p.rowsRejected)} rows rejected (not written)` : '';
      return `Imported ${n(p.rowsInserted)} rows into dataset ${v.datasetId}${skipped}${rejected}.`;
    }
    case 'unchanged':
      return `Nothing added: ${v.message ?? 'these rows were imported before'}.`;
    case 'rejected':
      return `Nothing was written: ${n(p.rowsRejected)} of ${n(p.rowsRead)} rows have errors. Fix them and import the file again, or choose “Keep the valid rows”.`;
    case 'cancelled':
      return `Cancelled: ${v.message ?? 'nothing was written'}.`;
    default:
      return `The import failed: ${v.message ?? 'see the server log'}. Nothing was written.`;
  }
}

/** The outcome of an import: what was written, the error report, the rejected rows, the map. */
export function renderResult(v: ImportView, navigate: Navigate): HTMLElement {
  const ok = v.status === 'committed' || v.status === 'unchanged';
  const root = el('div', { class: `import-outcome import-outcome--${ok ? 'ok' : 'error'}`, 'data-status': v.status },
    el('p', { class: 'import-headline' }, headline(v)));
  const links = el('div', { class: 'admin-actions' });
  if (v.links.rejected) links.append(el('a', { class: 'button button--small', href: v.links.rejected, download: '' }, 'Download rejected rows (CSV)'));
  if (ok && v.datasetId !== null && (v.kind === 'observations' || v.kind === 'reports')) {
    const show = el('button', { type: 'button', class: 'button button--small' }, 'Show on the map');
    const id = v.datasetId;
    show.addEventListener('click', () => void showDatasetOnMap(id, navigate));
    links.append(show);
  }
  if (links.childElementCount > 0) root.append(links);
  if (v.report && (v.report.totalErrors > 0 || v.report.fileErrors.length > 0 || v.report.warnings.length > 0)) root.append(renderReport(v.report));
  return root;
}
