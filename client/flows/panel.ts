import { el } from '../panels/dom.js';
import { createFilterPanel, type FilterPanel } from '../panels/filters.js';
import type { FlowFilters } from './filters.js';

/**
 * The flow view's DOM: the movements panel (totals, display switches, filters), and the
 * details and table panels it opens. Built in JS so index.html stays shared and small.
 */
interface FlowPanels {
  filters: FilterPanel;
  totals: HTMLElement;
  empty: HTMLElement;
  show: HTMLInputElement;
  lock: HTMLInputElement;
  tableButton: HTMLButtonElement;
  period: HTMLElement;
  scaleKey: HTMLElement;
  details: HTMLElement;
  table: HTMLElement;
}

interface PanelEvents {
  onFilters(f: FlowFilters): void;
  onShow(on: boolean): void;
  onLock(on: boolean): void;
  onTable(): void;
}

function toggle(id: string, label: string): [HTMLLabelElement, HTMLInputElement] {
  const input = el('input', { type: 'checkbox', id });
  return [el('label', { class: 'toggle', for: id }, input, label), input];
}

export function buildFlowPanels(layout: HTMLElement, events: PanelEvents): FlowPanels {
  const filters = createFilterPanel(events.onFilters);
  const totals = el('p', { class: 'flows-totals', id: 'flows-totals', 'aria-live': 'polite' }, 'Loading movements…');
  const empty = el('p', { class: 'flows-empty', role: 'status', hidden: true }, 'No movements match these filters');
  const [showLabel, show] = toggle('flows-show', 'Show flows');
  const [lockLabel, lock] = toggle('flows-lock', 'Lock scale');
  const tableButton = el('button', { type: 'button', class: 'panel-button', 'aria-expanded': 'false', 'aria-controls': 'flow-table' }, 'Show table');
  const period = el('div', { class: 'period', id: 'flows-period' });
  const scaleKey = el('div', { class: 'scale', id: 'flows-scale' });
  show.addEventListener('change', () => events.onShow(show.checked));
  lock.addEventListener('change', () => events.onLock(lock.checked));
  tableButton.addEventListener('click', events.onTable);
  const panel = el(
    'aside',
    { id: 'flows-panel', class: 'panel panel--flows', 'aria-label': 'Movements: totals and filters' },
    el('div', { class: 'panel-head' }, el('h2', { class: 'panel-title' }, 'Movements')),
    totals,
    empty,
    el('div', { class: 'group flows-switches' }, showLabel, lockLabel, tableButton),
    scaleKey,
    el('section', { class: 'group', 'aria-label': 'Period' }, period),
    el('section', { class: 'group' }, filters.node),
  );
  const details = el('aside', { id: 'flow-details', class: 'panel panel--details', 'aria-labelledby': 'details-title', tabindex: '-1', hidden: true });
  const table = el('section', { id: 'flow-table', class: 'panel panel--table', 'aria-label': 'Flows table', hidden: true });
  layout.append(panel, details, table);
  return { filters, totals, empty, show, lock, tableButton, period, scaleKey, details, table };
}
