import { el } from '../panels/dom.js';
import type { PlanComparison, PlanSide, PlanSummary } from '../../common/outreach.js';
import { activityLabel, measureLabel } from './results.js';

const present = (nodes: (Node | null)[]): Node[] => nodes.filter((n): n is Node => n !== null);

/** Saved plans (open, pick two to compare, delete) and the side-by-side comparison. */
interface SavedActions {
  onOpen(id: number): void;
  onCompare(a: number, b: number): void;
  /** Absent for viewers. */
  onDelete?(id: number): void;
}

export function renderSaved(root: HTMLElement, plans: PlanSummary[], current: number | null, actions: SavedActions): void {
  if (plans.length === 0) {
    root.replaceChildren(el('p', { class: 'details-none' }, 'No saved plans yet.'));
    return;
  }
  const picked: number[] = [];
  const compare = el('button', { type: 'button', class: 'button button--small', disabled: true, id: 'pl-compare' }, 'Compare the two ticked');
  compare.addEventListener('click', () => {
    if (picked.length === 2) actions.onCompare(picked[0] as number, picked[1] as number);
  });
  const items = plans.map((p) => {
    const tick = el('input', { type: 'checkbox', id: `pl-pick-${p.id}`, 'aria-label': `Compare ${p.name}` });
    tick.addEventListener('change', () => {
      const i = picked.indexOf(p.id);
      if (tick.checked && i < 0) picked.push(p.id);
      if (!tick.checked && i >= 0) picked.splice(i, 1);
      compare.disabled = picked.length !== 2;
    });
    const open = el('button', { type: 'button', class: 'place-button', 'aria-current': p.id === current ? 'true' : undefined }, p.name);
    open.addEventListener('click', () => actions.onOpen(p.id));
    const del = actions.onDelete
      ? el('button', { type: 'button', class: 'button button--small button--danger', 'aria-label': `Delete ${p.name}` }, 'Delete')
      : null;
    del?.addEventListener('click', () => {
      if (confirm(`Delete the plan "${p.name}"? Its logged activities go with it.`)) actions.onDelete?.(p.id);
    });
    const size = p.budget !== null ? `budget ${p.budget}` : `${p.sites} sites`;
    return el(
      'li',
      { class: 'planner-saved-item' },
      tick,
      el('div', {}, open, el('span', { class: 'planner-sub' }, ` #${p.id} · ${size} · ${p.method} · ${p.createdAt.slice(0, 10)}`)),
      del,
    );
  });
  root.replaceChildren(el('ul', { class: 'planner-saved' }, ...items), compare);
}

const fmt = (n: number | null, digits = 0): string => (n === null ? 'not shown' : n.toLocaleString('en-GB', { maximumFractionDigits: digits }));
const share = (x: number | null): string => (x === null ? 'not shown' : `${(x * 100).toFixed(1)}%`);
const signed = (x: number | null, asShare = false): string =>
  x === null ? 'not shown (small numbers)' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${asShare ? `${Math.abs(x * 100).toFixed(1)} points` : fmt(Math.abs(x))}`;

function sideRows(a: PlanSide, b: PlanSide): HTMLElement {
  const row = (label: string, f: (s: PlanSide) => string) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, f(a)), el('td', {}, f(b)));
  return el(
    'table',
    { class: 'flow-table planner-compare-table' },
    el('thead', {}, el('tr', {}, el('th', {}, ''), el('th', {}, `A: #${a.id} ${a.name}`), el('th', {}, `B: #${b.id} ${b.name}`))),
    el(
      'tbody',
      {},
      row('Who', (s) => `${measureLabel(s.measure)}, ${s.period.from} to ${s.period.to}`),
      row('Method', (s) => `${s.method}${s.optimal ? ' (optimal)' : ''}`),
      row('Sites', (s) => String(s.sites)),
      row('Covered', (s) => `${s.covered.suppressed ? 'small' : fmt(s.covered.count)} of ${s.total.suppressed ? 'small' : fmt(s.total.count)}`),
      row('Share', (s) => share(s.share)),
      row('Cost (ZMW)', (s) => fmt(s.cost)),
    ),
  );
}

export function renderComparison(root: HTMLElement, c: PlanComparison, onClose: () => void): void {
  const close = el('button', { type: 'button', class: 'panel-collapse' }, 'Close');
  close.addEventListener('click', onClose);
  const list = (title: string, cls: string, items: string[]) =>
    el('div', { class: `planner-compare-list ${cls}` }, el('h3', { class: 'details-sub' }, `${title} (${items.length})`), items.length ? el('ul', {}, ...items.map((t) => el('li', {}, t))) : el('p', { class: 'details-none' }, 'None'));
  root.replaceChildren(
    ...present([
    el('div', { class: 'panel-head' }, el('h2', { class: 'panel-title', id: 'planner-compare-title' }, `Comparing plans #${c.a.id} and #${c.b.id}`), close),
    c.sameDemand ? null : el('p', { class: 'flows-empty' }, 'The plans count different demand (measure, period, filters or weighting differ): the coverage difference compares unlike things.'),
    el(
      'p',
      { class: 'flows-totals', id: 'planner-compare-diff' },
      `B − A: ${signed(c.coveredDifference)} covered, ${signed(c.shareDifference, true)} of all demand`,
    ),
    sideRows(c.a, c.b),
    el(
      'div',
      { class: 'planner-compare-lists' },
      list('In both', 'is-common', c.common.map((s) => `${s.name} (${activityLabel(s.activity)}) — A#${s.rankA}, B#${s.rankB}`)),
      list('Only in A', 'is-a', c.onlyA.map((s) => `${s.name} (${activityLabel(s.activity)}) — #${s.rank}`)),
      list('Only in B', 'is-b', c.onlyB.map((s) => `${s.name} (${activityLabel(s.activity)}) — #${s.rank}`)),
    ),
    el('p', { class: 'table-note' }, 'On the map: teal = in both, blue = only A, amber = only B.'),
    ]),
  );
}
