import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FlowsResponse } from '../../common/flows.js';
import { FLOWS_LAYER_ID } from '../layers/flows.js';
import { el } from '../panels/dom.js';
import { lineSummary } from './clusters.js';
import { formatCount } from './format.js';

/**
 * Hover on the flow map: the line or circle under the pointer is outlined by FlowmapLayer itself
 * (its own hover handler, called here because the interleaved overlay gets no pointer events;
 * a place's flows in and out by layers/flowmapPlaces.ts),
 * and a tooltip says what it stands for: a flow's people and share, a place's people in and out.
 * Picking is deck.gl's (layers/flowmapPicking.ts makes flowmap.gl's layers answer it).
 */
interface Place {
  id: string | number;
  name?: string;
  children?: string[];
}
type FlowObject = { type: 'flow'; origin: Place; dest: Place; count: number };
type PlaceObject = { type: 'location'; id: string; name: string; totals: { incomingCount: number; outgoingCount: number; internalCount: number } };
type Picked = FlowObject | PlaceObject;
type Handler = (info: Partial<PickingInfo>, event: unknown) => void;
export type FlowHoverInfo = { object?: Picked; x?: number; y?: number } | undefined;

export interface HoverDeps {
  map: MapLibreMap;
  /** The flow layer's object under a screen point, below any other layer (a monitoring point over a flow end). */
  pick(x: number, y: number): PickingInfo | null;
  /** The FlowmapLayer drawn now, if any. */
  layer(): Layer | undefined;
  res(): FlowsResponse | null;
  /** A place was clicked. */
  onSelect(id: string): void;
}

const members = (p: Place): string[] => p.children ?? [String(p.id)];
const nameOf = (p: Place): string => p.name ?? String(p.id);

/** The tooltip's lines for what was picked; counts of suppressed flows are never summed or shown. */
export function describe(o: Picked, res: FlowsResponse): string[] {
  const k = res.disclosure?.k ?? 0;
  const fmt = (n: number) => formatCount(n, k);
  if (o.type === 'location') {
    const t = o.totals;
    return [o.name, `${fmt(t.incomingCount + t.internalCount)} in · ${fmt(t.outgoingCount + t.internalCount)} out`];
  }
  const line = lineSummary(res.flows, members(o.origin), members(o.dest));
  const people = line.count;
  const total = res.totals.people;
  // A share of a suppressed total would let the total be worked out: none then.
  const share = people !== null && total !== null && total > 0 ? ` · ${((100 * people) / total).toFixed(1)} % of all shown` : '';
  const lines = [`${nameOf(o.origin)} → ${nameOf(o.dest)}`, `${formatCount(people, k)} people${share}`];
  if (line.suppressed > 0) lines.push(`and ${line.suppressed} flow${line.suppressed === 1 ? '' : 's'} of fewer than ${k} not counted`);
  return lines;
}

/**
 * Wires the pointer to the flow layer. Returns the handlers createFlowLayer passes to the
 * FlowmapLayer: it calls them with the picked flow or place (or nothing).
 */
export function wireFlowHover(d: HoverDeps): { onHover(info: FlowHoverInfo): void; onClick(info: FlowHoverInfo): void } {
  const tip = el('div', { class: 'flow-tip', role: 'tooltip', id: 'flow-tip', hidden: true });
  d.map.getContainer().append(tip);
  let frame = 0;
  // FlowmapLayer's own handlers (installed by its constructor) set the outline from the sublayer
  // and index, then call ours below with the flow or place.
  const forward = (kind: 'onHover' | 'onClick', x: number, y: number, away = false) => {
    const layer = d.layer();
    // A layer deck.gl has not drawn yet (just made for new data) has no state to set a highlight in.
    if (!layer || !(layer as unknown as { state?: object | null }).state) return;
    const info = away ? null : d.pick(x, y);
    const hit = info?.layer?.id === FLOWS_LAYER_ID ? info : { index: -1, picked: false, x, y };
    (layer.props as Partial<Record<typeof kind, Handler>>)[kind]?.({ ...hit, layer }, {});
  };
  d.map.on('mousemove', (e) => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      forward('onHover', e.point.x, e.point.y);
    });
  });
  d.map.on('click', (e) => forward('onClick', e.point.x, e.point.y));
  // Off the map: no outline and no tooltip left behind.
  d.map.getCanvas().addEventListener('mouseleave', () => forward('onHover', 0, 0, true));
  const onClick = (info: FlowHoverInfo) => {
    if (info?.object?.type === 'location') d.onSelect(info.object.id);
  };
  const onHover = (info: FlowHoverInfo) => {
    const res = d.res();
    const o = info?.object;
    if (!o || !res) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren(...describe(o, res).map((t, i) => el(i === 0 ? 'strong' : 'span', {}, t)));
    tip.style.left = `${(info.x ?? 0) + 14}px`;
    tip.style.top = `${(info.y ?? 0) + 14}px`;
    tip.hidden = false;
  };
  return { onHover, onClick };
}
