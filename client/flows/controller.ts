import type { PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { FLOWS_LAYER_ID } from '../layers/flows.js';
import { createFlowLayer, drawable } from '../layers/flowsFlowmap.js';
import type { LayerData } from '../layers/types.js';
import { renderDetails, summarize } from '../panels/details.js';
import { renderFlowTable } from '../panels/table.js';
import type { Store } from '../state.js';
import type { FlowsResponse } from '../../common/flows.js';
import { placesApi } from '../places/api.js';
import { flowsApi } from './api.js';
import { buildClusterLevels, type ClusterLevels, clusterName, isFlowCluster, levelAt, locationWeights, peopleDrawn } from './clusters.js';
import { breakdownCharts, periodControl } from './extras.js';
import type { FlowFilters } from './filters.js';
import { formatCount, plural } from './format.js';
import { wireFlowHover } from './hover.js';
import { buildFlowPanels } from './panel.js';
import { renderScaleKey } from './scaleKey.js';
import type { FlowView } from './view.js';

/** What main.ts gives each lazily loaded view (the analysis and planner views take it too). */
export interface FlowsContext {
  map: MapLibreMap;
  data: LayerData;
  /** The URL state: read it, change it, follow it (main.ts binds it to the hash). */
  store: Store;
  redraw(): void;
  /** deck.gl's pickable object of one layer under a screen point (null before deck.gl is up). */
  pickIn(layerId: string, x: number, y: number): PickingInfo | null;
  load<T>(what: string, p: Promise<T>, use: (v: T) => void): void;
}

/**
 * The flow view, loaded with import() after the map is up (its own chunk with
 * @flowmap.gl). URL state in, requests out, FlowmapLayer into data.flowLayer. Returns
 * what main.ts calls when who is signed in changes: drop what was fetched for the previous
 * caller, and fetch again when the new one may read.
 */
export function startFlows(ctx: FlowsContext): (fetch: boolean) => void {
  const layout = ctx.map.getContainer().parentElement ?? document.body;
  let res: FlowsResponse | null = null;
  let requested = '';
  let abort: AbortController | null = null;
  const view = (): FlowView => ctx.store.get().flows;
  const update = (patch: Partial<FlowView>): void => ctx.store.update((s) => ({ ...s, flows: { ...s.flows, ...patch } }));
  const ui = buildFlowPanels(layout, {
    onFilters: (filters: FlowFilters) => update({ filters }),
    onShow: (show) => update({ show }),
    onLock: (lockScale) => update({ lockScale }),
    onTable: () => update({ table: !view().table }),
    onDisplay: (patch) => update(patch),
  });
  // Per response: the cluster levels, who is in each cluster, names by weight.
  let levels: ClusterLevels | null = null;
  let nameById = new Map<string, string>();
  let weights = new Map<string, number>();
  const prepare = (r: FlowsResponse): void => {
    const d = drawable(r);
    levels = buildClusterLevels(d.locations, d.flows);
    nameById = new Map(r.locations.map((l) => [l.id, l.name]));
    weights = locationWeights(r.flows);
  };
  const nameCluster = (ids: (string | number)[]): string => {
    const top = [...ids].map(String).sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0))[0] ?? '';
    return clusterName(nameById.get(top) ?? top, ids.length);
  };
  const pointer = wireFlowHover({
    map: ctx.map, pick: (x, y) => ctx.pickIn(FLOWS_LAYER_ID, x, y), layer: () => ctx.data.flowLayer, res: () => res,
    // A click on a place selects it (a cluster is no place of the answer: it has no details).
    onSelect: (id) => {
      if (!res?.locations.some((l) => l.id === id)) return;
      update({ selected: id });
      ui.details.focus();
    },
  });
  const drawLayer = (): void => {
    const v = view();
    ctx.data.flowLayer = res && v.show
      ? createFlowLayer(res, {
        lockScale: v.lockScale, selected: v.selected, onScale: (sc) => renderScaleKey(ui.scaleKey, sc),
        clusters: v.cluster ? levels : null, clusterName: nameCluster, fade: v.fade, top: v.top, animate: v.animate,
        onHover: pointer.onHover, onClick: pointer.onClick,
      })
      : undefined;
    ctx.redraw();
    describeDrawn();
  };
  /** "12 ends drawn, 2 of them groups": what the map shows at this zoom, for readers and tests. */
  const describeDrawn = (): void => {
    const v = view();
    const level = v.cluster && levels ? levelAt(levels, ctx.map.getZoom()) : null;
    const ends = level ? level.nodes.length : res ? drawable(res).locations.length : 0;
    const groups = level ? level.nodes.filter(isFlowCluster).length : 0;
    ui.drawn.dataset['people'] = res ? String(peopleDrawn(level ?? null, drawable(res).flows)) : '';
    ui.drawn.textContent = res && v.show ? `${plural(ends, 'end', 'ends')} drawn${groups ? `, ${plural(groups, 'group', 'groups')} of nearby places` : ''}` : '';
  };
  ctx.map.on('zoomend', describeDrawn);
  // flowmap.gl's moving dashes are drawn at each repaint: keep repainting while they are on.
  let animating = 0;
  const animate = (): void => {
    const on = view().animate && view().show;
    if (on && !animating) {
      const step = (): void => {
        ctx.map.triggerRepaint();
        animating = requestAnimationFrame(step);
      };
      animating = requestAnimationFrame(step);
    } else if (!on && animating) {
      cancelAnimationFrame(animating);
      animating = 0;
    }
  };

  const newPeriod = () => periodControl(ctx, ui.period, (from, to) => update({ filters: { ...view().filters, from, to } }));
  let period = newPeriod();
  const charts = breakdownCharts(ctx);
  let pointsListed = false;
  let districtsListed = false;
  const drawAll = (): void => {
    const v = view();
    if (!pointsListed && ctx.data.points) {
      // The points load in parallel; their names fill the filter once they are here.
      pointsListed = true;
      ui.filters.setChoices('point', ctx.data.points.map((p) => ({ id: String(p.properties.id), name: p.properties.name })));
    }
    if (!districtsListed && ctx.data.districtLabels) {
      // The district boundaries (places/controller.ts) bring the district names.
      districtsListed = true;
      ui.filters.setChoices('adm2', [...ctx.data.districtLabels].sort((a, b) => a.name.localeCompare(b.name)).map((d) => ({ id: d.pcode, name: d.name })));
    }
    const k = res?.disclosure?.k ?? 0;
    drawLayer();
    animate();
    if (!res) return;
    const t = res.totals;
    ui.totals.textContent = `${formatCount(t.people, k)} people in ${plural(t.flows, 'flow', 'flows')}`;
    ui.empty.hidden = res.flows.length > 0;
    ui.table.hidden = !v.table;
    ui.tableButton.textContent = v.table ? 'Hide table' : 'Show table';
    ui.tableButton.setAttribute('aria-expanded', String(v.table));
    if (v.table) {
      renderFlowTable(ui.table, res, (selected) => {
        update({ selected });
        ui.details.focus();
      });
    }
    const summary = v.selected ? summarize(res, v.selected) : null;
    if (summary) charts(renderDetails(ui.details, summary, k, () => update({ selected: null })), v.filters, summary.location.id);
    else ui.details.hidden = true;
  };

  /** Brings panels and data in line with the URL state; fetches only when filters changed. */
  function sync(): void {
    const v = view();
    listCorridors();
    ui.filters.set(v.filters);
    ui.show.checked = v.show;
    ui.lock.checked = v.lockScale;
    ui.cluster.checked = v.cluster;
    ui.animate.checked = v.animate;
    ui.fade.value = String(v.fade);
    ui.top.value = String(v.top);
    period(v.filters);
    const key = JSON.stringify(v.filters);
    if (key === requested) return drawAll();
    requested = key;
    abort?.abort();
    abort = new AbortController();
    ui.totals.textContent = 'Loading movements…';
    ctx.load('movements', flowsApi.flows(v.filters, abort.signal), (r) => {
      res = r;
      prepare(r);
      drawAll();
    });
  }

  // Corridors are data: listed from the server each time the view (re)starts, never from a constant.
  let corridorsListed = false;
  function listCorridors(): void {
    if (corridorsListed) return;
    corridorsListed = true;
    ctx.load('corridors', placesApi.corridors(), (cs) => ui.filters.setChoices('corridor', cs.map((c) => ({ id: c.code, name: c.name }))));
  }

  ctx.store.subscribe((next, prev) => {
    if (next.flows !== prev.flows) sync();
  });
  sync();
  return (fetch) => {
    abort?.abort();
    [res, requested, period] = [null, '', newPeriod()];
    corridorsListed = false;
    ui.period.replaceChildren();
    ui.scaleKey.replaceChildren();
    ui.empty.hidden = ui.table.hidden = ui.details.hidden = true;
    ui.totals.textContent = fetch ? '' : 'Sign in to see the movements.';
    if (fetch) sync();
    else drawAll();
  };
}
