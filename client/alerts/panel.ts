import { ALERT_MEASURE_LABELS, ALERT_OUTCOMES, type AlertView } from '../../common/alerts.js';
import type { ServiceProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import { errorMessage } from '../auth/http.js';
import { el } from '../panels/dom.js';
import { type AlertStepBody, alertsApi } from './api.js';
import { sparkline } from './sparkline.js';

export const OPEN = 'new,acknowledged,referred';
const STATUS_LABELS: Record<string, string> = { [OPEN]: 'Open', new: 'New', acknowledged: 'Acknowledged', referred: 'Referred', closed: 'Closed', '': 'All' };
// C3 carries the two days before: after an alarm its bound can fall below zero (server/analysis/ears.ts).
const bound = (b: number | null) => (b === null ? '–' : b < 0 ? 'below 0 (the days before alarmed too)' : String(b));
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const count = (a: AlertView) => (a.observed.suppressed ? 'fewer than k (suppressed)' : String(a.observed.count));

export interface AlertsPanel {
  root: HTMLElement;
  status(): string;
  show(alerts: AlertView[]): void;
  select(id: number): void;
}

interface PanelDeps {
  onStatus(): void;
  onClose(): void;
  onChanged(a: AlertView): void;
  onRules?: () => void;
  services(): Promise<PointFeature<ServiceProps>[]>;
}

/** The Alerts panel: the list (newest day first), and one alert with its chart and lifecycle steps. */
export function buildAlertsPanel(deps: PanelDeps): AlertsPanel {
  const filter = el('select', { id: 'alerts-status', 'aria-label': 'Show alerts' }, ...Object.entries(STATUS_LABELS).map(([v, l]) => el('option', { value: v }, l)));
  filter.addEventListener('change', () => deps.onStatus());
  const close = el('button', { type: 'button', class: 'panel-collapse', 'aria-label': 'Close alerts' }, '×');
  close.addEventListener('click', () => deps.onClose());
  const list = el('ol', { id: 'alerts-list', class: 'alerts-list' });
  const detail = el('section', { id: 'alert-detail', class: 'alert-detail', 'aria-live': 'polite', hidden: true });
  const synthetic = el('p', { class: 'popup-synthetic', hidden: true }, 'Alerts on synthetic demo data — not real events.');
  const rules = deps.onRules ? el('button', { type: 'button', id: 'alerts-rules', class: 'button button--small' }, 'Rules…') : null;
  rules?.addEventListener('click', () => deps.onRules?.());
  const root = el('aside', { id: 'alerts-panel', class: 'panel alerts-panel', 'aria-label': 'Alerts', hidden: true },
    el('div', { class: 'panel-head' }, el('h2', { class: 'panel-title' }, 'Alerts'), filter, rules, close), synthetic, list, detail);
  let alerts: AlertView[] = [];

  function item(a: AlertView): HTMLLIElement {
    const b = el('button', { type: 'button', class: 'alert-item', 'data-id': String(a.id), 'data-status': a.status },
      el('span', { class: `alert-status alert-status--${a.status}` }, a.status),
      el('strong', {}, a.scopeName), ` · ${a.day}`, el('br'), el('span', { class: 'alert-rule' }, `${a.ruleName}: ${count(a)}`));
    b.addEventListener('click', () => select(a.id));
    return el('li', {}, b);
  }

  async function step(a: AlertView, body: AlertStepBody, message: HTMLElement): Promise<void> {
    try {
      const next = (await alertsApi.step(a.id, body)) as AlertView;
      alerts = alerts.map((x) => (x.id === next.id ? next : x));
      deps.onChanged(next);
      render(next);
    } catch (err) {
      message.textContent = errorMessage(err);
    }
  }

  function actions(a: AlertView, message: HTMLElement): HTMLElement {
    const box = el('div', { class: 'alert-actions' });
    if (a.status === 'new') {
      const ack = el('button', { type: 'button', class: 'button button--primary button--small', id: 'alert-acknowledge' }, 'Acknowledge');
      ack.addEventListener('click', () => void step(a, { action: 'acknowledge' }, message));
      box.append(ack);
    }
    if (a.status === 'acknowledged') {
      const service = el('select', { id: 'alert-service', 'aria-label': 'Refer to service' }, el('option', { value: '' }, 'Loading services…'));
      const note = el('textarea', { id: 'alert-note', rows: '2', placeholder: 'What was agreed, with whom', 'aria-label': 'Referral note' });
      const refer = el('button', { type: 'button', class: 'button button--primary button--small', id: 'alert-refer' }, 'Refer');
      void deps.services().then((svcs) => {
        const near = a.point ? [...svcs].sort((x, y) => dist(x, a) - dist(y, a)) : svcs;
        service.replaceChildren(...near.map((s) => el('option', { value: String(s.properties.id) }, `${s.properties.name} (${s.properties.kind.replaceAll('_', ' ')})`)));
      });
      refer.addEventListener('click', () => void step(a, { action: 'refer', serviceId: Number(service.value), note: note.value }, message));
      box.append(el('fieldset', { class: 'alert-form' }, el('legend', {}, 'Refer to a service (nearest first)'), service, note, refer));
    }
    if (a.status !== 'closed') {
      const outcome = el('select', { id: 'alert-outcome', 'aria-label': 'Outcome' }, ...ALERT_OUTCOMES.map((o) => el('option', { value: o }, o.replaceAll('_', ' '))));
      const shut = el('button', { type: 'button', class: 'button button--small', id: 'alert-close' }, 'Close');
      shut.addEventListener('click', () => void step(a, { action: 'close', outcome: outcome.value as (typeof ALERT_OUTCOMES)[number] }, message));
      box.append(el('fieldset', { class: 'alert-form' }, el('legend', {}, 'Close with an outcome'), outcome, shut));
    }
    return box;
  }

  function render(a: AlertView): void {
    const message = el('p', { class: 'form-error', role: 'alert' });
    const chart = el('div', { class: 'alert-chart', id: 'alert-chart' }, 'Loading the series…');
    const key = el('p', { class: 'alert-key' }, el('span', { class: 'alert-key-line' }, '— count'), ' ', el('span', { class: 'alert-key-bound' }, '- - upper bound'), ' ',
      el('span', { class: 'alert-key-alarm' }, '● alarm day'), ' ', el('span', { class: 'alert-key-day' }, '○ this alert'));
    const rows: [string, string][] = [
      ['Measure', ALERT_MEASURE_LABELS[a.measure]], ['Detector', a.detector], ['Observed', count(a)], ['Upper bound', bound(a.upperbound)],
      ['Status', a.status],
    ];
    if (a.acknowledged) rows.push(['Acknowledged', `${a.acknowledged.by}, ${when(a.acknowledged.at)}`]);
    if (a.referred) rows.push(['Referred', `${a.referred.serviceName ?? 'a service'} by ${a.referred.by}, ${when(a.referred.at)}: ${a.referred.note}`]);
    if (a.closed) rows.push(['Closed', `${a.closed.outcome.replaceAll('_', ' ')} by ${a.closed.by}, ${when(a.closed.at)}`]);
    detail.replaceChildren(
      el('h3', { class: 'alert-title' }, `${a.scopeName} · ${a.day}`), el('p', { class: 'alert-rule' }, a.ruleName), chart, key,
      el('dl', { class: 'popup-rows' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el('p', { class: 'popup-synthetic', hidden: !a.isSynthetic }, 'Synthetic demo data.'), actions(a, message), message);
    detail.hidden = false;
    for (const b of list.querySelectorAll<HTMLElement>('.alert-item')) b.classList.toggle('alert-item--selected', b.dataset.id === String(a.id));
    void alertsApi.series(a.id).then(
      (s) => chart.replaceChildren(sparkline(s, a.day)),
      (err: unknown) => (chart.textContent = errorMessage(err)),
    );
  }

  function select(id: number): void {
    const a = alerts.find((x) => x.id === id);
    if (a) render(a);
  }

  return {
    root,
    status: () => filter.value,
    show(next) {
      alerts = next;
      list.replaceChildren(...(next.length ? next.map(item) : [el('li', { class: 'alerts-empty' }, 'No alerts.')]));
      synthetic.hidden = !next.some((a) => a.isSynthetic);
    },
    select,
  };
}

function dist(s: PointFeature<ServiceProps>, a: AlertView): number {
  const [lon, lat] = s.geometry.coordinates as [number, number];
  return ((lon - (a.point?.lon ?? 0)) * Math.cos((lat * Math.PI) / 180)) ** 2 + (lat - (a.point?.lat ?? 0)) ** 2;
}
