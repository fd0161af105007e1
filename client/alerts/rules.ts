import { ALERT_DETECTORS, ALERT_MEASURE_LABELS, ALERT_MEASURES, ALERT_SCOPES, type AlertRuleView } from '../../common/alerts.js';
import { errorMessage } from '../auth/http.js';
import { el } from '../panels/dom.js';
import { alertsApi, type RuleInput } from './api.js';

const POINT_KINDS = ['', 'official_border_post', 'informal_crossing', 'transit_hub', 'bus_station', 'market'];

const inputOf = (r: AlertRuleView): RuleInput => {
  const { id: _id, createdBy: _c, updatedAt: _u, ...rest } = r;
  return rest;
};

function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  return el('label', { class: 'admin-field' }, label, input, hint ? el('span', { class: 'admin-hint' }, hint) : null);
}

const select = (name: string, values: readonly string[], labels: (v: string) => string = (v) => v) =>
  el('select', { name }, ...values.map((v) => el('option', { value: v }, labels(v) || 'any')));

/** The rules screen (data managers): every rule with its switch, and a form for a new one. */
export function openRules(): void {
  const notice = el('p', { class: 'admin-notice', role: 'status' });
  const table = el('table', { class: 'admin-table', id: 'alert-rules' });
  const dialog = el('dialog', { class: 'dialog dialog--admin', 'aria-label': 'Alert rules' });
  const done = el('button', { type: 'button', class: 'button' }, 'Done');
  done.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());

  async function load(): Promise<void> {
    try {
      const { rules } = await alertsApi.rules();
      table.replaceChildren(
        el('thead', {}, el('tr', {}, ...['On', 'Rule', 'Measure', 'Scope', 'Detector', 'Notifies'].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...rules.map(row)),
      );
    } catch (err) {
      notice.textContent = errorMessage(err);
    }
  }

  function row(r: AlertRuleView): HTMLTableRowElement {
    const on = el('input', { type: 'checkbox', 'aria-label': `Rule ${r.name} enabled`, checked: r.enabled });
    on.addEventListener('change', () => {
      alertsApi.updateRule(r.id, { ...inputOf(r), enabled: on.checked }).then(
        () => (notice.textContent = `${r.name}: ${on.checked ? 'enabled' : 'disabled'}.`),
        (err: unknown) => (notice.textContent = errorMessage(err)),
      );
    });
    const detector = r.detector === 'threshold' ? `≥ ${r.threshold}` : `${r.detector} (α ${r.alpha ?? 'default'}, min σ ${r.minSigma})`;
    const scope = `${r.scope}${r.scopeValue ? ` ${r.scopeValue}` : ' (each)'}${r.pointKind ? `, ${r.pointKind.replaceAll('_', ' ')}` : ''}`;
    const notifies = [r.webhookUrl ? 'webhook' : '', ...r.notifyEmails].filter(Boolean).join(', ') || 'in-app only';
    return el('tr', {}, el('td', {}, on), el('td', {}, r.name), el('td', {}, `${ALERT_MEASURE_LABELS[r.measure]}${r.measureValue ? `: ${r.measureValue}` : ''}`),
      el('td', {}, scope), el('td', {}, detector), el('td', {}, notifies));
  }

  const f = {
    name: el('input', { name: 'name', required: true, maxlength: '200' }),
    measure: select('measure', ALERT_MEASURES, (v) => ALERT_MEASURE_LABELS[v as keyof typeof ALERT_MEASURE_LABELS]),
    measureValue: el('input', { name: 'measureValue', placeholder: 'e.g. ETH or disability' }),
    scope: select('scope', ALERT_SCOPES),
    scopeValue: el('input', { name: 'scopeValue', placeholder: 'empty = each one' }),
    pointKind: select('pointKind', POINT_KINDS, (v) => v.replaceAll('_', ' ')),
    detector: select('detector', ALERT_DETECTORS),
    alpha: el('input', { name: 'alpha', type: 'number', step: 'any', min: '0', max: '1', placeholder: 'default' }),
    minSigma: el('input', { name: 'minSigma', type: 'number', step: 'any', min: '0', value: '1' }),
    threshold: el('input', { name: 'threshold', type: 'number', step: 'any', min: '0' }),
    webhookUrl: el('input', { name: 'webhookUrl', type: 'url', placeholder: 'https://…' }),
    emails: el('input', { name: 'emails', placeholder: 'a@example.org, b@example.org' }),
  };
  const num = (i: HTMLInputElement) => (i.value === '' ? null : Number(i.value));
  const text = (i: HTMLInputElement) => (i.value.trim() === '' ? null : i.value.trim());
  const form = el('form', { class: 'admin-form', id: 'alert-rule-form' }, el('h3', { class: 'admin-form-title' }, 'New rule'),
    field('Name', f.name), field('Measure', f.measure), field('Value', f.measureValue, 'for a vulnerability or a nationality'),
    field('Scope', f.scope), field('Point, corridor or district code', f.scopeValue), field('Point kind', f.pointKind),
    field('Detector', f.detector, 'EARS C1/C2/C3 compare with the days before; a threshold alarms on any day reaching it'),
    field('α', f.alpha), field('Min σ', f.minSigma, '1 suits sparse counts'), field('Threshold', f.threshold),
    field('Webhook', f.webhookUrl), field('E-mail', f.emails),
    el('div', { class: 'admin-actions' }, el('button', { type: 'submit', class: 'button button--primary' }, 'Add rule')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body: RuleInput = {
      name: f.name.value, measure: f.measure.value as RuleInput['measure'], measureValue: text(f.measureValue), scope: f.scope.value as RuleInput['scope'],
      scopeValue: text(f.scopeValue), pointKind: f.pointKind.value || null, detector: f.detector.value as RuleInput['detector'], alpha: num(f.alpha),
      minSigma: num(f.minSigma) ?? 0, baseline: 7, threshold: num(f.threshold), webhookUrl: text(f.webhookUrl),
      notifyEmails: f.emails.value.split(',').map((s) => s.trim()).filter(Boolean), enabled: true,
    };
    alertsApi.createRule(body).then(
      () => {
        notice.textContent = `Rule “${body.name}” added; it applies from the next import or daily run.`;
        form.reset();
        void load();
      },
      (err: unknown) => (notice.textContent = errorMessage(err)),
    );
  });
  dialog.append(el('h2', { class: 'dialog-title' }, 'Alert rules'), notice, table, form, el('div', { class: 'form-actions' }, done));
  document.body.append(dialog);
  dialog.showModal();
  void load();
}
