import type { Queryable } from '../db/types.js';
import { DEMO_SURVEYS, demoRespondents } from './surveys.js';

export const SURVEYS_DATASET = 'Synthetic demo awareness surveys (Corridor)';

const INSERT_SURVEYS_DATASET = `
INSERT INTO datasets (name, kind, source_org, method, licence, period_start, period_end, rows_accepted, is_synthetic, imported_by)
VALUES ($1, 'survey_respondents', 'Corridor demo generator', 'synthetic', 'CC0', $2, $3, $4, true, 'demo generator')
RETURNING id`;

const INSERT_SURVEY = 'INSERT INTO awareness_surveys (dataset_id, name, round) VALUES ($1, $2, $3) RETURNING id';

// One statement for all respondents (a few thousand rows); survey_id is given, so the
// trigger that finds surveys for imports does nothing.
const INSERT_RESPONDENTS = `
INSERT INTO awareness_respondents (dataset_id, source_row_id, survey_id, survey, round, interviewed_on, stratum, cluster, weight,
  district, sex, age, geom, answers)
SELECT $1, u.sid, s.id, s.name, s.round, u.day, u.stratum, u.cluster, u.weight, u.district, u.sex, u.age,
  ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326), u.answers::jsonb
FROM unnest($2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[], $10::int[],
  $11::float8[], $12::float8[], $13::text[]) AS u(sid, round, day, stratum, cluster, weight, district, sex, age, lon, lat, answers)
JOIN awareness_surveys s ON s.dataset_id = $1 AND s.round = u.round`;

/** The synthetic baseline and endline as one dataset with two surveys; returns the respondents written. */
export async function insertSurveys(tx: Queryable, seed: number): Promise<number> {
  const rows = demoRespondents(seed);
  const first = DEMO_SURVEYS[0];
  const last = DEMO_SURVEYS[1];
  const [ds] = await tx.query<{ id: number }>(INSERT_SURVEYS_DATASET, [SURVEYS_DATASET, `${first.year}-01-01`, `${last.year}-12-31`, rows.length]);
  if (!ds) throw new Error('inserting the demo survey dataset returned no id');
  for (const s of DEMO_SURVEYS) await tx.query(INSERT_SURVEY, [ds.id, s.name, s.round]);
  await tx.query(INSERT_RESPONDENTS, [
    ds.id,
    rows.map((r) => r.sourceRowId),
    rows.map((r) => r.round),
    rows.map((r) => r.day),
    rows.map((r) => r.stratum),
    rows.map((r) => r.cluster),
    rows.map((r) => r.weight),
    rows.map((r) => r.district),
    rows.map((r) => r.sex),
    rows.map((r) => r.age),
    rows.map((r) => r.lon),
    rows.map((r) => r.lat),
    rows.map((r) => JSON.stringify(r.answers)),
  ]);
  return rows.length;
}
