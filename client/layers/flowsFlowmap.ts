import type { Layer } from '@deck.gl/core';
import type { ScaleState } from '@flowmap.gl/data';
import { FlowmapLayer } from '@flowmap.gl/layers';
import type { Flow, FlowLocation, FlowsResponse } from '../../common/flows.js';
import { FLOW_COLOR, FLOWS_LAYER_ID } from './flows.js';
import { toHex } from './colors.js';

/**
 * The FlowmapLayer itself: this module (and @flowmap.gl) is its own chunk, loaded with
 * import() once the flow view starts, so the first paint of the map does not wait for it.
 */
interface FlowLayerOptions {
  lockScale: boolean;
  selected: string | null;
  /** Called with the scale in use, for the legend. */
  onScale?: (s: ScaleState | undefined) => void;
}

type Located = FlowLocation & { lat: number; lon: number };

export function createFlowLayer(res: FlowsResponse, opts: FlowLayerOptions): Layer {
  // Unplaced ends (lat null) and suppressed flows (count null) cannot be drawn: the panel
  // and the table still list them, as "<k".
  const locations = res.locations.filter((l): l is Located => l.lat !== null && l.lon !== null);
  const placed = new Set(locations.map((l) => l.id));
  const flows = res.flows.filter((f) => f.count !== null && placed.has(f.origin) && placed.has(f.dest));
  const hex = toHex(FLOW_COLOR);
  return new FlowmapLayer<Located, Flow>({
    id: FLOWS_LAYER_ID,
    data: { locations, flows },
    pickable: true,
    // One colour (width carries the magnitude): readable on the pale basemap, and a
    // colour the points and service symbols do not use.
    colorScheme: [hex, hex],
    fadeEnabled: false,
    highlightColor: '#f2a900',
    flowLinesRenderingMode: 'curved',
    clusteringEnabled: true,
    clusteringAuto: true,
    locationTotalsEnabled: true,
    // Place names come from the app's own label layers (halo, collision handling).
    locationLabelsEnabled: false,
    adaptiveScalesEnabled: true,
    // Thinner than the default and capped: the overview stays readable on a laptop screen.
    flowLineThicknessScale: 0.8,
    maxTopFlowsDisplayNum: 400,
    scaleLock: { enabled: opts.lockScale },
    onScaleChange: opts.onScale,
    filter: opts.selected && placed.has(opts.selected) ? { selectedLocations: [opts.selected] } : undefined,
    getLocationId: (l) => l.id,
    getLocationName: (l) => l.name,
    getLocationLat: (l) => l.lat,
    getLocationLon: (l) => l.lon,
    getFlowOriginId: (f) => f.origin,
    getFlowDestId: (f) => f.dest,
    getFlowMagnitude: (f) => f.count ?? 0,
  });
}
