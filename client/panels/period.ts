import * as Plot from '@observablehq/plot';
import type { SeriesResponse } from '../../common/flows.js';
import { el } from './dom.js';
import { cspSafe } from './plotDom.js';

/**
 * Period control: a histogram of daily counts (Observable Plot) that can be brushed with a
 * pointer; the From/To date inputs in the filter form are the keyboard way to do the same.
 */
const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const day = (s: string): number => Date.parse(`${s.slice(0, 10)}T00:00:00Z`);

interface Bar {
  t: number;
  n: number;
  hidden: boolean;
}

export function renderPeriod(
  root: HTMLElement,
  res: SeriesResponse,
  from: string | null,
  to: string | null,
  onBrush: (from: string, to: string) => void,
): void {
  const bars: Bar[] = res.series.map((b) => ({ t: day(b.t), n: b.count ?? 0, hidden: b.suppressed }));
  if (bars.length === 0) {
    root.replaceChildren(el('p', { class: 'period-note' }, 'No daily counts for these filters.'));
    return;
  }
  const lo = from ? day(from) : -Infinity;
  const hi = to ? day(to) : Infinity;
  const inside = (b: Bar): boolean => b.t >= lo && b.t <= hi;
  const width = 260;
  const chart = Plot.plot({
    width,
    height: 90,
    marginLeft: 34,
    marginBottom: 20,
    style: { background: 'transparent' },
    x: { type: 'utc', ticks: 3 },
    y: { ticks: 2, grid: true, label: null },
    marks: [
      Plot.rectY(bars, { x1: 't', x2: (b: Bar) => b.t + DAY, y: 'n', fill: (b: Bar) => (inside(b) ? '#0b3c8c' : '#a7b0bf') }),
      Plot.ruleY([0]),
    ],
    ariaLabel: 'People per day; drag across the chart to choose a period',
  });
  const x = chart.scale('x');
  const box = el('div', { class: 'period-chart', role: 'img', 'aria-label': 'Daily counts; drag to choose a period (or use From and To)' });
  box.append(cspSafe(chart));
  // Brushing by pointer: press, drag, release. Pointer capture keeps the drag going when
  // the pointer leaves the small chart.
  let start: number | null = null;
  const dateAt = (e: PointerEvent): number | null => {
    const r = box.getBoundingClientRect();
    const v = x?.invert?.(((e.clientX - r.left) * width) / r.width) as Date | number | undefined;
    return v === undefined ? null : Math.floor(Number(v) / DAY) * DAY;
  };
  box.addEventListener('pointerdown', (e) => {
    start = dateAt(e);
    box.setPointerCapture(e.pointerId);
  });
  box.addEventListener('pointerup', (e) => {
    const end = dateAt(e);
    if (start === null || end === null) return;
    const [a, b] = start <= end ? [start, end] : [end, start];
    start = null;
    const first = bars[0]!.t;
    const last = bars[bars.length - 1]!.t;
    onBrush(iso(Math.max(a, first)), iso(Math.min(b, last)));
  });
  const note = bars.some((b) => b.hidden) ? 'Days with fewer people than the disclosure threshold are drawn as 0.' : '';
  root.replaceChildren(box, el('p', { class: 'period-note' }, `Drag across the chart to choose a period. ${note}`));
}
