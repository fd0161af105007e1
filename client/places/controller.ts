import type { FlowsContext } from '../flows/controller.js';
import { apiParams } from '../flows/filters.js';
import { el } from '../panels/dom.js';
import type { Areas, AreaSummaryResponse as Summary } from '../../common/places.js';
import { placesApi } from './api.js';
import { type AreaMeasure, classify, fillOf, legendRows, MEASURE_LABELS, MEASURES, measureValue, SUPPRESSED_FILL } from './choropleth.js';
import { showBoundaries, showChoropleth } from './map.js';

/**
 * Admin areas on the map: province and district boundaries with district names (zoom 6 and
 * closer), and a choropleth of one summary measure per province or district that follows the
 * movement filters. Its controls and legend sit in the map-layers panel. Returns what main.ts
 * calls when who is signed in changes.
 */
export function startAreas(ctx: FlowsContext): (fetch: boolean) => void {
  const measure = el('select', { id: 'areas-measure', name: 'areas-measure' }, el('option', { value: '' }, 'No colouring'),
    ...MEASURES.map((m) => el('option', { value: m }, MEASURE_LABELS[m])));
  const level = el('select', { id: 'areas-level', name: 'areas-level' }, el('option', { value: '2' }, 'Districts'), el('option', { value: '1' }, 'Provinces'));
  const legend = el('div', { class: 'areas-legend', 'aria-live': 'polite' });
  const section = el('section', { class: 'group', id: 'areas-panel' },
    el('h3', { class: 'group-title' }, 'Admin areas'),
    el('div', { class: 'field' }, el('label', { for: 'areas-measure' }, 'Colour areas by'), measure),
    el('div', { class: 'field' }, el('label', { for: 'areas-level' }, 'Areas'), level),
    legend);
  (document.getElementById('legend-body') ?? document.body).append(section);

  const boundaries: Partial<Record<1 | 2, Areas>> = {};
  let canFetch: boolean;
  let requested = '';
  let abort: AbortController | null = null;

  const draw = (s: Summary | null): void => {
    const lvl = Number(level.value) as 1 | 2;
    const m = measure.value as AreaMeasure | '';
    const areas = boundaries[lvl];
    if (!s || !m || !areas) {
      showChoropleth(ctx.map, null, new Map());
      legend.replaceChildren();
      return;
    }
    const values = s.areas.map((a) => measureValue(a, m));
    const classes = classify(values);
    showChoropleth(ctx.map, areas, new Map(s.areas.map((a, i) => [a.pcode, fillOf(values[i] ?? null, classes)])));
    const key = (fill: string, text: string) => {
      const sw = el('span', { class: 'swatch swatch--area', 'aria-hidden': 'true' });
      sw.style.backgroundColor = fill;
      return el('li', {}, sw, text);
    };
    const hidden = s.areas.filter((_, i) => values[i] === null).map((a) => a.name);
    legend.replaceChildren(
      el('p', { class: 'areas-period' }, `${MEASURE_LABELS[m]}, ${s.period.from} to ${s.period.to}`),
      el('ul', { class: 'keys' }, ...legendRows(classes, (n) => n.toLocaleString('en'))
        .map(([fill, text]) => key(fill, text)),
        ...(hidden.length ? [key(SUPPRESSED_FILL, `suppressed (small counts): ${hidden.join(', ')}`)] : [])),
      ...s.notes.map((n) => el('p', { class: 'areas-note' }, n)),
      el('p', { class: 'areas-note' }, 'District codes are the project\u2019s own (PRJ-ZM-\u2026) until an official P-coded file is imported.'),
    );
  };

  const refresh = (): void => {
    if (!canFetch || !measure.value) return draw(null);
    const params = apiParams(ctx.store.get().flows.filters, { level: level.value });
    const key = params.toString();
    if (key === requested) return;
    requested = key;
    abort?.abort();
    abort = new AbortController();
    ctx.load('admin-area summary', placesApi.summary(params, abort.signal), draw);
  };
  measure.addEventListener('change', () => {
    requested = '';
    refresh();
  });
  level.addEventListener('change', () => {
    requested = '';
    refresh();
  });
  ctx.store.subscribe((next, prev) => {
    if (next.flows.filters !== prev.flows.filters) refresh();
  });

  const loadBoundaries = (): void => {
    for (const lvl of [1, 2] as const) {
      if (boundaries[lvl]) continue;
      ctx.load(lvl === 1 ? 'provinces' : 'districts', placesApi.areas(lvl), (fc) => {
        boundaries[lvl] = fc;
        showBoundaries(ctx.map, lvl, fc);
        if (lvl === 2) ctx.data.districtLabels = fc.features.map((f) => ({ pcode: f.properties.pcode, name: f.properties.name, position: [f.properties.labelLon, f.properties.labelLat] }));
        requested = '';
        refresh();
      });
    }
  };
  // Like the flow view: ask at once (a 401 asks the person to sign in), then follow sign-ins.
  canFetch = true;
  loadBoundaries();
  return (fetch) => {
    canFetch = fetch;
    abort?.abort();
    requested = '';
    if (fetch) loadBoundaries();
    refresh();
  };
}
