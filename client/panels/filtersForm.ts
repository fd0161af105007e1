import { LEVELS } from '../../common/flows.js';
import { DIRECTIONS, REASONS, TRANSPORT_MODES, VULNERABILITIES } from '../../common/vocabulary.js';
import { GROUPS, type FlowFilters } from '../flows/filters.js';
import { humanize } from '../flows/format.js';
import { el } from './dom.js';

/**
 * The filter controls as plain form elements: native checkboxes, selects and date inputs
 * are keyboard-operable and announced by screen readers without extra ARIA.
 */
const GROUP_LABELS: Record<(typeof GROUPS)[number], string> = {
  female: 'Women and girls',
  male: 'Men and boys',
  children: 'Children',
  adults: 'Adults',
};
const LEVEL_LABELS: Record<(typeof LEVELS)[number], string> = {
  place: 'Places',
  point: 'Monitoring points',
  admin: 'Admin areas',
  country: 'Countries',
};

export type ListName = 'direction' | 'transport' | 'reason' | 'vulnerability' | 'point' | 'corridor' | 'adm2';

function select(id: string, label: string, options: [string, string][]): HTMLElement {
  const s = el('select', { id, name: id });
  for (const [value, text] of options) s.append(el('option', { value }, text));
  return el('div', { class: 'field' }, el('label', { for: id }, label), s);
}

/** A folded group of checkboxes; the summary says how many are ticked. */
export function checkGroup(name: ListName, legend: string, options: readonly (string | [string, string])[]): HTMLDetailsElement {
  const list = el('div', { class: 'checks' });
  for (const o of options) {
    const [value, text] = typeof o === 'string' ? [o, humanize(o)] : o;
    const id = `ff-${name}-${value}`;
    list.append(el('label', { class: 'check', for: id }, el('input', { type: 'checkbox', id, name, value }), text));
  }
  return el('details', { class: 'filter-group', 'data-list': name }, el('summary', {}, legend), el('fieldset', {}, el('legend', { class: 'visually-hidden' }, legend), list));
}

export function buildFilterForm(): HTMLFormElement {
  return el(
    'form',
    { class: 'filters', 'aria-label': 'Flow filters' },
    el(
      'div',
      { class: 'period-inputs' },
      el('div', { class: 'field' }, el('label', { for: 'ff-from' }, 'From'), el('input', { type: 'date', id: 'ff-from', name: 'from' })),
      el('div', { class: 'field' }, el('label', { for: 'ff-to' }, 'To'), el('input', { type: 'date', id: 'ff-to', name: 'to' })),
    ),
    select('ff-group', 'People', [['', 'Everyone'], ...GROUPS.map((g): [string, string] => [g, GROUP_LABELS[g]])]),
    select('ff-level', 'Ends of the lines', LEVELS.map((l): [string, string] => [l, LEVEL_LABELS[l]])),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'ff-nationality' }, 'Nationality (ISO codes, e.g. COD, ETH)'),
      el('input', { type: 'text', id: 'ff-nationality', name: 'nationality', autocomplete: 'off', spellcheck: 'false' }),
    ),
    checkGroup('direction', 'Direction', DIRECTIONS),
    checkGroup('transport', 'Transport', TRANSPORT_MODES),
    checkGroup('reason', 'Reason', REASONS),
    checkGroup('vulnerability', 'Vulnerability', VULNERABILITIES),
    checkGroup('corridor', 'Corridors', []),
    checkGroup('adm2', 'Districts', []),
    checkGroup('point', 'Monitoring points', []),
    el('button', { type: 'reset', class: 'panel-button' }, 'Clear filters'),
  );
}

/** Puts the filter values into the form (after a pasted link or the back button). */
export function fillForm(form: HTMLFormElement, f: FlowFilters): void {
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  input('from')!.value = f.from ?? '';
  input('to')!.value = f.to ?? '';
  input('ff-group')!.value = f.group ?? '';
  input('ff-level')!.value = f.level;
  input('nationality')!.value = f.nationality.join(', ');
  for (const box of form.querySelectorAll<HTMLInputElement>('.checks input')) {
    box.checked = (f[box.name as ListName] as readonly string[]).includes(box.value);
  }
  for (const group of form.querySelectorAll<HTMLDetailsElement>('details[data-list]')) {
    const n = group.querySelectorAll('input:checked').length;
    const summary = group.querySelector('summary');
    if (summary) summary.dataset['count'] = n > 0 ? String(n) : '';
  }
}
