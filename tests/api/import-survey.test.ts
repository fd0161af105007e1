import { expect, it } from 'vitest';
import type { AwarenessResponse } from '../../common/awareness.js';
import { importFile } from '../helpers/import.js';
import { KOBO_SURVEY_RECIPE, koboRespondents, koboSurveyWorkbook, type KoboRespondent } from '../helpers/kobo-survey.js';
import { describeApp } from '../helpers/suite.js';

const json = (v: unknown) => JSON.stringify(v);

/** The design-based proportion and SE written out apart from the server: PSUs with replacement within strata. */
function byHand(rows: KoboRespondent[], y: (r: KoboRespondent) => number | null): { estimate: number; se: number; n: number } {
  const answered = rows.filter((r) => y(r) !== null);
  const sw = answered.reduce((s, r) => s + r.weight, 0);
  const mean = answered.reduce((s, r) => s + r.weight * (y(r) ?? 0), 0) / sw;
  const strata = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const h = strata.get(r.stratum.trim()) ?? new Map<string, number>();
    const v = y(r);
    h.set(r.cluster, (h.get(r.cluster) ?? 0) + (v === null ? 0 : (r.weight * (v - mean)) / sw));
    strata.set(r.stratum.trim(), h);
  }
  let variance = 0;
  for (const h of strata.values()) {
    const t = [...h.values()];
    const tbar = t.reduce((a, b) => a + b, 0) / t.length;
    variance += (t.length / (t.length - 1)) * t.reduce((s, x) => s + (x - tbar) ** 2, 0);
  }
  return { estimate: mean, se: Math.sqrt(variance), n: answered.length };
}

describeApp('awareness survey import on the %s database', { db: 'fresh', as: 'viewer' }, ({ app, db }) => {
  const rows = koboRespondents(30);
  let file: Buffer;

  it('when a messy Kobo export is imported with a recipe, then one row per respondent is stored with normalised answers and the survey is made', async () => {
    file = await koboSurveyWorkbook(rows);
    const v = await importFile(app, 'kbyg-mwandi.xlsx', file, { recipe: json(KOBO_SURVEY_RECIPE), dataset: 'KBYG Mwandi' });
    expect(v.status, json(v.report)).toBe('committed');
    expect(v.progress.rowsInserted).toBe(30); // the totals row is not a respondent
    const [survey] = await db.query<{ name: string; round: string; n: number }>(
      `SELECT s.name, s.round, count(r.*)::int AS n FROM awareness_surveys s JOIN awareness_respondents r ON r.survey_id = s.id
       WHERE s.dataset_id = $1 GROUP BY s.id`, [v.datasetId]);
    expect(survey).toEqual({ name: 'KBYG Mwandi pilot', round: 'baseline', n: 30 });
    const stored = await db.query<Record<string, unknown>>(
      `SELECT source_row_id, interviewed_on, district, sex, age, stratum, cluster, weight, answers, round(ST_Y(geom)::numeric, 4)::float8 AS lat
       FROM awareness_respondents WHERE dataset_id = $1 ORDER BY source_row_id`, [v.datasetId]);
    expect(stored[0]).toEqual({
      source_row_id: 'uuid-000', interviewed_on: '2017-06-01', district: 'Mwandi', sex: 'female', age: 16, stratum: 'Mwandi urban', cluster: 'MW-1',
      weight: 120.5, answers: { aware_risks: 'yes', would_report: 'yes', knows_help: 'no', exposure_channels: 'drama radio' }, lat: -17.52,
    });
    expect(stored[1]?.answers).toEqual({ aware_risks: 'no', would_report: 'no', knows_help: 'yes', exposure_channels: 'none' });
    expect(stored[3]?.answers).not.toHaveProperty('exposure_channels'); // blank: missing
    expect(stored[7]?.answers).not.toHaveProperty('would_report'); // don't know: missing
  });

  it('when the imported survey is estimated, then the numbers are the hand-written design-based ones, and small clusters are withheld below data manager', async () => {
    const [s] = await db.query<{ id: number }>(`SELECT id FROM awareness_surveys WHERE name = 'KBYG Mwandi pilot'`);
    const asked = async (role: 'viewer' | 'data_manager', by: string) => {
      const res = await app.as(role).get(`/api/v1/awareness?survey=${s?.id}&indicator=would_report&by=${by}`);
      expect(res.status).toBe(200);
      return (await res.json()) as AwarenessResponse;
    };
    const want = byHand(rows, (r) => (r.wouldReport === null ? null : r.wouldReport ? 1 : 0));
    const district = await asked('viewer', 'district');
    expect(district.rows).toHaveLength(1);
    expect(district.rows[0]).toMatchObject({ key: 'PRJ-ZM-MWANDI', name: 'Mwandi', n: want.n, df: 4, suppressed: false });
    expect(district.rows[0]?.estimate).toBeCloseTo(want.estimate, 12);
    expect(district.rows[0]?.se).toBeCloseTo(want.se, 12);
    const viewer = await asked('viewer', 'cluster');
    expect(viewer.rows.every((r) => r.suppressed && r.estimate === null && r.n === null)).toBe(true);
    expect(viewer.disclosure.suppressedRows).toBe(6);
    const manager = await asked('data_manager', 'cluster');
    expect(manager.rows.map((r) => [r.key, r.suppressed])).toEqual(['MW-1', 'MW-2', 'MW-3', 'MW-4', 'MW-5', 'MW-6'].map((k) => [k, false]));
  });

  it('when the same file comes again, then nothing is added; when a longer export is appended, then only its new respondents are', async () => {
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM awareness_respondents WHERE source_row_id LIKE $1', ['uuid-%']))[0]?.n;
    const again = await importFile(app, 'kbyg-mwandi-again.xlsx', file, { recipe: json(KOBO_SURVEY_RECIPE) });
    expect(again.status).toBe('unchanged');
    expect(await count()).toBe(30);
    const [ds] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = 'KBYG Mwandi'`);
    const longer = await importFile(app, 'kbyg-mwandi-longer.xlsx', await koboSurveyWorkbook(koboRespondents(35)), { recipe: json(KOBO_SURVEY_RECIPE), datasetId: String(ds?.id) });
    expect(longer.status, json(longer.report)).toBe('committed');
    expect(longer.progress).toMatchObject({ rowsInserted: 5, rowsSkipped: 30 });
    expect(await count()).toBe(35);
    expect((await db.query('SELECT id FROM awareness_surveys WHERE dataset_id = $1', [ds?.id])).length).toBe(1);
  });

  it('when a viewer or planner tries to import respondents, then it is forbidden', async () => {
    for (const role of ['viewer', 'planner'] as const) {
      const form = new FormData();
      form.set('recipe', json(KOBO_SURVEY_RECIPE));
      form.set('file', new Blob([new Uint8Array(await koboSurveyWorkbook(rows.slice(0, 2)))]), 'x.xlsx');
      expect((await app.as(role).get('/api/v1/imports', { method: 'POST', body: form })).status).toBe(403);
    }
  });
});
