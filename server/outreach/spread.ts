import { cellToLatLng, getHexagonEdgeLengthAvg, greatCircleDistance, gridDisk, latLngToCell } from 'h3-js';

/**
 * Demand cells from counts at monitoring points: the documented spreading rule of issue 7.
 *
 * People counted at a crossing or hub do not stand on its GPS point: they queue, trade, wait
 * for transport and walk through the town around it, which is where a drama or meeting can
 * reach them. So each point's count is shared out over the H3 cells whose centres lie within
 * `spreadM` of it, with quartic weights (1 − (d/spreadM)²)² — the kernel of the KDE heatmap,
 * docs/architecture.md#analysis — normalised so the point's count is kept exactly. spreadM = 0 puts the
 * whole count in the cell holding the point (the hotspot binning of server/hotspots).
 * Cells may fall across the river or border: coverage is straight-line, as the reach is.
 *
 * To switch to another demand definition (e.g. a hotspot or access-gap surface per cell),
 * produce DemandCell[] from it: everything downstream takes only these.
 */
export interface CountedPoint {
  lon: number;
  lat: number;
  weight: number;
}

export interface DemandCell {
  /** H3 index */
  cell: string;
  /** Centre of the cell: where coverage is measured. */
  lon: number;
  lat: number;
  /** People (fractional after spreading). */
  people: number;
}

export function spreadToCells(points: readonly CountedPoint[], spreadM: number, res: number): DemandCell[] {
  if (!(spreadM >= 0) || !Number.isFinite(spreadM)) throw new RangeError(`spreadM must be a finite number >= 0, got ${spreadM}`);
  const acc = new Map<string, number>();
  const add = (cell: string, n: number) => acc.set(cell, (acc.get(cell) ?? 0) + n);
  // A ring-k cell centre is at least k · 1.5 edge lengths away; 0.8 × the average edge allows
  // for H3's area distortion away from the icosahedron face centres.
  const ringStep = 1.5 * 0.8 * getHexagonEdgeLengthAvg(res, 'm');
  for (const p of points) {
    if (!(p.weight > 0)) continue;
    const home = latLngToCell(p.lat, p.lon, res);
    const k = spreadM > 0 ? Math.ceil(spreadM / ringStep) : 0;
    const shares: [string, number][] = [];
    let sum = 0;
    for (const cell of gridDisk(home, k)) {
      const d = greatCircleDistance(cellToLatLng(cell), [p.lat, p.lon], 'm');
      if (d > spreadM) continue;
      const u = 1 - (d / spreadM) ** 2;
      shares.push([cell, u * u]);
      sum += u * u;
    }
    // A spread smaller than the cell can miss every centre: the home cell takes it all.
    if (!(sum > 0)) add(home, p.weight);
    else for (const [cell, w] of shares) add(cell, (p.weight * w) / sum);
  }
  return [...acc]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([cell, people]) => {
      const [lat, lon] = cellToLatLng(cell);
      return { cell, lon, lat, people };
    });
}
