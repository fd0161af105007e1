import type { FlowsContext } from '../flows/controller.js';
import { apiParams } from '../flows/filters.js';
import { placesApi } from '../places/api.js';
import type { Areas, AreaSummaryResponse } from '../../common/places.js';
import type { AwarenessChangeResponse, AwarenessResponse, ClustersResponse, IndicatorDefinition, SurveySummary } from '../../common/awareness.js';
import { awarenessApi } from './api.js';
import { rankExposureGap, gapFill } from './gap.js';
import { clearAwareness, districtAt, showAwareness, type DistrictStyle } from './map.js';
import { buildAwarenessPanel } from './panel.js';
import { changeFill, ciText, estimateFill, pct, points, surveyLabel, WITHHELD_FILL } from './scale.js';
import { renderCard, renderChangeLegend, renderChangeTable, renderEstimateLegend, renderEstimateTable, renderGapLegend, renderGapList } from './table.js';
import { EXPOSURE_INDICATOR, type AwarenessView } from './view.js';

/**
 * The awareness view (issue 16): an indicator of a survey by district, its change from the
 * baseline to the endline, or the exposure gap, on the map and in a panel. Loaded with
 * import(); URL state in (store.awareness), one request per settings change out, MapLibre
 * layers drawn by map.ts. It takes the map's middle, so it and the analysis layers exclude
 * each other, and the flow lines step aside while it is on.
 */
type Data =
  | { mode: 'estimate'; res: AwarenessResponse; clusters: ClustersResponse | null }
  | { mode: 'change'; res: AwarenessChangeResponse }
  | { mode: 'gap'; res: AwarenessResponse; movement: AreaSummaryResponse };

export function startAwareness(ctx: FlowsContext): (fetch: boolean) => void {
  const layout = ctx.map.getContainer().parentElement ?? document.body;
  const view = (): AwarenessView => ctx.store.get().awareness;
  let catalog: { surveys: SurveySummary[]; indicators: IndicatorDefinition[]; areas: Areas } | null = null;
  let catalogAsked = false;
  let canFetch = true;
  let data: Data | null = null;
  let requested = '';
  let abort: AbortController | null = null;
  let chartCode: Promise<typeof import('./chart.js')> | null = null;

  const update = (patch: Partial<AwarenessView>): void =>
    ctx.store.update((s) => {
      const next = { ...s, awareness: { ...s.awareness, ...patch } };
      const was = s.awareness.mode !== 'off';
      const is = next.awareness.mode !== 'off';
      if (is && !was) {
        next.analysis = { ...s.analysis, mode: 'flows', cell: null };
        next.flows = { ...s.flows, show: false, selected: null };
      } else if (was && !is) next.flows = { ...s.flows, show: true };
      return next;
    });
  const ui = buildAwarenessPanel(layout, update);
  const pickDistrict = (code: string): void => update({ district: view().district === code ? null : code });

  const surveyId = (v: AwarenessView): number | null => v.survey ?? catalog?.surveys[0]?.id ?? null;
  const indicatorLabel = (code: string): string => catalog?.indicators.find((i) => i.code === code)?.label ?? code;

  function chartInto(make: (m: typeof import('./chart.js')) => HTMLElement): void {
    chartCode ??= import('./chart.js');
    const drawn = data;
    ctx.load('awareness chart', chartCode, (m) => {
      if (data === drawn) ui.chart.replaceChildren(make(m));
    });
  }

  function draw(): void {
    const v = view();
    ui.set(v, surveyId(v));
    const d = data && data.mode === v.mode ? data : null;
    if (!d || !catalog) {
      clearAwareness(ctx.map);
      for (const n of [ui.legend, ui.table, ui.chart, ui.gaps]) n.replaceChildren();
      ui.card.hidden = true;
      return;
    }
    const styles = new Map<string, DistrictStyle>();
    const k = d.res.disclosure.k;
    const synthetic = d.res.synthetic ? 'Synthetic demo survey \u2014 not real respondents. ' : '';
    const close = () => update({ district: null });
    ui.card.hidden = true;
    if (d.mode === 'estimate' || d.mode === 'gap') {
      const r = d.res;
      for (const row of r.rows) styles.set(row.key, { fill: estimateFill(row), wide: row.wide });
      renderEstimateTable(ui.table, r.rows, r.overall, k, v.district, pickDistrict);
      const open = r.rows.find((x) => x.key === v.district);
      if (open) {
        renderCard(ui.card, open.name, open.suppressed
          ? [`Withheld: fewer than ${k} respondents answered.`]
          : [`${pct(open.estimate)} (95 % CI ${ciText(open.ci)}), n = ${open.n?.toLocaleString('en') ?? '—'}`, open.wide ? 'The interval is wider than \u00b110 points: read the colour with care.' : `Standard error ${((open.se ?? 0) * 100).toFixed(1)} points.`], close);
      }
      const title = `${r.indicator.label} \u2014 ${r.survey.name}`;
      chartInto((m) => m.dotWhisker([{ label: r.survey.round, color: '#0b3c8c', rows: r.rows }], r.rows.map((x) => x.name), title));
      ui.note.textContent = `${synthetic}Design-based estimates (strata, clusters, weights; df ${r.overall.df}). Estimates from fewer than ${k} respondents are withheld.`;
      if (d.mode === 'estimate') renderEstimateLegend(ui.legend, title, k, d.clusters?.points.length ?? 0);
    }
    if (d.mode === 'gap') {
      const volumes = new Map(d.movement.areas.map((a) => [a.pcode, { name: a.name, people: a.people }]));
      const g = rankExposureGap(d.res.rows, volumes);
      styles.clear();
      for (const r of g.ranked) styles.set(r.key, { fill: gapFill(r.score, g.max), wide: d.res.rows.find((x) => x.key === r.key)?.wide === true });
      for (const u of g.unranked) if (d.res.rows.some((x) => x.key === u.key)) styles.set(u.key, { fill: WITHHELD_FILL, wide: false });
      renderGapLegend(ui.legend, g.max);
      renderGapList(ui.gaps, g, v.district, pickDistrict);
      ui.note.textContent += ` Movement: people counted ${d.movement.period.from} to ${d.movement.period.to} (the movements panel's filters).`;
    }
    if (d.mode === 'change') {
      const r = d.res;
      for (const row of r.rows) styles.set(row.key, { fill: changeFill(row), wide: row.to?.wide === true });
      renderChangeLegend(ui.legend, k);
      renderChangeTable(ui.table, r.rows, r.overall, v.district, pickDistrict);
      const open = r.rows.find((x) => x.key === v.district);
      if (open) {
        renderCard(ui.card, open.name, open.suppressed
          ? [`Withheld: fewer than ${k} respondents in a round.`]
          : [`${pct(open.from?.estimate ?? null)} (${ciText(open.from?.ci ?? null)}) \u2192 ${pct(open.to?.estimate ?? null)} (${ciText(open.to?.ci ?? null)})`, `${points(open.difference)}, p = ${open.p?.toFixed(3) ?? '—'}: ${open.significant ? 'significant' : 'not significant'} at 5 %.`], close);
      }
      const names = r.rows.map((x) => x.name);
      chartInto((m) => m.dotWhisker([
        { label: surveyLabel(r.from), color: '#8a8f99', rows: r.rows.flatMap((x) => (x.from ? [{ ...x.from, name: x.name }] : [])) },
        { label: surveyLabel(r.to), color: '#0b3c8c', rows: r.rows.flatMap((x) => (x.to ? [{ ...x.to, name: x.name }] : [])) },
      ], names, `${r.indicator.label}: baseline and endline`));
      ui.note.textContent = `${synthetic}${r.from.name} \u2192 ${r.to.name}. Independent samples: difference over \u221a(se\u2081\u00b2 + se\u2082\u00b2), two-sided normal test.`;
    }
    const clusters = d.mode === 'estimate' && d.clusters ? d.clusters.points.map((p) => ({ lon: p.lon, lat: p.lat, fill: estimateFill(p), label: p.name })) : [];
    showAwareness(ctx.map, catalog.areas, styles, v.district, clusters);
    if (v.district) ui.table.querySelector(`tr[data-district="${CSS.escape(v.district)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  function loadCatalog(): void {
    if (catalogAsked) return;
    catalogAsked = true;
    ctx.load('awareness surveys', Promise.all([awarenessApi.surveys(), awarenessApi.indicators(), placesApi.areas(2)]), ([surveys, indicators, areas]) => {
      catalog = { surveys, indicators, areas };
      ui.setChoices(surveys, indicators);
      requested = '';
      sync();
    });
  }

  function sync(): void {
    const v = view();
    ui.set(v, surveyId(v));
    if (v.mode === 'off' || !canFetch) {
      abort?.abort();
      [data, requested] = [null, ''];
      draw();
      ui.note.textContent = canFetch ? '' : 'Sign in to see the awareness surveys.';
      return;
    }
    if (!catalog) return loadCatalog();
    const survey = surveyId(v);
    if (survey === null) {
      ui.note.textContent = 'No awareness survey has been imported yet (Data \u2192 Awareness survey respondents).';
      return draw();
    }
    const filters = ctx.store.get().flows.filters;
    const key = JSON.stringify([v.mode, survey, v.indicator, v.mode === 'gap' ? filters : 0]);
    if (key === requested) return draw();
    requested = key;
    abort?.abort();
    abort = new AbortController();
    const s = abort.signal;
    const done = (d: Data): void => {
      if (requested !== key) return;
      data = d;
      draw();
    };
    const hasGps = catalog.surveys.find((x) => x.id === survey)?.hasGps === true;
    if (v.mode === 'estimate') {
      ctx.load('awareness estimates', Promise.all([awarenessApi.byDistrict(survey, v.indicator, s), hasGps ? awarenessApi.clusters(survey, v.indicator, s) : Promise.resolve(null)]), ([res, clusters]) => done({ mode: 'estimate', res, clusters }));
    } else if (v.mode === 'change') {
      ctx.load('awareness change', awarenessApi.change(v.indicator, s), (res) => done({ mode: 'change', res }));
    } else {
      ctx.load('exposure gap', Promise.all([awarenessApi.byDistrict(survey, EXPOSURE_INDICATOR, s), placesApi.summary(apiParams(filters, { level: '2' }), s)]), ([res, movement]) => done({ mode: 'gap', res, movement }));
    }
  }

  ctx.map.on('click', (e) => {
    if (view().mode === 'off') return;
    // A click on a point or service opened its popup: it was meant for the symbol.
    if (ctx.map.getContainer().querySelector('.maplibregl-popup')) return;
    const code = districtAt(ctx.map, e.point);
    if (code) update({ district: code });
  });
  ctx.store.subscribe((next, prev) => {
    // An analysis layer takes the map's middle: the awareness view gives way.
    if (next.analysis.mode !== prev.analysis.mode && next.analysis.mode !== 'flows' && next.awareness.mode !== 'off') {
      ctx.store.update((s) => ({ ...s, awareness: { ...s.awareness, mode: 'off', district: null } }));
      return;
    }
    if (next.awareness !== prev.awareness || (next.awareness.mode === 'gap' && next.flows.filters !== prev.flows.filters)) sync();
  });
  // A link that opens on the awareness view: the flow lines step aside as when it is switched on.
  if (view().mode !== 'off' && ctx.store.get().flows.show) ctx.store.update((s) => ({ ...s, flows: { ...s.flows, show: false, selected: null } }));
  sync();
  return (fetch) => {
    canFetch = fetch;
    abort?.abort();
    [data, requested] = [null, ''];
    if (fetch && !catalog) catalogAsked = false;
    if (!fetch) {
      catalog = null;
      catalogAsked = false;
    }
    sync();
  };
}
