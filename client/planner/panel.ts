import { el } from '../panels/dom.js';
import { ACTIVITY_TYPES, DEFAULT_PLAN_INDICATOR, MAX_P, type Method, PLAN_MEASURES as MEASURES, type PlanMeasure as Measure } from '../../common/outreach.js';
import { ACTIVITY_LABELS, ACTIVITY_RADIUS, type ActivityMix, MEASURE_LABELS, TIME_LIMIT_S } from './model.js';
import type { PlannerView } from './view.js';

/**
 * The planner panel's form: plain labelled inputs (keyboard-operable, announced without extra
 * ARIA). It reads back into a PlannerView patch on every change; the controller owns state.
 */
export interface PlannerForm {
  node: HTMLElement;
  /** Lists the corridors (from the server) as the candidate-site choice. */
  setCorridors(list: { code: string; name: string }[]): void;
  /** Lists the awareness surveys and indicators the lowAwareness weighting can read. */
  setAwareness(surveys: { id: number; label: string }[], indicators: { code: string; label: string }[]): void;
  /** Puts the view into the inputs (skipping the one being typed in). */
  set(v: PlannerView, flowPeriod: { from: string | null; to: string | null }): void;
  name: HTMLInputElement;
  run: HTMLButtonElement;
  message: HTMLElement;
}

const field = (id: string, label: string, input: HTMLElement, hint?: string): HTMLElement =>
  el('div', { class: 'field' }, el('label', { for: id }, label), input, hint ? el('span', { class: 'planner-hint' }, hint) : null);

function select(id: string, options: [string, string][]): HTMLSelectElement {
  const s = el('select', { id, name: id });
  for (const [value, text] of options) s.append(el('option', { value }, text));
  return s;
}

const numberInput = (id: string, attrs: Record<string, string>): HTMLInputElement =>
  el('input', { type: 'number', id, name: id, inputmode: 'decimal', ...attrs });

function parse(input: HTMLInputElement): number | null {
  if (input.value.trim() === '') return null;
  const n = Number(input.value);
  return Number.isFinite(n) ? n : null;
}

export function buildPlannerForm(onChange: (patch: Partial<PlannerView>) => void, onRun: () => void): PlannerForm {
  const measure = select('pl-measure', MEASURES.map((m): [string, string] => [m, MEASURE_LABELS[m]]));
  const from = el('input', { type: 'date', id: 'pl-from', name: 'pl-from' });
  const to = el('input', { type: 'date', id: 'pl-to', name: 'pl-to' });
  const periodNote = el('p', { class: 'planner-hint', id: 'pl-period-note' });
  const corridor = select('pl-corridor', [['', 'All corridors']]);
  const mixRows = ACTIVITY_TYPES.map((t) => {
    const b = ACTIVITY_RADIUS[t];
    const radius = numberInput(`pl-${t}-radius`, { min: String(b.min), max: String(b.max), step: '0.1', placeholder: String(b.def), 'aria-label': `${ACTIVITY_LABELS[t]}: reach in km` });
    const cost = numberInput(`pl-${t}-cost`, { min: '0', step: '100', placeholder: 'auto', 'aria-label': `${ACTIVITY_LABELS[t]}: cost (ZMW)` });
    return { t, radius, cost, row: el('tr', {}, el('th', { scope: 'row' }, ACTIVITY_LABELS[t]), el('td', {}, radius), el('td', {}, cost)) };
  });
  const mixTable = el(
    'table',
    { class: 'planner-mix' },
    el('caption', { class: 'planner-legend' }, 'Activity mix'),
    el('thead', {}, el('tr', {}, el('th', {}, 'Activity'), el('th', {}, 'Reach km'), el('th', {}, 'Cost ZMW'))),
    el('tbody', {}, ...mixRows.map((r) => r.row)),
  );
  const byP = el('input', { type: 'radio', id: 'pl-size-p', name: 'pl-size', value: 'p' });
  const byBudget = el('input', { type: 'radio', id: 'pl-size-budget', name: 'pl-size', value: 'budget' });
  const sizeValue = numberInput('pl-size-value', { min: '1', step: '1' });
  const sizeLabel = el('label', { for: 'pl-size-value', class: 'planner-size-label' }, 'Sites');
  const method = select('pl-method', [['greedy', 'Greedy (fast)'], ['exact', 'Exact']]);
  const limit = numberInput('pl-limit', { min: String(TIME_LIMIT_S.min), max: String(TIME_LIMIT_S.max), step: '1' });
  const limitField = field('pl-limit', 'Time limit (s)', limit);
  // Low awareness (issue 16): demand × (1 − the indicator of its district or nearest clusters).
  const aware = el('input', { type: 'checkbox', id: 'pl-aw', name: 'pl-aw' });
  const awSurvey = select('pl-aw-survey', [['', 'Newest survey']]);
  const awIndicator = select('pl-aw-indicator', [[DEFAULT_PLAN_INDICATOR, 'Heard or saw a message (exposure)']]);
  const awFields = el('div', { class: 'planner-aw-fields' }, field('pl-aw-survey', 'Survey', awSurvey), field('pl-aw-indicator', 'Indicator', awIndicator),
    el('p', { class: 'planner-hint' }, 'Demand counts more where fewer people have the indicator: weight 1 \u2212 its share in the district (or nearest survey clusters).'));
  const name = el('input', { type: 'text', id: 'pl-name', name: 'pl-name', maxlength: '200', autocomplete: 'off', placeholder: 'e.g. Sesheke Q3 drama round' });
  const run = el('button', { type: 'submit', class: 'button button--primary', id: 'pl-run' }, 'Run and save plan');
  const message = el('p', { class: 'planner-message', id: 'pl-message', role: 'status', 'aria-live': 'polite' });

  const form = el(
    'form',
    { class: 'filters planner-form', 'aria-label': 'Plan parameters' },
    field('pl-measure', 'Who to reach', measure),
    el('div', { class: 'period-inputs' }, field('pl-from', 'From', from), field('pl-to', 'To', to)),
    periodNote,
    field('pl-corridor', 'Candidate sites', corridor),
    mixTable,
    el('p', { class: 'planner-hint' }, "Blank: the default reach, and each site's own cost estimate."),
    el(
      'fieldset',
      { class: 'planner-size' },
      el('legend', { class: 'planner-legend' }, 'How many'),
      el('label', { class: 'check', for: 'pl-size-p' }, byP, 'Number of sites'),
      el('label', { class: 'check', for: 'pl-size-budget' }, byBudget, 'Budget'),
      el('span', { class: 'planner-size-value' }, sizeLabel, sizeValue),
    ),
    el('fieldset', { class: 'planner-size planner-aw' }, el('legend', { class: 'planner-legend' }, 'Weight demand'),
      el('label', { class: 'check', for: 'pl-aw' }, aware, 'By low awareness (survey)'), awFields),
    el('div', { class: 'period-inputs' }, field('pl-method', 'Method', method), limitField),
    field('pl-name', 'Plan name (optional)', name),
    el('div', { class: 'form-actions' }, run),
  );

  const read = (): Partial<PlannerView> => {
    const mix = {} as ActivityMix;
    for (const r of mixRows) mix[r.t] = { radiusKm: parse(r.radius), cost: parse(r.cost) };
    const kind = byBudget.checked ? 'budget' : 'p';
    const raw = parse(sizeValue);
    const value = raw === null || raw <= 0 ? (kind === 'p' ? 5 : 20_000) : kind === 'p' ? Math.min(MAX_P, Math.round(raw)) : raw;
    const tl = parse(limit);
    return {
      measure: measure.value as Measure,
      from: from.value || null,
      to: to.value || null,
      corridor: (corridor.value || null) as PlannerView['corridor'],
      mix,
      size: { kind, value },
      method: method.value as Method,
      awareness: aware.checked ? { survey: awSurvey.value ? Number(awSurvey.value) : null, indicator: awIndicator.value || DEFAULT_PLAN_INDICATOR } : null,
      timeLimitS: tl === null ? TIME_LIMIT_S.def : Math.min(TIME_LIMIT_S.max, Math.max(TIME_LIMIT_S.min, Math.round(tl))),
    };
  };
  form.addEventListener('change', (e) => {
    // Switching p ↔ budget keeps a sensible figure rather than "5 ZMW".
    if (e.target === byP || e.target === byBudget) sizeValue.value = byP.checked ? '5' : '20000';
    onChange(read());
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onChange(read());
    onRun();
  });

  const put = (input: HTMLInputElement | HTMLSelectElement, value: string): void => {
    if (document.activeElement !== input && input.value !== value) input.value = value;
  };
  return {
    node: form,
    name,
    run,
    message,
    setCorridors(list) {
      const keep = corridor.value;
      corridor.replaceChildren(el('option', { value: '' }, 'All corridors'), ...list.map((c) => el('option', { value: c.code }, c.name)));
      // A linked corridor the list lacks (removed since) stays visible rather than silently becoming "all".
      if (keep && !list.some((c) => c.code === keep)) corridor.append(el('option', { value: keep }, keep));
      corridor.value = keep;
    },
    setAwareness(surveys, indicators) {
      const [keepS, keepI] = [awSurvey.value, awIndicator.value];
      awSurvey.replaceChildren(el('option', { value: '' }, 'Newest survey'), ...surveys.map((x) => el('option', { value: String(x.id) }, x.label)));
      awIndicator.replaceChildren(...indicators.map((x) => el('option', { value: x.code }, x.label)));
      awSurvey.value = keepS;
      awIndicator.value = keepI;
    },
    set(v, flowPeriod) {
      put(measure, v.measure);
      put(from, v.from ?? '');
      put(to, v.to ?? '');
      const fp = flowPeriod.from || flowPeriod.to ? `${flowPeriod.from ?? 'start'} to ${flowPeriod.to ?? 'latest'}` : 'the whole record';
      periodNote.textContent = v.from || v.to ? 'Own period (clear both to follow the movements filters).' : `Empty: the movements period, ${fp}.`;
      if (v.corridor && ![...corridor.options].some((o) => o.value === v.corridor)) corridor.append(el('option', { value: v.corridor }, v.corridor));
      put(corridor, v.corridor ?? '');
      for (const r of mixRows) {
        put(r.radius, v.mix[r.t].radiusKm === null ? '' : String(v.mix[r.t].radiusKm));
        put(r.cost, v.mix[r.t].cost === null ? '' : String(v.mix[r.t].cost));
      }
      byP.checked = v.size.kind === 'p';
      byBudget.checked = v.size.kind === 'budget';
      put(sizeValue, String(v.size.value));
      sizeLabel.textContent = v.size.kind === 'p' ? 'Sites' : 'ZMW';
      put(method, v.method);
      put(limit, String(v.timeLimitS));
      limitField.hidden = v.method !== 'exact';
      aware.checked = v.awareness !== null;
      awFields.hidden = v.awareness === null;
      if (v.awareness) {
        const sv = v.awareness.survey === null ? '' : String(v.awareness.survey);
        // A linked survey or indicator the lists lack yet (still loading) stays visible.
        if (![...awSurvey.options].some((o) => o.value === sv)) awSurvey.append(el('option', { value: sv }, `Survey ${sv}`));
        if (![...awIndicator.options].some((o) => o.value === v.awareness?.indicator)) awIndicator.append(el('option', { value: v.awareness.indicator }, v.awareness.indicator));
        put(awSurvey, sv);
        put(awIndicator, v.awareness.indicator);
      }
    },
  };
}
