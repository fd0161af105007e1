import { ScatterplotLayer } from '@deck.gl/layers';
import { CurvedFlowLinesLayer, FlowLinesLayer, FlowmapLayer } from '@flowmap.gl/layers';
import type { Flow, FlowLocation } from '../../common/flows.js';
import { FLOW_HIGHLIGHT } from './flows.js';
import { lineEnds, lineIndicesAt, selectLines, type LineAttributes } from './placeLines.js';

export type Located = FlowLocation & { lat: number; lon: number };

interface PlaceHighlight {
  type: 'location' | 'flow';
  coords?: [number, number];
  lineAttributes?: LineAttributes;
}
interface Drawn {
  highlightedObject?: PlaceHighlight;
  layersData?: { lineAttributes?: LineAttributes };
}
/** One selection per highlight, so a redraw does not re-upload the same lines. */
const cache = new WeakMap<PlaceHighlight, LineAttributes | null>();

const COLOUR: [number, number, number, number] = [...FLOW_HIGHLIGHT, 255];

type Props = { flowLineThicknessScale?: number; flowLineCurviness?: number; flowLinesRenderingMode?: string };

/**
 * FlowmapLayer that also outlines a hovered place's flows in and out, and rings a hovered flow's
 * two ends. flowmap.gl 9.4 only rings the place's circle or outlines the line; its highlight
 * state already holds the circle's position (or the line's attributes), so the lines starting or
 * ending there are picked out of the drawn line attributes (placeLines.ts) and drawn once more,
 * outlined in the highlight colour.
 */
export class PlaceFlowmapLayer extends FlowmapLayer<Located, Flow> {
  static override layerName = 'PlaceFlowmapLayer';

  override renderLayers() {
    const layers = super.renderLayers();
    const state = this.state as Drawn | undefined;
    const h = state?.highlightedObject;
    if (h?.type === 'location') this.placeFlows(layers, h, state?.layersData?.lineAttributes);
    if (h?.type === 'flow' && h.lineAttributes) layers.push(this.endRings(h.lineAttributes));
    return layers;
  }

  /** The place's lines, outlined, slipped in under the circles so its ring stays on top. */
  private placeFlows(layers: unknown[], h: PlaceHighlight, all: LineAttributes | undefined): void {
    if (!h.coords || !all) return;
    if (!cache.has(h)) {
      const hits = lineIndicesAt(all, h.coords);
      cache.set(h, hits.length ? selectLines(all, hits) : null);
    }
    const data = cache.get(h);
    if (!data) return;
    const p = this.props as unknown as Props;
    const common = this.getSubLayerProps({
      id: 'place-flows-highlight',
      data,
      drawOutline: true,
      pickable: false,
      outlineColor: COLOUR,
      outlineThickness: 1.5,
      thicknessUnit: 12 * (p.flowLineThicknessScale ?? 1),
      curviness: p.flowLineCurviness ?? 1,
      parameters: { depthTest: false },
    });
    // Animated lines are straight: their highlight is too.
    const lines = p.flowLinesRenderingMode === 'curved' ? new CurvedFlowLinesLayer(common) : new FlowLinesLayer(common);
    const circles = layers.findIndex((l) => (l as { id?: string }).id === `${this.props.id}-circles`);
    layers.splice(circles < 0 ? layers.length : circles, 0, lines);
  }

  /** A hovered flow's two ends get the ring a hovered place gets. */
  private endRings(line: LineAttributes): ScatterplotLayer {
    return new ScatterplotLayer(
      this.getSubLayerProps({
        id: 'flow-ends-highlight',
        data: lineEnds(line),
        pickable: false,
        stroked: true,
        filled: false,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        radiusUnits: 'pixels',
        getRadius: (d: { radius: number }) => d.radius,
        getLineColor: COLOUR,
        getPosition: (d: { coords: [number, number] }) => d.coords,
      }),
    );
  }
}
