import { type FieldSpec, type FieldValues, type KindSpec, num, SOURCE_ROW_ID, str } from './fields.js';

/**
 * Awareness survey respondents (issue 16, docs/awareness.md): one row per respondent of a
 * KoboToolbox-style export. Kobo group paths (`awareness/would_report`) match by their last
 * segment (mapping.ts headerKey), `_uuid` is the row id, `_gps_latitude`/`_gps_longitude` the
 * point. Survey name and round are usually recipe constants. Answers are kept as data (the
 * `answers` jsonb, keyed by question code) so that indicators can be defined on them later.
 */

/** The questions of the default indicator set (migration 014), with the names Kobo forms use. */
export const SURVEY_QUESTIONS: readonly FieldSpec[] = [
  { name: 'aware_risks', type: { t: 'text', max: 200 }, aliases: ['aware_trafficking', 'heard_of_trafficking', 'q_aware'] },
  { name: 'knows_requirements', type: { t: 'text', max: 200 }, aliases: ['knows_documents', 'knows_permits', 'q_requirements'] },
  { name: 'knows_reporting', type: { t: 'text', max: 200 }, aliases: ['knows_how_to_report', 'q_report_how'] },
  { name: 'would_report', type: { t: 'text', max: 200 }, aliases: ['willing_to_report', 'q_would_report'] },
  { name: 'trusts_action', type: { t: 'text', max: 200 }, aliases: ['trust_report_action', 'q_trust'] },
  { name: 'knows_help', type: { t: 'text', max: 200 }, aliases: ['knows_cwac', 'knows_where_help', 'q_help'] },
  { name: 'exposure_channels', type: { t: 'text', max: 500 }, aliases: ['heard_message', 'kbyg_channels', 'message_channels', 'q_exposure'] },
];

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'oui', 'ndiyo']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'non', 'hapana']);
const SKIPPED = new Set(['', 'na', 'n/a', 'dont_know', "don't know", 'refused', 'dk']);

/**
 * One answer as stored: booleans (TRUE/FALSE, 1/0, yes/no) as "yes"/"no"; select_multiple
 * choices lower-case, separated by one space; don't-know and refusals as missing (null).
 */
export function normaliseAnswer(raw: string | null): string | null {
  if (raw === null) return null;
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (SKIPPED.has(s)) return null;
  if (TRUE_WORDS.has(s)) return 'yes';
  if (FALSE_WORDS.has(s)) return 'no';
  return s
    .split(/[ ,;|]+/)
    .filter((w) => w !== '')
    .join(' ');
}

const INPUTS = [
  ['source_row_id', 'text'], ['survey', 'text'], ['round', 'text'], ['interviewed_on', 'date'], ['stratum', 'text'], ['cluster', 'text'],
  ['weight', 'float8'], ['fpc', 'float8'], ['district', 'text'], ['sex', 'text'], ['age', 'int'], ['lon', 'float8'], ['lat', 'float8'],
  ['answers', 'text'],
] as const;

// A district named in the file is matched to admin_areas level 2 by name or code; a respondent
// with only a GPS point gets the district that holds it (admin_area_near, migration 012).
const DISTRICT = `COALESCE(
  (SELECT a.name FROM admin_areas a WHERE a.level = 2 AND (lower(a.name) = lower(u.district) OR a.pcode = u.district) ORDER BY a.pcode LIMIT 1),
  u.district,
  (SELECT a.name FROM admin_areas a WHERE a.level = 2 AND u.lon IS NOT NULL
     AND a.pcode = admin_area_near(ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326), 2, 'ZMB')))`;

export const surveyRespondentsKind: KindSpec = {
  kind: 'survey_respondents',
  sourceRowId: true,
  fields: [
    { ...SOURCE_ROW_ID, aliases: [...SOURCE_ROW_ID.aliases, 'respondent_id', 'submission_id'] },
    { name: 'survey', type: { t: 'text', max: 200 }, required: true, aliases: ['survey_name', 'form', 'form_name'] },
    { name: 'round', type: { t: 'enum', vocab: 'surveyRound' }, required: true, aliases: ['survey_round', 'wave', 'phase'] },
    { name: 'date', type: { t: 'date' }, aliases: ['today', 'interview_date', 'submission_time', 'start', 'date_of_interview'] },
    { name: 'stratum', type: { t: 'text', max: 100 }, aliases: ['strata', 'stratum_id'] },
    { name: 'cluster', type: { t: 'text', max: 100 }, aliases: ['psu', 'ea', 'enumeration_area', 'cluster_id', 'village_id'] },
    { name: 'weight', type: { t: 'number', min: 1e-9, max: 1e9 }, aliases: ['wt', 'sampling_weight', 'survey_weight', 'pweight'] },
    { name: 'fpc', type: { t: 'number', min: 1, max: 1e9 }, aliases: ['population_psus'] },
    { name: 'district', type: { t: 'text', max: 100 }, aliases: ['adm2', 'district_name', '#adm2+name', '#adm2+code'] },
    { name: 'sex', type: { t: 'enum', vocab: 'respondentSex' }, aliases: ['gender', 'respondent_sex', 'sex_of_respondent'] },
    { name: 'age', type: { t: 'int', min: 0, max: 120 }, aliases: ['respondent_age', 'age_years'] },
    { name: 'lat', type: { t: 'lat' }, aliases: ['latitude', 'gps_latitude', 'location_latitude', '#geo+lat'] },
    { name: 'lon', type: { t: 'lon' }, aliases: ['longitude', 'gps_longitude', 'location_longitude', '#geo+lon'] },
    ...SURVEY_QUESTIONS,
  ],
  build(v: FieldValues) {
    const lon = num(v.lon);
    const lat = num(v.lat);
    if ((lon === null) !== (lat === null)) return [{ field: lon === null ? 'lon' : 'lat', code: 'point.partial', reason: 'give both lat and lon, or neither' }];
    const answers: Record<string, string> = {};
    for (const q of SURVEY_QUESTIONS) {
      const a = normaliseAnswer(str(v[q.name]));
      if (a !== null) answers[q.name] = a;
    }
    return {
      source_row_id: str(v.source_row_id), survey: str(v.survey)?.trim() ?? null, round: str(v.round), interviewed_on: str(v.date),
      stratum: str(v.stratum)?.trim() || null, cluster: str(v.cluster)?.trim() || null, weight: num(v.weight) ?? 1, fpc: num(v.fpc),
      district: str(v.district)?.trim() || null, sex: str(v.sex), age: num(v.age), lon, lat, answers: JSON.stringify(answers),
    };
  },
  insert: {
    table: 'awareness_respondents',
    conflict: '(dataset_id, source_row_id)',
    inputs: INPUTS,
    targets: [
      ['source_row_id', 'u.source_row_id'], ['survey', 'u.survey'], ['round', 'u.round'], ['interviewed_on', 'u.interviewed_on'],
      ['stratum', 'u.stratum'], ['cluster', 'u.cluster'], ['weight', 'u.weight'], ['fpc', 'u.fpc'], ['district', DISTRICT],
      ['sex', 'u.sex'], ['age', 'u.age'], ['geom', 'ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)'], ['answers', 'u.answers::jsonb'],
    ],
    datasetColumn: true,
  },
};
