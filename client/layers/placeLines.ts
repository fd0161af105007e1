/**
 * The flows in and out of a hovered place, picked out of FlowmapLayer's own line attributes (the
 * typed arrays it draws from, after clustering and the top-N cut), so the highlight shows exactly
 * the lines on screen that start or end at the place's circle; and the two ends of a hovered line.
 * Pure: unit-tested without WebGL.
 */
type NumericArray = Float32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array | Int32Array;
interface Attribute {
  value: NumericArray;
  size: number;
}
export interface LineAttributes {
  length: number;
  attributes: Record<string, Attribute>;
}

/** Circle and line ends are made from the same coordinates; the tolerance only absorbs float noise. */
const SAME = 1e-6;

export function lineIndicesAt(lines: LineAttributes, at: readonly [number, number]): number[] {
  const src = lines.attributes.getSourcePosition;
  const dst = lines.attributes.getTargetPosition;
  if (!src || !dst) return [];
  const hits: number[] = [];
  const near = (a: Attribute, i: number) =>
    Math.abs((a.value[i * a.size] ?? NaN) - at[0]) < SAME && Math.abs((a.value[i * a.size + 1] ?? NaN) - at[1]) < SAME;
  for (let i = 0; i < lines.length; i++) if (near(src, i) || near(dst, i)) hits.push(i);
  return hits;
}

/** A copy of the attributes holding only the given lines, in the same layout. */
export function selectLines(lines: LineAttributes, indices: readonly number[]): LineAttributes {
  const attributes: Record<string, Attribute> = {};
  for (const [name, a] of Object.entries(lines.attributes)) {
    // Same array type as the layer's (bytes for colours, floats for positions).
    const value = new (a.value.constructor as new (length: number) => NumericArray)(indices.length * a.size);
    indices.forEach((from, to) => {
      for (let k = 0; k < a.size; k++) value[to * a.size + k] = a.value[from * a.size + k] ?? 0;
    });
    attributes[name] = { value, size: a.size };
  }
  return { length: indices.length, attributes };
}

/** The two ends of a single highlighted line, with the radius of the circle drawn at each. */
export function lineEnds(line: LineAttributes): { coords: [number, number]; radius: number }[] {
  const { getSourcePosition: src, getTargetPosition: dst, getEndpointOffsets: r } = line.attributes;
  if (!src || !dst || line.length < 1) return [];
  const end = (a: Attribute, k: number) => ({
    coords: [a.value[0] ?? 0, a.value[1] ?? 0] as [number, number],
    radius: r?.value[k] ?? 0,
  });
  return [end(src, 0), end(dst, 1)];
}
