import { placesApi } from '../places/api.js';
import { awarenessApi } from '../awareness/api.js';
import { surveyLabel } from '../awareness/scale.js';
import type { FlowsContext } from '../flows/controller.js';
import type { OutreachSiteProps } from '../../common/catalog.js';
import { api, type PointFeature } from '../api.js';
import type { Me } from '../../common/auth.js';
import { errorMessage } from '../auth/http.js';
import type { Plan, PlanComparison, PlanSummary } from '../../common/outreach.js';
import { plannerApi } from './api.js';
import { cellDiscRadius, compareMarkers, type Hex, type Marker, plannerLayers, planMarkers } from './layers.js';
import { nearestName } from './geo.js';
import { buildDeliverySection } from './delivery.js';
import { fitPlan, type SiteChoice, sitePopup, wireSiteClicks } from './mapping.js';
import { canPlan } from './model.js';
import { buildPlannerPanels } from './panels.js';
import { buildPlanRequest, viewFromRequest } from './request.js';
import { renderPlan } from './results.js';
import { renderComparison, renderSaved } from './saved.js';
import { type PlannerView, withSiteChoice } from './view.js';

/**
 * The outreach planner (issue 7), its own chunk loaded after sign-in. URL state (state.planner)
 * in; plans run, opened and compared through /api/v1/outreach; layers out in data.plannerLayers.
 * Returns the function main.ts calls whenever who is signed in changes.
 */
/** What main.ts gives every lazily loaded view (the flow view defined it first). */
export type PlannerContext = FlowsContext;

export function startPlanner(ctx: PlannerContext): (me: Me | null) => void {
  let me: Me | null = null;
  const plans = new Map<number, Plan>();
  let shown: Plan | null = null;
  let comparison: { key: string; c: PlanComparison; a: Plan; b: Plan } | null = null;
  let candidates: PointFeature<OutreachSiteProps>[] | null = null;
  let saved: PlanSummary[] | null = null;
  let hexes: Hex[] = [];
  let wanted = { plan: '', compare: '' };
  const rendered: { results: string; compare: string; saved: PlanSummary[] | null; current: number | null } = { results: '', compare: '', saved: null, current: null };
  const view = (): PlannerView => ctx.store.get().planner;
  const writer = (): boolean => canPlan(me?.role);
  const update = (patch: Partial<PlannerView>): void => ctx.store.update((s) => ({ ...s, planner: { ...s.planner, ...patch } }));
  const ui = buildPlannerPanels(ctx.map, {
    onToggle: () => update({ open: !view().open }),
    onChange: (patch) => update(patch),
    onRun: () => run(),
    onClearChoices: () => update({ locked: [], excluded: [] }),
  });
  const popup = sitePopup(ctx.map);
  const delivery = buildDeliverySection(ctx.load);
  const say = (text: string): void => void (ui.form.message.textContent = text);
  const flowPeriod = () => ({ from: ctx.store.get().flows.filters.from, to: ctx.store.get().flows.filters.to });
  const choose = (siteId: number, c: SiteChoice): void => {
    update(withSiteChoice(view(), siteId, c));
    say(c === 'free' ? 'Site freed. Run again to apply.' : `Site ${c === 'lock' ? 'locked' : 'excluded'}. Run again to apply.`);
  };
  const cover = () => ({ left: ui.coverLeft(), right: ui.panel.offsetWidth + 60, bottom: ui.bottom().offsetHeight + 30, top: 20 });
  const frame = (ps: Plan[]): void => void requestAnimationFrame(() => fitPlan(ctx.map, ps, cover()));

  function markers(): Marker[] {
    if (view().compare && comparison) return compareMarkers(comparison.a, comparison.b);
    return shown ? planMarkers(shown) : [];
  }

  function draw(): void {
    const v = view();
    const on = v.open && me !== null;
    const showCompare = on && v.compare !== null && comparison !== null;
    ctx.data.plannerLayers = on
      ? plannerLayers({ markers: markers(), candidates: writer() && !showCompare ? (candidates ?? []) : [], locked: new Set(v.locked), excluded: new Set(v.excluded), hexes: showCompare ? [] : hexes })
      : undefined;
    ctx.redraw();
    ui.results.hidden = !on || showCompare || !shown;
    ui.compare.hidden = !showCompare;
    // Re-rendered only when what they show changes: a form edit must not reset the table's
    // scroll or the ticks in the saved list.
    const resultsKey = on && shown && !showCompare ? `${shown.id}|${v.excluded.join(',')}|${writer()}|${candidates?.length ?? 0}` : '';
    if (resultsKey !== rendered.results && shown) {
      rendered.results = resultsKey;
      renderPlan(ui.results, shown, {
        ...(writer() ? { onSite: choose } : {}),
        onHotspot: (lon, lat) => {
          // offset, not padding: MapLibre keeps a padding, which would shift every later view.
          const c = cover();
          ctx.map.flyTo({ center: [lon, lat], zoom: Math.max(ctx.map.getZoom(), 12), offset: [(c.left - c.right) / 2, (c.top - c.bottom) / 2] });
        },
        near: (lon, lat) => nearestName(lon, lat, [...(candidates ?? []).map((f) => ({ name: f.properties.name, lon: f.geometry.coordinates[0] ?? 0, lat: f.geometry.coordinates[1] ?? 0 })), ...(shown?.sites ?? [])]),
        // The shown plan is already `plan=<id>` in the URL state, which the composer reads.
        onBrief: () => ui.briefNote(`Plan #${shown?.id} is in this page's link (plan=${shown?.id}); the brief composer includes it.`),
        onClose: () => update({ plan: null }),
      }, new Set(v.excluded));
      delivery.show(ui.results, shown, writer());
    }
    const compareKey = showCompare && comparison ? comparison.key : '';
    if (compareKey !== rendered.compare && comparison) {
      rendered.compare = compareKey;
      renderComparison(ui.compare, comparison.c, () => update({ compare: null }));
    }
    if (saved && (saved !== rendered.saved || v.plan !== rendered.current)) {
      [rendered.saved, rendered.current] = [saved, v.plan];
      renderSaved(ui.saved, saved, v.plan, {
        onOpen: (id) => open(id),
        onCompare: (a, b) => update({ compare: [a, b] }),
        ...(writer() ? { onDelete: (id: number) => remove(id) } : {}),
      });
    }
  }

  function show(plan: Plan, fit: boolean): void {
    plans.set(plan.id, plan);
    if (shown?.id !== plan.id) ui.briefNote(''); // the note names the plan it was sent for
    shown = plan;
    const radiusM = cellDiscRadius(plan.demand.res);
    hexes = plan.uncoveredHotspots.map((h) => ({ cell: h.cell, lon: h.lon, lat: h.lat, radiusM }));
    draw();
    if (fit) frame([plan]);
  }

  function open(id: number): void {
    const plan = plans.get(id);
    const apply = (p: Plan): void => {
      // Opening a plan from the list loads its parameters, ready to adjust and re-run.
      update({ ...viewFromRequest(view(), p.request), plan: p.id, compare: null });
    };
    if (plan) return apply(plan);
    ctx.load('outreach plan', plannerApi.get(id), (p) => {
      plans.set(p.id, p);
      apply(p);
    });
  }

  function run(): void {
    if (!writer()) return;
    const body = buildPlanRequest(view(), flowPeriod(), ui.form.name.value);
    ui.form.run.disabled = true;
    say('Choosing sites…');
    const p = plannerApi.run(body).finally(() => (ui.form.run.disabled = false));
    p.catch((err: unknown) => say(errorMessage(err)));
    ctx.load('outreach plan', p, (plan) => {
      say(`Saved as plan #${plan.id}.`);
      ui.form.name.value = '';
      plans.set(plan.id, plan);
      wanted.plan = String(plan.id);
      show(plan, true);
      update({ plan: plan.id, compare: null });
      refreshSaved();
    });
  }

  function remove(id: number): void {
    const p = plannerApi.remove(id);
    p.catch((err: unknown) => say(errorMessage(err)));
    ctx.load('delete plan', p, () => {
      plans.delete(id);
      say(`Plan #${id} deleted.`);
      const v = view();
      if (v.plan === id) shown = null;
      update({ plan: v.plan === id ? null : v.plan, compare: v.compare?.includes(id) ? null : v.compare });
      refreshSaved();
    });
  }

  function refreshSaved(): void {
    ctx.load('saved plans', plannerApi.list(), (r) => {
      saved = r.plans;
      draw();
    });
  }

  /** Brings panels, fetches and layers in line with the URL state. */
  function sync(): void {
    const v = view();
    ui.setVisible(me !== null, v.open);
    ui.setWriter(writer(), v);
    ui.form.set(v, flowPeriod());
    if (!me || !v.open) return draw();
    if (writer() && candidates === null) {
      candidates = [];
      ctx.load('candidate sites', api.outreachSites(), (fc) => ((candidates = fc.features), draw()));
    }
    if (saved === null) {
      saved = [];
      refreshSaved();
    }
    const planKey = String(v.plan ?? '');
    if (planKey !== wanted.plan) {
      wanted.plan = planKey;
      if (v.plan === null) shown = null;
      else {
        const id = v.plan;
        const cached = plans.get(id);
        if (cached) show(cached, true);
        else ctx.load('outreach plan', plannerApi.get(id), (p) => view().plan === id && show(p, true));
      }
    }
    const cmpKey = v.compare ? v.compare.join(',') : '';
    if (cmpKey !== wanted.compare) {
      wanted.compare = cmpKey;
      comparison = null;
      if (v.compare) {
        const [a, b] = v.compare;
        const get = (id: number) => plans.get(id) ?? plannerApi.get(id);
        ctx.load('plan comparison', Promise.all([plannerApi.compare(a, b), get(a), get(b)]), ([c, pa, pb]) => {
          if (cmpKey !== wanted.compare) return;
          comparison = { key: cmpKey, c, a: pa, b: pb };
          draw();
          frame([pa, pb]);
        });
      }
    }
    draw();
  }

  wireSiteClicks(ctx.map, popup, {
    active: () => me !== null && view().open && !view().compare,
    writer,
    markers,
    candidates: () => candidates ?? [],
    plan: () => shown,
    view,
    choose,
  });
  // Its form shows the movements period as the default, so it follows the flow filters too.
  ctx.store.subscribe((next, prev) => {
    if (next.planner !== prev.planner || next.flows.filters !== prev.flows.filters) sync();
  });

  return (who) => {
    const signedIn = who !== null && who.kind !== 'anonymous' ? who : null;
    if (signedIn?.name !== me?.name || signedIn?.role !== me?.role) {
      // Another user must not see the previous one's cached plans.
      plans.clear();
      [shown, comparison, candidates, saved, hexes] = [null, null, null, null, []];
      wanted = { plan: '', compare: '' };
      Object.assign(rendered, { results: '', compare: '', saved: null, current: null });
      popup.remove();
      delivery.reset();
    }
    me = signedIn;
    // Corridors are data: read again at each sign-in, so one added since shows up.
    if (me) ctx.load('corridors', placesApi.corridors(), (cs) => ui.form.setCorridors(cs));
    if (me) ctx.load('awareness surveys', Promise.all([awarenessApi.surveys(), awarenessApi.indicators()]), ([ss, is]) => ui.form.setAwareness(ss.map((x) => ({ id: x.id, label: surveyLabel(x) })), is));
    sync();
  };
}
