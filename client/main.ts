import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ClientConfig } from '../common/catalog.js';
import { api, ApiError } from './api.js';
import type { Me } from '../common/auth.js';
import { startAuth, type Auth } from './auth/session.js';
import { TOWNS, ZAMBEZI } from './geography.js';
import type { LayerData, LayerState } from './layers/types.js';
import { loadOfflineBasemap } from './map/basemap.js';
import { attachDetailBasemap } from './map/detailBasemap.js';
import { createMap } from './map/createMap.js';
import type { DeckHandle } from './map/deckOverlay.js';
import type { Cards } from './map/interaction.js';
import { offlineStyle } from './map/offlineStyle.js';
import { startOffline } from './offline/offline.js';
import { trackReadiness } from './map/ready.js';
import { bindMapView } from './map/viewSync.js';
import { byId } from './panels/dom.js';
import { renderLegend } from './panels/legend.js';
import { createStatus } from './panels/status.js';
import { createInViewList } from './panels/inView.js';
import { createRail } from './panels/rail.js';
import { inViewItems } from './map/inViewItems.js';
import { goTo, renderViewButtons } from './panels/viewButtons.js';
import { withLayer, withServiceKind } from './state.js';
import { bindHash } from './urlHash.js';
import { NAMED_VIEWS } from './views.js';

/** The server may switch to an online style; any failure keeps the offline basemap. */
async function loadConfig(): Promise<ClientConfig> {
  try {
    return await api.clientConfig();
  } catch (err) {
    console.warn('Corridor: client-config unavailable, using the offline basemap', err);
    return { basemap: 'offline' };
  }
}

function whenLoaded(map: MapLibreMap): Promise<unknown> {
  return map.isStyleLoaded() ? Promise.resolve() : map.once('load');
}

async function start(): Promise<void> {
  const url = bindHash();
  const { store } = url;
  const status = createStatus(byId('status'));
  const offlineUse = startOffline(byId('offline-banner')); // service worker, banner, cache per user
  const userKey = (me: Me | null): string | null => (me && me.kind !== 'anonymous' ? String(me.userId ?? me.name) : null);
  const config = await loadConfig();
  const onlineUrl = config.basemap === 'online' ? config.onlineStyleUrl : undefined;
  // BASEMAP=pmtiles:… — the server's own vector-tile archive; pmtiles and its style are a lazy chunk.
  const archiveStyle = config.basemap === 'pmtiles' ? (await import('./map/pmtilesStyle.js')).pmtilesStyle() : undefined;
  const map = createMap(byId('map'), archiveStyle ?? onlineUrl ?? offlineStyle(ZAMBEZI), store.get().view);

  let deck: DeckHandle | null = null;
  const ready = trackReadiness(map, () => deck?.allLoaded() ?? false);
  const data: LayerData = { towns: TOWNS };
  // Quarter-zoom steps: label sets and symbol sizes change visibly only that often,
  // and deck.gl then rebuilds nothing while the user zooms within a step.
  const quantZoom = (): number => Math.round(map.getZoom() * 4) / 4;
  let drawnZoom = quantZoom();
  const layerState = (): LayerState => ({ layers: store.get().layers, serviceKinds: store.get().serviceKinds, zoom: drawnZoom });
  const redraw = (): void => {
    if (!deck) return;
    drawnZoom = quantZoom();
    deck.render(layerState(), data);
    ready.invalidate();
    refreshList();
  };
  // Panels fold into a rail on laptops and tablets (issue 21); the keyboard list is one of them.
  const layoutNode = byId('map').parentElement as HTMLElement;
  const rail = createRail(layoutNode);
  let cards: Cards | undefined;
  const openDetails = (id: string): void => void requestAnimationFrame(() => document.getElementById(id)?.focus());
  const list = createInViewList(() => {
    const closed = cards?.close() ?? false;
    const s = store.get();
    if (s.flows.selected) store.update((x) => ({ ...x, flows: { ...x.flows, selected: null } }));
    else if (s.analysis.cell) store.update((x) => ({ ...x, analysis: { ...x.analysis, cell: null } }));
    else return closed;
    return true;
  });
  layoutNode.append(list.root);
  let listTimer = 0;
  function refreshList(): void {
    clearTimeout(listTimer);
    listTimer = window.setTimeout(() => {
      const items = inViewItems(store.get(), data, {
        card: (layerId, f) => cards?.show(layerId, f),
        flowPlace: (id) => {
          store.update((x) => ({ ...x, flows: { ...x.flows, selected: id } }));
          openDetails('flow-details');
        },
        cell: (h3) => {
          store.update((x) => ({ ...x, analysis: { ...x.analysis, cell: h3 } }));
          openDetails('hex-details');
        },
      });
      list.render(items, map.getBounds());
    }, 150);
  }
  map.on('moveend', refreshList);

  let auth: Auth | undefined;
  const load = <T>(what: string, p: Promise<T>, use: (v: T) => void): void => {
    status.loading(what);
    ready.track(p).then(
      (v) => {
        use(v);
        status.done(what);
        redraw();
      },
      (err: unknown) => {
        status.failed(what, err);
        if (err instanceof ApiError && err.status === 401) auth?.needSignIn();
      },
    );
  };

  // deck.gl and its layers are a separate chunk: the basemap paints before it arrives.
  const deckChunk = Promise.all([import('./map/deckOverlay.js'), import('./map/interaction.js'), whenLoaded(map)]);
  load('map layers', deckChunk, ([overlay, interaction]) => {
    deck = overlay.attachDeck(map);
    cards = interaction.wireInteraction(map, deck);
  });
  // What every lazily loaded view gets: it reads and changes the URL state through the store.
  const ctx = { map, data, store, redraw, load, pickIn: (layerId: string, x: number, y: number) => deck?.pickIn(layerId, x, y) ?? null };
  // Views that fetch what the caller may see: told when who is signed in changes.
  const resets: ((fetch: boolean) => void)[] = [];
  // The flow view (with @flowmap.gl) is a chunk of its own too, started once deck.gl is up.
  load('flow view', Promise.all([import('./flows/controller.js'), deckChunk]), ([flows]) => {
    resets.push(flows.startFlows(ctx));
    rail.add(byId('flows-panel'), 'Movements', 'right', 'if-free');
  });
  // The analysis layers (hot spots, heatmap, access gaps; h3-js) are one more chunk.
  load('analysis view', Promise.all([import('./hotspots/controller.js'), deckChunk]), ([analysis]) => {
    resets.push(analysis.startAnalysis(ctx));
    // Opened when the link names an analysis layer (the panel is available then).
    rail.add(byId('analysis-panel'), 'Analysis', 'right', 'always');
  });
  // Admin areas (issue 15): boundaries, district names and the choropleth, a small chunk.
  load('admin areas', Promise.all([import('./places/controller.js'), deckChunk]), ([areas]) => resets.push(areas.startAreas(ctx)));
  // Awareness surveys (issue 16): estimates, change and the exposure gap by district; MapLibre layers only.
  load('awareness view', Promise.all([import('./awareness/controller.js'), whenLoaded(map)]), ([aw]) => {
    resets.push(aw.startAwareness(ctx));
    rail.add(byId('awareness-panel'), 'Awareness', 'right', 'always');
  });
  // Map briefs (issue 8): the composer is a chunk of its own.
  load('brief composer', import('./briefs/controller.js'), (b) => b.startBriefs({ map, store }));
  const offline = (): void => load('basemap', loadOfflineBasemap(map), (b) => {
    data.countryLabels = b.labels;
    // Natural Earth 1:10m around Zambia from zoom 7 (issue 19).
    attachDetailBasemap(map, b.borders, ready.track);
  });
  // An archive has no fallback: a broken one is the operator's to fix, and the console says why.
  if (!onlineUrl && !archiveStyle) offline();
  else if (onlineUrl) {
    // An online style that cannot load (no link, blocked host) must not leave a blank map.
    map.once('error', (e) => {
      if (map.isStyleLoaded()) return;
      console.warn('Corridor: online basemap failed, falling back to the offline one', e.error);
      map.setStyle(offlineStyle(ZAMBEZI));
      offline();
    });
  }
  load('server status', api.health(), (h) => (byId('demo-banner').hidden = !h.demo));
  // Outreach sites are off by default: fetched the first time someone switches them on.
  let sitesRequested = false;
  // The catalogue needs a signed-in viewer unless PUBLIC_VIEWER is on: no requests before that.
  let canRead = false;
  const ensureSites = (): void => {
    if (!canRead || sitesRequested || !store.get().layers.has('sites')) return;
    sitesRequested = true;
    load('outreach sites', api.outreachSites(), (fc) => (data.sites = fc.features));
  };
  const loadData = (): void => {
    canRead = true;
    sitesRequested = false;
    load('monitoring points', api.monitoringPoints(), (fc) => (data.points = fc.features));
    load('services', api.services(), (fc) => (data.services = fc.features));
    ensureSites();
  };
  // The outreach planner is a chunk of its own, fetched only once someone has signed in.
  let plannerUser: ((me: Me | null) => void) | undefined;
  let plannerMe: Me | null = null;
  const planner = (me: Me | null): void => {
    plannerMe = me?.kind === 'anonymous' ? null : me;
    if (plannerUser) return plannerUser(plannerMe);
    if (!plannerMe) return;
    plannerUser = () => {}; // loading: later calls only update plannerMe
    load('outreach planner', Promise.all([import('./planner/controller.js'), deckChunk]), ([m]) => {
      plannerUser = m.startPlanner(ctx);
      rail.add(byId('planner-panel'), 'Planner', 'right', 'always');
      plannerUser(plannerMe);
    });
  };
  // Alerts (issue 17): a chunk loaded at the first sign-in; it shows itself to analysts and above.
  let alertsUser: ((me: Me | null) => void) | undefined;
  const alerts = (me: Me | null): void => {
    if (alertsUser) return alertsUser(me);
    if (!me || me.kind === 'anonymous') return;
    load('alerts', import('./alerts/controller.js'), (m) => {
      alertsUser = m.startAlerts({ map, slot: byId('alerts-slot'), layout: byId('map').parentElement as HTMLElement });
      // Opened from the header badge; in the rail it takes the layer panel's place on a laptop.
      rail.add(byId('alerts-panel'), 'Alerts', 'left', 'always');
      alertsUser(me);
    });
  };
  const publicViewer = config.publicViewer === true;
  auth = startAuth({
    menu: byId('user-menu'),
    publicViewer,
    onSignedIn(me) {
      offlineUse.user(userKey(me));
      loadData();
      planner(me);
      alerts(me);
      for (const reset of resets) reset(true); // requests made before may have met a 401
    },
    onSignedOut() {
      offlineUse.user(null); // the cached answers were this user's
      // What a signed-in user saw must not stay on screen after sign-out.
      data.points = data.services = data.sites = undefined;
      canRead = false;
      planner(null);
      alerts(null);
      for (const reset of resets) reset(publicViewer);
      redraw();
      if (publicViewer) loadData();
    },
    // The data screen is a chunk of its own; its "Show on the map" opens a link in this map.
    onData: (canWrite) => void import('./imports/dialog.js').then((m) => m.openImports(canWrite, url.navigate)),
  });
  load('sign-in', auth.ready, (me) => {
    offlineUse.user(userKey(me));
    if (me || publicViewer) loadData();
    planner(me);
    alerts(me);
    // `/?dataset=ID` (an import's map link) opens the flow map on that dataset's period.
    if (new URLSearchParams(location.search).has('dataset')) void import('./imports/showOnMap.js').then((m) => m.openDatasetFromQuery(url.navigate));
  });

  const syncLegend = renderLegend(byId('legend'), store.get(), {
    onLayer: (id, on) => store.update((s) => withLayer(s, id, on)),
    onServiceKind: (kind, on) => store.update((s) => withServiceKind(s, kind, on)),
  });
  store.subscribe((next, prev) => {
    if (next.layers === prev.layers && next.serviceKinds === prev.serviceKinds) return;
    syncLegend(next);
    ensureSites();
    redraw();
  });
  rail.add(byId('legend'), 'Layers', 'left', 'always');
  rail.add(list.root, 'In view', 'left', 'no');
  renderViewButtons(byId('views'), map);
  // No viewport in the link: open on the region overview, fitted around the legend (and
  // before the map is bound, so the link stays without one until the user moves the map).
  const overview = NAMED_VIEWS.find((v) => v.id === 'overview');
  if (!url.openedWithView && overview) goTo(map, overview, false);
  bindMapView(map, store);
  map.on('zoom', () => {
    if (quantZoom() !== drawnZoom) redraw();
  });
}

start().catch((err: unknown) => {
  console.error('Corridor: the map could not start', err);
  const node = document.getElementById('status');
  if (node) {
    node.hidden = false;
    node.textContent = 'The map could not start. Reload the page; if it keeps failing, tell the administrator.';
  }
});
