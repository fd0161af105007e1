import { SERVICE_KIND_LABELS } from '../format.js';
import { SERVICE_KINDS, type ServiceKind } from '../../common/vocabulary.js';
import { el, foldButton } from '../panels/dom.js';
import { MEASURES, STEPS, TRAVEL_MODES } from '../../common/analysis.js';
import { MODES, type AnalysisMode, type AnalysisView } from './view.js';

/**
 * The analysis panel: which layer (a select, so it stays one line wide on a laptop), its
 * settings, what the layer shows (summary, legend) and, for access gaps, the ranked list.
 * Built in JS so index.html stays shared; the panel sits left of the movements panel (where
 * flow details open in the flow view), so the map's middle stays free.
 */
const MODE_LABELS: Record<AnalysisMode, string> = {
  flows: 'Flows (no analysis layer)',
  hotspots: 'Hot spots (Gi*)',
  emerging: 'Emerging hot spots',
  heatmap: 'Heatmap (kernel density)',
  access: 'Access gaps',
};
const MEASURE_LABELS: Record<string, string> = {
  movement: 'People moving',
  vulnerable: 'Vulnerable travellers',
  unaccompanied: 'Unaccompanied children',
  informal: 'People at informal crossings',
  reports: 'Protection reports',
};
const STEP_LABELS: Record<string, string> = { week: 'Weeks', month: 'Months' };
const TRAVEL_LABELS: Record<string, string> = { walk: 'Walking (5 km/h)', motor: 'Motor (40 km/h)' };

interface AnalysisPanel {
  root: HTMLElement;
  summary: HTMLElement;
  note: HTMLElement;
  legend: HTMLElement;
  gaps: HTMLElement;
  set(v: AnalysisView): void;
}

function select(id: string, label: string, options: readonly (string | number)[], names: (o: string) => string, onChange: (v: string) => void) {
  const s = el('select', { id }, ...options.map((o) => el('option', { value: String(o) }, names(String(o)))));
  s.addEventListener('change', () => onChange(s.value));
  return { field: el('div', { class: 'field' }, el('label', { for: id }, label), s), input: s };
}

export function buildAnalysisPanel(layout: HTMLElement, onChange: (patch: Partial<AnalysisView>) => void): AnalysisPanel {
  const mode = select('an-mode', 'Analysis layer', MODES, (m) => MODE_LABELS[m as AnalysisMode], (m) => onChange({ mode: m as AnalysisMode, cell: null }));
  const measure = select('an-measure', 'Measure', MEASURES, (m) => MEASURE_LABELS[m] ?? m, (m) => onChange({ measure: m as AnalysisView['measure'], cell: null }));
  const res = select('an-res', 'Cell size (H3)', [6, 7, 8, 9], (r) => `${r} (~${{ 6: '36', 7: '5', 8: '0.7', 9: '0.1' }[r]} km²)`, (r) => onChange({ res: Number(r), cell: null }));
  const k = select('an-k', 'Neighbours', [1, 2, 3], (n) => `${n} ring${n === '1' ? '' : 's'}`, (n) => onChange({ k: Number(n) }));
  const step = select('an-step', 'Time step', STEPS, (s) => STEP_LABELS[s] ?? s, (s) => onChange({ step: s as AnalysisView['step'] }));
  const travel = select('an-travel', 'Travel', TRAVEL_MODES, (t) => TRAVEL_LABELS[t] ?? t, (t) => onChange({ travel: t as AnalysisView['travel'] }));
  const kindBoxes = SERVICE_KINDS.map((kind) => {
    const input = el('input', { type: 'checkbox', id: `an-kind-${kind}`, value: kind });
    return { kind, input, label: el('label', { class: 'check', for: input.id }, input, SERVICE_KIND_LABELS[kind]) };
  });
  const kindSummary = el('summary', {}, 'Services to reach');
  const kinds = el('details', { class: 'filter-group an-kinds' }, kindSummary, el('fieldset', {}, el('legend', { class: 'visually-hidden' }, 'Service kinds'), el('div', { class: 'checks' }, ...kindBoxes.map((b) => b.label))));
  for (const b of kindBoxes) {
    b.input.addEventListener('change', () => {
      const chosen = kindBoxes.filter((x) => x.input.checked).map((x) => x.kind as ServiceKind);
      // No kind at all is no question: keep the last one ticked.
      if (chosen.length === 0) b.input.checked = true;
      else onChange({ kinds: chosen, cell: null });
    });
  }
  const settings = el('div', { class: 'an-settings filters' }, measure.field, el('div', { class: 'an-row' }, res.field, k.field), step.field, travel.field, kinds);
  const summary = el('p', { class: 'an-summary', id: 'an-summary', 'aria-live': 'polite' });
  const note = el('p', { class: 'period-note an-note' });
  const legend = el('div', { class: 'an-legend', id: 'an-legend' });
  const gaps = el('div', { class: 'an-gaps', id: 'an-gaps' });
  const body = el('div', { class: 'an-body' }, settings, summary, legend, note, gaps);
  const title = el('h2', { class: 'panel-title', id: 'analysis-title' });
  // Folds to its title: at the region overview the open panel covers Nakonde and Lusaka.
  body.id = 'analysis-body';
  const fold = foldButton(body);
  const root = el('aside', { id: 'analysis-panel', class: 'panel panel--analysis', 'aria-labelledby': 'analysis-title' }, el('div', { class: 'panel-head' }, title, fold), body);
  // The chooser is one more group of the layer legend (it stays when the legend is hidden);
  // the settings panel only opens with an analysis layer, where the flow details would be.
  const chooser = el('section', { class: 'group filters an-chooser', 'aria-label': 'Analysis' }, mode.field);
  (document.getElementById('legend') ?? root).append(chooser);
  layout.append(root);
  const show = (node: HTMLElement, on: boolean): void => void (node.hidden = !on);
  return {
    root,
    summary,
    note,
    legend,
    gaps,
    set(v) {
      mode.input.value = v.mode;
      measure.input.value = v.measure;
      res.input.value = String(v.res);
      k.input.value = String(v.k);
      step.input.value = v.step;
      travel.input.value = v.travel;
      for (const b of kindBoxes) b.input.checked = v.kinds.includes(b.kind);
      kindSummary.textContent = `Services to reach (${v.kinds.length} of ${SERVICE_KINDS.length})`;
      title.textContent = MODE_LABELS[v.mode];
      show(root, v.mode !== 'flows');
      layout.classList.toggle('is-analysis', v.mode !== 'flows');
      show(res.field, v.mode === 'hotspots' || v.mode === 'emerging' || v.mode === 'access');
      show(k.field, v.mode === 'hotspots' || v.mode === 'emerging');
      show(step.field, v.mode === 'emerging');
      show(travel.field, v.mode === 'access');
      show(kinds, v.mode === 'access');
      show(gaps, v.mode === 'access');
    },
  };
}
