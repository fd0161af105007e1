import * as Plot from '@observablehq/plot';
import type { BreakdownsResponse } from '../../common/flows.js';
import { formatCount, humanize } from '../flows/format.js';
import { el } from './dom.js';
import { cspSafe } from './plotDom.js';

/**
 * Breakdown bar charts (Observable Plot) for the details panel. Suppressed categories are
 * not drawn as bars (a bar would state a number); their "<k" stays in the label.
 */
const TITLES: Record<string, string> = { sex: 'Sex', age: 'Age', reason: 'Reason', transport: 'Transport' };

export function renderBreakdowns(root: HTMLElement, res: BreakdownsResponse, scope: string): void {
  const k = res.disclosure?.k ?? 0;
  const charts = res.breakdowns
    .filter((b) => b.categories.length > 0)
    .map((b) => {
      const rows = b.categories.map((c) => ({ label: `${humanize(c.key)} (${formatCount(c.count, k)})`, n: c.count ?? 0 }));
      const chart = Plot.plot({
        width: 230,
        height: 17 * rows.length + 10,
        marginLeft: 125,
        marginRight: 8,
        // No x axis: Plot's default top/bottom margins would squash the rows together.
        marginTop: 4,
        marginBottom: 4,
        style: { background: 'transparent', fontSize: '12px' },
        x: { axis: null },
        y: { label: null, domain: rows.map((r) => r.label) },
        marks: [Plot.barX(rows, { x: 'n', y: 'label', fill: '#0b3c8c' }), Plot.ruleX([0])],
        ariaLabel: `${TITLES[b.dimension] ?? humanize(b.dimension)}: ${rows.map((r) => r.label).join(', ')}`,
      });
      return el('figure', { class: 'details-chart' }, el('figcaption', { class: 'details-sub' }, TITLES[b.dimension] ?? humanize(b.dimension)), cspSafe(chart));
    });
  root.replaceChildren(el('p', { class: 'period-note' }, scope), ...charts);
}
