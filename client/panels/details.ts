import type { FlowLocation, FlowsResponse } from '../../common/flows.js';
import { formatCount, sortValue } from '../flows/format.js';
import { el } from './dom.js';

/**
 * Details of one location, opened by clicking it on the map: totals in, out and within,
 * and its largest flows. Numbers come from the disclosure-controlled API response, so a
 * hidden count reads "<k" here too.
 */
interface LocationSummary {
  location: FlowLocation;
  incoming: number | null;
  outgoing: number | null;
  internal: number | null;
  top: { from: string; to: string; count: number | null }[];
}

export function summarize(res: Pick<FlowsResponse, 'locations' | 'flows' | 'disclosure'>, id: string, topN = 5): LocationSummary | null {
  const location = res.locations.find((l) => l.id === id);
  if (!location) return null;
  const name = new Map(res.locations.map((l) => [l.id, l.name]));
  const k = res.disclosure?.k ?? 0;
  const touching = res.flows.filter((f) => f.origin === id || f.dest === id);
  const self = touching.find((f) => f.origin === id && f.dest === id);
  const top = touching
    .filter((f) => f !== self)
    .sort((a, b) => sortValue(b.count, k) - sortValue(a.count, k))
    .slice(0, topN)
    .map((f) => ({ from: name.get(f.origin) ?? f.origin, to: name.get(f.dest) ?? f.dest, count: f.count }));
  return {
    location,
    incoming: location.incoming ?? null,
    outgoing: location.outgoing ?? null,
    internal: self ? self.count : 0,
    top,
  };
}

export function renderDetails(root: HTMLElement, s: LocationSummary, k: number, onClose: () => void): HTMLElement {
  const close = el('button', { type: 'button', class: 'panel-collapse', 'aria-label': `Close details of ${s.location.name}` }, 'Close');
  close.addEventListener('click', onClose);
  const row = (label: string, n: number | null) => [el('dt', {}, label), el('dd', {}, formatCount(n, k))];
  const charts = el('div', { class: 'details-charts', 'aria-label': 'Breakdowns' });
  root.replaceChildren(
    el('div', { class: 'panel-head' }, el('h2', { class: 'panel-title', id: 'details-title' }, s.location.name), close),
    el('p', { class: 'details-kind' }, s.location.kind),
    el('dl', { class: 'details-totals' }, ...row('Incoming', s.incoming), ...row('Outgoing', s.outgoing), ...row('Internal', s.internal)),
    el('h3', { class: 'details-sub' }, 'Largest flows'),
    s.top.length === 0
      ? el('p', { class: 'details-none' }, 'No flows to or from here with these filters.')
      : el('ol', { class: 'details-top' }, ...s.top.map((t) => el('li', {}, `${t.from} → ${t.to}: ${formatCount(t.count, k)}`))),
    charts,
  );
  root.hidden = false;
  return charts;
}
