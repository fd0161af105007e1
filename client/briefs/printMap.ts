import type { Layer } from '@deck.gl/core';
import type { DeckHandle } from '../map/deckOverlay.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MonitoringPointProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import { TOWNS, ZAMBEZI } from '../geography.js';
import type { FlowsResponse } from '../../common/flows.js';
import type { LayerData } from '../layers/types.js';
import { loadOfflineBasemap } from '../map/basemap.js';
import { createMap } from '../map/createMap.js';
import { offlineStyle } from '../map/offlineStyle.js';
import { trackReadiness } from '../map/ready.js';
import type { BriefData } from '../../common/briefs.js';
import type { MapPicture } from './types.js';

/**
 * The brief's map: MapLibre + deck.gl drawn off-screen at print resolution, then captured
 * to a PNG data URL. Chromium's PDF path prints WebGL canvases blank, so the sheet shows an
 * <img> of the finished frame instead of the canvas.
 */
const PRINT_PIXEL_RATIO = 2.5; // 2.5 × 96 = 240 dpi at print size


function pointsOf(d: BriefData): PointFeature<MonitoringPointProps>[] {
  return d.crossings.map((c) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    properties: {
      id: c.id, code: String(c.id), name: c.name, kind: c.kind as MonitoringPointProps['kind'], corridor: c.corridor as MonitoringPointProps['corridor'],
      district: '', country: '', facingCountry: null, hours: null, isSynthetic: d.demo,
    },
  }));
}

/** Bounds around every drawn flow end and crossing, for a brief without a saved viewport. */
function extent(d: BriefData): [[number, number], [number, number]] | null {
  const pts: [number, number][] = [
    ...d.crossings.map((c): [number, number] => [c.lon, c.lat]),
    ...d.flows.locations.flatMap((l): [number, number][] => (l.lat === null || l.lon === null ? [] : [[l.lon, l.lat]])),
  ];
  if (pts.length === 0) return null;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]];
}

/**
 * Resolves once MapLibre and deck.gl report the frame drawn (map/ready.ts) and the flow layer
 * has built its sub-layers: the FlowmapLayer prepares its data asynchronously and, until then,
 * counts as loaded with nothing drawn — a capture then would miss every flow.
 */
function frame(map: MapLibreMap, flowLayer: Layer | undefined): Promise<void> {
  const flowsDrawn = () => !flowLayer || (flowLayer.isLoaded && (flowLayer as Layer & { getSubLayers(): Layer[] }).getSubLayers().length > 0);
  return new Promise((resolve) => {
    let settled = 0;
    // A flow layer with nothing drawable never builds sub-layers: do not wait for it forever.
    const giveUp = Date.now() + 30_000;
    const check = () => {
      const ok = document.body.dataset.mapReady === 'true' && (flowsDrawn() || Date.now() > giveUp);
      settled = ok ? settled + 1 : 0;
      if (settled >= 3) return resolve();
      if (!ok && document.body.dataset.mapReady === 'true') map.triggerRepaint();
      window.setTimeout(check, 100);
    };
    check();
  });
}

interface LiveMap {
  map: MapLibreMap;
  deck: DeckHandle;
  ready: ReturnType<typeof trackReadiness>;
  container: HTMLElement;
  labels: LayerData['countryLabels'];
}

/**
 * One MapLibre map per page, kept between briefs (issue 21 §5): the server's warm print page
 * draws brief after brief without reloading, so the style, the basemap and deck.gl's shaders are
 * made once; a brief moves the camera and replaces the layers. Its container moves into each
 * sheet's map box while the frame is drawn and out again once it is copied.
 */
let live: Promise<LiveMap> | null = null;

function liveMap(): Promise<LiveMap> {
  if (!live) {
    live = (async () => {
      const container = document.createElement('div');
      container.className = 'b-map-live';
      // Off-screen until a brief needs it; MapLibre needs a sized container to start.
      Object.assign(container.style, { position: 'absolute', left: '-10000px', top: '0', width: '680px', height: '600px' });
      document.documentElement.append(container);
      const map = createMap(container, offlineStyle(ZAMBEZI), { lat: -13.5, lon: 27.5, zoom: 4.6 }, {
        pixelRatio: PRINT_PIXEL_RATIO, interactive: false,
        // No MSAA: on SwiftShader (no GPU on the server) it multiplies the cost of every frame, and
        // at 240 dpi the edges are fine without it.
        antialias: false,
      });
      const [{ attachDeck }] = await Promise.all([import('../map/deckOverlay.js'), import('../layers/flowsFlowmap.js')]);
      let deck: DeckHandle | null = null;
      const ready = trackReadiness(map, () => deck?.allLoaded() ?? false);
      const basemap = await ready.track(loadOfflineBasemap(map));
      deck = attachDeck(map);
      return { map, deck, ready, container, labels: basemap.labels };
    })();
    live.catch(() => { live = null; });
  }
  return live;
}

/** Starts the map before the first brief (the warm print page calls it while it waits). */
export function prepareMap(): Promise<void> {
  return liveMap().then(() => undefined);
}

/** Drops the last brief's layers, so nothing of it stays in the page for the next caller. */
export async function clearMap(): Promise<void> {
  if (!live) return;
  const m = await live;
  m.deck.render({ layers: new Set(), serviceKinds: new Set(), zoom: m.map.getZoom() }, { towns: [], countryLabels: m.labels, points: [] });
  document.documentElement.append(m.container);
  m.container.style.left = '-10000px';
}

export async function drawMap(box: HTMLElement, d: BriefData): Promise<MapPicture> {
  const m = await liveMap();
  const { map, deck, ready } = m;
  // Sized in pixels, so a brief on the same paper as the last one needs no resize (a new drawing buffer).
  const size = { width: `${box.clientWidth}px`, height: `${box.clientHeight}px` };
  const resize = m.container.style.width !== size.width || m.container.style.height !== size.height;
  Object.assign(m.container.style, { position: 'absolute', left: '0', top: '0', ...size });
  box.replaceChildren(m.container);
  if (resize) map.resize();
  const v = d.view;
  const fit = v.zoom === null ? extent(d) : null;
  if (v.lat !== null && v.lon !== null && v.zoom !== null) map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom });
  else if (fit) map.fitBounds(fit, { padding: 40, animate: false, maxZoom: 9 });
  else map.jumpTo({ center: [27.5, -13.5], zoom: 4.6 });
  performance.mark('brief:basemap');
  const { createFlowLayer } = await import('../layers/flowsFlowmap.js');
  const data: LayerData = { towns: TOWNS, countryLabels: m.labels, points: pointsOf(d) };
  const flows = d.flows as FlowsResponse;
  if (flows.flows.length > 0) data.flowLayer = createFlowLayer(flows, { lockScale: false, selected: null });
  // A saved outreach plan's recommended sites, as the outreach layer draws them (rings).
  if (d.plan) {
    data.sites = d.plan.sites.map((x) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [x.lon, x.lat] },
      properties: { id: x.rank, name: x.name, kind: x.activity, corridor: 'other', footfall: null, cost: null, isSynthetic: d.plan?.synthetic ?? false },
    }));
  }
  deck.render({ layers: new Set(['points', 'labels', 'sites']), serviceKinds: new Set(), zoom: Math.round(map.getZoom() * 4) / 4 }, data);
  ready.invalidate();
  await frame(map, data.flowLayer);
  performance.mark('brief:map');
  // A JPEG of the frame (a WebGL canvas prints blank): Chromium's PDF embeds a JPEG as it is,
  // where a PNG or a canvas is compressed again when printing (seconds at this size), and a PNG
  // takes seconds to encode on a loaded server.
  const url = map.getCanvas().toDataURL('image/jpeg', 0.92);
  return { url, lat: map.getCenter().lat, zoom: map.getZoom(), widthPx: box.clientWidth, heightPx: box.clientHeight };
}
