import { AnimatedFlowLinesLayer, CurvedFlowLinesLayer, FlowCirclesLayer, FlowLinesLayer } from '@flowmap.gl/layers';
import { derivePickingColour } from './pickingShader.js';

/**
 * Picking for @flowmap.gl/layers 9.4 under deck.gl 9.4. flowmap.gl's vertex shaders still read
 * the per-instance `instancePickingColors` attribute, which deck.gl 9.4 layers no longer have
 * (deck derives an instance's picking colour from gl_InstanceID; luma.gl warns "not present in
 * buffer layout"): every flow and circle drew picking colour 0, so nothing could be hovered or
 * clicked. Each sublayer's shader is given deck's own derivation instead, once, at import. The
 * instance index is the object index FlowmapLayer's picking info expects.
 */
interface WithShaders {
  prototype: { getShaders(this: unknown, ...args: unknown[]): { vs: string } & Record<string, unknown> };
}

let patched = false;

export function patchFlowmapPicking(): void {
  if (patched) return;
  patched = true;
  for (const layer of [FlowLinesLayer, CurvedFlowLinesLayer, AnimatedFlowLinesLayer, FlowCirclesLayer] as unknown as WithShaders[]) {
    const own = layer.prototype.getShaders;
    layer.prototype.getShaders = function (this: unknown, ...args: unknown[]) {
      const shaders = own.apply(this, args);
      return { ...shaders, vs: derivePickingColour(shaders.vs) };
    };
  }
}
