import { expect, it } from 'vitest';
import type { Crossing as SharedCrossing } from '../../common/flows.js';
import { describeApp } from '../helpers/suite.js';

type Json = Record<string, unknown>;
interface Series {
  series: { t: string; count: number }[];
  totals: { count: number };
}
/** A data manager's crossings: nothing suppressed. */
type Crossing = SharedCrossing<number>;

describeApp('flows time series, breakdowns, corridors and crossings on the %s database', { as: 'data_manager' }, ({ app }) => {
  const get = async <T = Json>(path: string): Promise<T> => {
    const res = await app.get(path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };
  const sql = <T extends Json>(text: string) => app.db.query<T>(text);

  it.each(['day', 'week', 'month'])('when bucketed by %s, then the series sums to the flows total for the same filters', async (bucket) => {
    const q = 'from=2025-01-20&to=2025-06-10&direction=inbound,outbound&sex=female';
    const flows = await get<{ totals: { matched: number } }>(`/api/v1/flows?${q}`);
    const ts = await get<Series>(`/api/v1/flows/timeseries?${q}&bucket=${bucket}`);
    expect(ts.series.reduce((s, b) => s + b.count, 0)).toBe(flows.totals.matched);
    expect(ts.totals.count).toBe(flows.totals.matched);
    const starts = ts.series.map((b) => b.t);
    expect(starts).toEqual([...starts].sort());
    if (bucket === 'day') expect(starts).toHaveLength(142);
    if (bucket === 'week') expect(starts.every((t) => new Date(`${t}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    if (bucket === 'month') expect(starts).toEqual(['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01']);
  });

  it('when bucketed by week, then each week equals the SQL sum of its days in the period', async () => {
    const ts = await get<Series>('/api/v1/flows/timeseries?from=2026-03-04&to=2026-04-20&bucket=week&reason=trade');
    const rows = await sql<{ t: string; n: number }>(
      `SELECT date_trunc('week', observed_on::timestamp)::date AS t, sum(total)::bigint AS n FROM observations
       WHERE observed_on BETWEEN '2026-03-04' AND '2026-04-20' AND 'trade' = ANY(reasons) GROUP BY 1 ORDER BY 1`,
    );
    expect(ts.series.map(({ t, count }) => ({ t, count }))).toEqual(rows.map((r) => ({ t: r.t, count: r.n })));
  });

  it('when breaking down, then each category equals its SQL count and partitions add up to the total', async () => {
    const b = await get<{ breakdowns: { dimension: string; total: number; multi: boolean; categories: { key: string; count: number }[] }[] }>(
      '/api/v1/flows/breakdowns?direction=inbound',
    );
    const where = `observed_on BETWEEN '2026-08-03' AND '2026-10-31' AND direction = 'inbound'`;
    const [s] = await sql<{ t: number; f: number; m: number; c: number }>(
      `SELECT sum(total)::bigint AS t, sum(female)::bigint AS f, sum(male)::bigint AS m, sum(children)::bigint AS c FROM observations WHERE ${where}`,
    );
    const dim = (d: string) => b.breakdowns.find((x) => x.dimension === d);
    const cat = (d: string, k: string) => dim(d)?.categories.find((c) => c.key === k)?.count;
    expect(cat('sex', 'female')).toBe(s?.f);
    expect(cat('sex', 'male')).toBe(s?.m);
    expect(cat('age', 'children')).toBe(s?.c);
    expect(cat('age', 'adults')).toBe((s?.t ?? 0) - (s?.c ?? 0));
    const nat = await sql<{ k: string; n: number }>(`SELECT coalesce(nationality, 'unknown') AS k, sum(total)::bigint AS n FROM observations WHERE ${where} GROUP BY 1`);
    expect(new Map(dim('nationality')?.categories.map((c) => [c.key, c.count]))).toEqual(new Map(nat.map((r) => [r.k.trim(), r.n])));
    const [asylum] = await sql<{ n: number }>(`SELECT sum(total)::bigint AS n FROM observations WHERE ${where} AND 'asylum' = ANY(reasons)`);
    expect(cat('reason', 'asylum')).toBe(asylum?.n);
    for (const d of b.breakdowns.filter((x) => !x.multi)) {
      expect(d.categories.reduce((acc, c) => acc + c.count, 0), d.dimension).toBe(d.total);
    }
  });

  it('when listing corridors, then the top chains come in descending order and match SQL counts', async () => {
    const c = await get<{ corridors: { origin: string; crossing: string; dest: string; count: number }[]; totals: { count: number; chains: number; shown: number } }>(
      '/api/v1/flows/corridors?limit=5',
    );
    const flows = await get<{ totals: { people: number } }>('/api/v1/flows');
    expect(c.corridors).toHaveLength(5);
    expect(c.totals.count).toBe(flows.totals.people);
    expect(c.totals.shown).toBe(c.corridors.reduce((s, x) => s + x.count, 0));
    const counts = c.corridors.map((x) => x.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const top = c.corridors[0];
    const mp = Number(top?.crossing.slice(2));
    const [row] = await sql<{ n: number }>(
      `SELECT sum(total)::bigint AS n FROM observations WHERE observed_on BETWEEN '2026-08-03' AND '2026-10-31' AND monitoring_point_id = ${mp}
       AND (CASE WHEN origin_place_id IS NOT NULL THEN 'p:' || origin_place_id ELSE 'c:' || origin_country END) = '${top?.origin}'
       AND (CASE WHEN final_destination_place_id IS NOT NULL THEN 'p:' || final_destination_place_id ELSE 'c:' || destination_country END) = '${top?.dest}'`,
    );
    expect(top?.count).toBe(row?.n);
  });

  it('when asking for crossings, then inbound, outbound, net, daily average and change match SQL by hand', async () => {
    const c = await get<{ crossings: Crossing[]; period: { days: number }; previousPeriod: { from: string; to: string } }>(
      '/api/v1/flows/crossings?from=2026-02-01&to=2026-02-28',
    );
    expect(c.previousPeriod).toMatchObject({ from: '2026-01-04', to: '2026-01-31' });
    const rows = await sql<{ id: number; i: number; o: number; t: number; p: number }>(
      `SELECT mp.id, coalesce(sum(total) FILTER (WHERE observed_on >= '2026-02-01' AND direction = 'inbound'), 0)::bigint AS i,
         coalesce(sum(total) FILTER (WHERE observed_on >= '2026-02-01' AND direction = 'outbound'), 0)::bigint AS o,
         coalesce(sum(total) FILTER (WHERE observed_on >= '2026-02-01' AND direction = 'transit'), 0)::bigint AS t,
         coalesce(sum(total) FILTER (WHERE observed_on < '2026-02-01'), 0)::bigint AS p
       FROM monitoring_points mp LEFT JOIN observations o ON o.monitoring_point_id = mp.id
         AND observed_on BETWEEN '2026-01-04' AND '2026-02-28' GROUP BY mp.id`,
    );
    expect(c.crossings).toHaveLength(rows.length);
    for (const r of rows) {
      const x = c.crossings.find((y) => y.id === r.id);
      const total = r.i + r.o + r.t;
      expect(x).toMatchObject({ inbound: r.i, outbound: r.o, transit: r.t, total, net: r.i - r.o, previous: r.p });
      expect(x?.dailyAverage).toBeCloseTo(total / 28, 2);
      expect(x?.change).toBeCloseTo((total - r.p) / r.p, 4);
    }
  });
});
