import type { Layer } from '@deck.gl/core';
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

export async function drawMap(box: HTMLElement, d: BriefData): Promise<MapPicture> {
  const v = d.view;
  const view = v.lat !== null && v.lon !== null && v.zoom !== null ? { lat: v.lat, lon: v.lon, zoom: v.zoom } : { lat: -13.5, lon: 27.5, zoom: 4.6 };
  const map = createMap(box, offlineStyle(ZAMBEZI), view, { pixelRatio: PRINT_PIXEL_RATIO, interactive: false });
  const [{ attachDeck }, { createFlowLayer }] = await Promise.all([import('../map/deckOverlay.js'), import('../layers/flowsFlowmap.js')]);
  let deck: ReturnType<typeof attachDeck> | null = null;
  const ready = trackReadiness(map, () => deck?.allLoaded() ?? false);
  const fit = v.zoom === null ? extent(d) : null;
  if (fit) map.fitBounds(fit, { padding: 40, animate: false, maxZoom: 9 });
  const basemap = await ready.track(loadOfflineBasemap(map));
  performance.mark('brief:basemap');
  deck = attachDeck(map);
  const data: LayerData = { towns: TOWNS, countryLabels: basemap.labels, points: pointsOf(d) };
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
  const canvas = map.getCanvas();
  const picture = { url: canvas.toDataURL('image/png'), lat: map.getCenter().lat, zoom: map.getZoom(), widthPx: box.clientWidth, heightPx: box.clientHeight };
  map.remove();
  return picture;
}
