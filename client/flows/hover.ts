import type { LocationTotals } from '@flowmap.gl/data';
import type { FlowmapLayerPickingInfo } from '@flowmap.gl/layers';
import type { Flow, FlowsResponse } from '../../common/flows.js';
import type { Located } from '../layers/flowsFlowmap.js';
import { el } from '../panels/dom.js';
import { type ClusterLevels, isFlowCluster, lineSummary } from './clusters.js';
import { formatCount, plural } from './format.js';

/**
 * The hover card for the flow map: a line (from, to, people, share of all people) or an end
 * (people in, out and within). Every number comes from the published counts in the
 * response; a line or end whose members are all suppressed reads "<k", and a partly
 * suppressed one says how many flows are left out rather than adding anything for them.
 */
export type Members = (id: string) => string[];

/** Leaf ids behind a drawn node: a cluster's children, or the location itself. */
export function membersOf(levels: ClusterLevels | null): Members {
  const byId = new Map<string, string[]>();
  for (const level of levels ?? []) for (const n of level.nodes) if (isFlowCluster(n)) byId.set(String(n.id), n.children);
  return (id) => byId.get(id) ?? [id];
}

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

function share(count: number | null, res: FlowsResponse): string | null {
  const all = res.totals.people;
  return count !== null && all ? `${percent.format(count / all)} of all people shown` : null;
}

function leftOut(n: number, k: number): string | null {
  return n > 0 ? `${plural(n, 'flow', 'flows')} under ${k} not included` : null;
}

export function flowCard(res: FlowsResponse, members: Members, origin: { id: string; name: string }, dest: { id: string; name: string }): string[] {
  const k = res.disclosure?.k ?? 0;
  const line = lineSummary(res.flows, members(origin.id), members(dest.id));
  return [`${origin.name} → ${dest.name}`, `${formatCount(line.count, k)} people`, share(line.count, res), leftOut(line.suppressed, k)].filter((s): s is string => s !== null);
}

/** An end's card: flowmap.gl's own totals (published flows only, summed over a cluster's members). */
export function locationCard(res: FlowsResponse, members: Members, id: string, name: string, totals: LocationTotals): string[] {
  const k = res.disclosure?.k ?? 0;
  const inside = new Set(members(id));
  const hidden = res.flows.filter((f: Flow) => f.count === null && (inside.has(f.origin) || inside.has(f.dest))).length;
  const [incoming, outgoing, within] = [totals.incomingCount, totals.outgoingCount, totals.internalCount];
  const shown = (n: number): string => formatCount(n, k);
  const parts = [`In ${shown(incoming)} · out ${shown(outgoing)}`, within > 0 ? `Within ${shown(within)}` : null];
  const size = inside.size > 1 ? `${plural(inside.size, 'place', 'places')} grouped` : null;
  return [name, ...parts, size, leftOut(hidden, k)].filter((s): s is string => s !== null);
}

/** Shows the card for a FlowmapLayer hover, or hides it. */
export function renderTooltip(root: HTMLElement, canvas: HTMLElement, res: FlowsResponse | null, members: Members, info: FlowmapLayerPickingInfo<Located, Flow> | undefined): string | null {
  const o = info?.object;
  if (!res || !info || !o) {
    root.hidden = true;
    return null;
  }
  const nameOf = (n: { id?: string | number; name?: string }, fallback: string | number): { id: string; name: string } =>
    ({ id: String(n.id ?? fallback), name: n.name ?? String(n.id ?? fallback) });
  const lines = o.type === 'flow'
    ? flowCard(res, members, nameOf(o.origin as { id: string; name?: string }, o.flow.origin), nameOf(o.dest as { id: string; name?: string }, o.flow.dest))
    : locationCard(res, members, String(o.id), o.name, o.totals);
  // Which places the card sums (ids only), so a test can add them up from the API.
  root.dataset['members'] = o.type === 'location' ? members(String(o.id)).join(',') : '';
  const [head, ...rest] = lines;
  root.replaceChildren(el('strong', {}, head ?? ''), ...rest.map((t) => el('div', {}, t)));
  const box = canvas.getBoundingClientRect();
  root.style.left = `${Math.round(box.left + info.x + 14)}px`;
  root.style.top = `${Math.round(box.top + info.y + 14)}px`;
  root.hidden = false;
  return o.type === 'location' ? String(o.id) : null;
}
