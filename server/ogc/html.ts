import type { Collection, OgcFeature } from './collection.js';
import { boundsOf } from './collection.js';
import type { collectionDoc, itemsDoc, Link } from './documents.js';

/**
 * The HTML view of each OGC resource: a plain server-rendered page (no script, one stylesheet
 * from /ogc/style.css, so it runs under the app's CSP), with a small SVG sketch of the features.
 * Every value is escaped.
 */
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (c) => ESC[c] ?? c);

const a = (href: string, text: string) => `<a href="${esc(href)}">${esc(text)}</a>`;
const linkTo = (links: readonly Link[], rel: string, type?: string) => links.find((l) => l.rel === rel && (!type || l.type === type));

export function page(title: string, trail: [string, string][], body: string, json?: string): string {
  const crumbs = trail.map(([href, text]) => a(href, text)).join(' › ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – Corridor OGC API</title><link rel="stylesheet" href="/ogc/style.css"></head>
<body><header><nav>${crumbs}</nav>${json ? `<a class="json" href="${esc(json)}">JSON</a>` : ''}</header>
<main><h1>${esc(title)}</h1>${body}</main>
<footer>Corridor – OGC API Features. Counts from 1 to k−1 are suppressed below the data-manager role.</footer></body></html>`;
}

export function linkList(links: readonly Link[]): string {
  return `<ul>${links.filter((l) => l.rel !== 'self' && l.rel !== 'alternate').map((l) => `<li>${a(l.href, l.title ?? l.href)} <small>${esc(l.rel)}</small></li>`).join('')}</ul>`;
}

export function collectionsTable(docs: Awaited<ReturnType<typeof collectionDoc>>[]): string {
  const rows = docs.map((d) => {
    const items = linkTo(d.links, 'items', 'text/html');
    return `<tr><td>${a(linkTo(d.links, 'alternate')?.href ?? '', d.title)}</td><td><code>${esc(d.id)}</code></td><td>${esc(d.description)}</td><td>${items ? a(items.href, 'Features') : ''}</td></tr>`;
  });
  return `<table><thead><tr><th>Collection</th><th>id</th><th>Description</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function collectionBody(c: Collection, d: Awaited<ReturnType<typeof collectionDoc>>): string {
  const bbox = d.extent.spatial?.bbox[0];
  const interval = d.extent.temporal?.interval[0];
  const filters = Object.keys(c.filters);
  const items = linkTo(d.links, 'items', 'text/html');
  return `<p>${esc(c.description)}</p><dl>
<dt>Geometry</dt><dd>${esc(c.geometry)}</dd>
<dt>Extent</dt><dd>${bbox ? esc(bbox.map((x) => x.toFixed(4)).join(', ')) : 'no features'}</dd>
${interval ? `<dt>Period of the data</dt><dd>${esc(interval[0] ?? '..')} to ${esc(interval[1] ?? '..')}</dd>` : ''}
<dt>Parameters</dt><dd>limit, offset, bbox${c.temporal ? ', datetime' : ''}${filters.length ? `, ${esc(filters.join(', '))}` : ''}</dd>
</dl><p>${items ? a(items.href, 'Browse the features') : ''}</p>${linkList(d.links)}`;
}

const cell = (v: unknown) => (v === null || v === undefined ? '<td class="null">–</td>' : `<td>${esc(typeof v === 'object' ? JSON.stringify(v) : v)}</td>`);

export function itemsBody(c: Collection, doc: ReturnType<typeof itemsDoc>): string {
  const names = Object.keys(c.properties);
  const rows = doc.features.map((f) => {
    const self = doc.links.find((l) => l.rel === 'self')?.href ?? '';
    const href = new URL(self);
    href.pathname += `/${encodeURIComponent(String(f.id))}`;
    href.search = '';
    return `<tr><td>${a(`${href.toString()}?f=html`, String(f.id))}</td>${names.map((n) => cell(f.properties[n])).join('')}</tr>`;
  });
  const nav = ['prev', 'next'].map((rel) => linkTo(doc.links, rel)).filter((l) => l !== undefined);
  const navHtml = nav.map((l) => a(l.href, rel(l.rel))).join(' · ');
  return `<p>${doc.numberReturned} of ${doc.numberMatched} features. ${navHtml}</p>${sketch(doc.features)}
<div class="scroll"><table><thead><tr><th>id</th>${names.map((n) => `<th>${esc(n)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
const rel = (r: string) => (r === 'next' ? 'Next page ›' : '‹ Previous page');

export function itemBody(c: Collection, f: OgcFeature): string {
  const rows = Object.keys(c.properties).map((n) => `<tr><th>${esc(n)}</th>${cell(f.properties[n])}</tr>`);
  return `${sketch([f])}<table class="props"><tbody><tr><th>id</th><td>${esc(f.id)}</td></tr>${rows.join('')}</tbody></table>`;
}

/** An SVG sketch of the features (plate carrée, north up): points, lines and polygon rings. */
export function sketch(features: readonly OgcFeature[]): string {
  const boxes = features.map((f) => boundsOf(f.geometry)).filter((b) => b !== null);
  if (boxes.length === 0) return '';
  const w = Math.min(...boxes.map((b) => b[0]));
  const s = Math.min(...boxes.map((b) => b[1]));
  const e = Math.max(...boxes.map((b) => b[2]));
  const n = Math.max(...boxes.map((b) => b[3]));
  const dx = Math.max(e - w, 1e-4);
  const dy = Math.max(n - s, 1e-4);
  const k = Math.min(620 / dx, 340 / dy);
  const W = Math.round(dx * k + 20);
  const H = Math.round(dy * k + 20);
  const xy = ([x, y]: number[]) => `${(10 + ((x ?? 0) - w) * k).toFixed(1)},${(10 + (n - (y ?? 0)) * k).toFixed(1)}`;
  const shapes = features.flatMap((f) => {
    const g = f.geometry;
    if (!g) return [];
    if (g.type === 'Point') {
      const [cx, cy] = xy(g.coordinates).split(',');
      return [`<circle cx="${cx}" cy="${cy}" r="3"/>`];
    }
    if (g.type === 'LineString') return [`<polyline points="${g.coordinates.map(xy).join(' ')}"/>`];
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    return polys.map((p) => `<path d="${p.map((ring) => `M${ring.map(xy).join('L')}Z`).join('')}"/>`);
  });
  return `<svg class="sketch" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="sketch of the features">${shapes.join('')}</svg>`;
}
