import { toHex, type Rgb } from '../layers/colors.js';
import { el } from '../panels/dom.js';
import { type AccessResponse, EMERGING_CATEGORIES } from '../../common/analysis.js';
import type { AnalysisData } from './layers.js';
import { CLASSES, classColor, classLabel, emergingColor, emergingLabel, GAP_COLORS, gapBreaks } from './palette.js';

/** Legends of the analysis layers, from the same palette the layers draw with. */
function row(rgb: Rgb, label: string, count?: number): HTMLLIElement {
  const s = el('span', { class: 'swatch swatch--hex', 'aria-hidden': 'true' });
  s.style.backgroundColor = toHex(rgb);
  return el('li', {}, s, label, count === undefined ? null : el('span', { class: 'an-count' }, String(count)));
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function renderAnalysisLegend(root: HTMLElement, d: AnalysisData): void {
  if (d.mode === 'hotspots') {
    const n = new Map<number, number>();
    for (const c of d.res.cells) n.set(c.class, (n.get(c.class) ?? 0) + 1);
    root.replaceChildren(el('p', { class: 'scale-title' }, 'Confidence (Gi*, FDR-corrected) · cells'), el('ul', { class: 'keys keys--analysis', 'aria-label': 'Confidence classes (cells)' }, ...CLASSES.map((c) => row(classColor(c), classLabel(c), n.get(c) ?? 0))));
    return;
  }
  if (d.mode === 'emerging') {
    // Every category is listed (the legend explains the scheme); counts say which occur.
    const cats = EMERGING_CATEGORIES.filter((c) => (d.res.categories[c] ?? 0) > 0 || !c.startsWith('cold_'));
    root.replaceChildren(el('p', { class: 'scale-title' }, 'Pattern over time · cells'), el('ul', { class: 'keys keys--analysis', 'aria-label': 'Emerging hot spot categories (cells)' }, ...cats.map((c) => row(emergingColor(c), emergingLabel(c), d.res.categories[c] ?? 0))));
    return;
  }
  if (d.mode === 'heatmap') {
    root.replaceChildren(
      el('p', { class: 'scale-title' }, `Density of people (kernel radius ${number.format(d.res.bandwidthM / 1000)} km)`),
      el('ul', { class: 'keys keys--analysis keys--ramp' }, ...GAP_COLORS.map((c, i) => row(c, i === 0 ? 'Low' : i === GAP_COLORS.length - 1 ? 'High' : ''))),
    );
    return;
  }
  const max = Math.max(0, ...d.res.cells.map((c) => c.gap));
  const breaks = gapBreaks(max);
  root.replaceChildren(
    el('p', { class: 'scale-title' }, 'Gap = monthly demand × mean share of the time limit'),
    el('ul', { class: 'keys keys--analysis' }, ...GAP_COLORS.map((c, i) => row(c, `${number.format(breaks[i] ?? 0)}${i === GAP_COLORS.length - 1 ? ` – ${number.format(max)}` : ` – ${number.format(breaks[i + 1] ?? max)}`}`))),
  );
}

/** The ranked gap areas; a click (or Enter) flies the map there and opens the cell. */
export function renderGapList(root: HTMLElement, res: AccessResponse, selected: string | null, onPick: (h3: string) => void): void {
  if (res.gaps.length === 0) {
    root.replaceChildren(el('p', { class: 'details-none' }, 'No demand cells with these filters.'));
    return;
  }
  const items = res.gaps.map((g) => {
    const b = el('button', { type: 'button', class: 'an-gap', 'aria-pressed': String(g.h3 === selected) }, el('span', { class: 'an-gap-rank' }, `${g.rank}.`), el('span', {}, el('strong', {}, `${g.label ?? g.h3} · gap ${number.format(g.gap)}`), el('span', { class: 'an-gap-text' }, g.text)));
    b.addEventListener('click', () => onPick(g.h3));
    return el('li', {}, b);
  });
  root.replaceChildren(el('h3', { class: 'details-sub' }, 'Largest gaps'), el('ol', { class: 'an-gap-list' }, ...items));
}
