import { el } from '../panels/dom.js';
import type { DryRun, RawSheet, SheetMapping, ValueList } from '../../common/imports.js';
import { type FieldChoice, type SheetChoice, suggestionValue, type WizardState } from './recipe-model.js';

/** The wizard's step views: each renders from the state and writes the person's choices back into it. */

const num = (id: string, label: string, value: number, onChange: (n: number) => void, max = 50): HTMLElement => {
  const input = el('input', { id, type: 'number', min: '0', max: String(max), value: String(value) });
  input.addEventListener('change', () => onChange(Math.max(0, Math.min(max, Number(input.value) || 0))));
  return el('label', { class: 'wizard-num' }, label, input);
};

const letter = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The first rows of a sheet as a grid: rows above the header dimmed, header rows marked, data plain. */
function grid(sheet: RawSheet, c: SheetChoice): HTMLElement {
  const width = Math.max(0, ...sheet.rows.map((r) => r.cells.length));
  const head = el('tr', {}, el('th', {}, ''), ...Array.from({ length: width }, (_, i) => el('th', { scope: 'col' }, letter(i))));
  let headerSeen = 0;
  const body = sheet.rows.map((r) => {
    let kind = 'data';
    if (r.row <= c.skipRows) kind = 'skip';
    else if (headerSeen < c.headerRows) {
      kind = 'header';
      headerSeen++;
    }
    return el('tr', { class: `wizard-grid-${kind}` }, el('th', { scope: 'row' }, String(r.row)), ...Array.from({ length: width }, (_, i) => el('td', {}, r.cells[i] ?? '')));
  });
  return el('div', { class: 'wizard-grid-wrap' }, el('table', { class: 'wizard-grid', 'data-sheet': sheet.name }, el('thead', {}, head), el('tbody', {}, ...body)));
}

export function sheetsStep(root: HTMLElement, sheets: RawSheet[], state: WizardState): void {
  const parts = sheets.map((sheet, i) => {
    const c = state.sheets[i] as SheetChoice;
    const box = el('div', { class: 'wizard-sheet' });
    const draw = () => {
      const use = el('input', { type: 'checkbox', id: `wizard-use-${i}`, checked: c.use });
      use.addEventListener('change', () => ((c.use = use.checked), draw()));
      box.replaceChildren(
        el('div', { class: 'wizard-sheet-head' },
          el('label', { class: 'wizard-use' }, use, ` ${sheet.name || 'The file'}`),
          num(`wizard-skip-${i}`, 'Rows above the header', c.skipRows, (n) => ((c.skipRows = n), draw()), 1000),
          num(`wizard-header-${i}`, 'Header rows', c.headerRows, (n) => ((c.headerRows = n), draw()), 10),
          num(`wizard-footer-${i}`, 'Rows to drop at the end (totals)', c.footerRows, (n) => ((c.footerRows = n), draw()), 1000)),
        grid(sheet, c));
    };
    draw();
    return box;
  });
  root.replaceChildren(el('p', { class: 'admin-hint' }, 'Tick the sheets to import (they go into one dataset) and say where each one\'s header is. The grid shows the first rows; header rows are shaded.'), ...parts);
}

const describe = (c: FieldChoice): string =>
  c.k === 'col' ? c.label : c.k === 'sum' ? `Σ ${c.labels.join(' + ')}` : c.k === 'oneHot' ? `one-hot: ${Object.entries(c.members).map(([l, w]) => `${l} → ${w}`).join(', ')}` : c.k === 'const' ? `= ${c.value}` : '';

/** Field → column, per sheet: auto-suggested from aliases and HXL tags; required fields without a source stand out. */
export function columnsStep(root: HTMLElement, mapping: SheetMapping[], state: WizardState): void {
  const tables = mapping.map((m) => {
    const choices = (state.fields[m.name] ??= {});
    const rows = m.fields.map((f) => {
      const c = choices[f.field] ?? { k: 'none' };
      const select = el('select', { id: `wizard-map-${m.name}-${f.field}`, 'aria-label': `${f.field} (${m.name || 'file'})`, 'data-field': f.field },
        el('option', { value: '' }, '— not in this file —'),
        ...m.columns.map((col) => el('option', { value: `col:${col.label || col.letter}`, selected: c.k === 'col' && c.label === (col.label || col.letter) }, `${col.letter}: ${col.label || '(no header)'}`)),
        f.type === 'int' ? el('option', { value: 'sum', selected: c.k === 'sum' }, 'Σ add up several columns…') : null,
        m.oneHot[f.field] || c.k === 'oneHot' ? el('option', { value: 'oneHot', selected: c.k === 'oneHot' }, 'one column per choice (TRUE/1/yes)') : null,
        c.k === 'const' ? el('option', { value: 'const', selected: true }, describe(c)) : null);
      const extra = el('div', { class: 'wizard-extra' });
      const drawExtra = () => {
        const cur = choices[f.field];
        if (cur?.k === 'sum') {
          const multi = el('select', { multiple: true, size: '5', 'aria-label': `columns to add up for ${f.field}` },
            ...m.columns.map((col) => el('option', { value: col.label || col.letter, selected: cur.labels.includes(col.label || col.letter) }, `${col.letter}: ${col.label}`)));
          multi.addEventListener('change', () => (cur.labels = [...multi.selectedOptions].map((o) => o.value)));
          extra.replaceChildren(multi);
        } else extra.replaceChildren(cur?.k === 'oneHot' ? describe(cur) : '');
      };
      select.addEventListener('change', () => {
        const v = select.value;
        choices[f.field] = v === '' ? { k: 'none' } : v === 'sum' ? { k: 'sum', labels: [] } : v === 'oneHot' ? { k: 'oneHot', members: { ...(m.oneHot[f.field] ?? {}) } } : v === 'const' ? c : { k: 'col', label: v.slice(4) };
        tr.classList.toggle('is-missing', f.required && (choices[f.field]?.k ?? 'none') === 'none');
        drawExtra();
      });
      drawExtra();
      const tr = el('tr', { class: f.required && c.k === 'none' ? 'is-missing' : '' },
        el('th', { scope: 'row' }, f.field, f.required ? el('span', { class: 'wizard-required' }, ' required') : null), el('td', {}, select, extra));
      return tr;
    });
    return el('section', { class: 'wizard-map' }, el('h4', {}, m.name || 'Columns'),
      el('table', { class: 'admin-table wizard-map-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Field'), el('th', {}, 'Read from'))), el('tbody', {}, ...rows)));
  });
  root.replaceChildren(el('p', { class: 'admin-hint' }, 'Each field of the import and the column it is read from, as matched from header names and HXL tags. Change any of them; fields not in the file can be given as constants next.'), ...tables);
}

/** Facts that are not columns: a value for every row of a sheet (direction of an entry sheet, a facility list's country). */
export function constantsStep(root: HTMLElement, mapping: SheetMapping[], state: WizardState): void {
  const sections = mapping.map((m) => {
    const choices = (state.fields[m.name] ??= {});
    const rows = m.fields.filter((f) => (choices[f.field]?.k ?? 'none') === 'none' || choices[f.field]?.k === 'const').map((f) => {
      const cur = choices[f.field];
      const value = cur?.k === 'const' ? cur.value : '';
      const id = `wizard-const-${m.name}-${f.field}`;
      const input = f.choices
        ? el('select', { id, 'data-field': f.field }, el('option', { value: '' }, '—'), ...f.choices.map((w) => el('option', { value: w, selected: w === value }, w)))
        : el('input', { id, 'data-field': f.field, value, placeholder: f.type === 'iso3' ? 'a country: Zambia or ZMB' : '' });
      input.addEventListener('change', () => {
        choices[f.field] = input.value.trim() === '' ? { k: 'none' } : { k: 'const', value: input.value };
        tr.classList.toggle('is-missing', f.required && input.value.trim() === '');
      });
      const tr = el('tr', { class: f.required && value === '' ? 'is-missing' : '' },
        el('th', { scope: 'row' }, el('label', { for: id }, f.field), f.required ? el('span', { class: 'wizard-required' }, ' required') : null), el('td', {}, input));
      return tr;
    });
    return el('section', { class: 'wizard-map' }, el('h4', {}, m.name || 'The file'), el('table', { class: 'admin-table' }, el('tbody', {}, ...rows)));
  });
  const order = el('select', { id: 'wizard-date-format' }, el('option', { value: '' }, 'not said (an ambiguous column is an error)'),
    el('option', { value: 'dd/mm/yyyy', selected: state.dateFormat === 'dd/mm/yyyy' }, 'day first: dd/mm/yyyy'),
    el('option', { value: 'mm/dd/yyyy', selected: state.dateFormat === 'mm/dd/yyyy' }, 'month first: mm/dd/yyyy'));
  order.addEventListener('change', () => (order.value ? (state.dateFormat = order.value as 'dd/mm/yyyy') : delete state.dateFormat));
  root.replaceChildren(el('p', { class: 'admin-hint' }, 'Give a value for every row of a sheet where the file has no column for it.'), ...sections,
    el('div', { class: 'admin-field' }, el('label', { for: 'wizard-date-format' }, 'Dates such as 04/05/2025 are'), order));
}

/** Every distinct value of the fields that take words, countries or places, with how it reads and a suggested mapping. */
export function valuesStep(root: HTMLElement, lists: ValueList[], mapping: SheetMapping[], state: WizardState): void {
  const choicesOf = (field: string) => mapping.flatMap((m) => m.fields).find((f) => f.field === field)?.choices;
  const sections = lists.map((list) => {
    const map = (state.values[list.field] ??= {});
    const rows = list.values.map((v) => {
      const given = map[v.raw];
      const suggested = v.value === undefined && v.suggestions?.[0] ? suggestionValue(v.suggestions[0]) : '';
      if (given === undefined && suggested) map[v.raw] = suggested;
      const current = map[v.raw] ?? '';
      const words = choicesOf(list.field);
      const id = `wizard-value-${list.field}-${v.raw}`;
      const input = words
        ? el('select', { id, 'aria-label': `${list.field}: ${v.raw}` }, el('option', { value: '' }, v.value ? `(reads as ${v.value})` : '—'), ...words.map((w) => el('option', { value: w, selected: w === current }, w)))
        : el('input', { id, 'aria-label': `${list.field}: ${v.raw}`, value: current, placeholder: v.value ?? '' });
      input.addEventListener('change', () => (input.value.trim() ? (map[v.raw] = input.value.trim()) : delete map[v.raw]));
      const reads = v.value !== undefined ? el('span', { class: 'wizard-ok' }, v.value) : el('span', { class: 'wizard-bad' }, `${v.reason ?? 'unknown'}${v.suggestions?.length ? ` — closest: ${v.suggestions.join(', ')}` : ''}`);
      return el('tr', { class: v.value === undefined ? 'is-missing' : '' }, el('td', {}, `“${v.raw}”`), el('td', { class: 'num' }, String(v.count)), el('td', {}, reads), el('td', {}, input));
    });
    const head = el('tr', {}, ...['Value in the file', 'Rows', 'Reads as', 'Map to'].map((h) => el('th', {}, h)));
    return el('section', { class: 'wizard-map' }, el('h4', {}, list.field, list.more ? ' (first 300 values)' : ''),
      el('table', { class: 'admin-table wizard-values' }, el('thead', {}, head), el('tbody', {}, ...rows)));
  });
  root.replaceChildren(el('p', { class: 'admin-hint' }, 'Values in the file\'s own words, and what they become. Unknown ones are marked, with the closest known entries suggested: check each suggestion.'),
    ...(sections.length ? sections : [el('p', {}, 'No field here takes a word, a country or a place.')]));
}

/** The dry run: counts, and the first rows as they would be imported (the file's text beside where it changed) with each cell's problem. */
export function previewStep(root: HTMLElement, d: DryRun, report: HTMLElement): void {
  const fields = Object.keys(d.rows[0]?.fields ?? {});
  const head = el('tr', {}, el('th', {}, 'Sheet'), el('th', {}, 'Row'), ...fields.map((f) => el('th', {}, f)));
  const body = d.rows.map((r) =>
    el('tr', { class: r.record ? '' : 'is-missing' }, el('td', {}, r.sheet), el('td', { class: 'num' }, String(r.row)),
      ...fields.map((f) => {
        const e = r.errors.find((x) => x.field === f);
        const raw = r.raw[f] ?? '';
        if (e) return el('td', { class: 'wizard-cell-error', title: e.reason }, raw, el('br'), el('small', {}, e.reason));
        const shown = r.fields[f] ?? '';
        return el('td', { title: `in the file: ${raw}` }, shown, shown !== raw && raw !== '' ? el('small', { class: 'wizard-raw' }, ` (${raw})`) : null);
      })));
  const c = d.counts;
  const summary = `${c.rowsRead.toLocaleString('en-GB')} rows read: ${c.rowsValid.toLocaleString('en-GB')} valid, ${c.rowsRejected.toLocaleString('en-GB')} with errors.${d.sameFile !== null ? ` This file was imported before (dataset ${d.sameFile}): an import adds nothing.` : ''}`;
  root.replaceChildren(el('p', { class: `import-headline wizard-outcome-${d.outcome}`, 'data-outcome': d.outcome }, summary),
    el('div', { class: 'wizard-grid-wrap' }, el('table', { class: 'admin-table wizard-preview' }, el('thead', {}, head), el('tbody', {}, ...body))), report);
}
