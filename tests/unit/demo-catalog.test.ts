import { describe, expect, it } from 'vitest';
import { REPORT_TYPES, SERVICE_KINDS, SITE_KINDS } from '../../common/vocabulary.js';
import { DEMO_DAYS } from '../../server/demo/calendar.js';
import { readGeography, zambeziLatAt } from '../../server/demo/geography.js';
import { Rng, Weighted } from '../../server/demo/random.js';
import { demoReports } from '../../server/demo/reports.js';
import { demoServices } from '../../server/demo/services.js';
import { demoSites } from '../../server/demo/sites.js';

const geo = readGeography();
const river = (lon: number) => zambeziLatAt(geo, lon) ?? Number.NaN;
// The Zambezi stretch the demo places things along: Sesheke, Mwandi, Kazungula.
const nearZambezi = (lon: number, lat: number) => lon > 23.5 && lon < 26 && lat < -17;

describe('demo random numbers', () => {
  it('when seeded alike, then the sequences are equal; different seeds differ', () => {
    const seq = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 100 }, () => a.uint32())).toEqual(Array.from({ length: 100 }, () => b.uint32()));
    expect(seq(1)).not.toEqual(seq(2));
  });

  it('when drawing many times, then weighted choice and skewed sizes follow their parameters', () => {
    const rng = new Rng(7);
    const w = Weighted.of({ a: 1, b: 3 });
    let b = 0;
    for (let i = 0; i < 20_000; i++) if (w.pick(rng) === 'b') b++;
    expect(b / 20_000).toBeCloseTo(0.75, 1);
    const sizes = Array.from({ length: 20_000 }, () => rng.skewed(2, 9, 40));
    expect(Math.min(...sizes)).toBe(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(40);
    expect(sizes.reduce((s, x) => s + x, 0) / sizes.length).toBeGreaterThan(7.5);
    expect(rng.poisson(0)).toBe(0);
    const p = Array.from({ length: 5000 }, () => rng.poisson(4));
    expect(p.reduce((s, x) => s + x, 0) / p.length).toBeCloseTo(4, 0);
  });
});

describe('demo services, sites and reports', () => {
  const services = demoServices(geo, 20181);
  const sites = demoSites(geo, 20181);
  const reports = demoReports(geo, 20181);

  it('when generated, then there are 60–90 services of every kind, all named synthetic', () => {
    expect(services.length).toBeGreaterThanOrEqual(60);
    expect(services.length).toBeLessThanOrEqual(90);
    expect(new Set(services.map((s) => s.kind))).toEqual(new Set(SERVICE_KINDS));
    expect(services.every((s) => s.name.endsWith('(synthetic)'))).toBe(true);
    expect(new Set(services.map((s) => s.name)).size).toBe(services.length);
    expect(new Set(services.map((s) => s.country))).toEqual(new Set(['ZMB', 'NAM', 'TZA']));
  });

  it('when a service is Zambian and near the Zambezi, then it lies north of the river; Namibian ones south', () => {
    const zm = services.filter((s) => s.country === 'ZMB' && nearZambezi(s.lon, s.lat));
    expect(zm.length).toBeGreaterThan(20);
    for (const s of zm) expect(s.lat, s.name).toBeGreaterThan(river(s.lon));
    const na = services.filter((s) => s.country === 'NAM');
    expect(na.length).toBeGreaterThan(0);
    for (const s of na) expect(s.lat, s.name).toBeLessThan(river(s.lon));
  });

  it('when a service is in Nakonde or Tunduma, then it is on its own side of the town-edge border', () => {
    const nakonde = services.filter((s) => s.country === 'ZMB' && s.lat > -10);
    const tunduma = services.filter((s) => s.country === 'TZA');
    expect(nakonde.length).toBeGreaterThan(10);
    expect(Math.max(...nakonde.map((s) => s.lat))).toBeLessThan(Math.min(...tunduma.map((s) => s.lat)));
  });

  it('when generated, then 40–60 outreach sites with footfall and cost cover the three pilot districts', () => {
    expect(sites.length).toBeGreaterThanOrEqual(40);
    expect(sites.length).toBeLessThanOrEqual(60);
    expect(new Set(sites.map((s) => s.kind))).toEqual(new Set(SITE_KINDS));
    expect(new Set(sites.map((s) => s.corridor))).toEqual(new Set(['sesheke', 'nakonde', 'lusaka']));
    expect(sites.every((s) => s.footfall > 0 && s.cost > 0 && s.name.endsWith('(synthetic)'))).toBe(true);
    for (const s of sites.filter((x) => nearZambezi(x.lon, x.lat))) expect(s.lat, s.name).toBeGreaterThan(river(s.lon));
  });

  it('when generated, then a few hundred reports fall in the period, on the Zambian side, more at informal crossings', () => {
    expect(reports.length).toBeGreaterThanOrEqual(300);
    expect(reports.length).toBeLessThanOrEqual(500);
    for (const r of reports) {
      expect(REPORT_TYPES).toContain(r.type);
      expect(r.day).toBeGreaterThanOrEqual(0);
      expect(r.day).toBeLessThan(DEMO_DAYS);
      expect(r.persons).toBeGreaterThanOrEqual(1);
      if (nearZambezi(r.lon, r.lat)) expect(r.lat).toBeGreaterThan(river(r.lon));
    }
    const kinds = new Map(geo.monitoringPoints.map((m) => [m.code, m.kind]));
    const at = (kind: string) => reports.filter((r) => r.point && kinds.get(r.point) === kind).length;
    expect(at('informal_crossing')).toBeGreaterThan(at('official_border_post'));
    expect(demoReports(geo, 20181)).toEqual(reports);
    expect(demoReports(geo, 1)).not.toEqual(reports);
  });
});
