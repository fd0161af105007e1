import { expect, it } from 'vitest';
import { describeApp } from '../helpers/suite.js';

interface Flow {
  origin: string;
  dest: string;
  count: number | null;
  suppressed: boolean;
}
interface Body {
  disclosure: { suppressed: boolean; k: number };
  flows: Flow[];
  locations: { id: string; incoming: number | null; outgoing: number | null }[];
  totals: { count: number | null; matched: number | null };
}

/** Hidden cells of a published sum must not be recoverable: none, or ≥ 2 with H − (m − 1) ≥ k. */
function expectProtected(hidden: number[], k: number): void {
  if (hidden.length === 0) return;
  expect(hidden.length).toBeGreaterThanOrEqual(2);
  expect(hidden.reduce((s, v) => s + v, 0) - (hidden.length - 1)).toBeGreaterThanOrEqual(k);
}

describeApp('flows disclosure control on the %s database', ({ app }) => {
  const as = async <T>(role: 'viewer' | 'analyst' | 'data_manager', path: string): Promise<T> => {
    const res = await app.as(role).get(path);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  it.each([
    ['/api/v1/flows?direction=transit&age=children', 5],
    ['/api/v1/flows?vulnerability=trafficking_indicators&from=2026-01-01&to=2026-03-31', 11],
    ['/api/v1/flows?level=point&nationality=ETH,SOM', 5],
  ])('when a viewer asks for %s, then no count below k leaves and no hidden flow can be subtracted back out', async (path, k) => {
    const exact = await as<Body>('data_manager', path);
    const shown = await as<Body>('viewer', path);
    expect(exact.disclosure).toEqual({ suppressed: false, k });
    expect(shown.disclosure).toEqual({ suppressed: true, k });
    expect(exact.flows.every((f) => f.count !== null)).toBe(true);
    expect(exact.flows.some((f) => (f.count ?? 0) < k)).toBe(true); // the case is worth testing
    expect(shown.flows.map((f) => [f.origin, f.dest])).toEqual(exact.flows.map((f) => [f.origin, f.dest]));
    shown.flows.forEach((f, i) => {
      const n = exact.flows[i]?.count ?? 0;
      if (n > 0 && n < k) expect(f).toMatchObject({ count: null, suppressed: true });
      if (f.count !== null) expect(f.count).toBe(n);
    });
    const hiddenAmong = (pick: (f: Flow) => boolean) =>
      shown.flows.flatMap((f, i) => (pick(f) && f.count === null ? [exact.flows[i]?.count ?? 0] : []));
    for (const l of shown.locations) {
      if (l.incoming !== null) expectProtected(hiddenAmong((f) => f.dest === l.id), k);
      if (l.outgoing !== null) expectProtected(hiddenAmong((f) => f.origin === l.id), k);
    }
    if (shown.totals.count !== null) expectProtected(hiddenAmong(() => true), k);
  });

  it('when a viewer asks for breakdowns, then each partition hides either nothing or at least two cells', async () => {
    type B = { breakdowns: { dimension: string; multi: boolean; total: number | null; categories: { count: number | null }[] }[] };
    const b = await as<B>('viewer', '/api/v1/flows/breakdowns?point=1&from=2026-10-01&to=2026-10-31');
    const nationality = b.breakdowns.find((x) => x.dimension === 'nationality');
    expect(nationality?.categories.some((c) => c.count === null)).toBe(true);
    for (const d of b.breakdowns.filter((x) => !x.multi && x.total !== null)) {
      const hidden = d.categories.filter((c) => c.count === null).length;
      expect(hidden === 0 || hidden >= 2, d.dimension).toBe(true);
    }
    for (const d of b.breakdowns) for (const c of d.categories) if (c.count !== null) expect(c.count === 0 || c.count >= 5).toBe(true);
  });

  it('when a viewer asks for daily series and crossings, then small counts are null and nothing is left alone to subtract', async () => {
    type S = { series: { count: number | null }[]; totals: { count: number | null } };
    const s = await as<S>('viewer', '/api/v1/flows/timeseries?reason=health&point=2');
    const hidden = s.series.filter((b) => b.count === null).length;
    expect(hidden === 0 || hidden >= 2).toBe(true);
    expect(s.series.every((b) => b.count === null || b.count === 0 || b.count >= 5)).toBe(true);
    type C = { crossings: { inbound: number | null; outbound: number | null; net: number | null; suppressed: string[] }[] };
    const c = await as<C>('viewer', '/api/v1/flows/crossings?vulnerability=disability&from=2026-10-20&to=2026-10-31');
    for (const x of c.crossings) {
      if (x.inbound === null || x.outbound === null) expect(x.net).toBeNull();
      for (const v of [x.inbound, x.outbound]) expect(v === null || v === 0 || v >= 5).toBe(true);
    }
    expect(c.crossings.some((x) => x.suppressed.length > 0)).toBe(true);
  });

  it('when an analyst asks, then counts are still suppressed (below data_manager)', async () => {
    const b = await as<Body>('analyst', '/api/v1/flows?direction=transit&age=children');
    expect(b.disclosure.suppressed).toBe(true);
  });
});
