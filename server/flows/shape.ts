/** Pure shaping of query rows into API results (no I/O; unit-tested in tests/unit/flows). */

export interface EndRow {
  o: string | null;
  d: string | null;
  n: number;
}

export interface Flow {
  origin: string;
  dest: string;
  count: number;
}

export interface FlowTotals {
  /** Sum of the flows' counts (at level=point each person is on two legs). */
  count: number;
  /** People in the drawn flows: count, or count / 2 at level=point. */
  people: number;
  /** People matching the filters whose origin or destination is unknown (not drawn). */
  unlocated: number;
  /** All people matching the filters: people + unlocated (= the time series' sum). */
  matched: number;
  flows: number;
  locations: number;
}

const byCountThenKeys = (a: Flow, b: Flow) =>
  b.count - a.count || a.origin.localeCompare(b.origin) || a.dest.localeCompare(b.dest);

/**
 * Rows from the flows query → flows and totals. Rows with an unknown end are unlocated;
 * zero counts (e.g. sex=female over all-male groups) are no flow at all. The same (o, d)
 * may come from several SQL branches at level=point, so counts are summed per pair.
 */
export function assembleFlows(rows: readonly EndRow[], legsPerPerson: 1 | 2): { flows: Flow[]; totals: FlowTotals } {
  const pairs = new Map<string, Flow>();
  let unlocated = 0;
  for (const { o, d, n } of rows) {
    if (o === null || d === null) {
      unlocated += n;
      continue;
    }
    if (n === 0) continue;
    const id = `${o}\u0000${d}`;
    const flow = pairs.get(id);
    if (flow) flow.count += n;
    else pairs.set(id, { origin: o, dest: d, count: n });
  }
  const flows = [...pairs.values()].sort(byCountThenKeys);
  const count = flows.reduce((s, f) => s + f.count, 0);
  const people = count / legsPerPerson;
  const locations = new Set(flows.flatMap((f) => [f.origin, f.dest])).size;
  return { flows, totals: { count, people, unlocated, matched: people + unlocated, flows: flows.length, locations } };
}

/** Incoming and outgoing totals per location, from the flows (self-flows count both ways). */
export function locationTotals(flows: readonly Flow[]): Map<string, { incoming: number; outgoing: number }> {
  const out = new Map<string, { incoming: number; outgoing: number }>();
  const at = (k: string) => {
    let t = out.get(k);
    if (!t) out.set(k, (t = { incoming: 0, outgoing: 0 }));
    return t;
  };
  for (const f of flows) {
    at(f.origin).outgoing += f.count;
    at(f.dest).incoming += f.count;
  }
  return out;
}

/** Relative change, or null when there is nothing to compare with. */
export function relativeChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 10_000) / 10_000;
}

export const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;
