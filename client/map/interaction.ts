import type { PickingInfo } from '@deck.gl/core';
import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import type { MonitoringPointProps, OutreachSiteProps, ServiceProps } from '../../common/catalog.js';
import type { PointFeature } from '../api.js';
import { POINTS_LAYER_ID } from '../layers/monitoringPoints.js';
import { SITES_LAYER_ID } from '../layers/outreachSites.js';
import { SERVICES_LAYER_ID } from '../layers/services.js';
import { monitoringPointCard, outreachSiteCard, serviceCard } from '../panels/popup.js';
import type { DeckHandle } from './deckOverlay.js';

/**
 * Click → popup, hover → pointer cursor. Interleaved MapLibreOverlay does not forward
 * map events to deck.gl, so picking is asked for explicitly on MapLibre's events.
 */
export function cardFor(info: Pick<PickingInfo, 'layer' | 'object'>): { node: HTMLElement; at: [number, number] } | null {
  const id = info.layer?.id;
  if (id === POINTS_LAYER_ID) {
    const f = info.object as PointFeature<MonitoringPointProps>;
    return { node: monitoringPointCard(f.properties), at: lngLat(f) };
  }
  if (id === SERVICES_LAYER_ID) {
    const f = info.object as PointFeature<ServiceProps>;
    return { node: serviceCard(f.properties), at: lngLat(f) };
  }
  if (id === SITES_LAYER_ID) {
    const f = info.object as PointFeature<OutreachSiteProps>;
    return { node: outreachSiteCard(f.properties), at: lngLat(f) };
  }
  return null;
}

function lngLat(f: { geometry: { coordinates: number[] } }): [number, number] {
  return [f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0];
}

/** What the keyboard list (panels/inView.ts) uses: the click's popup for a feature, and closing it. */
export interface Cards {
  show(layerId: string, feature: unknown): void;
  /** Closes the popup; false when none was open. */
  close(): boolean;
}

export function wireInteraction(map: MapLibreMap, deck: DeckHandle): Cards {
  const popup = new Popup({ closeButton: true, closeOnClick: false, maxWidth: '300px', offset: 12 });
  map.on('click', (e) => {
    const info = deck.pick(e.point.x, e.point.y);
    const card = info?.object ? cardFor(info) : null;
    if (!card) {
      popup.remove();
      return;
    }
    popup.setLngLat(card.at).setDOMContent(card.node).addTo(map);
  });
  let frame = 0;
  map.on('mousemove', (e) => {
    // Picking renders an offscreen frame: at most once per animation frame.
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const hit = deck.pick(e.point.x, e.point.y)?.object;
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
    });
  });
  // Escape closes the popup wherever focus is, as users of dialogs expect.
  map.getContainer().addEventListener('keydown', (e) => {
    if (e.key === 'Escape') popup.remove();
  });
  return {
    show(layerId, feature) {
      const card = cardFor({ layer: { id: layerId } as PickingInfo['layer'], object: feature });
      if (card) popup.setLngLat(card.at).setDOMContent(card.node).addTo(map);
    },
    close() {
      const open = popup.isOpen();
      popup.remove();
      return open;
    },
  };
}
