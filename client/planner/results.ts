import { formatCount } from '../flows/format.js';
import { kindLabel } from '../format.js';
import { el } from '../panels/dom.js';
import type { PublishedCount } from '../../common/disclosure.js';
import type { ActivityType, Plan, PlanMeasure as Measure } from '../../common/outreach.js';
import { plannerApi } from './api.js';
import { ACTIVITY_LABELS, MEASURE_LABELS } from './model.js';

const present = (nodes: (Node | null)[]): Node[] => nodes.filter((n): n is Node => n !== null);

/**
 * A plan as text: what it covers, the ranked sites with their marginal gains, the demand it
 * leaves uncovered, and the ways out (exports, brief). Built from text nodes only.
 */
interface ResultActions {
  /** Lock / exclude / free a site (absent for read-only viewers). */
  onSite?(siteId: number, choice: 'lock' | 'exclude' | 'free'): void;
  onHotspot(lon: number, lat: number): void;
  /** Where a point is, in words ("0.6 km from Nakonde market"); empty when nothing is known. */
  near(lon: number, lat: number): string;
  onBrief(): void;
  onClose(): void;
}

const pct = (x: number | null): string => (x === null ? 'not shown (small numbers)' : `${(x * 100).toFixed(1)}%`);
const money = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const km = (m: number): string => `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)} km`;
export const activityLabel = (a: string): string => ACTIVITY_LABELS[a as ActivityType] ?? a;
export const measureLabel = (m: string): string => MEASURE_LABELS[m as Measure] ?? m;
const shown = (c: PublishedCount, k: number): string => (c.suppressed ? `<${k}` : formatCount(c.count, k));

/** Which survey and indicator weighted the demand (issue 16), or why none did. */
function weightingRows(plan: Plan): [string, string][] {
  const w = plan.weighting.lowAwareness;
  if (!w.requested) return [];
  if (!w.applied || !w.survey) return [['Awareness', `not applied${w.note ? `: ${w.note}` : ''}`]];
  return [['Awareness', `weighted by 1 \u2212 ${w.indicator ?? 'indicator'}, ${w.survey.name} (${w.survey.round}${w.survey.synthetic ? ', synthetic' : ''})`]];
}

function summary(plan: Plan): HTMLElement {
  const k = plan.disclosure.k;
  const c = plan.coverage;
  const rows: [string, string][] = [
    ['Covers', `${shown(c.covered, k)} of ${shown(c.total, k)} ${plan.demand.unit} (${pct(c.share)})`],
    ['Cost', `ZMW ${money.format(c.cost)}${c.budget !== null ? ` of ${money.format(c.budget)}` : ''}`],
    ['Who', `${measureLabel(plan.measure)}, ${plan.period.from} to ${plan.period.to}`],
    [
      'Method',
      plan.method === 'exact'
        ? plan.optimal
          ? 'Exact: proven optimal'
          : `Exact: within ${(plan.gap * 100).toFixed(1)}% of the best possible (time limit reached)`
        : 'Greedy (fast; a good plan, not proven best)',
    ],
    ...weightingRows(plan),
    ['Searched', `${plan.candidates} candidate sites, ${plan.demand.cells} demand cells · ${(plan.solver.ms / 1000).toFixed(1)} s`],
  ];
  return el('dl', { class: 'details-totals planner-summary' }, ...rows.flatMap(([a, b]) => [el('dt', {}, a), el('dd', {}, b)]));
}

function siteTable(plan: Plan, actions: ResultActions, excluded: ReadonlySet<number>): HTMLElement {
  const k = plan.disclosure.k;
  const total = plan.coverage.total.count;
  let cumulative = 0;
  const body = plan.sites.map((s) => {
    cumulative += s.gain.count ?? 0;
    const share = total && !s.gain.suppressed ? `${((cumulative / total) * 100).toFixed(1)}%` : '–';
    const buttons = actions.onSite
      ? el(
          'td',
          { class: 'planner-actions' },
          s.locked
            ? el('button', { type: 'button', class: 'button button--small', 'data-site': String(s.siteId), 'data-act': 'free' }, 'Unlock')
            : el('button', { type: 'button', class: 'button button--small', 'data-site': String(s.siteId), 'data-act': 'lock' }, 'Lock'),
          excluded.has(s.siteId) ? null : el('button', { type: 'button', class: 'button button--small button--danger', 'data-site': String(s.siteId), 'data-act': 'exclude' }, 'Exclude'),
        )
      : null;
    return el(
      'tr',
      { class: s.locked ? 'is-locked' : undefined, 'data-site-row': String(s.siteId) },
      el('td', { class: 'num' }, el('span', { class: s.locked ? 'rank rank--locked' : 'rank' }, String(s.rank))),
      el('th', { scope: 'row' }, s.name, el('span', { class: 'planner-sub planner-kind' }, `${kindLabel(s.kind)}${s.locked ? ' · locked' : ''}`)),
      el('td', {}, `${activityLabel(s.activity)}, ${km(s.reachM)}`),
      el('td', { class: 'num' }, shown(s.gain, k)),
      el('td', { class: 'num' }, shown(s.people, k)),
      el('td', { class: 'num' }, share),
      el('td', { class: 'num' }, money.format(s.cost)),
      buttons,
    );
  });
  const table = el(
    'table',
    { class: 'flow-table planner-table', id: 'planner-table' },
    el('caption', {}, `Chosen sites, in the order chosen (${plan.demand.unit})`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { class: 'num' }, '#'),
        el('th', {}, 'Site'),
        el('th', {}, 'Activity, reach'),
        el('th', { class: 'num', title: 'Marginal gain: what the site adds given the sites chosen before it' }, 'Gain'),
        el('th', { class: 'num', title: 'People the site newly covers (unweighted)' }, 'New people'),
        el('th', { class: 'num', title: 'Share of all demand covered by this site and those before it' }, 'Share so far'),
        el('th', { class: 'num' }, 'Cost ZMW'),
        actions.onSite ? el('th', {}, el('span', { class: 'visually-hidden' }, 'Actions')) : null,
      ),
    ),
    el('tbody', {}, ...body),
  );
  table.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button[data-site]');
    if (!b || !actions.onSite) return;
    actions.onSite(Number(b.getAttribute('data-site')), b.getAttribute('data-act') as 'lock' | 'exclude' | 'free');
  });
  return table;
}

function hotspots(plan: Plan, actions: ResultActions): HTMLElement | null {
  if (plan.uncoveredHotspots.length === 0) return null;
  const k = plan.disclosure.k;
  return el(
    'div',
    { class: 'planner-hotspots' },
    el('h3', { class: 'details-sub' }, 'Largest demand left uncovered'),
    el(
      'ol',
      { class: 'planner-hotlist', id: 'planner-hotspots' },
      ...plan.uncoveredHotspots.map((h) => {
        const b = el('button', { type: 'button', class: 'place-button' }, `${shown(h.demand, k)} ${plan.demand.unit}`);
        b.addEventListener('click', () => actions.onHotspot(h.lon, h.lat));
        const where = actions.near(h.lon, h.lat);
        return el('li', {}, b, where ? el('span', { class: 'planner-sub' }, ` ${where}`) : null);
      }),
    ),
  );
}

export function renderPlan(root: HTMLElement, plan: Plan, actions: ResultActions, excluded: ReadonlySet<number>): void {
  const close = el('button', { type: 'button', class: 'panel-collapse' }, 'Close');
  close.addEventListener('click', actions.onClose);
  const brief = el('button', { type: 'button', class: 'button button--small', id: 'planner-brief' }, 'Send to brief');
  brief.addEventListener('click', actions.onBrief);
  const link = (format: 'csv' | 'geojson', text: string) => el('a', { class: 'button button--small', href: plannerApi.exportUrl(plan.id, format), download: `outreach-plan-${plan.id}.${format}` }, text);
  root.replaceChildren(
    ...present([
    el('div', { class: 'panel-head' }, el('h2', { class: 'panel-title', id: 'planner-results-title' }, `#${plan.id} ${plan.name}`), close),
    el(
      'div',
      { class: 'planner-exports' },
      link('csv', 'Export CSV'),
      link('geojson', 'Export GeoJSON'),
      brief,
      plan.synthetic ? el('span', { class: 'popup-synthetic' }, 'Synthetic demo data — not real movements or sites.') : null,
    ),
    summary(plan),
    ...plan.notes.map((n) => el('p', { class: 'flows-empty' }, n)),
    plan.sites.length ? siteTable(plan, actions, excluded) : el('p', { class: 'details-none' }, 'No site was chosen.'),
    hotspots(plan, actions),
    plan.disclosure.suppressed ? el('p', { class: 'table-note' }, `Counts from 1 to ${plan.disclosure.k - 1} are shown as <${plan.disclosure.k}.`) : null,
    ]),
  );
}
