/** The shader edit of flowmapPicking.ts, apart so it is unit-tested without loading flowmap.gl. */
const ATTRIBUTE = /^\s*in vec3 instancePickingColors;\s*$/m;
const USE = /geometry\.pickingColor = instancePickingColors;/g;

export function derivePickingColour(vs: string): string {
  return vs.replace(ATTRIBUTE, '').replace(USE, 'geometry.pickingColor = picking_getPickingColorFromInstanceID();');
}
