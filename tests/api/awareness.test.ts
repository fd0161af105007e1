import { expect, it } from 'vitest';
import type {
  AwarenessChangeResponse, AwarenessResponse, ClustersResponse, IndicatorsResponse, SurveysResponse,
} from '../../common/awareness.js';
import { indicatorValue } from '../../server/awareness/estimate.js';
import { surveyByDomain } from '../../server/analysis/survey.js';
import { describeApp } from '../helpers/suite.js';

const getJson = async <T>(res: Promise<Response> | Response): Promise<T> => {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(200);
  return (await r.json()) as T;
};

describeApp('awareness estimates on the %s database', { as: 'viewer' }, ({ app, db }) => {
  it('when indicators are listed, then the default set of seven is there, exposure as a select_multiple of channels', async () => {
    const { indicators } = await getJson<IndicatorsResponse>(app.get('/api/v1/awareness/indicators'));
    expect(indicators.map((i) => i.code)).toEqual(['aware_risks', 'knows_requirements', 'knows_reporting', 'would_report', 'trusts_action', 'knows_help', 'exposure']);
    expect(indicators.find((i) => i.code === 'exposure')).toMatchObject({ question: 'exposure_channels', denominator: 'answered', among: null });
  });

  it('when surveys are listed, then the synthetic baseline (2017) and endline (2019) cover Sesheke, Nakonde and Lusaka with 30 clusters each', async () => {
    const { surveys } = await getJson<SurveysResponse>(app.get('/api/v1/awareness/surveys'));
    expect(surveys.map((s) => [s.round, s.periodStart?.slice(0, 4), s.synthetic, s.hasGps])).toEqual([['endline', '2019', true, true], ['baseline', '2017', true, true]]);
    for (const s of surveys) {
      expect(s.districts).toEqual(['PRJ-ZM-LUSAKA', 'PRJ-ZM-NAKONDE', 'PRJ-ZM-SESHEKE']);
      expect(s.clusters).toBe(90);
      expect(s.respondents).toBeGreaterThan(90 * 16);
      expect(s.design).toEqual({ strata: true, clusters: true, weights: true, fpc: false });
    }
  });

  it('when an indicator is asked by district, then the numbers are surveyByDomain over the same rows read apart from the API', async () => {
    const { surveys } = await getJson<SurveysResponse>(app.get('/api/v1/awareness/surveys'));
    const baseline = surveys.find((s) => s.round === 'baseline');
    const body = await getJson<AwarenessResponse>(app.get(`/api/v1/awareness?survey=${baseline?.id}&indicator=would_report&by=district`));
    const raw = await db.query<{ stratum: string; cluster: string; weight: number; district: string; answers: Record<string, string> }>(
      'SELECT stratum, cluster, weight, district, answers FROM awareness_respondents WHERE survey_id = $1', [baseline?.id],
    );
    const ind = { question: 'would_report', yes: ['yes'], denominator: 'answered' as const, among: null };
    const want = surveyByDomain(raw.map((r) => ({ y: indicatorValue(r.answers, ind), weight: r.weight, stratum: r.stratum, psu: r.cluster, domain: r.district })), { lonely: 'adjust' });
    expect(body.rows.map((r) => r.name)).toEqual(['Lusaka', 'Nakonde', 'Sesheke']);
    for (const r of body.rows) {
      const w = want.get(r.name);
      expect(r.estimate).toBeCloseTo(w?.estimate ?? NaN, 12);
      expect(r.se).toBeCloseTo(w?.se ?? NaN, 12);
      expect(r.n).toBe(w?.n);
      expect(r.suppressed).toBe(false);
    }
    expect(body.overall.estimate).toBeGreaterThan(0.15);
    expect(body.overall.estimate).toBeLessThan(0.45); // the baseline's low willingness to report
  });

  it('when the change baseline → endline is asked, then exposure rises significantly where activities were delivered', async () => {
    const body = await getJson<AwarenessChangeResponse>(app.get('/api/v1/awareness/change?indicator=exposure&from=baseline&to=endline&by=district'));
    const sesheke = body.rows.find((r) => r.name === 'Sesheke');
    expect(sesheke?.difference).toBeGreaterThan(0.2);
    expect(sesheke?.significant).toBe(true);
    expect(body.overall.se).toBeCloseTo(Math.hypot(body.overall.from?.se ?? NaN, body.overall.to?.se ?? NaN), 12);
  });

  it('when clusters are asked below data manager, then their points lie on the ~5 km grid', async () => {
    const body = await getJson<ClustersResponse>(app.get('/api/v1/awareness/clusters?indicator=knows_help'));
    expect(body.points).toHaveLength(90);
    for (const p of body.points) {
      expect(p.coarsened).toBe(true);
      expect(Math.abs(((p.lon - 0.0225) / 0.045) - Math.round((p.lon - 0.0225) / 0.045))).toBeLessThan(1e-6);
    }
  });
});
