import type { Layer } from '@deck.gl/core';
import type { ServiceKind } from '../../common/vocabulary.js';
import type { LayerData } from '../layers/types.js';
import type { InViewItem } from '../panels/inView.js';
import type { AppState } from '../state.js';
import { SERVICE_KIND_LABELS } from '../format.js';

/**
 * The keyboard list's items (panels/inView.ts) from what the active layers draw: points,
 * services and outreach sites open their popup; the flow map's places and the analysis
 * layer's marked cells open their details panel, as a click does (through the URL state).
 */
export interface ItemActions {
  card(layerId: string, feature: unknown): void;
  flowPlace(id: string): void;
  cell(h3: string): void;
}

/** Layer ids as in layers/monitoringPoints.ts, services.ts, outreachSites.ts (not imported: those pull in deck.gl). */
const LAYER = { points: 'monitoring-points', services: 'services', sites: 'outreach-sites' } as const;

interface FlowPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

/** deck.gl layers keep their data in props.data: the flow layer's places, the analysis dots' cells. */
function layerData<T>(layer: Layer | undefined): T | undefined {
  return layer ? (layer.props as { data?: T }).data : undefined;
}

export function inViewItems(state: Pick<AppState, 'layers' | 'serviceKinds'>, data: LayerData, act: ItemActions): InViewItem[] {
  const items: InViewItem[] = [];
  const at = (f: { geometry: { coordinates: number[] } }) => ({ lon: f.geometry.coordinates[0] ?? 0, lat: f.geometry.coordinates[1] ?? 0 });
  if (state.layers.has('points')) {
    for (const f of data.points ?? []) items.push({ key: `point:${f.properties.id}`, group: 'Monitoring points', name: f.properties.name, ...at(f), open: () => act.card(LAYER.points, f) });
  }
  if (state.layers.has('services')) {
    for (const f of data.services ?? []) {
      if (!state.serviceKinds.has(f.properties.kind as ServiceKind)) continue;
      items.push({ key: `service:${f.properties.id}`, group: 'Services', name: `${f.properties.name} (${SERVICE_KIND_LABELS[f.properties.kind as ServiceKind] ?? f.properties.kind})`, ...at(f), open: () => act.card(LAYER.services, f) });
    }
  }
  if (state.layers.has('sites')) {
    for (const f of data.sites ?? []) items.push({ key: `site:${f.properties.id}`, group: 'Outreach sites', name: f.properties.name, ...at(f), open: () => act.card(LAYER.sites, f) });
  }
  for (const l of layerData<{ locations?: FlowPlace[] }>(data.flowLayer)?.locations ?? []) {
    items.push({ key: `flow:${l.id}`, group: 'Flow places', name: l.name, lon: l.lon, lat: l.lat, open: () => act.flowPlace(l.id) });
  }
  const dots = data.analysisLayers?.find((l) => l.id === 'analysis-dots');
  for (const c of layerData<{ h3: string; at: [number, number] }[]>(dots) ?? []) {
    items.push({ key: `cell:${c.h3}`, group: 'Analysis cells', name: `Cell ${c.h3}`, lat: c.at[0], lon: c.at[1], open: () => act.cell(c.h3) });
  }
  return items;
}
