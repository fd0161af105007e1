import { expect, it } from 'vitest';
import type { AccessResponse } from '../../common/analysis.js';
import { SERVICE_KINDS } from '../../common/vocabulary.js';
import { describeApp } from '../helpers/suite.js';

describeApp('access on the demo data, %s database', { as: 'viewer' }, ({ app }) => {
  it('when a viewer asks with defaults, then every demand cell has every kind, and gaps are ranked with a sentence each', async () => {
    const res = await app.get('/api/v1/access');
    expect(res.status).toBe(200);
    const body = (await res.json()) as AccessResponse;
    expect(body.kinds).toEqual([...SERVICE_KINDS]);
    expect(body.travel).toMatchObject({ mode: 'walk', speedKmh: 5, detour: 1.3, tmaxMinutes: 120, distance: 'great-circle' });
    expect(body.cells.length).toBeGreaterThan(0);
    for (const c of body.cells) expect(Object.keys(c.access).sort()).toEqual([...SERVICE_KINDS].sort());
    expect(body.gaps.length).toBeGreaterThan(0);
    body.gaps.forEach((g, i) => {
      expect(g.rank).toBe(i + 1);
      expect(g.text.length).toBeGreaterThan(20);
    });
  });

  it('when a trip ends in another country, then it always passes a crossing point', async () => {
    const body = (await (await app.get('/api/v1/access?mode=motor')).json()) as AccessResponse;
    const services = (await (await app.get('/api/v1/services')).json()) as { features: { id: number; properties: { country: string } }[] };
    const countryOf = new Map(services.features.map((f) => [f.id, f.properties.country]));
    let crossBorder = 0;
    for (const c of body.cells) {
      for (const a of Object.values(c.access)) {
        if (a?.serviceId == null || countryOf.get(a.serviceId) === c.country) continue;
        crossBorder += 1;
        expect(a.via).not.toBeNull();
      }
    }
    expect(crossBorder).toBeGreaterThan(0); // Tunduma's services serve the Nakonde side in the demo
  });
});
