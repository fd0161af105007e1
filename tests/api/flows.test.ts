import { expect, it } from 'vitest';
import { describeApp } from '../helpers/suite.js';

interface Flow {
  origin: string;
  dest: string;
  count: number;
}
interface FlowsBody {
  period: { from: string; to: string; days: number };
  locations: { id: string; name: string; lat: number | null; lon: number | null; kind: string; incoming: number; outgoing: number }[];
  flows: Flow[];
  totals: { count: number; people: number; unlocated: number; matched: number; flows: number; locations: number };
}

// The demo's last day is fixed (server/demo/calendar.ts), so the default period is too.
const DEFAULT = { from: '2026-08-03', to: '2026-10-31', days: 90 };
const P = `observed_on BETWEEN '${DEFAULT.from}' AND '${DEFAULT.to}'`;
// Place-level ends as ends.ts defines them, computed independently in SQL.
const END_O = `CASE WHEN origin_place_id IS NOT NULL THEN 'p:' || origin_place_id ELSE 'c:' || origin_country END`;
const END_D = `CASE WHEN final_destination_place_id IS NOT NULL THEN 'p:' || final_destination_place_id ELSE 'c:' || destination_country END`;

// As a data manager: unsuppressed counts, to compare with SQL.
describeApp('flows API on the %s database', { as: 'data_manager' }, ({ app }) => {
  const body = async (path: string): Promise<FlowsBody> => {
    const res = await app.get(path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as FlowsBody;
  };
  const sqlSum = async (measure: string, where: string): Promise<number> => {
    const [row] = await app.db.query<{ n: number | null }>(`SELECT sum(${measure})::bigint AS n FROM observations WHERE ${where}`);
    return row?.n ?? 0;
  };

  it('when no period is given, then the last 90 days of data are used and every total is a sum of the flows', async () => {
    const b = await body('/api/v1/flows');
    expect(b.period).toEqual(DEFAULT);
    const sum = b.flows.reduce((s, f) => s + f.count, 0);
    expect(b.totals.count).toBe(sum);
    expect(b.totals.people).toBe(sum);
    expect(b.totals.flows).toBe(b.flows.length);
    expect(b.totals.locations).toBe(b.locations.length);
    expect(b.locations.reduce((s, l) => s + l.incoming, 0)).toBe(sum);
    expect(b.locations.reduce((s, l) => s + l.outgoing, 0)).toBe(sum);
    expect(b.totals.matched).toBe(await sqlSum('total', P));
    expect(b.totals.unlocated).toBe(0); // every demo row has both ends
  });

  it('when flows are listed, then each (origin, destination) count equals the SQL group by over observations', async () => {
    const b = await body('/api/v1/flows?direction=inbound,transit');
    const rows = await app.db.query<{ o: string; d: string; n: number }>(
      `SELECT ${END_O} AS o, ${END_D} AS d, sum(total)::bigint AS n FROM observations
       WHERE ${P} AND direction IN ('inbound', 'transit') GROUP BY 1, 2 HAVING sum(total) > 0`,
    );
    const key = (f: { o: string; d: string }) => `${f.o}>${f.d}`;
    expect(new Map(b.flows.map((f) => [key({ o: f.origin, d: f.dest }), f.count]))).toEqual(new Map(rows.map((r) => [key(r), r.n])));
  });

  it.each([
    ['from=2025-03-01&to=2025-05-31', 'total', `observed_on BETWEEN '2025-03-01' AND '2025-05-31'`],
    ['direction=outbound', 'total', `${P} AND direction = 'outbound'`],
    ['sex=female', 'female', P],
    ['sex=male&direction=inbound', 'male', `${P} AND direction = 'inbound'`],
    ['age=children', 'children', P],
    ['age=adults', 'total - children', P],
    ['nationality=ETH,SOM', 'total', `${P} AND nationality IN ('ETH', 'SOM')`],
    ['transport=foot,bus', 'total', `${P} AND transport_mode IN ('foot', 'bus')`],
    ['reason=asylum', 'total', `${P} AND reasons && '{asylum}'`],
    ['reason=trade,family', 'total', `${P} AND reasons && '{trade,family}'`],
    ['vulnerability=trafficking_indicators', 'total', `${P} AND 'trafficking_indicators' = ANY(vulnerabilities)`],
    [
      'point=MP&reason=economic&transport=truck&from=2025-01-01&to=2025-12-31',
      'total',
      `observed_on BETWEEN '2025-01-01' AND '2025-12-31' AND monitoring_point_id = MP AND 'economic' = ANY(reasons) AND transport_mode = 'truck'`,
    ],
  ])('when filtering %s, then the total equals a direct SQL count', async (query, measure, where) => {
    const [mp] = await app.db.query<{ id: number }>(`SELECT id FROM monitoring_points WHERE code = 'mp-tunduma-nakonde-osbp'`);
    const id = String(mp?.id);
    const b = await body(`/api/v1/flows?${query.replace('MP', id)}`);
    const expected = await sqlSum(measure, where.replace('MP', id));
    expect(expected).toBeGreaterThan(0);
    expect(b.totals.matched).toBe(expected);
    expect(b.totals.count).toBe(b.flows.reduce((s, f) => s + f.count, 0));
  });

  it('when level=point, then flows are origin → point and point → destination legs, twice the people', async () => {
    const b = await body('/api/v1/flows?level=point');
    expect(b.totals.count).toBe(2 * b.totals.people);
    expect(b.totals.people).toBe(await sqlSum('total', P));
    for (const f of b.flows) expect(f.origin.startsWith('m:') !== f.dest.startsWith('m:')).toBe(true);
    for (const l of b.locations.filter((x) => x.kind === 'point')) expect(l.incoming).toBe(l.outgoing);
  });

  it('when level=country, then every end is a country and the people are the same as at level=place', async () => {
    const place = await body('/api/v1/flows');
    const country = await body('/api/v1/flows?level=country');
    expect(country.totals.people).toBe(place.totals.people);
    expect(country.flows.every((f) => f.origin.startsWith('c:') && f.dest.startsWith('c:'))).toBe(true);
    const zambia = country.locations.find((l) => l.id === 'c:ZMB');
    expect(zambia).toMatchObject({ name: 'Zambia', kind: 'country' });
    expect(zambia?.lat).toBeLessThan(-8);
  });

  it('when level=admin, then Zambian places group by the district holding them and the rest fall back to their countries', async () => {
    const admin = await body('/api/v1/flows?level=admin');
    const country = await body('/api/v1/flows?level=country');
    const ids = admin.locations.map((l) => l.id);
    // The vendored districts carry the project's marked codes until official ones are imported.
    expect(admin.locations.find((l) => l.id === 'a:PRJ-ZM-SESHEKE')).toMatchObject({ name: 'Sesheke', kind: 'admin' });
    expect(ids).toContain('c:TZA'); // no Tanzanian area is loaded
    expect(ids.every((id) => id.startsWith('a:') || id.startsWith('c:'))).toBe(true);
    expect(admin.totals.people).toBe(country.totals.people);
  });

  it('when locations are returned, then each has a name, a position in the region and a kind', async () => {
    const b = await body('/api/v1/flows');
    const sesheke = b.locations.find((l) => l.name === 'Sesheke');
    expect(sesheke).toMatchObject({ kind: 'place', lat: -17.48, lon: 24.3 });
    for (const l of b.locations) {
      expect(['place', 'country']).toContain(l.kind);
      expect(l.lat).not.toBeNull();
      expect(Math.abs(l.lat ?? 99)).toBeLessThan(40);
    }
  });
});
