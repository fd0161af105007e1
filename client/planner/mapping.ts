import { type Map as MapLibreMap, Popup } from 'maplibre-gl';
import type { OutreachSiteProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import { kindLabel } from '../format.js';
import { el } from '../panels/dom.js';
import type { Plan } from '../../common/outreach.js';
import type { PlannerView } from './view.js';
import type { Marker } from './layers.js';

/** Map-side planner helpers: framing a plan, and the lock/exclude popup for a clicked site. */

/** Frames the plan's reach circles in the part of the map the panels leave open. */
export function fitPlan(map: MapLibreMap, plans: Plan[], cover: { left: number; right: number; bottom: number }): void {
  const sites = plans.flatMap((p) => p.sites);
  if (sites.length === 0) return;
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const x of sites) {
    // Reach in degrees (longitude widened by latitude), so whole circles are in view.
    const dLat = x.reachM / 111_320;
    const dLon = dLat / Math.max(0.2, Math.cos((x.lat * Math.PI) / 180));
    [w, s, e, n] = [Math.min(w, x.lon - dLon), Math.min(s, x.lat - dLat), Math.max(e, x.lon + dLon), Math.max(n, x.lat + dLat)];
  }
  const box = map.getContainer().getBoundingClientRect();
  // Never pad away more than the map has: MapLibre then refuses to fit at all.
  const room = (a: number, b: number, size: number): [number, number] => (a + b > size - 160 ? [Math.min(a, 20), Math.min(b, 20)] : [a, b]);
  const [left, right] = room(cover.left, cover.right, box.width);
  const [top, bottom] = room(20, cover.bottom, box.height);
  map.fitBounds([[w, s], [e, n]], { padding: { left, right, top, bottom }, maxZoom: 13, duration: 0 });
}

export type SiteChoice = 'lock' | 'exclude' | 'free';

interface Pickable {
  siteId: number;
  name: string;
  kind: string;
  lon: number;
  lat: number;
  status: string;
}

/** The marker or candidate nearest a click, within a finger's width. */
function nearestSite(map: MapLibreMap, point: { x: number; y: number }, markers: Marker[], candidates: PointFeature<OutreachSiteProps>[], status: (id: number) => string): Pickable | null {
  let best: Pickable | null = null;
  let bestD = 16;
  const kindOf = new Map(candidates.map((f) => [Number(f.properties.id), f.properties.kind]));
  const consider = (siteId: number, name: string, lon: number, lat: number): void => {
    const p = map.project([lon, lat]);
    const d = Math.hypot(p.x - point.x, p.y - point.y);
    if (d < bestD) [bestD, best] = [d, { siteId, name, kind: kindOf.get(siteId) ?? '', lon, lat, status: status(siteId) }];
  };
  for (const f of candidates) consider(Number(f.properties.id), f.properties.name, f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0);
  // Markers last: a chosen site wins over the candidate dot under it.
  for (const m of markers) consider(m.siteId, m.name, m.lon, m.lat);
  return best;
}

export function sitePopup(map: MapLibreMap): { show(site: Pickable, choices: SiteChoice[], onChoice: (c: SiteChoice) => void): void; remove(): void } {
  const popup = new Popup({ closeButton: true, closeOnClick: false, maxWidth: '280px', offset: 14 });
  const labels: Record<SiteChoice, string> = { lock: 'Lock in plan', exclude: 'Exclude', free: 'Clear lock/exclusion' };
  return {
    show(site, choices, onChoice) {
      const buttons = choices.map((c) => {
        const b = el('button', { type: 'button', class: `button button--small${c === 'exclude' ? ' button--danger' : ''}` }, labels[c]);
        b.addEventListener('click', () => {
          popup.remove();
          onChoice(c);
        });
        return b;
      });
      const node = el(
        'div',
        { class: 'popup planner-popup' },
        el('h3', { class: 'popup-title' }, site.name),
        el('p', { class: 'popup-kind' }, `${site.kind ? kindLabel(site.kind) + ' · ' : ''}${site.status}`),
        buttons.length ? el('div', { class: 'admin-actions' }, ...buttons) : null,
        buttons.length ? el('p', { class: 'planner-hint' }, 'Run the plan again to apply.') : null,
      );
      popup.setLngLat([site.lon, site.lat]).setDOMContent(node).addTo(map);
    },
    remove: () => void popup.remove(),
  };
}

type SitePopup = ReturnType<typeof sitePopup>;

/** A click near a site opens its popup: what it is in the plan and, for planners, lock / exclude / free. */
export function wireSiteClicks(
  map: MapLibreMap,
  popup: SitePopup,
  deps: {
    active(): boolean;
    writer(): boolean;
    markers(): Marker[];
    candidates(): PointFeature<OutreachSiteProps>[];
    plan(): Plan | null;
    view(): PlannerView;
    choose(siteId: number, c: SiteChoice): void;
  },
): void {
  map.on('click', (e) => {
    if (!deps.active()) return;
    const v = deps.view();
    const plan = deps.plan();
    const site = nearestSite(map, e.point, deps.markers(), deps.writer() ? deps.candidates() : [], (id) => {
      const s = plan?.sites.find((x) => x.siteId === id);
      if (v.locked.includes(id)) return s ? `Locked, chosen #${s.rank}` : 'Locked (run again to apply)';
      if (v.excluded.includes(id)) return 'Excluded';
      return s ? `Chosen #${s.rank}` : 'Candidate site';
    });
    if (!site) return popup.remove();
    const state = v.locked.includes(site.siteId) ? 'locked' : v.excluded.includes(site.siteId) ? 'excluded' : 'none';
    const choices: SiteChoice[] = !deps.writer() ? [] : state === 'none' ? ['lock', 'exclude'] : ['free', state === 'locked' ? 'exclude' : 'lock'];
    popup.show(site, choices, (c) => deps.choose(site.siteId, c));
  });
}
