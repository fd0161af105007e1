import { errorMessage } from '../auth/http.js';
import { el } from '../panels/dom.js';
import { IMPORT_KINDS, type ImportKind, type ImportView, isFinal } from '../../common/imports.js';
import { importsApi, uploadImport } from './api.js';
import { progressText } from './progress.js';
import { renderResult } from './result.js';
import type { Navigate } from './showOnMap.js';

export const KIND_LABELS: Record<ImportKind, string> = {
  observations: 'Flow-monitoring observations',
  reports: 'Protection reports',
  services: 'Services',
  outreach_sites: 'Outreach sites',
  monitoring_points: 'Monitoring points',
  places: 'Places',
  admin_areas: 'Admin areas (GeoJSON)',
  survey_respondents: 'Awareness survey respondents',
};

const field = (label: string, control: HTMLElement, hint?: string): HTMLElement =>
  el('div', { class: 'admin-field' }, el('label', { for: control.id }, label), control, hint ? el('span', { class: 'admin-hint' }, hint) : null);
const input = (id: string, attrs: Record<string, string> = {}): HTMLInputElement => el('input', { id, name: id, ...attrs });

/** Polls an import until it ends; the server keeps its live progress in memory. */
export async function follow(id: number, show: (v: ImportView) => void): Promise<ImportView> {
  for (;;) {
    const v = await importsApi.get(id);
    show(v);
    if (isFinal(v.status)) return v;
    await new Promise((r) => setTimeout(r, 600));
  }
}

/**
 * The import form: a file (dropped or chosen), its kind, the mode and the dataset's
 * provenance. Upload progress, then validation and writing progress from the server, then
 * the outcome with the error report. `onDone` refreshes the dataset list; `navigate` opens
 * the imported period on the map.
 */
export function renderImportForm(root: HTMLElement, onDone: () => void, navigate: Navigate): void {
  const file = input('import-file', { type: 'file', accept: '.csv,.txt,.xlsx,.geojson,.json,.zip', required: '' });
  const drop = el('label', { class: 'drop-zone', for: 'import-file' }, 'Drop a CSV, XLSX or GeoJSON file (boundaries: also a zipped shapefile) here, or choose one');
  const kind = el('select', { id: 'import-kind', name: 'kind' }, ...IMPORT_KINDS.map((k) => el('option', { value: k }, KIND_LABELS[k])));
  const mode = el('select', { id: 'import-mode', name: 'mode' },
    el('option', { value: 'all-or-nothing' }, 'All or nothing'), el('option', { value: 'valid-rows' }, 'Keep the valid rows'));
  const dataset = input('import-dataset', { maxlength: '200', placeholder: 'the file name' });
  const sourceOrg = input('import-source', { maxlength: '200' });
  const method = input('import-method', { maxlength: '200' });
  const licence = input('import-licence', { maxlength: '200' });
  const start = input('import-start', { type: 'date' });
  const end = input('import-end', { type: 'date' });
  const sheet = input('import-sheet', { maxlength: '100' });
  const mapping = el('textarea', { id: 'import-mapping', rows: '2', placeholder: '{"total": "Persons counted"}' });
  const submit = el('button', { type: 'submit', class: 'button button--primary' }, 'Import');
  const cancel = el('button', { type: 'button', class: 'button import-cancel', hidden: true }, 'Cancel import');
  const bar = el('progress', { class: 'import-progress', max: '100', value: '0', hidden: true });
  const status = el('p', { class: 'admin-notice', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { class: 'import-result' });
  const form = el('form', { class: 'admin-form import-form', 'aria-label': 'Import a file' },
    el('div', { class: 'import-file' }, drop, file),
    field('Kind', kind), field('Mode', mode, 'All or nothing writes nothing if any row fails'),
    field('Dataset name', dataset), field('Source organisation', sourceOrg), field('Method', method), field('Licence', licence),
    el('details', { class: 'import-more' }, el('summary', {}, 'More: period, sheet, column mapping'),
      el('div', { class: 'import-more-body' }, field('Period start', start), field('Period end', end), field('Sheet (XLSX)', sheet),
        field('Column mapping', mapping, 'JSON: field → header or HXL tag'))),
    submit);
  root.replaceChildren(form, bar, status, cancel, result);
  let running: number | null = null;
  // The server stops the import (queued: at once; running: at its next progress report) and writes nothing.
  cancel.addEventListener('click', () => {
    if (running === null) return;
    cancel.disabled = true;
    cancel.textContent = 'Cancelling…';
    importsApi.cancel(running).catch((err: unknown) => {
      status.className = 'admin-notice admin-notice--error';
      status.textContent = errorMessage(err);
    });
  });

  const showFile = (): void => void (drop.textContent = file.files?.[0] ? `${file.files[0].name} (${Math.ceil(file.files[0].size / 1024).toLocaleString('en-GB')} kB)` : 'Drop a CSV, XLSX or GeoJSON file (boundaries: also a zipped shapefile) here, or choose one');
  file.addEventListener('change', showFile);
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('is-over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('is-over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('is-over');
    if (e.dataTransfer?.files.length) {
      file.files = e.dataTransfer.files;
      showFile();
    }
  });

  const progress = (percent: number, text: string): void => {
    bar.hidden = false;
    bar.value = percent;
    status.className = 'admin-notice';
    status.textContent = text;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return void ((status.className = 'admin-notice admin-notice--error'), (status.textContent = 'Choose a file first.'));
    const body = new FormData();
    // Fields before the file: the server reads the parts in order as they stream in.
    const fields: [string, string][] = [['kind', kind.value], ['mode', mode.value], ['dataset', dataset.value], ['sourceOrg', sourceOrg.value],
      ['method', method.value], ['licence', licence.value], ['periodStart', start.value], ['periodEnd', end.value], ['sheet', sheet.value], ['mapping', mapping.value]];
    for (const [k, v] of fields) if (v.trim() !== '') body.append(k, v.trim());
    body.append('file', chosen, chosen.name);
    submit.disabled = true;
    result.replaceChildren();
    void (async () => {
      try {
        const { id } = await uploadImport(body, (f) => progress(Math.round(f * 100), `Uploading ${chosen.name}: ${Math.round(f * 100)} %`));
        running = id;
        Object.assign(cancel, { hidden: false, disabled: false, textContent: 'Cancel import' });
        const done = await follow(id, (v) => progress(v.progress.percent, progressText(v)));
        bar.hidden = true;
        status.textContent = '';
        result.replaceChildren(renderResult(done, navigate));
        onDone();
      } catch (err) {
        bar.hidden = true;
        status.className = 'admin-notice admin-notice--error';
        status.textContent = errorMessage(err);
      } finally {
        running = null;
        cancel.hidden = true;
        submit.disabled = false;
      }
    })();
  });
}
