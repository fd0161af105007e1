import { SERVICE_KIND_LABELS } from '../format.js';
import { formatCount } from '../flows/format.js';
import { el } from '../panels/dom.js';
import type { EmergingCell } from '../../common/analysis.js';
import type { AnalysisData } from './layers.js';
import { classLabel, emergingLabel } from './palette.js';

/**
 * Details of one hexagon: its numbers for the layer shown and its Gi* z series (from the
 * emerging-hot-spot analysis) as a sparkline. Counts are the disclosure-controlled ones.
 */
const dec = (d: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: d });

export function formatMinutes(m: number | null): string {
  if (m === null) return 'out of reach';
  const r = Math.round(m);
  return r < 60 ? `${r} min` : `${Math.floor(r / 60)} h ${r % 60} min`;
}

/** Tiny p-values are not zero: "< 0.0001" rather than a rounded 0. */
export function formatP(p: number): string {
  return p < 0.0001 ? '< 0.0001' : dec(4).format(p);
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  return n;
}

/** z per step as a line, the ±1.96 band, and dots on steps where the cell was significant. */
function sparkline(cell: EmergingCell, steps: string[], step: string): HTMLElement {
  const W = 230;
  const H = 60;
  const z = cell.z;
  const lo = Math.min(-2.5, ...z);
  const hi = Math.max(2.5, ...z);
  const x = (i: number) => 4 + (i / Math.max(1, z.length - 1)) * (W - 8);
  const y = (v: number) => 4 + ((hi - v) / (hi - lo)) * (H - 8);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `Gi* z by ${step}, ${z.length} ${step}s: from ${z[0] ?? 0} to ${z.at(-1) ?? 0}` });
  root.append(svg('rect', { x: 0, y: y(1.96), width: W, height: y(-1.96) - y(1.96), fill: '#eef0f4' }));
  root.append(svg('line', { x1: 0, x2: W, y1: y(0), y2: y(0), stroke: '#9aa1ad', 'stroke-width': 1 }));
  root.append(svg('polyline', { points: z.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '), fill: 'none', stroke: '#1d2330', 'stroke-width': 1.5 }));
  cell.state.forEach((s, i) => {
    if (s !== 0) root.append(svg('circle', { cx: x(i), cy: y(z[i] ?? 0), r: 2.5, fill: s > 0 ? '#b2182b' : '#2166ac' }));
  });
  return el(
    'figure',
    { class: 'details-chart an-spark' },
    el('figcaption', { class: 'details-sub' }, `Gi* z by ${step}`),
    root as unknown as HTMLElement,
    el('p', { class: 'period-note' }, `${steps[0] ?? ''} – ${steps.at(-1) ?? ''}. Shaded: not significant (|z| < 1.96); dots: significant ${step}s.`),
  );
}

export type Trend = { cell: EmergingCell | null; steps: string[]; step: string } | 'loading' | null;

export function renderCellDetails(root: HTMLElement, d: AnalysisData, h3: string, trend: Trend, onClose: () => void): boolean {
  const k = d.res.disclosure?.k ?? 0;
  const rows: [string, string][] = [];
  let title: string | null = null;
  let foot = '';
  if (d.mode === 'hotspots') {
    const c = d.res.cells.find((x) => x.h3 === h3);
    if (!c) return false;
    title = c.label;
    rows.push(['Count', formatCount(c.value, k)], ['Gi* z', dec(2).format(c.z)], ['p (FDR)', formatP(c.p)], ['Class', classLabel(c.class)]);
  } else if (d.mode === 'emerging') {
    const c = d.res.cells.find((x) => x.h3 === h3);
    if (!c) return false;
    title = c.label;
    rows.push(['Pattern', emergingLabel(c.category)], ['Trend (Kendall τ)', dec(2).format(c.trend.tau)], ['Trend p', formatP(c.trend.p)]);
  } else if (d.mode === 'access') {
    const c = d.res.cells.find((x) => x.h3 === h3);
    if (!c) return false;
    title = c.label;
    rows.push(['Gap', dec(1).format(c.gap)], ['Demand', formatCount(c.demand.count, k)], ['Per month', c.monthly === null ? 'suppressed' : dec(1).format(c.monthly)], ['Inaccessibility', dec(2).format(c.inaccessibility)]);
    for (const [kind, a] of Object.entries(c.access)) {
      rows.push([(SERVICE_KIND_LABELS as Record<string, string>)[kind] ?? kind, `${formatMinutes(a.minutes)}${a.via ? '*' : ''}`]);
    }
    if (Object.values(c.access).some((a) => a.via)) foot = '* Across a border or the Zambezi, through a crossing point.';
  } else return false;
  const close = el('button', { type: 'button', class: 'panel-collapse', 'aria-label': 'Close cell details' }, 'Close');
  close.addEventListener('click', onClose);
  const chart =
    trend === 'loading'
      ? el('p', { class: 'period-note' }, 'Loading the trend…')
      : trend && trend.cell
        ? sparkline(trend.cell, trend.steps, trend.step)
        : trend
          ? el('p', { class: 'details-none' }, 'No trend: this cell is outside the weekly study area.')
          : null;
  root.replaceChildren(
    el('div', { class: 'panel-head' }, el('h2', { class: 'panel-title', id: 'hex-details-title' }, title ?? 'Cell without a site'), close),
    el('p', { class: 'details-kind an-cell-id' }, `H3 ${h3}`),
    el('dl', { class: 'details-totals an-cell-rows' }, ...rows.flatMap(([a, b]) => [el('dt', {}, a), el('dd', {}, b)])),
    ...(foot ? [el('p', { class: 'period-note' }, foot)] : []),
    ...(chart ? [chart] : []),
    el('p', { class: 'period-note' }, `Period ${d.res.period.from} – ${d.res.period.to}.`),
  );
  root.hidden = false;
  return true;
}
