import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DAYS, demoDays } from '../../server/demo/calendar.js';
import { readGeography } from '../../server/demo/geography.js';
import { DEMO_PROFILES, observationRows, type ObsRow } from '../../server/demo/observations.js';
import { paths } from '../../server/paths.js';

const geo = readGeography();
const days = demoDays();
const rowsOf = (n: number, seed: number) => observationRows(geo, DEMO_PROFILES, n, seed);

function hashFirst(n: number, rows: Iterable<ObsRow>): string {
  const h = createHash('sha256');
  let i = 0;
  for (const r of rows) {
    if (i++ === n) break;
    h.update(JSON.stringify(r));
  }
  return h.digest('hex');
}

/** The allowed values, read from the migration itself so the test checks the real schema. */
function schemaList(pattern: RegExp): string[] {
  const sql = readFileSync(join(paths.migrations, '001_core.sql'), 'utf8');
  const m = pattern.exec(sql);
  if (!m?.[1]) throw new Error(`schema list not found: ${pattern}`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1] as string);
}

const SESHEKE = ['mp-katima-bridge', 'mp-sesheke-pontoon', 'mp-mwandi-river'];
const NAKONDE = ['mp-tunduma-nakonde-osbp', 'mp-nakonde-east-footpaths', 'mp-nakonde-west-footpaths'];
const HORN = new Set(['ETH', 'SOM', 'ERI']);

describe('demo observations generator', () => {
  const N = 200_000;
  let rows: ObsRow[] = [];
  beforeAll(() => {
    rows = [...rowsOf(N, 20181)];
  });

  it('when run twice with one seed, then the rows are identical; another seed gives other rows', () => {
    const a = hashFirst(5000, rowsOf(20_000, 1));
    expect(hashFirst(5000, rowsOf(20_000, 1))).toBe(a);
    expect(hashFirst(5000, rowsOf(20_000, 2))).not.toBe(a);
  });

  it('when asked for N rows, then exactly N come back, numbered 1…N, within the two-year period', () => {
    expect(rows).toHaveLength(N);
    expect(rows[0]?.n).toBe(1);
    expect(rows.at(-1)?.n).toBe(N);
    expect(rows.every((r) => r.day >= 0 && r.day < DEMO_DAYS)).toBe(true);
    expect([...rowsOf(5000, 3)]).toHaveLength(5000);
    expect([...rowsOf(0, 3)]).toHaveLength(0);
  });

  it('when checked against every CHECK of the schema, then every row passes', () => {
    const directions = new Set(schemaList(/direction\s+text NOT NULL CHECK \(direction IN \(([^)]*)\)/));
    const modes = new Set(schemaList(/transport_mode\s+text CHECK \(transport_mode IN \(([^)]*)\)/));
    const reasons = new Set(schemaList(/reasons\s+text\[\][^[]*ARRAY\[([^\]]*)\]/));
    const vulns = new Set(schemaList(/vulnerabilities\s+text\[\][^[]*ARRAY\[([^\]]*)\]/));
    expect(reasons.size).toBe(9);
    expect(vulns.size).toBe(5);
    const places = new Set(geo.places.map((p) => p.code));
    const iso3 = (v: string | null) => v === null || /^[A-Z]{3}$/.test(v);
    const place = (v: string | null) => v === null || places.has(v);
    const bad = rows.filter(
      (r) =>
        !directions.has(r.direction) || !modes.has(r.mode) ||
        !r.reasons.every((x) => reasons.has(x)) || !r.vulnerabilities.every((x) => vulns.has(x)) ||
        !Number.isInteger(r.total) || r.total < 1 || r.total > 40 ||
        r.male < 0 || r.female < 0 || r.children < 0 || r.uac < 0 ||
        r.male + r.female > r.total || r.children > r.total || r.uac > r.children ||
        (r.uac > 0) !== r.vulnerabilities.includes('unaccompanied_child') ||
        !iso3(r.originCountry) || !iso3(r.destinationCountry) || !iso3(r.nationality) ||
        !place(r.origin) || !place(r.previous) || !place(r.next) || !place(r.destination) ||
        r.originCountry === null || r.destinationCountry === null,
    );
    expect(bad.slice(0, 3)).toEqual([]);
    // Some groups have no sex breakdown, as in real registries; most do.
    const unrecorded = rows.filter((r) => r.male + r.female < r.total).length / N;
    expect(unrecorded).toBeGreaterThan(0.01);
    expect(unrecorded).toBeLessThan(0.15);
  });

  it('when a group crosses a border, then its direction matches its route', () => {
    const wrong = rows.filter(
      (r) =>
        !r.point.startsWith('mp-lusaka') &&
        ((r.direction === 'inbound' && r.destinationCountry !== 'ZMB') ||
          (r.direction === 'outbound' && r.originCountry !== 'ZMB') ||
          (r.direction === 'transit' && (r.originCountry === 'ZMB' || r.destinationCountry === 'ZMB'))),
    );
    expect(wrong.slice(0, 3)).toEqual([]);
    // At a hub, arriving in Lusaka is inbound and leaving it outbound.
    const hub = rows.filter((r) => r.point.startsWith('mp-lusaka'));
    expect(hub.filter((r) => (r.direction === 'inbound') !== (r.destination === 'zm-lusaka'))).toEqual([]);
  });

  it('when counted by weekday, then Sesheke market days (Fri, Sat) and Nakonde market days (Tue, Fri) stand out', () => {
    const perWeekday = (points: string[]) => {
      const sum = new Array<number>(7).fill(0);
      const nDays = new Array<number>(7).fill(0);
      for (const d of days) nDays[d.dow] = (nDays[d.dow] ?? 0) + 1;
      for (const r of rows) {
        const dow = days[r.day]?.dow ?? 0;
        if (points.includes(r.point)) sum[dow] = (sum[dow] ?? 0) + r.total;
      }
      return sum.map((s, i) => s / (nDays[i] ?? 1));
    };
    const ses = perWeekday(SESHEKE);
    for (const d of [0, 1, 2, 3, 4, 5]) expect(ses[6]).toBeGreaterThan((ses[d] ?? 0) * 1.2);
    const nak = perWeekday(NAKONDE);
    for (const d of [0, 1, 3, 4, 6]) expect(Math.min(nak[2] ?? 0, nak[5] ?? 0)).toBeGreaterThan(nak[d] ?? 0);
  });

  it('when counted by month, then river crossings drop in the rains and travel peaks in December', () => {
    const byMonth = (points: string[]) => {
      const m = new Array<number>(12).fill(0);
      for (const r of rows) {
        const month = days[r.day]?.month ?? 0;
        if (points.includes(r.point)) m[month] = (m[month] ?? 0) + 1;
      }
      return m;
    };
    const river = byMonth(['mp-sesheke-pontoon', 'mp-mwandi-river']);
    expect((river[1] ?? 0) + (river[2] ?? 0)).toBeLessThan(0.7 * ((river[6] ?? 0) + (river[7] ?? 0)));
    const bus = byMonth(['mp-lusaka-intercity']);
    expect(bus[11]).toBeGreaterThan((bus[10] ?? 0) * 1.1);
  });

  it('when shares by corridor are compared, then they follow the corridors of geography.md', () => {
    const share = (points: string[], test: (r: ObsRow) => boolean) => {
      const at = rows.filter((r) => points.includes(r.point));
      return at.filter(test).length / at.length;
    };
    const tza = (r: ObsRow) =>
      [r.originCountry, r.destinationCountry, r.nationality].includes('TZA') ||
      [r.previous, r.next].some((p) => p?.startsWith('tz-'));
    expect(share(NAKONDE, tza)).toBeGreaterThan(0.8);
    const horn = (r: ObsRow) => HORN.has(r.nationality ?? '');
    expect(share(NAKONDE, horn)).toBeGreaterThan(0.05);
    expect(share(['mp-lusaka-intercity'], horn)).toBeGreaterThan(0.04);
    expect(share(SESHEKE, horn)).toBeLessThan(0.01);
    // Horn of Africa groups at Nakonde are passing through, heading south.
    expect(share(NAKONDE.filter((p) => p.includes('footpaths')), (r) => horn(r) && r.direction === 'transit') /
      share(NAKONDE.filter((p) => p.includes('footpaths')), horn)).toBeGreaterThan(0.9);
    const namBwa = (r: ObsRow) => ['NAM', 'BWA'].some((c) => [r.originCountry, r.destinationCountry, r.nationality].includes(c));
    expect(share([...SESHEKE, 'mp-kazungula-bridge'], namBwa)).toBeGreaterThan(0.8);
  });

  it('when informal crossings are compared with official posts, then trafficking indicators are more frequent there', () => {
    const kinds = new Map(geo.monitoringPoints.map((m) => [m.code, m.kind]));
    const rate = (kind: string) => {
      const at = rows.filter((r) => kinds.get(r.point) === kind);
      return at.filter((r) => r.vulnerabilities.includes('trafficking_indicators')).length / at.length;
    };
    expect(rate('informal_crossing')).toBeGreaterThan(2 * rate('official_border_post'));
  });
});
