import { humanize } from '../flows/format.js';
import { el } from '../panels/dom.js';
import { awarenessSection } from './awareness.js';
import { breakdownChart, seriesChart } from './charts.js';
import * as fmt from './format.js';
import { DEMO_MARKER, DISCLAIMER, protectionNote } from './legal.js';
import type { BriefData } from '../../common/briefs.js';

/**
 * The brief's page as DOM, laid out by print.css at paper size. The map box is left empty
 * here (print.ts draws it once the rest is laid out, so it gets the space that is left).
 */
interface Sheet {
  root: HTMLElement;
  mapBox: HTMLElement | null;
  mapFigure: HTMLElement | null;
}

const sec = (cls: string, title: string, ...body: (Node | string | null)[]) => el('section', { class: `b-sec ${cls}` }, el('h2', {}, title), ...body);

function tile(label: string, value: string, note?: string): HTMLElement {
  return el('div', { class: 'b-tile' }, el('div', { class: 'b-tile-value' }, value), el('div', { class: 'b-tile-label' }, label), note ? el('div', { class: 'b-tile-note' }, note) : null);
}

function filterText(d: BriefData): string {
  // Monitoring points by name, not by id: the reader of a printed brief has no id list.
  const pointName = new Map(d.crossings.map((c) => [String(c.id), c.name]));
  const label = (k: string, x: unknown) => (k === 'point' ? (pointName.get(String(x)) ?? `point ${String(x)}`) : humanize(String(x)));
  const parts = Object.entries(d.filter)
    .filter(([k, v]) => k !== 'from' && k !== 'to' && v !== undefined)
    .map(([k, v]) => `${k === 'point' ? 'Monitoring points' : humanize(k)}: ${(Array.isArray(v) ? v : [v]).map((x) => label(k, x)).join(', ')}`);
  return parts.length ? parts.join(' · ') : 'all movements';
}

function tiles(d: BriefData): HTMLElement {
  const f = d.figures;
  const k = d.disclosure.k;
  return el(
    'div', { class: 'b-tiles', 'aria-label': 'Key figures' },
    tile('Total movements', fmt.count(f.total, k), ['people', 'total'].includes(d.measure) ? 'people crossing' : humanize(d.measure)),
    tile('Daily average', fmt.average(f.dailyAverage), 'people per day'),
    tile('Change vs previous period', fmt.change(f.change), `${fmt.count(f.previous, k)} in ${fmt.span(d.previousPeriod)}`),
    tile('Inbound / outbound', `${fmt.share(f.inboundShare)} / ${fmt.share(f.outboundShare)}`, `${fmt.count(f.inbound, k)} in · ${fmt.count(f.outbound, k)} out`),
    tile('Female', fmt.share(f.femaleShare)),
    tile('Children', fmt.share(f.childrenShare)),
    tile('Unaccompanied children', fmt.count(f.unaccompanied, k)),
  );
}

function corridorsTable(d: BriefData): HTMLElement {
  const k = d.disclosure.k;
  const rows = d.corridors.map((c, i) =>
    el('tr', {}, el('td', {}, String(i + 1)), el('td', {}, `${c.origin} → ${c.crossing} → ${c.dest}`), el('td', { class: 'num' }, fmt.count(c.count, k))),
  );
  return el('table', { class: 'b-table' }, el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'Origin → crossing → destination'), el('th', { class: 'num' }, 'People'))), el('tbody', {}, ...rows));
}

function districtsTable(d: BriefData, rows: NonNullable<BriefData['districts']>): HTMLElement {
  const k = d.disclosure.k;
  const num = (n: number | null, kk = k) => el('td', { class: 'num' }, fmt.count(n, kk));
  const net = (n: number | null) => el('td', { class: 'num' }, n === null ? `<${k}` : `${n > 0 ? '+' : ''}${n.toLocaleString('en')}`);
  return el('table', { class: 'b-table' },
    el('thead', {}, el('tr', {}, el('th', {}, 'District'), el('th', {}, 'Province'), el('th', { class: 'num' }, 'People'), el('th', { class: 'num' }, 'In'), el('th', { class: 'num' }, 'Out'), el('th', { class: 'num' }, 'Net'), el('th', { class: 'num' }, 'Reports'))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, el('td', {}, r.name), el('td', {}, r.province ?? '—'), num(r.people), num(r.inbound), num(r.outbound), net(r.net), num(r.reports, d.disclosure.sensitiveK)))));
}

/** The places the brief names: crossings with the most people, then the busiest flow ends. */
function namedLocations(d: BriefData, max = 10): string[] {
  const ends = [...d.flows.locations]
    .filter((l) => l.lat !== null)
    .sort((a, b) => (b.incoming ?? 0) + (b.outgoing ?? 0) - ((a.incoming ?? 0) + (a.outgoing ?? 0)))
    .map((l) => l.name);
  return [...new Set([...d.crossings.filter((c) => c.total !== 0).map((c) => c.name), ...ends])].slice(0, max);
}

function footer(d: BriefData): HTMLElement {
  const sources = d.sources.map((s) =>
    el('li', {}, `${s.name}${s.synthetic ? ' (synthetic demo)' : ''} — ${s.provider ?? 'provider not recorded'}; ${humanize(s.kind)}${s.periodStart ? `, ${fmt.day(s.periodStart)} – ${s.periodEnd ? fmt.day(s.periodEnd) : '…'}` : ''}; imported ${fmt.day(s.importedAt)}`),
  );
  return el(
    'footer', { class: 'b-foot' },
    el('div', { class: 'b-sources' }, el('strong', {}, 'Sources: '), sources.length ? el('ul', {}, ...sources) : 'no dataset covers this period.'),
    el('p', { class: 'b-protect' }, protectionNote(d.disclosure.k, d.disclosure.sensitiveK)),
    el('p', { class: 'b-disclaimer' }, `${DISCLAIMER} Admin boundaries: ${d.boundaries}.`),
    el('p', { class: 'b-meta' }, `Generated ${d.generatedAt.slice(0, 16).replace('T', ' ')} UTC by Corridor · View: `, el('span', { class: 'b-link' }, d.permalink)),
  );
}

/** Alerts by rule (rows) and status (columns): counts of alerts, no places or people. */
function alertsTable(rows: NonNullable<BriefData['alerts']>): HTMLElement {
  if (rows.length === 0) return el('p', {}, 'No alert in this period.');
  const statuses = ['new', 'acknowledged', 'referred', 'closed'];
  const rules = [...new Set(rows.map((r) => r.rule))];
  const n = (rule: string, status: string) => String(rows.find((r) => r.rule === rule && r.status === status)?.n ?? 0);
  return el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Rule'), ...statuses.map((s) => el('th', {}, s)))),
    el('tbody', {}, ...rules.map((rule) => el('tr', {}, el('td', {}, rule), ...statuses.map((s) => el('td', {}, n(rule, s)))))));
}

export function buildSheet(d: BriefData): Sheet {
  const on = new Set(d.sections);
  const root = el('article', { id: 'sheet', class: `sheet ${d.paper.toLowerCase()}-${d.orientation}` });
  const head = el(
    'header', { class: 'b-head' },
    d.demo ? el('p', { class: 'b-demo', role: 'note' }, DEMO_MARKER) : null,
    el('h1', {}, d.title),
    d.subtitle ? el('p', { class: 'b-subtitle' }, d.subtitle) : null,
    el('p', { class: 'b-period' }, el('strong', {}, 'Period: '), `${fmt.span(d.period)} (${d.period.days} days)`, el('span', { class: 'b-filter' }, ` · Showing ${filterText(d)}`)),
  );
  let mapBox: HTMLElement | null = null;
  let mapFigure: HTMLElement | null = null;
  if (on.has('map')) {
    mapBox = el('div', { class: 'b-map-box' });
    mapFigure = el('figure', { class: 'b-map' }, mapBox);
  }
  const main = el('div', { class: 'b-main' }, mapFigure, el('p', { class: 'b-places' }, el('strong', {}, 'Locations: '), namedLocations(d).join(' · ') || 'none in this view'));
  const side = el('div', { class: 'b-side' });
  if (on.has('figures')) side.append(tiles(d));
  const charts = el('div', { class: 'b-charts' });
  side.append(charts);
  if (on.has('corridors') && d.corridors.length) side.append(sec('b-corridors', 'Top corridors', corridorsTable(d)));
  if (d.districts) {
    side.append(sec('b-districts', 'By district', d.districts.length ? districtsTable(d, d.districts) : el('p', {}, 'No district has movements or reports in this view.')));
  }
  if (d.hotspots) {
    const k = d.disclosure.k;
    const items = d.hotspots.map((h) => el('li', {}, `${h.label ?? h.h3} — ${fmt.count(h.people, k)} people, z = ${h.z.toFixed(2)}${h.confidence ? ` (${h.confidence} confidence)` : ''}`));
    side.append(sec('b-hotspots', 'Top hot spots (Getis-Ord Gi*)', items.length ? el('ol', {}, ...items) : el('p', {}, 'No significant hot spot in this view.')));
  }
  if (d.gaps) {
    const items = d.gaps.map((g) => el('li', {}, g.text)); // the service's text names the place already
    side.append(sec('b-gaps', 'Top access gaps', items.length ? el('ol', {}, ...items) : el('p', {}, 'No access gap in this view.')));
  }
  if (d.awareness) side.append(awarenessSection(d.awareness, d.disclosure.sensitiveK));
  if (d.alerts) side.append(sec('b-alerts', 'Alerts in the period', alertsTable(d.alerts)));
  if (d.plan) {
    side.append(sec('b-plan', `Recommended outreach sites — ${d.plan.name}`, el('ol', {}, ...d.plan.sites.slice(0, 8).map((s) => el('li', {}, `${s.name} (${humanize(s.activity)})`)))));
  }
  if (on.has('notes') && d.notes) side.append(sec('b-notes', 'Notes', ...d.notes.split(/\n+/).map((p) => el('p', {}, p))));
  root.append(head, el('div', { class: 'b-body' }, main, side), footer(d));
  return { root, mapBox, mapFigure };
}

/** Charts need their width, known only once the sheet is in the document. */
export function drawCharts(sheet: Sheet, d: BriefData): void {
  const box = sheet.root.querySelector<HTMLElement>('.b-charts');
  if (!box) return;
  const on = new Set(d.sections);
  const width = Math.max(200, box.clientWidth);
  // Side by side only where each chart keeps a readable width; a narrow column stacks them.
  const stack = width <= 500;
  box.classList.toggle('stack', stack);
  if (on.has('timeseries')) box.append(sec('b-series', `People per ${d.series.bucket}`, seriesChart(d, on.has('breakdown') && !stack ? width / 2 - 8 : width, stack ? 80 : 120)));
  const b = on.has('breakdown') ? breakdownChart(d, on.has('timeseries') && !stack ? width / 2 - 8 : width, stack ? 4 : 6) : null;
  if (b) box.append(sec('b-breakdown', 'Top nationalities', b));
}

/**
 * A brief is one page: when the content does not fit (long notes, a plan, analyses, a narrow
 * landscape column) or leaves the map less than 30 % of the page, drop what can be spared —
 * the breakdown chart, list items beyond the top three, then the time series — never the
 * figures, notes or the page elements every brief carries.
 */
export function fitSheet(sheet: Sheet): void {
  const side = sheet.root.querySelector<HTMLElement>('.b-side');
  const body = sheet.root.querySelector<HTMLElement>('.b-body');
  if (!side || !body) return;
  const minMap = sheet.root.clientHeight * 0.3;
  const over = () =>
    side.scrollHeight > side.clientHeight + 1 || body.scrollHeight > body.clientHeight + 1 || (sheet.mapFigure !== null && sheet.mapFigure.clientHeight < minMap);
  const spare = [
    ...side.querySelectorAll<HTMLElement>('.b-breakdown'),
    ...['.b-gaps li', '.b-hotspots li', '.b-corridors tbody tr', '.b-districts tbody tr', '.b-awareness tbody tr', '.b-plan li'].flatMap((sel) => [...side.querySelectorAll<HTMLElement>(sel)].slice(3).reverse()),
    ...side.querySelectorAll<HTMLElement>('.b-series'),
  ];
  const dropped = new Map<string, number>();
  const drop = (): void => {
    while (over() && spare.length > 0) {
      const e = spare.shift() as HTMLElement;
      const what = SPARE_NAMES.find(([sel]) => e.matches(sel) || e.closest(sel))?.[1] ?? 'an item';
      dropped.set(what, (dropped.get(what) ?? 0) + 1);
      e.remove();
    }
  };
  drop();
  if (dropped.size === 0) return;
  // A reader must know the page is not the whole brief: say what was left out, then make room
  // for that line too.
  const note = el('p', { class: 'b-cut' });
  const say = (): void => {
    const list = [...dropped].map(([what, n]) => (what.startsWith('the ') ? what : `${n} ${what}`)).join(', ');
    note.textContent = `Left out to fit one page: ${list}. The data pack has everything.`;
  };
  say();
  sheet.root.querySelector('.b-foot')?.prepend(note);
  drop();
  say();
}

/** What each spare element is, for the "left out" line. */
const SPARE_NAMES: [selector: string, name: string][] = [
  ['.b-breakdown', 'the nationality chart'],
  ['.b-series', 'the time series'],
  ['.b-gaps', 'access gaps beyond the top three'],
  ['.b-hotspots', 'hot spots beyond the top three'],
  ['.b-corridors', 'corridors beyond the top three'],
  ['.b-districts', 'districts beyond the top three'],
  ['.b-plan', 'plan sites beyond the top three'],
  ['.b-awareness', 'awareness districts beyond the top three'],
];
