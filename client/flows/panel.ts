import { el } from '../panels/dom.js';
import { createFilterPanel, type FilterPanel } from '../panels/filters.js';
import type { FlowFilters } from './filters.js';
import { TOP_CHOICES } from './view.js';

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
  cluster: HTMLInputElement;
  animate: HTMLInputElement;
  fade: HTMLInputElement;
  top: HTMLSelectElement;
  /** What the map draws at this zoom: ends, clusters, people on the lines. */
  drawn: HTMLElement;
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
  onDisplay(patch: { cluster?: boolean; animate?: boolean; fade?: number; top?: number }): void;
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
  const [clusterLabel, cluster] = toggle('flows-cluster', 'Group nearby places');
  const [animateLabel, animate] = toggle('flows-animate', 'Animate');
  const fade = el('input', { type: 'range', id: 'flows-fade', min: '0', max: '100', step: '5' });
  const top = el('select', { id: 'flows-top' }, ...TOP_CHOICES.map((n) => el('option', { value: String(n) }, `Top ${n}`)));
  const drawn = el('p', { class: 'flows-drawn', id: 'flows-drawn' });
  // Hover card for a flow or an end: over the map, never taking the pointer.
  cluster.addEventListener('change', () => events.onDisplay({ cluster: cluster.checked }));
  animate.addEventListener('change', () => events.onDisplay({ animate: animate.checked }));
  fade.addEventListener('change', () => events.onDisplay({ fade: Number(fade.value) }));
  top.addEventListener('change', () => events.onDisplay({ top: Number(top.value) }));
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
    el('div', { class: 'group flows-switches' }, showLabel, lockLabel, clusterLabel, animateLabel, tableButton),
    el(
      'div',
      { class: 'group flows-display' },
      el('label', { for: 'flows-fade' }, 'Fade small flows'),
      fade,
      el('label', { for: 'flows-top' }, 'Show'),
      top,
    ),
    drawn,
    scaleKey,
    el('section', { class: 'group', 'aria-label': 'Period' }, period),
    el('section', { class: 'group' }, filters.node),
  );
  const details = el('aside', { id: 'flow-details', class: 'panel panel--details', 'aria-labelledby': 'details-title', tabindex: '-1', hidden: true });
  const table = el('section', { id: 'flow-table', class: 'panel panel--table', 'aria-label': 'Flows table', hidden: true });
  layout.append(panel, details, table);
  return { filters, totals, empty, show, lock, cluster, animate, fade, top, drawn, tableButton, period, scaleKey, details, table };
}
