import * as Plot from '@observablehq/plot';
import { humanize } from '../flows/format.js';
import { cspSafe } from '../panels/plotDom.js';
import type { BriefData } from '../../common/briefs.js';

/** Charts as SVG (vector in the PDF). Suppressed values are not drawn: a bar would state a number. */
// Not the flow colour: in the PDF the map alone carries it (the browser test counts it there).
const FLOW = '#4f6275';

export function seriesChart(d: BriefData, width: number, height = 120): SVGSVGElement | HTMLElement {
  const rows = d.series.points.map((p) => ({ t: new Date(`${p.t}T00:00:00Z`), n: p.count }));
  return cspSafe(
    Plot.plot({
      width, height, marginLeft: 44, marginBottom: 22, marginTop: 8,
      style: { background: 'transparent', fontSize: '9px' },
      x: { type: 'utc', label: null },
      y: { label: null, grid: true, tickFormat: '~s' },
      marks: [Plot.rectY(rows.filter((r) => r.n !== null), { x1: 't', x2: (r: { t: Date }) => next(r.t, d.series.bucket), y: 'n', fill: FLOW, inset: 0.5 }), Plot.ruleY([0])],
      ariaLabel: `People per ${d.series.bucket}`,
    }),
  );
}

function next(t: Date, bucket: string): Date {
  const n = new Date(t);
  if (bucket === 'day') n.setUTCDate(n.getUTCDate() + 1);
  else if (bucket === 'week') n.setUTCDate(n.getUTCDate() + 7);
  else n.setUTCMonth(n.getUTCMonth() + 1);
  return n;
}

/** Top nationalities as horizontal bars. */
export function breakdownChart(d: BriefData, width: number, rowsShown = 6): SVGSVGElement | HTMLElement | null {
  const b = d.breakdowns.find((x) => x.dimension === 'nationality');
  if (!b || b.categories.length === 0) return null;
  const rows = b.categories
    .filter((c) => c.count !== null)
    .sort((a, z) => (z.count ?? 0) - (a.count ?? 0))
    .slice(0, rowsShown)
    .map((c) => ({ label: humanize(c.key), n: c.count ?? 0 }));
  return cspSafe(
    Plot.plot({
      width, height: 14 * rows.length + 26, marginLeft: 40, marginRight: 10, marginTop: 4, marginBottom: 20,
      style: { background: 'transparent', fontSize: '9px' },
      x: { label: null, grid: true, tickFormat: '~s' },
      y: { label: null, domain: rows.map((r) => r.label) },
      marks: [Plot.barX(rows, { x: 'n', y: 'label', fill: '#0b3c8c' }), Plot.ruleX([0])],
      ariaLabel: `People by nationality: ${rows.map((r) => `${r.label} ${r.n}`).join(', ')}`,
    }),
  );
}
