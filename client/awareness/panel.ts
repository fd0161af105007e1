import { el, foldButton } from '../panels/dom.js';
import type { IndicatorDefinition, SurveySummary } from '../../common/awareness.js';
import { surveyLabel } from './scale.js';
import { AWARENESS_MODES, type AwarenessMode, type AwarenessView } from './view.js';

/**
 * The awareness panel: what to show (in the layer legend, like the analysis chooser), and
 * beside the map the survey and indicator pickers, the legend, the district card, the table
 * with 95 % intervals, the dot-and-whisker chart and, for the exposure gap, the ranked list.
 */
export const MODE_LABELS: Record<AwarenessMode, string> = {
  off: 'Off',
  estimate: 'Indicator by district',
  change: 'Change, baseline \u2192 endline',
  gap: 'Exposure gap (movement \u00d7 not reached)',
};

export interface AwarenessPanel {
  root: HTMLElement;
  note: HTMLElement;
  legend: HTMLElement;
  card: HTMLElement;
  table: HTMLElement;
  chart: HTMLElement;
  gaps: HTMLElement;
  setChoices(surveys: SurveySummary[], indicators: IndicatorDefinition[]): void;
  set(v: AwarenessView, survey: number | null): void;
}

export function buildAwarenessPanel(layout: HTMLElement, onChange: (patch: Partial<AwarenessView>) => void): AwarenessPanel {
  const mode = el('select', { id: 'aw-mode' }, ...AWARENESS_MODES.map((m) => el('option', { value: m }, MODE_LABELS[m])));
  mode.addEventListener('change', () => onChange({ mode: mode.value as AwarenessMode, district: null }));
  const survey = el('select', { id: 'aw-survey' });
  survey.addEventListener('change', () => onChange({ survey: Number(survey.value) }));
  const indicator = el('select', { id: 'aw-indicator' });
  indicator.addEventListener('change', () => onChange({ indicator: indicator.value }));
  const surveyField = el('div', { class: 'field' }, el('label', { for: 'aw-survey' }, 'Survey'), survey);
  const indicatorField = el('div', { class: 'field' }, el('label', { for: 'aw-indicator' }, 'Indicator'), indicator);
  const note = el('p', { class: 'period-note aw-note', 'aria-live': 'polite' });
  const legend = el('div', { class: 'aw-legend', id: 'aw-legend' });
  const card = el('div', { class: 'aw-card', id: 'aw-card', 'aria-live': 'polite' });
  const table = el('div', { class: 'aw-table', id: 'aw-table' });
  const chart = el('div', { class: 'aw-chart', id: 'aw-chart' });
  const gaps = el('div', { class: 'aw-gaps', id: 'aw-gaps' });
  const body = el('div', { class: 'aw-body', id: 'awareness-body' }, el('div', { class: 'filters' }, surveyField, indicatorField), legend, card, gaps, table, chart, note);
  const title = el('h2', { class: 'panel-title', id: 'awareness-title' }, 'Awareness');
  const root = el('aside', { id: 'awareness-panel', class: 'panel panel--awareness', 'aria-labelledby': 'awareness-title', hidden: true }, el('div', { class: 'panel-head' }, title, foldButton(body)), body);
  const chooser = el('section', { class: 'group filters aw-chooser', 'aria-label': 'Awareness surveys' },
    el('div', { class: 'field' }, el('label', { for: 'aw-mode' }, 'Awareness surveys'), mode));
  (document.getElementById('legend') ?? root).append(chooser);
  layout.append(root);
  return {
    root,
    note,
    legend,
    card,
    table,
    chart,
    gaps,
    setChoices(surveys, indicators) {
      survey.replaceChildren(...surveys.map((s) => el('option', { value: String(s.id) }, surveyLabel(s))));
      indicator.replaceChildren(...indicators.map((i) => el('option', { value: i.code }, i.label)));
    },
    set(v, chosen) {
      mode.value = v.mode;
      if (chosen !== null) survey.value = String(chosen);
      indicator.value = v.indicator;
      title.textContent = `Awareness: ${MODE_LABELS[v.mode]}`;
      root.hidden = v.mode === 'off';
      layout.classList.toggle('is-awareness', v.mode !== 'off');
      // Only the gap reads the movement filters: the other modes give the movements panel's place to the table.
      layout.classList.toggle('is-aw-gap', v.mode === 'gap');
      // The change compares the baseline with the endline; the gap reads message exposure.
      surveyField.hidden = v.mode === 'change';
      indicatorField.hidden = v.mode === 'gap';
      gaps.hidden = v.mode !== 'gap';
    },
  };
}
