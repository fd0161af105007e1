import type { MonitoringPointProps, OutreachSiteProps, ServiceProps } from '../../common/catalog.js';
import { countryName, formatCount, formatText, humanize, kindLabel } from '../format.js';
import { el } from './dom.js';

/** Popup bodies for a clicked feature, built from text nodes only (API data is untrusted). */
type Row = [label: string, value: string];

function card(title: string, kind: string, rows: Row[], synthetic: boolean): HTMLElement {
  return el(
    'div',
    { class: 'popup' },
    el('h3', { class: 'popup-title' }, title),
    el('p', { class: 'popup-kind' }, kind),
    el('dl', { class: 'popup-rows' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    synthetic ? el('p', { class: 'popup-synthetic' }, 'Synthetic demo record') : null,
  );
}

export function monitoringPointCard(p: MonitoringPointProps): HTMLElement {
  return card(
    p.name,
    kindLabel(p.kind),
    [
      ['Corridor', humanize(p.corridor)],
      ['District', formatText(p.district)],
      ['Country', countryName(p.country)],
      ['Facing', countryName(p.facingCountry)],
      ['Hours', formatText(p.hours)],
    ],
    p.isSynthetic,
  );
}

export function serviceCard(p: ServiceProps): HTMLElement {
  return card(
    p.name,
    kindLabel(p.kind),
    [
      ['Country', countryName(p.country)],
      ['Hours', formatText(p.hours)],
      ['Contact', formatText(p.contact)],
      ['Capacity', formatCount(p.capacity)],
    ],
    p.isSynthetic,
  );
}

export function outreachSiteCard(p: OutreachSiteProps): HTMLElement {
  return card(
    p.name,
    `Outreach site · ${kindLabel(p.kind)}`,
    [
      ['Corridor', humanize(p.corridor)],
      ['Est. footfall', formatCount(p.footfall)],
      ['Cost', formatCount(p.cost)],
    ],
    p.isSynthetic,
  );
}
