import type { Map as MapLibreMap } from 'maplibre-gl';
import { el } from '../panels/dom.js';
import { buildPlannerForm, type PlannerForm } from './panel.js';
import type { PlannerView } from './view.js';

/**
 * The planner's DOM, built in JS so the shared index.html stays untouched: a header button,
 * the planner panel in the right-hand column (the movements panel steps aside while planning),
 * and the results / comparison panel along the bottom.
 */
interface PlannerPanels {
  form: PlannerForm;
  panel: HTMLElement;
  results: HTMLElement;
  compare: HTMLElement;
  saved: HTMLElement;
  setVisible(signedIn: boolean, open: boolean): void;
  setWriter(writer: boolean, v: PlannerView): void;
  /** Width the legend takes on the left, for framing plans beside it. */
  coverLeft(): number;
  /** Whichever bottom panel is showing. */
  bottom(): HTMLElement;
  briefNote(text: string): void;
}

interface PanelEvents {
  onToggle(): void;
  onChange(patch: Partial<PlannerView>): void;
  onRun(): void;
  onClearChoices(): void;
}

export function buildPlannerPanels(map: MapLibreMap, events: PanelEvents): PlannerPanels {
  const layout = map.getContainer().parentElement ?? document.body;
  const toggle = el('button', { type: 'button', class: 'view-button planner-toggle', id: 'planner-toggle', 'aria-pressed': 'false', 'aria-controls': 'planner-panel', hidden: true }, 'Outreach planner');
  toggle.addEventListener('click', events.onToggle);
  const menu = document.getElementById('user-menu');
  menu?.parentElement?.insertBefore(toggle, menu);

  const form = buildPlannerForm(events.onChange, events.onRun);
  const close = el('button', { type: 'button', class: 'panel-collapse' }, 'Close');
  close.addEventListener('click', events.onToggle);
  const choices = el('p', { class: 'planner-choices', id: 'pl-choices' });
  const clear = el('button', { type: 'button', class: 'button button--small' }, 'Clear');
  clear.addEventListener('click', events.onClearChoices);
  const choiceRow = el('div', { class: 'planner-choice-row' }, choices, clear);
  const readOnly = el('p', { class: 'planner-hint' }, 'You can open, compare and export saved plans. Running or deleting plans needs the planner role.');
  const saved = el('div', { class: 'planner-saved-list', id: 'planner-saved' });
  const brief = el('p', { class: 'planner-hint', role: 'status' });
  const panel = el(
    'aside',
    { id: 'planner-panel', class: 'panel panel--planner', 'aria-label': 'Outreach planner', hidden: true },
    el('div', { class: 'panel-head' }, el('h2', { class: 'panel-title' }, 'Outreach planner'), close),
    el('p', { class: 'planner-hint' }, 'Sites where activities reach the most people at risk. Click a site on the map to lock or exclude it.'),
    readOnly,
    form.node,
    choiceRow,
    form.message,
    brief,
    el('details', { class: 'filter-group planner-saved-group', open: true }, el('summary', {}, 'Saved plans'), saved),
  );
  const results = el('section', { id: 'planner-results', class: 'panel panel--plan', 'aria-labelledby': 'planner-results-title', hidden: true });
  const compare = el('section', { id: 'planner-compare', class: 'panel panel--plan', 'aria-labelledby': 'planner-compare-title', hidden: true });
  layout.append(panel, results, compare);

  return {
    form,
    panel,
    results,
    compare,
    saved,
    setVisible(signedIn, open) {
      toggle.hidden = !signedIn;
      toggle.setAttribute('aria-pressed', String(signedIn && open));
      panel.hidden = !signedIn || !open;
      layout.classList.toggle('is-planning', signedIn && open);
    },
    setWriter(writer, v) {
      form.node.hidden = !writer;
      readOnly.hidden = writer;
      choiceRow.hidden = !writer || (v.locked.length === 0 && v.excluded.length === 0);
      choices.textContent = `${v.locked.length} locked, ${v.excluded.length} excluded`;
    },
    coverLeft: () => (document.getElementById('legend')?.offsetWidth ?? 0) + 30,
    bottom: () => (compare.hidden ? results : compare),
    briefNote: (text) => void (brief.textContent = text),
  };
}
