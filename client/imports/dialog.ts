import { errorMessage } from '../auth/http.js';
import { el } from '../panels/dom.js';
import type { DatasetInfo } from '../../common/imports.js';
import { importsApi } from './api.js';
import { renderCorridors } from './corridors.js';
import { KIND_LABELS, renderImportForm } from './form.js';
import { datasetMapHash } from './mapLink.js';
import type { Navigate } from './showOnMap.js';

const period = (d: DatasetInfo): string => (d.periodStart && d.periodEnd ? `${d.periodStart} – ${d.periodEnd}` : '—');
const count = (x: number | null): string => (x === null ? '—' : x.toLocaleString('en-GB'));

/** Every dataset with its provenance; data managers may delete one (with what it brought). */
async function renderDatasets(root: HTMLElement, canWrite: boolean): Promise<void> {
  const notice = el('p', { class: 'admin-notice', role: 'status' });
  let list: DatasetInfo[];
  try {
    list = (await importsApi.datasets()).datasets;
  } catch (err) {
    root.replaceChildren(el('h3', { class: 'admin-section-title' }, 'Datasets'), el('p', { class: 'admin-notice admin-notice--error' }, errorMessage(err)));
    return;
  }
  const rows = list.map((d) => {
    const actions = el('td', { class: 'admin-actions' });
    const hash = d.kind === 'observations' || d.kind === 'reports' ? datasetMapHash(d) : null;
    if (hash) actions.append(el('a', { class: 'button button--small', href: hash, 'data-close': '' }, 'Map'));
    if (canWrite) {
      const del = el('button', { type: 'button', class: 'button button--small button--danger' }, 'Delete');
      del.addEventListener('click', () => {
        if (!confirm(`Delete the dataset “${d.name}” and all ${count(d.rowsAccepted)} rows it brought? This cannot be undone.`)) return;
        del.disabled = true;
        importsApi.deleteDataset(d.id).then(
          () => void renderDatasets(root, canWrite),
          (err: unknown) => {
            del.disabled = false;
            notice.className = 'admin-notice admin-notice--error';
            notice.textContent = errorMessage(err);
          },
        );
      });
      actions.append(del);
    }
    const name = el('th', { scope: 'row' }, d.name, d.isSynthetic ? el('span', { class: 'tag tag--synthetic' }, 'synthetic') : null);
    return el('tr', { 'data-dataset-id': String(d.id) }, name, el('td', {}, KIND_LABELS[d.kind] ?? d.kind), el('td', {}, d.sourceOrg ?? '—', ...(d.recipes ?? []).map((r) => el('span', { class: 'dataset-recipe' }, ` · recipe ${r.name} v${r.version}`))),
      el('td', {}, period(d)), el('td', { class: 'num' }, count(d.rowsAccepted)), el('td', { class: 'num' }, count(d.rowsRejected)),
      el('td', {}, d.importedAt.slice(0, 16).replace('T', ' '), d.importedBy ? ` by ${d.importedBy}` : ''), actions);
  });
  const head = el('tr', {}, ...['Name', 'Kind', 'Source', 'Period', 'Rows', 'Rejected', 'Imported', ''].map((h) => el('th', { scope: 'col' }, h)));
  root.replaceChildren(el('h3', { class: 'admin-section-title' }, 'Datasets'), notice,
    list.length === 0 ? el('p', {}, 'No datasets yet.') : el('table', { class: 'admin-table datasets-table' }, el('thead', {}, head), el('tbody', {}, ...rows)));
}

/** The quick form (a file in the importer's own columns) or the step-by-step wizard (any layout, recipes). */
function renderImportModes(root: HTMLElement, onDone: () => void, navigate: Navigate): void {
  const body = el('div');
  const quick = el('button', { type: 'button', class: 'button button--small', 'aria-pressed': 'true' }, 'Quick import');
  const steps = el('button', { type: 'button', class: 'button button--small', 'aria-pressed': 'false' }, 'Step by step (recipes)');
  const pick = (wizard: boolean) => {
    quick.setAttribute('aria-pressed', String(!wizard));
    steps.setAttribute('aria-pressed', String(wizard));
    if (wizard) void import('./wizard.js').then((m) => m.renderWizard(body, onDone, navigate));
    else renderImportForm(body, onDone, navigate);
  };
  quick.addEventListener('click', () => pick(false));
  steps.addEventListener('click', () => pick(true));
  root.replaceChildren(el('div', { class: 'admin-actions import-modes', role: 'group', 'aria-label': 'How to import' }, quick, steps), body);
  pick(false);
}

/**
 * The data screen (a modal <dialog>, its own chunk): import a file and follow it, and the
 * datasets already in, with their provenance. Opened from the header's Data button.
 */
export function openImports(canWrite: boolean, navigate: Navigate): void {
  document.getElementById('imports-dialog')?.remove();
  const close = el('button', { type: 'button', class: 'button' }, 'Close');
  const importSection = el('section', { class: 'admin-section', 'aria-label': 'Import a file' });
  const datasets = el('section', { class: 'admin-section', 'aria-label': 'Datasets' });
  const corridors = el('section', { class: 'admin-section', 'aria-label': 'Corridors' });
  const d = el('dialog', { id: 'imports-dialog', class: 'dialog dialog--admin', 'aria-labelledby': 'imports-title' },
    el('div', { class: 'panel-head' }, el('h2', { id: 'imports-title', class: 'dialog-title' }, 'Data'), close),
    canWrite ? importSection : null, datasets, corridors);
  close.addEventListener('click', () => d.close());
  d.addEventListener('close', () => d.remove());
  // A "Map" link changes the hash (the map follows it); the dialog must get out of the way.
  d.addEventListener('click', (e) => {
    if (e.target instanceof HTMLElement && e.target.closest('[data-close]')) d.close();
  });
  document.body.append(d);
  if (canWrite) renderImportModes(importSection, () => void renderDatasets(datasets, canWrite), navigate);
  void renderDatasets(datasets, canWrite);
  void renderCorridors(corridors, canWrite);
  d.showModal();
  close.focus();
}
