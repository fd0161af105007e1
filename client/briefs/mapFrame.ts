import { FLOW_COLOR } from '../layers/flows.js';
import { POINT_COLORS, SITE_COLOR } from '../layers/colors.js';
import { el } from '../panels/dom.js';
import type { MapPicture } from './types.js';

/** Scale bar, north arrow and legend around the captured map: HTML/SVG, so vector in the PDF. */
const SVG = 'http://www.w3.org/2000/svg';
const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

function svg(tag: string, attrs: Record<string, string>): SVGElement {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  return n;
}

/** A round length (1, 2 or 5 × 10ⁿ metres) at most maxMetres. */
export function niceLength(maxMetres: number): number {
  const p = 10 ** Math.floor(Math.log10(maxMetres));
  return [5, 2, 1].map((m) => m * p).find((x) => x <= maxMetres) ?? p;
}

/** Metres per CSS pixel at a latitude and zoom (Web Mercator, 512-px tiles as MapLibre draws them). */
function metresPerPixel(lat: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

function scaleBar(p: MapPicture): HTMLElement {
  const mpp = metresPerPixel(p.lat, p.zoom);
  const metres = niceLength(mpp * p.widthPx * 0.22);
  const px = metres / mpp;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  const bar = el('div', { class: 'b-scale-bar' });
  bar.style.width = `${px.toFixed(1)}px`;
  return el('div', { class: 'b-scale', 'aria-label': `Scale: the bar is ${label}` }, bar, el('span', {}, `0 — ${label}`));
}

function northArrow(): HTMLElement {
  const s = svg('svg', { viewBox: '0 0 20 30', width: '20', height: '30', role: 'img', 'aria-label': 'North' });
  s.append(svg('path', { d: 'M10 1 L17 22 L10 17 L3 22 Z', fill: '#1d2733' }), svg('path', { d: 'M10 1 L10 17 L3 22 Z', fill: '#ffffff', stroke: '#1d2733', 'stroke-width': '0.8' }));
  const t = svg('text', { x: '10', y: '30', 'text-anchor': 'middle', 'font-size': '8', 'font-weight': '700', fill: '#1d2733' });
  t.textContent = 'N';
  s.append(t);
  return el('div', { class: 'b-north' }, s);
}

function legend(hasFlows: boolean, hasPlan: boolean): HTMLElement {
  const swatch = (cls: string, color: string) => {
    const n = el('span', { class: `b-swatch ${cls}` });
    n.style.background = color;
    return n;
  };
  return el(
    'div', { class: 'b-legend' },
    hasFlows ? el('div', {}, swatch('line', rgb(FLOW_COLOR)), 'Flow of people (width ∝ people)') : null,
    hasFlows ? el('div', {}, swatch('dot', rgb(FLOW_COLOR)), 'Place (size ∝ people in and out)') : null,
    el('div', {}, swatch('dot ring', rgb(POINT_COLORS.official)), 'Official border post'),
    el('div', {}, swatch('dot ring', rgb(POINT_COLORS.informal)), 'Informal crossing'),
    el('div', {}, swatch('dot ring', rgb(POINT_COLORS.hub)), 'Transport hub'),
    hasPlan ? el('div', {}, swatch('dot ring', rgb(SITE_COLOR)), 'Recommended outreach site (saved plan)') : null,
  );
}

export function placePicture(figure: HTMLElement, box: HTMLElement, p: MapPicture, opts: { flows: boolean; plan: boolean }): void {
  const img = el('img', { class: 'b-map-img', src: p.url, alt: 'Map of the flows in this brief' });
  box.replaceChildren(img, northArrow(), scaleBar(p), legend(opts.flows, opts.plan));
  figure.dataset.drawn = 'true';
}
