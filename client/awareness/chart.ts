import * as Plot from '@observablehq/plot';
import { cspSafe } from '../panels/plotDom.js';
import { el } from '../panels/dom.js';
import type { AwarenessEstimate } from '../../common/awareness.js';

/**
 * Dot-and-whisker chart, one row per district (Observable Plot, loaded with import() the
 * first time the panel draws a chart). Withheld districts get no dot: a dot would state
 * the number disclosure control hides. With two rounds the baseline sits above in grey.
 */
interface Series {
  label: string;
  color: string;
  rows: AwarenessEstimate[];
}

const clamp = (x: number) => Math.min(100, Math.max(0, x * 100));

export function dotWhisker(series: Series[], names: string[], title: string): HTMLElement {
  const offset = series.length > 1 ? 4 : 0;
  const marks = series.flatMap((s, i) => {
    const shown = s.rows.filter((r) => !r.suppressed && r.estimate !== null && r.ci !== null).map((r) => ({ name: r.name, est: clamp(r.estimate ?? 0), lo: clamp(r.ci?.[0] ?? 0), hi: clamp(r.ci?.[1] ?? 0) }));
    const dy = series.length > 1 ? (i === 0 ? -offset : offset) : 0;
    return [
      Plot.ruleY(shown, { y: 'name', x1: 'lo', x2: 'hi', stroke: s.color, strokeWidth: 2, dy }),
      Plot.dot(shown, { y: 'name', x: 'est', fill: s.color, r: 3.5, dy }),
    ];
  });
  const chart = Plot.plot({
    width: 280,
    height: 26 * names.length + 40,
    marginLeft: 80,
    marginRight: 12,
    style: { background: 'transparent', fontSize: '11px' },
    x: { domain: [0, 100], label: '% (95 % CI)', grid: true },
    y: { domain: names, label: null },
    marks: [...marks, Plot.ruleX([0])],
    ariaLabel: `${title}: estimate and 95 % confidence interval by district`,
  });
  const key = series.length > 1 ? el('p', { class: 'period-note' }, series.map((s, i) => `${i === 0 ? 'upper, grey' : 'lower, blue'}: ${s.label}`).join(' · ')) : null;
  return el('figure', { class: 'details-chart aw-figure' }, el('figcaption', { class: 'details-sub' }, title), cspSafe(chart), key);
}
