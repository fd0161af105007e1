import { describe as group, expect, it } from 'vitest';
import { describe as tooltip } from '../../../client/flows/hover.js';
import { derivePickingColour } from '../../../client/layers/pickingShader.js';
import type { FlowsResponse } from '../../../common/flows.js';

const res = {
  flows: [
    { origin: 'a', dest: 'b', count: 30 },
    { origin: 'c', dest: 'b', count: 10 },
    { origin: 'a', dest: 'd', count: null },
  ],
  totals: { people: 200, flows: 3 },
  disclosure: { k: 5 },
} as unknown as FlowsResponse;

group('the flow tooltip', () => {
  it('when a cluster line is hovered, then it counts its published member flows, their share, and how many were too small to show', () => {
    const lines = tooltip({ type: 'flow', origin: { id: 'x', name: 'A area (2)', children: ['a', 'c'] }, dest: { id: 'b', name: 'B' }, count: 40 }, res);
    expect(lines).toEqual(['A area (2) → B', '40 people · 20.0 % of all shown']);
  });

  it('when only suppressed flows make a line, then it reads "<k" with no share (a share would reveal the count)', () => {
    const lines = tooltip({ type: 'flow', origin: { id: 'a', name: 'A' }, dest: { id: 'd', name: 'D' }, count: 0 }, res);
    expect(lines).toEqual(['A → D', '<5 people', 'and 1 flow of fewer than 5 not counted']);
  });

  it('when a place is hovered, then its people in and out include the flows within it', () => {
    const lines = tooltip({ type: 'location', id: 'b', name: 'B', totals: { incomingCount: 40, outgoingCount: 0, internalCount: 2 } }, res);
    expect(lines).toEqual(['B', '42 in · 2 out']);
  });
});

group('flowmap.gl picking under deck.gl 9.4', () => {
  it('when a flowmap.gl vertex shader reads instancePickingColors, then it derives the colour from the instance id instead', () => {
    const vs = 'in vec3 instancePositions;\nin vec3 instancePickingColors;\nvoid main() {\n  geometry.pickingColor = instancePickingColors;\n}';
    const out = derivePickingColour(vs);
    expect(out).not.toContain('instancePickingColors');
    expect(out).toContain('geometry.pickingColor = picking_getPickingColorFromInstanceID();');
    expect(out).toContain('in vec3 instancePositions;');
  });
});
