import type { Disclosure } from '../../common/disclosure.js';
import type { BreakdownsResponse, CorridorsResponse, CrossingsResponse, FlowsResponse, SeriesResponse } from '../../common/flows.js';
import { type DisclosurePolicy, groupIndices, publishBreakdown, publishCount, publishLinked } from '../privacy/disclosure.js';
import type { BreakdownsResult } from './breakdowns.js';
import type { CorridorsResult } from './corridors.js';
import type { CrossingsResult } from './crossings.js';
import type { FlowsResult } from './flows.js';
import type { TimeseriesResult } from './timeseries.js';

/**
 * Disclosure control for every flows aggregate (docs/architecture.md#privacy). Below data_manager a count
 * in 1…k−1 becomes null, and so does any count that would let it be worked out again (a
 * total minus the published parts). What is hidden is decided by server/privacy (publishCount,
 * publishBreakdown, publishLinked); here each result is mapped onto its cells and sums, and
 * back. Each result says which policy was applied, so the client can show "<k"; the shapes are
 * common/flows.ts, which the client reads too. With
 * policy.suppress false the numbers pass through unchanged.
 */
const info = (p: DisclosurePolicy): Disclosure => ({ suppressed: p.suppress, k: p.k });
const hide = (on: boolean, n: number): number | null => (on ? null : n);

export function discloseFlows(r: FlowsResult, p: DisclosurePolicy): FlowsResponse {
  const counts = r.flows.map((f) => f.count);
  const out = [...groupIndices(r.flows, (f) => f.origin)];
  const inc = [...groupIndices(r.flows, (f) => f.dest)];
  const sums = [...out, ...inc].map(([, members]) => members);
  const s = publishLinked(counts, [...sums, r.flows.map((_, i) => i)], p);
  // Location totals are sums of flows: hidden with the sum that protects the flows in them.
  const hiddenOut = new Set(out.flatMap(([key], i) => (s.sums[i] ? [key] : [])));
  const hiddenIn = new Set(inc.flatMap(([key], i) => (s.sums[out.length + i] ? [key] : [])));
  const countHidden = s.sums[sums.length] === true;
  const unlocated = publishCount(r.totals.unlocated, p);
  return {
    ...r,
    flows: r.flows.map((f, i) => ({ ...f, count: hide(s.cells[i] === true, f.count), suppressed: s.cells[i] === true })),
    locations: r.locations.map((l) => ({
      ...l,
      incoming: hide(hiddenIn.has(l.id), l.incoming),
      outgoing: hide(hiddenOut.has(l.id), l.outgoing),
      suppressed: hiddenIn.has(l.id) || hiddenOut.has(l.id),
    })),
    totals: {
      ...r.totals,
      count: hide(countHidden, r.totals.count),
      people: hide(countHidden, r.totals.people),
      unlocated: unlocated.count,
      // matched − people would give the unlocated back (and matched − unlocated the people)
      matched: hide(countHidden || unlocated.suppressed, r.totals.matched),
    },
    disclosure: info(p),
  };
}

export function discloseTimeseries(r: TimeseriesResult, p: DisclosurePolicy): SeriesResponse {
  const b = publishBreakdown(r.series.map((x) => ({ key: x.t, count: x.count })), p);
  return {
    ...r,
    series: b.cells.map((c) => ({ t: c.key, count: c.count, suppressed: c.suppressed })),
    totals: { count: b.total.count },
    disclosure: info(p),
  };
}

/**
 * Partitions (sex, age, nationality, transport) get complementary suppression against their
 * total; overlapping sets (reason, vulnerability) are suppressed cell by cell, trafficking
 * indicators with the sensitive k.
 */
export function discloseBreakdowns(r: BreakdownsResult, p: DisclosurePolicy, sensitive: DisclosurePolicy): BreakdownsResponse {
  return {
    ...r,
    breakdowns: r.breakdowns.map((b) => {
      if (b.multi) {
        const categories = b.categories.map((c) => ({ key: c.key, ...publishCount(c.count, c.key === 'trafficking_indicators' ? sensitive : p) }));
        return { ...b, total: publishCount(b.total, p).count, categories };
      }
      const s = publishBreakdown(b.categories, p, { total: b.total });
      return { ...b, total: s.total.count, categories: s.cells };
    }),
    totals: { count: publishCount(r.totals.count, p).count },
    disclosure: info(p),
  };
}

export function discloseCorridors(r: CorridorsResult, p: DisclosurePolicy): CorridorsResponse {
  // The chains not listed (beyond the top N) are the implicit remainder of the total.
  const s = publishBreakdown(r.corridors.map((c, i) => ({ key: i, count: c.count })), p, { total: r.totals.count });
  const hidden = (i: number) => s.cells[i]?.suppressed === true;
  const anyHidden = r.corridors.some((_, i) => hidden(i));
  return {
    ...r,
    corridors: r.corridors.map((c, i) => ({ ...c, count: hide(hidden(i), c.count), share: hidden(i) ? null : c.share, suppressed: hidden(i) })),
    totals: { ...r.totals, count: s.total.count, shown: hide(anyHidden, r.totals.shown) },
    disclosure: info(p),
  };
}

const DIRS = ['inbound', 'outbound', 'transit'] as const;

export function discloseCrossings(r: CrossingsResult, p: DisclosurePolicy): CrossingsResponse {
  const n = r.crossings.length;
  // Cells point × direction (index i·3 + d), summed per point, per direction and overall.
  const cells = r.crossings.flatMap((c) => DIRS.map((d) => c[d]));
  const perPoint = r.crossings.map((_, i) => [0, 1, 2].map((d) => i * 3 + d));
  const perDir = DIRS.map((_, d) => r.crossings.map((_, i) => i * 3 + d));
  const s = publishLinked(cells, [...perPoint, ...perDir, cells.map((_, i) => i)], p);
  const prev = publishLinked(r.crossings.map((c) => c.previous), [r.crossings.map((_, i) => i)], p);
  const crossings = r.crossings.map((c, i) => {
    const h = (d: number) => s.cells[i * 3 + d] === true;
    const totalHidden = s.sums[i] === true;
    const prevHidden = prev.cells[i] === true;
    const suppressed = [...DIRS.filter((_, d) => h(d)), ...(totalHidden ? ['total'] : []), ...(prevHidden ? ['previous'] : [])];
    return {
      ...c,
      inbound: hide(h(0), c.inbound),
      outbound: hide(h(1), c.outbound),
      transit: hide(h(2), c.transit),
      total: hide(totalHidden, c.total),
      net: hide(h(0) || h(1), c.net),
      dailyAverage: hide(totalHidden, c.dailyAverage),
      previous: hide(prevHidden, c.previous),
      change: totalHidden || prevHidden ? null : c.change,
      suppressed,
    };
  });
  const t = r.totals;
  const totals = {
    inbound: hide(s.sums[n] === true, t.inbound),
    outbound: hide(s.sums[n + 1] === true, t.outbound),
    transit: hide(s.sums[n + 2] === true, t.transit),
    total: hide(s.sums[n + 3] === true, t.total),
    previous: hide(prev.sums[0] === true, t.previous),
  };
  return { ...r, crossings, totals, disclosure: info(p) };
}
