import { expect, it } from 'vitest';
import { EMERGING_CATEGORIES, type EmergingResponse, type HotspotsResponse, type KdeResponse } from '../../common/analysis.js';
import { describeApp } from '../helpers/suite.js';
import { itNamesTheField } from '../helpers/problem.js';

describeApp('hotspots on the demo data, %s database', { as: 'viewer' }, ({ app }) => {
  itNamesTheField('when asked for hotspots with %s, then the answer is a 400 naming %s', (query) => app.get(`/api/v1/hotspots?${query}`), [
    ['res=5', 'query.res'],
    ['k=4', 'query.k'],
    ['measure=footfall', 'query.measure'],
    ['measure=reports&direction=inbound', 'query.direction'],
    ['measure=unaccompanied&sex=female', 'query.sex'],
    ['from=2026-02-01&to=2026-01-01', 'query.from'],
    ['colour=red', 'query.colour'],
  ], { problemJson: true });

  itNamesTheField('when asked for %s, then the answer is a 400 naming %s', (path) => app.get(path), [
    ['/api/v1/hotspots/emerging?step=day', 'query.step'],
    ['/api/v1/hotspots/emerging?from=2026-10-01&to=2026-10-20', 'query.from'],
    ['/api/v1/hotspots/kde?bandwidth=10', 'query.bandwidth'],
    ['/api/v1/hotspots/kde?cell=100&bbox=20,-20,35,-8', 'query.cell'],
  ]);

  it('when nobody is signed in, then hotspots need sign-in', async () => {
    expect((await app.anonymous.get('/api/v1/hotspots')).status).toBe(401);
  });

  it('when a viewer asks for report hotspots, then counts below 11 are suppressed and every cell has a class', async () => {
    const body = (await (await app.get('/api/v1/hotspots?measure=reports&res=7&k=1')).json()) as HotspotsResponse;
    expect(body.disclosure).toMatchObject({ suppress: true, k: 11 });
    expect(body.cells.length).toBeGreaterThan(body.studyArea.nonEmpty);
    for (const c of body.cells) {
      expect([-3, -2, -1, 0, 1, 2, 3]).toContain(c.class);
      if (c.suppressed) expect(c.value).toBeNull();
      else expect(c.value === 0 || (c.value ?? 0) >= 11).toBe(true);
    }
  });

  it('when demo reports are analysed exactly, then the Nakonde–Tunduma crossings hold a 99 % hot spot', async () => {
    const res = await app.as('data_manager').get('/api/v1/hotspots?measure=reports&res=7&k=1');
    const body = (await res.json()) as HotspotsResponse;
    expect(body.disclosure.suppress).toBe(false);
    const hot = body.cells.filter((c) => c.class === 3 && c.label !== null).map((c) => c.label);
    expect(hot.some((l) => /Nakonde|Tunduma/.test(l!))).toBe(true);
  });

  it('when movement is analysed by default, then the period is the last 90 days and every counted cell is named', async () => {
    const body = (await (await app.get('/api/v1/hotspots')).json()) as HotspotsResponse;
    expect(body).toMatchObject({ measure: 'movement', res: 8, k: 1 });
    expect(body.period.days).toBe(90);
    const counted = body.cells.filter((c) => (c.value ?? 0) > 0);
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.every((c) => c.label !== null)).toBe(true);
  });

  it('when emerging hot spots are asked by month, then there are 12 whole months and every category is known', async () => {
    const res = await app.get('/api/v1/hotspots/emerging?step=month&res=7');
    expect(res.status).toBe(200);
    const body = (await res.json()) as EmergingResponse;
    expect(body.steps).toHaveLength(12);
    expect(body.steps.every((s) => s.endsWith('-01'))).toBe(true);
    for (const c of body.cells) {
      expect(EMERGING_CATEGORIES).toContain(c.category);
      expect(c.z).toHaveLength(12);
      expect(c.values).toHaveLength(12);
    }
  });

  it('when the KDE is asked for, then points carry weights and the densest cell lies near the heaviest point', async () => {
    const res = await app.get('/api/v1/hotspots/kde?bandwidth=3000&bbox=24.0,-17.7,24.6,-17.3');
    expect(res.status).toBe(200);
    const body = (await res.json()) as KdeResponse;
    expect(body.kernel).toBe('quartic');
    expect(body.points.length).toBeGreaterThan(0);
    expect(body.grid?.cellM).toBe(750);
    const top = body.grid!.cells.reduce((a, b) => (b.density > a.density ? b : a));
    expect(top.density).toBe(body.grid!.max);
    const inBox = body.points.filter((p) => p.lon > 24.0 && p.lon < 24.6 && p.lat > -17.7 && p.lat < -17.3);
    const near = inBox.some((p) => Math.hypot(p.lon - top.lon, p.lat - top.lat) < 0.03);
    expect(near).toBe(true);
  });
});
