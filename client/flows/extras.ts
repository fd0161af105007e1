import type { FlowsContext } from './controller.js';
import type { SeriesResponse } from '../../common/flows.js';
import { flowsApi } from './api.js';
import type { FlowFilters } from './filters.js';

/**
 * The parts of the flow view that need Observable Plot: the period histogram and the
 * breakdown charts. Plot is imported on first use, so flow lines never wait for it.
 */
export function periodControl(ctx: FlowsContext, root: HTMLElement, onPeriod: (from: string, to: string) => void) {
  let key = '';
  let series: SeriesResponse | null = null;
  let shown: FlowFilters | null = null;
  const draw = (): void => {
    if (!series || !shown) return;
    const f = shown;
    const s = series;
    void import('../panels/period.js').then((m) => m.renderPeriod(root, s, f.from, f.to, onPeriod));
  };
  return (f: FlowFilters): void => {
    shown = f;
    // The histogram spans the whole record: only the other filters change its bars.
    const next = JSON.stringify({ ...f, from: null, to: null, level: 'place' });
    if (next === key) return draw();
    key = next;
    ctx.load('daily counts', flowsApi.daily(f), (r) => {
      series = r;
      draw();
    });
  };
}

export function breakdownCharts(ctx: FlowsContext) {
  let key = '';
  return (root: HTMLElement, f: FlowFilters, selected: string): void => {
    // Breakdowns can be narrowed to a monitoring point ('m:<id>'), not to a place or area:
    // for those the charts describe every movement matching the filters, and say so.
    const point = selected.startsWith('m:') ? selected.slice(2) : null;
    const scope = point ? 'People counted at this monitoring point.' : 'All movements matching the filters (breakdowns are not split by place).';
    key = JSON.stringify([f, point]);
    const mine = key;
    ctx.load('breakdowns', Promise.all([flowsApi.breakdowns(f, point), import('../panels/detailsCharts.js')]), ([res, m]) => {
      if (mine === key && root.isConnected) m.renderBreakdowns(root, res, scope);
    });
  };
}
