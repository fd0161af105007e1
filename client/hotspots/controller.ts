import type { FlowsContext } from '../flows/controller.js';
import { el } from '../panels/dom.js';
import type { EmergingResponse } from '../../common/analysis.js';
import { analysisApi, unusableFilters } from './api.js';
import { renderCellDetails, type Trend } from './details.js';
import type { AnalysisData } from './layers.js';
import { renderAnalysisLegend, renderGapList } from './legend.js';
import { buildAnalysisPanel } from './panel.js';
import { summarize } from './summary.js';
import type { AnalysisView } from './view.js';

/**
 * The analysis view (hot spots, emerging hot spots, heatmap, access gaps), loaded with
 * import() once deck.gl is up: its own chunk with h3-js and the H3/heatmap layers. URL
 * state in, one request per settings change out, layers into data.analysisLayers. It
 * follows the flow filters, so the movements panel narrows these layers too. Returns what
 * main.ts calls when who is signed in changes (as the flow view's does).
 */
export function startAnalysis(ctx: FlowsContext): (fetch: boolean) => void {
  const layout = ctx.map.getContainer().parentElement ?? document.body;
  const view = (): AnalysisView => ctx.store.get().analysis;
  const filters = () => ctx.store.get().flows.filters;
  let data: AnalysisData | null = null;
  let requested = '';
  let abort: AbortController | null = null;
  let trend: { key: string; res: EmergingResponse | null } = { key: '', res: null };
  // The layers and h3-js: set once an analysis layer is first on (data is never set before it).
  let engine: typeof import('./engine.js') | null = null;
  let engineLoad: Promise<typeof import('./engine.js')> | null = null;
  const withEngine = <T>(p: Promise<T>): Promise<T> =>
    Promise.all([(engineLoad ??= import('./engine.js').then((m) => (engine = m))), p]).then(([, v]) => v);

  const update = (patch: Partial<AnalysisView>): void =>
    ctx.store.update((s) => {
      const next = { ...s, analysis: { ...s.analysis, ...patch } };
      // An analysis layer replaces the flow lines (and their details); Flows brings them back.
      if (patch.mode !== undefined && patch.mode !== s.analysis.mode) {
        next.flows = { ...s.flows, show: patch.mode === 'flows', selected: patch.mode === 'flows' ? s.flows.selected : null };
      }
      return next;
    });
  const ui = buildAnalysisPanel(layout, update);
  const details = el('aside', { id: 'hex-details', class: 'panel panel--hexdetails', 'aria-labelledby': 'hex-details-title', tabindex: '-1', hidden: true });
  layout.append(details);

  const trendOf = (h3: string): Trend => {
    if (!data) return null;
    if (data.mode === 'emerging') return { cell: data.res.cells.find((c) => c.h3 === h3) ?? null, steps: data.res.steps, step: data.res.step };
    const v = view();
    const key = JSON.stringify([filters(), v.measure, v.res, v.k, v.step]);
    if (trend.key !== key) {
      // Fetched on demand: only a click asks for the (heavier) weekly series.
      trend = { key, res: null };
      ctx.load('trend', analysisApi.emerging(filters(), v), (r) => {
        if (trend.key !== key) return;
        trend.res = r;
        drawAll();
      });
    }
    const r = trend.res;
    return r ? { cell: r.cells.find((c) => c.h3 === h3) ?? null, steps: r.steps, step: r.step } : 'loading';
  };

  const pick = (h3: string): void => {
    update({ cell: h3 });
    details.focus();
    // The details open over the map's left side: a cell there moves to the middle.
    if (!engine) return;
    const [lat, lon] = engine.cellToLatLng(h3);
    const p = ctx.map.project([lon, lat]);
    if (p.x < details.offsetLeft + details.offsetWidth + 20) ctx.map.easeTo({ center: [lon, lat] });
  };

  function drawAll(): void {
    const v = view();
    ui.set(v);
    const current = engine && data && data.mode === v.mode ? data : null;
    ctx.data.analysisLayers = current && engine ? engine.analysisLayers(current, v.cell) : undefined;
    ctx.redraw();
    if (!current) {
      details.hidden = true;
      return;
    }
    ui.summary.textContent = summarize(current);
    const dropped = unusableFilters(filters(), v.measure);
    const k = current.res.disclosure?.k ?? 0;
    ui.note.textContent = [
      current.res.disclosure?.suppress ? `Counts of 1–${k - 1} show as "<${k}" and enter the statistics as ${k / 2}.` : '',
      dropped.length ? `Not applied to this measure: ${dropped.join(', ')}.` : '',
      'Filters and period: the movements panel.',
    ].join(' ');
    renderAnalysisLegend(ui.legend, current);
    const h3 = engine;
    if (current.mode === 'access' && h3) renderGapList(ui.gaps, current.res, v.cell, (cell) => {
      const [lat, lon] = h3.cellToLatLng(cell);
      ctx.map.flyTo({ center: [lon, lat], zoom: Math.max(ctx.map.getZoom(), 11) });
      update({ cell });
      details.focus();
    });
    const open = v.cell !== null && renderCellDetails(details, current, v.cell, trendOf(v.cell), () => update({ cell: null }));
    if (!open) details.hidden = true;
  }

  /** Brings the panel and data in line with the URL state; fetches only when settings changed. */
  function sync(): void {
    const v = view();
    const f = filters();
    ui.set(v);
    if (v.mode === 'flows') {
      requested = '';
      abort?.abort();
      data = null;
      return drawAll();
    }
    const key = JSON.stringify([v.mode, f, v.measure, v.mode === 'heatmap' ? 0 : v.res, v.mode === 'hotspots' || v.mode === 'emerging' ? v.k : 0, v.mode === 'emerging' ? v.step : '', v.mode === 'access' ? [v.kinds, v.travel] : 0]);
    if (key === requested) return drawAll();
    requested = key;
    abort?.abort();
    abort = new AbortController();
    ui.summary.textContent = 'Loading the analysis…';
    const mode = v.mode;
    const done = (d: AnalysisData): void => {
      if (requested !== key) return;
      data = d;
      drawAll();
    };
    const s = abort.signal;
    if (mode === 'hotspots') ctx.load('hot spots', withEngine(analysisApi.hotspots(f, v, s)), (res) => done({ mode, res }));
    if (mode === 'emerging') ctx.load('emerging hot spots', withEngine(analysisApi.emerging(f, v, s)), (res) => done({ mode, res }));
    if (mode === 'heatmap') ctx.load('heatmap', withEngine(analysisApi.kde(f, v, s)), (res) => done({ mode, res }));
    if (mode === 'access') ctx.load('access gaps', withEngine(analysisApi.access(f, v, s)), (res) => done({ mode, res }));
  }

  ctx.map.on('click', (e) => {
    if (!engine || !data || data.mode === 'heatmap' || data.mode !== view().mode) return;
    const { cellToLatLng, latLngToCell, shade } = engine;
    // A click on a service or point has just opened its popup (map/interaction.ts runs
    // first): that click was meant for the symbol, not for the cell beneath it.
    if (ctx.map.getContainer().querySelector('.maplibregl-popup')) return;
    const cells = shade(data);
    const res = cells[0] ? Number.parseInt(cells[0].h3.charAt(1), 16) : 0;
    const hit = res ? latLngToCell(e.lngLat.lat, e.lngLat.lng, res) : '';
    if (cells.some((c) => c.h3 === hit)) return pick(hit);
    // Zoomed out a cell is a dot bigger than its hexagon: the nearest dot within reach.
    let best: { h3: string; d: number } | null = null;
    for (const c of cells) {
      if (!c.marked) continue;
      const [lat, lon] = cellToLatLng(c.h3);
      const p = ctx.map.project([lon, lat]);
      const d = Math.hypot(p.x - e.point.x, p.y - e.point.y);
      if (d < 10 && (!best || d < best.d)) best = { h3: c.h3, d };
    }
    if (best) pick(best.h3);
  });
  ctx.store.subscribe((next, prev) => {
    if (next.analysis !== prev.analysis || next.flows.filters !== prev.flows.filters) sync();
  });
  sync();
  return (fetch) => {
    abort?.abort();
    [data, requested, trend] = [null, '', { key: '', res: null }];
    ui.legend.replaceChildren();
    ui.gaps.replaceChildren();
    ui.summary.textContent = fetch ? '' : 'Sign in to see the analysis.';
    if (fetch) sync();
    else drawAll();
  };
}
