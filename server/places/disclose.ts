import { type DisclosurePolicy, publishBreakdown, publishLinked } from '../privacy/disclosure.js';
import type { AreaRow, AreaSummary, Outside } from '../../common/places.js';

export const DIRECTIONS = ['inbound', 'outbound', 'transit'] as const;
type Dir = (typeof DIRECTIONS)[number];

/** What the queries counted, per area P-code ('' = outside every area of the level). */
export interface AreaCounts {
  people: Map<string, Record<Dir, number>>;
  /** undefined when the request filters people in ways reports cannot be (direction, sex, …). */
  reports: Map<string, number> | undefined;
  services: Map<string, Record<string, number>>;
  activities: Map<string, { n: number; reach: number }>;
}

const ZERO: Record<Dir, number> = { inbound: 0, outbound: 0, transit: 0 };

/**
 * Disclosure control across the areas of a level (server/privacy): each area's in/out/transit
 * counts sit in two published sums, the area's people and each direction's total over the level
 * (with the people outside every area as one more, unpublished, cell), so a hidden area cannot be
 * subtracted back out of either. Reports use the sensitive policy, as one breakdown over the
 * areas with the reports outside them as the remainder. Services and activities are programme
 * facts (where an office is, what a team delivered), published as they are.
 */
/** People and reports at points outside every listed area (outside Zambia, or in areas the filters left out). */
export function discloseSummary(
  areas: readonly AreaRow[], c: AreaCounts, ordinary: DisclosurePolicy, sensitive: DisclosurePolicy,
): { areas: AreaSummary[]; outside: Outside } {
  const listed = new Set(areas.map((a) => a.pcode));
  const outside = { ...ZERO };
  for (const [pcode, v] of c.people) if (!listed.has(pcode)) for (const d of DIRECTIONS) outside[d] += v[d];
  const rows = [...areas.map((a) => c.people.get(a.pcode) ?? ZERO), outside];
  const counts = rows.flatMap((r) => DIRECTIONS.map((d) => r[d]));
  const areaSums = areas.map((_, i) => DIRECTIONS.map((_d, j) => i * 3 + j));
  const dirSums = DIRECTIONS.map((_d, j) => rows.map((_r, i) => i * 3 + j));
  const people = publishLinked(counts, [...areaSums, ...dirSums], ordinary);

  // The reports outside the listed areas are one more cell, published like the areas' own.
  const reportCells = [...areas.map((a) => a.pcode), ''].map((key) => ({ key, count: 0 }));
  if (c.reports) for (const [pcode, n] of c.reports) (reportCells.find((r) => r.key === (listed.has(pcode) ? pcode : '')) ?? { count: 0 }).count += n;
  const reports = publishBreakdown(reportCells, sensitive);
  const o = areas.length * 3;
  const outsideOut: Outside = {
    inbound: people.cells[o] ? null : outside.inbound, outbound: people.cells[o + 1] ? null : outside.outbound,
    transit: people.cells[o + 2] ? null : outside.transit, reports: c.reports ? (reports.cells[areas.length]?.count ?? null) : null,
  };

  const published = areas.map((a, i) => {
    const hidden = (j: number) => people.cells[i * 3 + j] === true;
    const v = rows[i] ?? ZERO;
    const dir = (j: number, d: Dir) => (hidden(j) ? null : v[d]);
    const suppressed = DIRECTIONS.filter((_d, j) => hidden(j)) as string[];
    if (people.sums[i]) suppressed.push('people');
    const rep = reports.cells[i];
    if (c.reports && rep?.suppressed) suppressed.push('reports');
    const act = c.activities.get(a.pcode);
    return {
      pcode: a.pcode, name: a.name, parent: a.parent, official: a.official,
      people: people.sums[i] ? null : v.inbound + v.outbound + v.transit,
      inbound: dir(0, 'inbound'), outbound: dir(1, 'outbound'), transit: dir(2, 'transit'),
      net: hidden(0) || hidden(1) ? null : v.inbound - v.outbound,
      reports: c.reports ? (rep?.count ?? null) : null,
      services: c.services.get(a.pcode) ?? {},
      activities: act?.n ?? 0,
      reach: act?.reach ?? 0,
      suppressed,
    };
  });
  return { areas: published, outside: outsideOut };
}
