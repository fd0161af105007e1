import { CurvedFlowLinesLayer, FlowLinesLayer, FlowmapLayer } from '@flowmap.gl/layers';
import type { Flow, FlowLocation } from '../../common/flows.js';
import { lineIndicesAt, selectLines, type LineAttributes } from './placeLines.js';

export type Located = FlowLocation & { lat: number; lon: number };

/**
 * FlowmapLayer that also outlines a hovered place's flows in and out. flowmap.gl 9.4 only rings
 * the place's circle; its highlight state already holds the circle's position, so the lines
 * starting or ending there are picked out of the drawn line attributes (placeLines.ts) and drawn
 * once more, outlined in the highlight colour, under the circles (so the ring stays on top).
 */
interface PlaceHighlight {
  type: 'location' | 'flow';
  coords?: [number, number];
}
interface Drawn {
  highlightedObject?: PlaceHighlight;
  layersData?: { lineAttributes?: LineAttributes };
}
/** One selection per highlight, so a redraw does not re-upload the same lines. */
const cache = new WeakMap<PlaceHighlight, LineAttributes | null>();

function hexToRgba(hex: string): [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

export class PlaceFlowmapLayer extends FlowmapLayer<Located, Flow> {
  static override layerName = 'PlaceFlowmapLayer';

  override renderLayers() {
    const layers = super.renderLayers();
    const state = this.state as Drawn | undefined;
    const h = state?.highlightedObject;
    const all = state?.layersData?.lineAttributes;
    if (h?.type !== 'location' || !h.coords || !all) return layers;
    if (!cache.has(h)) {
      const hits = lineIndicesAt(all, h.coords);
      cache.set(h, hits.length ? selectLines(all, hits) : null);
    }
    const data = cache.get(h);
    if (!data) return layers;
    const p = this.props as unknown as { highlightColor?: string; flowLineThicknessScale?: number; flowLineCurviness?: number; flowLinesRenderingMode?: string };
    const common = this.getSubLayerProps({
      id: 'place-flows-highlight',
      data,
      drawOutline: true,
      pickable: false,
      outlineColor: hexToRgba(p.highlightColor ?? '#f2a900'),
      outlineThickness: 1.5,
      thicknessUnit: 12 * (p.flowLineThicknessScale ?? 1),
      curviness: p.flowLineCurviness ?? 1,
      parameters: { depthTest: false },
    });
    // Animated lines are straight: their highlight is too.
    const lines = p.flowLinesRenderingMode === 'curved' ? new CurvedFlowLinesLayer(common) : new FlowLinesLayer(common);
    const circles = layers.findIndex((l: { id?: string }) => l.id === `${this.props.id}-circles`);
    layers.splice(circles < 0 ? layers.length : circles, 0, lines);
    return layers;
  }
}
