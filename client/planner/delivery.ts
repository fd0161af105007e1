import { errorMessage } from '../auth/http.js';
import { el } from '../panels/dom.js';
import { plannerApi } from './api.js';
import type { PlannerContext } from './controller.js';
import { DELIVERED_TYPES, MAX_NOTES, type Plan, type PlanDelivery } from '../../common/outreach.js';
import { activityFromInput, type ActivityInput, deliveredLabel, localIsoDate, summariseDelivery } from './deliveryModel.js';

/**
 * The "Delivered" section under a shown plan: planned vs delivered per chosen site and the
 * latest logged activities (GET …/activities), and for planners a form to log one (POST, then
 * the section reloads). It keeps its node and data while the same plan stays shown, so the
 * results panel re-rendering (a lock or exclude) neither refetches nor clears a half-typed form.
 */
interface DeliverySection {
  /** Puts the section at the end of root for this plan; fetches when the plan or role changed. */
  show(root: HTMLElement, plan: Plan, writer: boolean): void;
  /** Forgets everything (another user signed in). */
  reset(): void;
}

const RECENT = 8;
const count = new Intl.NumberFormat('en-GB');

export function buildDeliverySection(load: PlannerContext['load']): DeliverySection {
  const node = el('section', { class: 'planner-delivery', id: 'planner-delivery', 'aria-labelledby': 'planner-delivery-title' });
  const body = el('div', { class: 'planner-delivery-body' });
  let key = '';
  let plan: Plan | null = null;

  function refresh(): void {
    const p = plan;
    if (!p) return;
    const asked = key;
    load('delivered activities', plannerApi.delivery(p.id), (d) => asked === key && render(p, d));
  }

  function render(p: Plan, d: PlanDelivery): void {
    const { rows, total } = summariseDelivery(p.sites, d.sites);
    const table = el(
      'table',
      { class: 'admin-table planner-delivery-table', id: 'planner-delivery-table' },
      el('caption', { class: 'visually-hidden' }, 'Planned and delivered per site'),
      el('thead', {}, el('tr', {}, el('th', {}, 'Site'), el('th', {}, 'Planned'), el('th', { class: 'num' }, 'Delivered'), el('th', { class: 'num' }, 'People reached'), el('th', {}, 'Last'))),
      el(
        'tbody',
        {},
        ...rows.map((r) =>
          el(
            'tr',
            { 'data-delivery-site': String(r.siteId), class: `is-${r.status}` },
            el('th', { scope: 'row' }, r.rank !== null ? `${r.rank}. ${r.name}` : r.name),
            el('td', {}, r.planned),
            el('td', { class: 'num' }, r.delivered > 0 ? String(r.delivered) : 'not yet'),
            el('td', { class: 'num' }, count.format(r.reach)),
            el('td', {}, r.last ?? '–'),
          ),
        ),
      ),
    );
    const recent = [...d.activities].reverse().slice(0, RECENT);
    const list = recent.length
      ? el(
          'table',
          { class: 'admin-table planner-delivery-table', id: 'planner-activities' },
          el('caption', { class: 'planner-sub' }, d.activities.length > RECENT ? `Latest ${RECENT} of ${d.activities.length} logged activities` : 'Logged activities'),
          el('thead', {}, el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Site'), el('th', {}, 'Activity'), el('th', { class: 'num' }, 'Reach'), el('th', {}, 'Notes'))),
          el(
            'tbody',
            {},
            ...recent.map((a) =>
              el('tr', {}, el('td', {}, a.date), el('td', {}, a.siteName ?? '–'), el('td', {}, deliveredLabel(a.type)), el('td', { class: 'num' }, count.format(a.reach)), el('td', { class: 'planner-notes' }, a.notes ?? '')),
            ),
          ),
        )
      : el('p', { class: 'details-none' }, 'No activity logged yet.');
    const summary = `${total.delivered} ${total.delivered === 1 ? 'activity' : 'activities'} at ${total.sites} of ${p.sites.length} chosen sites${rows.length > p.sites.length ? ' and others' : ''}, reaching ${count.format(total.reach)} people (as teams report).`;
    body.replaceChildren(el('p', { class: 'planner-hint', id: 'planner-delivery-summary' }, summary), table, list);
  }

  function form(p: Plan): HTMLElement {
    const today = localIsoDate(new Date());
    const field = (label: string, id: string, control: HTMLElement) => el('div', { class: 'admin-field' }, el('label', { for: id }, label), control);
    const site = el('select', { id: 'pl-act-site', name: 'siteId' }, ...[...p.sites].sort((a, b) => a.rank - b.rank).map((s) => el('option', { value: String(s.siteId) }, `${s.rank}. ${s.name}`)));
    const date = el('input', { id: 'pl-act-date', name: 'date', type: 'date', max: today, required: true, value: today });
    const type = el('select', { id: 'pl-act-type', name: 'type' }, ...DELIVERED_TYPES.map((t) => el('option', { value: t }, deliveredLabel(t))));
    const reach = el('input', { id: 'pl-act-reach', name: 'reach', type: 'number', min: '0', step: '1', required: true, inputmode: 'numeric', class: 'planner-reach' });
    const notes = el('input', { id: 'pl-act-notes', name: 'notes', type: 'text', maxlength: String(MAX_NOTES), class: 'planner-notes-input' });
    const submit = el('button', { type: 'submit', class: 'button button--small button--primary' }, 'Log activity');
    const message = el('p', { class: 'form-error', role: 'alert', id: 'pl-act-error' });
    const done = el('p', { class: 'admin-notice', role: 'status' });
    // The planned activity of the chosen site is the likeliest thing delivered there.
    const follow = () => (type.value = p.sites.find((s) => String(s.siteId) === site.value)?.activity ?? type.value);
    site.addEventListener('change', follow);
    follow();
    const f = el(
      'form',
      { class: 'admin-form planner-delivery-form', id: 'planner-delivery-form', 'aria-label': 'Log a delivered activity', novalidate: true },
      field('Site', 'pl-act-site', site),
      field('Date', 'pl-act-date', date),
      field('Activity', 'pl-act-type', type),
      field('People reached', 'pl-act-reach', reach),
      field('Notes', 'pl-act-notes', notes),
      submit,
      message,
      done,
    );
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      const input: ActivityInput = { siteId: site.value, date: date.value, type: type.value, reach: reach.value, notes: notes.value };
      const checked = activityFromInput(input, localIsoDate(new Date()));
      done.textContent = '';
      if ('field' in checked) return void (message.textContent = `${checked.field}: ${checked.message}`);
      message.textContent = '';
      submit.disabled = true;
      plannerApi
        .logActivity(p.id, checked.body)
        .then((a) => {
          done.textContent = `Logged ${deliveredLabel(a.type)} at ${a.siteName ?? `site ${a.siteId}`} on ${a.date}, ${count.format(a.reach)} people.`;
          reach.value = '';
          notes.value = '';
          refresh();
        })
        .catch((err: unknown) => void (message.textContent = errorMessage(err)))
        .finally(() => (submit.disabled = false));
    });
    return f;
  }

  return {
    show(root, p, writer) {
      const k = `${p.id}|${writer}`;
      if (k !== key) {
        key = k;
        plan = p;
        body.replaceChildren(el('p', { class: 'planner-hint' }, 'Loading delivered activities…'));
        node.replaceChildren(
          el('h3', { class: 'details-sub', id: 'planner-delivery-title' }, 'Delivered'),
          body,
          ...(writer && p.sites.length ? [form(p)] : []),
        );
        refresh();
      }
      root.append(node);
    },
    reset() {
      key = '';
      plan = null;
      node.replaceChildren();
    },
  };
}
