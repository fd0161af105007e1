import type { Topology } from 'topojson-specification';

/** A lon/lat box (the offline basemap's REGION, client/map/countries.ts). */
export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

type Rings = number[][]; // a polygon: rings of arc indices (~i: arc i reversed)

interface CountryGeometry {
  type: string;
  id?: string | number;
  properties?: Record<string, unknown>;
  arcs?: Rings | Rings[];
}

/** Absolute positions of each arc (world-atlas arcs are quantized and delta-encoded). */
function decodeArcs(topology: Topology): [number, number][][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx = 0, dy = 0]) => {
      if (!t) return [dx, dy];
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

/**
 * The countries of a world-atlas topology cut to `box` at build time (issue 19: the whole world is
 * 0.76 MB, the map shows Africa). A polygon part is kept when all its rings lie inside the box —
 * the rule the client applies anyway (clipCountries), so the map draws the same land — and only
 * the arcs the kept parts use remain, renumbered. Other objects (world-atlas `land`) are dropped.
 */
export function cutTopology(topology: Topology, box: Box, object = 'countries'): Topology {
  const positions = decodeArcs(topology);
  const arcInside = positions.map((arc) => arc.every(([x, y]) => x >= box.west && x <= box.east && y >= box.south && y <= box.north));
  const inside = (ref: number): boolean => arcInside[ref < 0 ? ~ref : ref] === true;
  const source = topology.objects[object] as unknown as { type: 'GeometryCollection'; geometries: CountryGeometry[] };
  const used = new Map<number, number>();
  const renumber = (ref: number): number => {
    const i = ref < 0 ? ~ref : ref;
    let j = used.get(i);
    if (j === undefined) used.set(i, (j = used.size));
    return ref < 0 ? ~j : j;
  };
  const geometries: CountryGeometry[] = [];
  for (const g of source.geometries) {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const parts = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as Rings[];
    const kept = parts.filter((p) => p.every((ring) => ring.every(inside)));
    if (kept.length === 0) continue;
    geometries.push({ ...g, type: 'MultiPolygon', arcs: kept.map((p) => p.map((ring) => ring.map(renumber))) });
  }
  const arcs: Topology['arcs'] = [];
  for (const [i, j] of used) arcs[j] = topology.arcs[i] ?? [];
  const { bbox: _bbox, ...rest } = topology;
  return { ...rest, objects: { [object]: { type: 'GeometryCollection', geometries } } as Topology['objects'], arcs };
}
