import type { AnalysisData } from './layers.js';

/** One line on what the layer shows (pure: unit-tested), e.g. "3 hot, 0 cold of 119 cells". */
const n = new Intl.NumberFormat('en-GB');

export function summarize(d: AnalysisData): string {
  const period = `${d.res.period.from} – ${d.res.period.to}`;
  if (d.mode === 'hotspots') {
    const hot = d.res.cells.filter((c) => c.class > 0).length;
    const cold = d.res.cells.filter((c) => c.class < 0).length;
    return `${n.format(hot)} hot and ${n.format(cold)} cold spot cells of ${n.format(d.res.studyArea.cells)} (${n.format(d.res.studyArea.nonEmpty)} with a count), ${period}`;
  }
  if (d.mode === 'emerging') {
    const found = Object.entries(d.res.categories).filter(([c]) => c !== 'none').reduce((s, [, x]) => s + x, 0);
    return `${n.format(found)} cells with a pattern over ${d.res.steps.length} ${d.res.step}s, ${period}`;
  }
  if (d.mode === 'heatmap') return `${n.format(d.res.points.length)} sites weighted by their counts, ${period}`;
  const t = d.res.travel;
  return `${n.format(d.res.cells.length)} demand cells; ${t.mode === 'walk' ? 'walking' : 'motor'} ${t.speedKmh} km/h, ${t.tmaxMinutes} min limit, ${period}`;
}
