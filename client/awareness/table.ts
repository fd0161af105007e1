import { el } from '../panels/dom.js';
import type { AwarenessChange, AwarenessEstimate } from '../../common/awareness.js';
import { CHANGE_COLORS, changeClass, ciText, estimateFill, estimateLegend, pct, points, WITHHELD_FILL } from './scale.js';
import { GAP_RAMP, type GapRanking } from './gap.js';

/**
 * The panel's tables, legends and district card. A withheld estimate shows "<k" for its
 * respondents and no number at all: showing the estimate would state what k hides.
 */
const nText = (e: AwarenessEstimate | null, k: number): string => (!e ? '—' : e.suppressed || e.n === null ? `<${k}` : e.n.toLocaleString('en'));

function key(fill: string, text: string, extra = ''): HTMLLIElement {
  const sw = el('span', { class: `swatch swatch--area ${extra}`, 'aria-hidden': 'true' });
  sw.style.backgroundColor = fill;
  return el('li', {}, sw, text);
}

export function renderEstimateLegend(root: HTMLElement, title: string, k: number, clusters: number): void {
  root.replaceChildren(
    el('p', { class: 'scale-title' }, title),
    el('ul', { class: 'keys keys--analysis', 'aria-label': 'Estimate classes' },
      ...estimateLegend().map(([c, t]) => key(c, t)),
      key('#ffffff', 'hatched: 95 % CI wider than \u00b110 points', 'swatch--hatch'),
      key(WITHHELD_FILL, `withheld: fewer than ${k} respondents`)),
    ...(clusters ? [el('p', { class: 'period-note' }, `Dots (zoom in): the survey's ${clusters} clusters in the same colours, at points coarsened to about 5 km.`)] : []),
  );
}

export function renderChangeLegend(root: HTMLElement, k: number): void {
  root.replaceChildren(
    el('p', { class: 'scale-title' }, 'Change baseline \u2192 endline (two-sided test, 5 %)'),
    el('ul', { class: 'keys keys--analysis', 'aria-label': 'Change classes' },
      key(CHANGE_COLORS.up, '\u25b2 significant increase'),
      key(CHANGE_COLORS.down, '\u25bc significant decrease'),
      key(CHANGE_COLORS.flat, 'no significant change'),
      key(WITHHELD_FILL, `withheld: fewer than ${k} respondents in a round`)),
  );
}

export function renderGapLegend(root: HTMLElement, max: number): void {
  const step = max / GAP_RAMP.length;
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  root.replaceChildren(
    el('p', { class: 'scale-title' }, 'People moving \u00d7 share not reached by the message'),
    el('ul', { class: 'keys keys--analysis', 'aria-label': 'Exposure gap classes' },
      ...GAP_RAMP.map((c, i) => key(c, `${fmt(i * step)}–${fmt((i + 1) * step)}`)),
      key(WITHHELD_FILL, 'exposure withheld or movement hidden')),
  );
}

function selectable(row: HTMLTableRowElement, code: string, selected: string | null, onPick: (code: string) => void): HTMLTableRowElement {
  row.dataset['district'] = code;
  row.tabIndex = 0;
  row.setAttribute('aria-selected', String(code === selected));
  row.addEventListener('click', () => onPick(code));
  row.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(code);
    }
  });
  return row;
}

export function renderEstimateTable(root: HTMLElement, rows: AwarenessEstimate[], overall: AwarenessEstimate, k: number, selected: string | null, onPick: (code: string) => void): void {
  const cell = (e: AwarenessEstimate) => (e.suppressed ? [el('td', { class: 'aw-withheld', colspan: '2' }, 'withheld')] : [el('td', {}, pct(e.estimate)), el('td', {}, ciText(e.ci))]);
  const body = rows.map((r) => {
    const sw = el('span', { class: 'swatch swatch--area', 'aria-hidden': 'true' });
    sw.style.backgroundColor = estimateFill(r);
    return selectable(el('tr', {}, el('th', { scope: 'row' }, sw, r.name, r.wide ? el('span', { class: 'aw-wide', title: 'CI wider than \u00b110 points' }, ' \u2194') : null), ...cell(r), el('td', {}, nText(r, k))), r.key, selected, onPick);
  });
  root.replaceChildren(el('table', { class: 'data-table aw-rows' },
    el('caption', { class: 'visually-hidden' }, 'Estimate by district with 95 % confidence interval and respondents'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'District'), el('th', { scope: 'col' }, 'Estimate'), el('th', { scope: 'col' }, '95 % CI'), el('th', { scope: 'col' }, 'n'))),
    el('tbody', {}, ...body),
    el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, 'All surveyed'), ...cell(overall), el('td', {}, nText(overall, k))))));
}

const arrow = (c: AwarenessChange): string => ({ up: '\u25b2 ', down: '\u25bc ', flat: '', withheld: '' })[changeClass(c)];
const pText = (p: number | null): string => (p === null ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3));

export function renderChangeTable(root: HTMLElement, rows: AwarenessChange[], overall: AwarenessChange, selected: string | null, onPick: (code: string) => void): void {
  const cells = (c: AwarenessChange) => [
    el('td', {}, c.from?.suppressed ? 'withheld' : pct(c.from?.estimate ?? null)),
    el('td', {}, c.to?.suppressed ? 'withheld' : pct(c.to?.estimate ?? null)),
    el('td', { class: `aw-change aw-change--${changeClass(c)}` }, arrow(c), points(c.difference)),
    el('td', {}, pText(c.p)),
  ];
  root.replaceChildren(el('table', { class: 'data-table aw-rows' },
    el('caption', { class: 'visually-hidden' }, 'Change by district between baseline and endline'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'District'), el('th', { scope: 'col' }, 'Base'), el('th', { scope: 'col' }, 'End'), el('th', { scope: 'col' }, 'Change'), el('th', { scope: 'col' }, 'p'))),
    el('tbody', {}, ...rows.map((r) => selectable(el('tr', {}, el('th', { scope: 'row' }, r.name), ...cells(r)), r.key, selected, onPick))),
    el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, 'All surveyed'), ...cells(overall)))));
}

/** The open district: its numbers in words, above the table. */
export function renderCard(root: HTMLElement, title: string, lines: string[], onClose: () => void): void {
  const close = el('button', { type: 'button', class: 'panel-collapse', 'aria-label': 'Close district' }, 'Close');
  close.addEventListener('click', onClose);
  root.replaceChildren(el('div', { class: 'panel-head' }, el('h3', { class: 'details-sub', id: 'aw-card-title' }, title), close), ...lines.map((l) => el('p', { class: 'aw-card-line' }, l)));
  root.hidden = false;
}

export function renderGapList(root: HTMLElement, g: GapRanking, selected: string | null, onPick: (code: string) => void): void {
  const items = g.ranked.map((r) => {
    const b = el('button', { type: 'button', class: 'an-gap', 'aria-pressed': String(r.key === selected) },
      el('span', { class: 'an-gap-rank' }, `${r.rank}.`),
      el('span', {}, el('strong', {}, r.name), el('span', { class: 'an-gap-text' }, `${r.volume.toLocaleString('en')} people \u00b7 ${pct(r.exposure)} reached \u00b7 gap ${Math.round(r.score).toLocaleString('en')}`)));
    b.addEventListener('click', () => onPick(r.key));
    return el('li', {}, b);
  });
  root.replaceChildren(
    el('h3', { class: 'details-sub' }, 'Where the message is most needed'),
    items.length ? el('ol', { class: 'an-gap-list' }, ...items) : el('p', { class: 'details-none' }, 'No surveyed district with movement in this period.'),
    ...(g.unranked.length ? [el('p', { class: 'period-note' }, `Not ranked: ${g.unranked.map((u) => `${u.name} (${u.why})`).join(', ')}.`)] : []),
  );
}
