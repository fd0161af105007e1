import { errorMessage } from '../auth/http.js';
import { el } from '../panels/dom.js';
import { type DryRun, IMPORT_KINDS, type ImportKind, type Preview, type Recipe, type SheetMapping, type StoredRecipe } from '../../common/imports.js';
import { follow, KIND_LABELS } from './form.js';
import { recipeApi } from './recipe-api.js';
import { choiceOf, recipeOf, type WizardState } from './recipe-model.js';
import { renderReport } from './report.js';
import { renderResult } from './result.js';
import type { Navigate } from './showOnMap.js';
import { columnsStep, constantsStep, previewStep, sheetsStep, valuesStep } from './wizard-steps.js';

const STEPS = ['File', 'Sheets', 'Columns', 'Constants', 'Values', 'Preview', 'Import'] as const;
type Step = (typeof STEPS)[number];

/**
 * The import wizard: upload → sheets and header rows → columns → constants → values → preview
 * (the dry run) → import, and "save as recipe". A saved recipe picked at the start goes straight
 * to the preview. Its state lives here, not in the URL: an upload cannot be shared by link.
 */
export function renderWizard(root: HTMLElement, onDone: () => void, navigate: Navigate): void {
  let step: Step = 'File';
  let preview: Preview | undefined;
  let mapping: SheetMapping[] = [];
  let state: WizardState | undefined;
  let stored: StoredRecipe | undefined;
  let recipe: Recipe | undefined;
  let dry: DryRun | undefined;
  const nav = el('ol', { class: 'wizard-steps' });
  const body = el('div', { class: 'wizard-body', 'data-step': step });
  const status = el('p', { class: 'admin-notice', role: 'status', 'aria-live': 'polite' });
  const back = el('button', { type: 'button', class: 'button' }, 'Back');
  const next = el('button', { type: 'button', class: 'button button--primary' }, 'Next');
  root.replaceChildren(nav, body, status, el('div', { class: 'admin-actions wizard-nav' }, back, next));

  const file = el('input', { id: 'wizard-file', type: 'file', accept: '.csv,.txt,.xlsx' });
  const kind = el('select', { id: 'wizard-kind' }, ...IMPORT_KINDS.filter((k) => k !== 'admin_areas').map((k) => el('option', { value: k }, KIND_LABELS[k])));
  const saved = el('select', { id: 'wizard-recipe' }, el('option', { value: '' }, '— build a recipe step by step —'));
  let recipes: StoredRecipe[] = [];
  void recipeApi.list().then((r) => {
    recipes = r.recipes;
    saved.append(...recipes.map((x) => el('option', { value: String(x.id) }, `${x.name} (v${x.version}, ${KIND_LABELS[x.kind]})`)));
  }, () => undefined);

  const current = (): Recipe => (stored ? stored.recipe : recipeOf(state as WizardState));
  const show = (s: Step) => {
    step = s;
    body.dataset.step = s;
    nav.replaceChildren(...STEPS.map((x) => el('li', { class: x === s ? 'is-current' : '', 'aria-current': x === s ? 'step' : undefined }, x)));
    back.disabled = s === 'File';
    next.hidden = s === 'Import';
    status.textContent = '';
    status.className = 'admin-notice';
  };
  const fail = (err: unknown) => {
    status.className = 'admin-notice admin-notice--error';
    status.textContent = errorMessage(err);
  };

  const render: Record<Step, () => Promise<void>> = {
    File: async () => {
      body.replaceChildren(el('div', { class: 'admin-form' },
        el('div', { class: 'admin-field' }, el('label', { for: 'wizard-file' }, 'File (CSV or XLSX)'), file),
        el('div', { class: 'admin-field' }, el('label', { for: 'wizard-kind' }, 'Kind'), kind),
        el('div', { class: 'admin-field' }, el('label', { for: 'wizard-recipe' }, 'Recipe'), saved)));
    },
    Sheets: async () => sheetsStep(body, preview?.sheets ?? [], state as WizardState),
    Columns: async () => {
      mapping = (await recipeApi.preview(upload(), layoutOnly())).mapping ?? [];
      const s = state as WizardState;
      for (const m of mapping) {
        const choices = (s.fields[m.name] ??= {});
        for (const f of m.fields) choices[f.field] ??= choiceOf(m, f.source);
      }
      columnsStep(body, mapping, s);
    },
    Constants: async () => {
      mapping = (await recipeApi.preview(upload(), current())).mapping ?? mapping;
      constantsStep(body, mapping, state as WizardState);
    },
    Values: async () => valuesStep(body, (await recipeApi.preview(upload(), current(), true)).values ?? [], mapping, state as WizardState),
    Preview: async () => {
      recipe = current();
      dry = await recipeApi.dryRun(upload(), recipe);
      previewStep(body, dry, renderReport(dry.report));
    },
    Import: async () => importStep(),
  };
  const upload = (): string => preview?.upload.id ?? '';
  const layoutOnly = (): Recipe => {
    const s = state as WizardState;
    return recipeOf({ ...s, fields: Object.fromEntries(Object.entries(s.fields).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([, c]) => c.k !== 'none'))])) });
  };

  /** Leaving a step: the file step uploads (or takes the saved recipe), the others only move on. */
  const leave = async (): Promise<Step> => {
    if (step !== 'File') return STEPS[STEPS.indexOf(step) + 1] as Step;
    const chosen = file.files?.[0];
    if (!chosen) throw new Error('Choose a file first.');
    status.textContent = `Uploading ${chosen.name}…`;
    preview = await recipeApi.upload(chosen);
    stored = recipes.find((r) => String(r.id) === saved.value);
    const csv = preview.upload.format !== 'xlsx';
    state = {
      kind: (stored?.kind ?? kind.value) as ImportKind,
      sheets: preview.sheets.map((s, i) => ({ name: csv ? '' : s.name, use: i === 0, skipRows: 0, headerRows: 1, footerRows: 0 })),
      fields: {},
      values: {},
    };
    return stored ? 'Preview' : 'Sheets';
  };

  const go = (to: Step) => {
    show(to);
    next.disabled = true;
    back.disabled = true;
    void render[to]().then(
      () => undefined,
      (err: unknown) => fail(err),
    ).finally(() => {
      next.disabled = false;
      back.disabled = to === 'File';
    });
  };
  next.addEventListener('click', () => {
    next.disabled = true;
    void leave().then(go, (err: unknown) => {
      next.disabled = false;
      if (err instanceof Error && !('status' in err)) {
        status.className = 'admin-notice admin-notice--error';
        status.textContent = err.message;
      } else fail(err);
    });
  });
  back.addEventListener('click', () => go(stored && step === 'Preview' ? 'File' : (STEPS[Math.max(0, STEPS.indexOf(step) - 1)] as Step)));

  function importStep(): void {
    const name = el('input', { id: 'wizard-dataset', maxlength: '200', value: preview?.upload.fileName ?? '' });
    const source = el('input', { id: 'wizard-source', maxlength: '200' });
    const licence = el('input', { id: 'wizard-licence', maxlength: '200' });
    const go = el('button', { type: 'button', class: 'button button--primary' }, 'Import');
    const recipeName = el('input', { id: 'wizard-recipe-name', maxlength: '200', value: stored?.name ?? '' });
    const save = el('button', { type: 'button', class: 'button' }, stored ? 'Save as a new version' : 'Save as recipe');
    const saveNote = el('p', { class: 'admin-notice', role: 'status' });
    const result = el('div', { class: 'import-result' });
    save.addEventListener('click', () => {
      const r = recipe ?? current();
      const done = stored ? recipeApi.update(stored.id, r) : recipeApi.save(recipeName.value.trim(), r);
      void done.then((x) => {
        stored = x;
        saveNote.className = 'admin-notice';
        saveNote.textContent = `Saved as “${x.name}”, version ${x.version}.`;
      }, (err: unknown) => ((saveNote.className = 'admin-notice admin-notice--error'), (saveNote.textContent = errorMessage(err))));
    });
    go.addEventListener('click', () => {
      go.disabled = true;
      const fields = stored && JSON.stringify(stored.recipe) === JSON.stringify(recipe) ? { recipeId: String(stored.id) } : { recipe: JSON.stringify(recipe ?? current()) };
      void recipeApi.start(upload(), { ...fields, dataset: name.value.trim() || undefined, sourceOrg: source.value.trim() || undefined, licence: licence.value.trim() || undefined })
        .then(({ id }) => follow(id, (v) => (status.textContent = `${v.status === 'writing' ? 'Writing' : 'Checking'} — ${v.progress.rowsRead.toLocaleString('en-GB')} rows read (${v.progress.percent} %)`)))
        .then((v) => {
          status.textContent = '';
          result.replaceChildren(renderResult(v, navigate));
          onDone();
        }, (err: unknown) => ((go.disabled = false), fail(err)));
    });
    body.replaceChildren(
      el('div', { class: 'admin-form' },
        el('div', { class: 'admin-field' }, el('label', { for: 'wizard-dataset' }, 'Dataset name'), name),
        el('div', { class: 'admin-field' }, el('label', { for: 'wizard-source' }, 'Source organisation'), source),
        el('div', { class: 'admin-field' }, el('label', { for: 'wizard-licence' }, 'Licence'), licence), go),
      result,
      el('div', { class: 'admin-form wizard-save' },
        el('div', { class: 'admin-field' }, el('label', { for: 'wizard-recipe-name' }, 'Recipe name'), recipeName), save), saveNote);
  }

  show('File');
  void render.File();
}
