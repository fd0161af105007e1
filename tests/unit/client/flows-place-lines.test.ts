import { describe, expect, it } from 'vitest';
import { lineEnds, lineIndicesAt, selectLines, type LineAttributes } from '../../../client/layers/placeLines.js';

// Lines as FlowmapLayer lays them out: positions (lon, lat, 0) as float64, colours as bytes.
function lines(ends: [[number, number], [number, number]][]): LineAttributes {
  return {
    length: ends.length,
    attributes: {
      getSourcePosition: { value: Float64Array.from(ends.flatMap(([a]) => [a[0], a[1], 0])), size: 3 },
      getTargetPosition: { value: Float64Array.from(ends.flatMap(([, b]) => [b[0], b[1], 0])), size: 3 },
      getThickness: { value: Float32Array.from(ends.map((_, i) => i + 1)), size: 1 },
      getColor: { value: Uint8Array.from(ends.flatMap((_, i) => [i, 0, 0, 255])), size: 4 },
    },
  };
}

const NAKONDE: [number, number] = [32.75, -9.35];
const LUSAKA: [number, number] = [28.28, -15.42];
const SESHEKE: [number, number] = [24.3, -17.47];

describe('a hovered place’s flows in and out, from the drawn line attributes', () => {
  const all = lines([
    [NAKONDE, LUSAKA],
    [SESHEKE, LUSAKA],
    [LUSAKA, NAKONDE],
    [SESHEKE, NAKONDE],
  ]);

  it('when a place is hovered, then every line starting or ending there is picked, and no other', () => {
    expect(lineIndicesAt(all, NAKONDE)).toEqual([0, 2, 3]);
    expect(lineIndicesAt(all, SESHEKE)).toEqual([1, 3]);
    expect(lineIndicesAt(all, [24.31, -17.47])).toEqual([]);
  });

  it('when the lines are selected, then each attribute keeps its layout and type, in the given order', () => {
    const some = selectLines(all, [1, 3]);
    expect(some.length).toBe(2);
    expect(some.attributes['getThickness']?.value).toEqual(Float32Array.from([2, 4]));
    expect(some.attributes['getColor']?.value).toEqual(Uint8Array.from([1, 0, 0, 255, 3, 0, 0, 255]));
    expect(some.attributes['getColor']?.value).toBeInstanceOf(Uint8Array);
    expect(Array.from(some.attributes['getTargetPosition']?.value ?? [])).toEqual([...LUSAKA, 0, ...NAKONDE, 0]);
  });

  it('when no line touches the place, then the selection is empty', () => {
    expect(selectLines(all, []).length).toBe(0);
  });

  it('when one flow is hovered, then both its ends are ringed at the radius of their circles', () => {
    const one = selectLines(
      { ...all, attributes: { ...all.attributes, getEndpointOffsets: { value: Float32Array.from([7, 3, 9, 4, 5, 6, 2, 8]), size: 2 } } },
      [2],
    );
    expect(lineEnds(one)).toEqual([
      { coords: LUSAKA, radius: 5 },
      { coords: NAKONDE, radius: 6 },
    ]);
    expect(lineEnds(selectLines(all, []))).toEqual([]);
  });
});
