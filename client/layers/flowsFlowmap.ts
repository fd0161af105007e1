import type { Layer } from '@deck.gl/core';
import type { ScaleState } from '@flowmap.gl/data';
import type { ClusterLevels } from '@flowmap.gl/data';
import type { Flow, FlowsResponse } from '../../common/flows.js';
import type { FlowHoverInfo } from '../flows/hover.js';
import { FLOW_COLOR, FLOW_HIGHLIGHT, FLOWS_LAYER_ID } from './flows.js';
import { toHex } from './colors.js';
import { patchFlowmapPicking } from './flowmapPicking.js';
import { PlaceFlowmapLayer, type Located } from './flowmapPlaces.js';

patchFlowmapPicking();

/**
 * The FlowmapLayer itself: this module (and @flowmap.gl) is its own chunk, loaded with
 * import() once the flow view starts, so the first paint of the map does not wait for it.
 */
interface FlowLayerOptions {
  lockScale: boolean;
  selected: string | null;
  /** Called with the scale in use, for the legend. */
  onScale?: (s: ScaleState | undefined) => void;
  /** Our own cluster levels (flows/clusters.ts), null to draw every end apart, absent for flowmap.gl's own. */
  clusters?: ClusterLevels | null;
  /** Names a cluster from its members, heaviest first. */
  clusterName?: (ids: (string | number)[]) => string;
  /** 0 = no fading (the default); up to 100 = small flows nearly vanish. */
  fade?: number;
  top?: number;
  animate?: boolean;
  /** FlowmapLayer's hover callback, with the picked flow or place (flows/hover.ts). */
  onHover?: (info: FlowHoverInfo) => void;
  onClick?: (info: FlowHoverInfo) => void;
}

export type { Located };

/**
 * What can be drawn: unplaced ends (lat null) and suppressed flows (count null) cannot; the
 * panel and the table still list them, as "<k". Ends without a drawable flow are left out.
 */
export function drawable(res: FlowsResponse): { locations: Located[]; flows: Flow[] } {
  const placedAll = res.locations.filter((l): l is Located => l.lat !== null && l.lon !== null);
  const placed = new Set(placedAll.map((l) => l.id));
  const flows = res.flows.filter((f) => f.count !== null && placed.has(f.origin) && placed.has(f.dest));
  const used = new Set(flows.flatMap((f) => [f.origin, f.dest]));
  return { locations: placedAll.filter((l) => used.has(l.id)), flows };
}

export function createFlowLayer(res: FlowsResponse, opts: FlowLayerOptions): Layer {
  const { locations, flows } = drawable(res);
  const placed = new Set(locations.map((l) => l.id));
  const hex = toHex(FLOW_COLOR);
  return new PlaceFlowmapLayer({
    id: FLOWS_LAYER_ID,
    data: opts.clusters ? { locations, flows, clusterLevels: opts.clusters } : { locations, flows },
    pickable: true,
    // One colour (width carries the magnitude): readable on the pale basemap, and a
    // colour the points and service symbols do not use.
    colorScheme: [hex, hex],
    // Fading by magnitude: the few large flows read first at the overview.
    fadeEnabled: (opts.fade ?? 0) > 0,
    fadeAmount: opts.fade ?? 0,
    highlightColor: toHex(FLOW_HIGHLIGHT),
    // Animated lines are straight (flowmap.gl draws moving dashes only on straight lines).
    flowLinesRenderingMode: opts.animate ? 'animated-straight' : 'curved',
    clusteringEnabled: opts.clusters !== null,
    clusteringAuto: true,
    getLocationClusterName: opts.clusterName,
    locationTotalsEnabled: true,
    // Place names come from the app's own label layers (halo, collision handling).
    locationLabelsEnabled: false,
    adaptiveScalesEnabled: true,
    // Thinner than the default and capped: the overview stays readable on a laptop screen.
    flowLineThicknessScale: 0.8,
    maxTopFlowsDisplayNum: opts.top ?? 400,
    scaleLock: { enabled: opts.lockScale },
    onScaleChange: opts.onScale,
    filter: filterFor(opts.selected && placed.has(opts.selected) ? opts.selected : null),
    onHover: opts.onHover as ((info: unknown) => void) | undefined,
    onClick: opts.onClick as ((info: unknown) => void) | undefined,
    getLocationId: (l) => l.id,
    getLocationName: (l) => l.name,
    getLocationLat: (l) => l.lat,
    getLocationLon: (l) => l.lon,
    getFlowOriginId: (f) => f.origin,
    getFlowDestId: (f) => f.dest,
    getFlowMagnitude: (f) => f.count ?? 0,
  });
}

function filterFor(id: string | null): { selectedLocations: string[] } | undefined {
  return id ? { selectedLocations: [id] } : undefined;
}
