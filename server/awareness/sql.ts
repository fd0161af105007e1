import type { IndicatorDefinition, SurveyRound, SurveySummary } from '../../common/awareness.js';
import type { Queryable } from '../db/index.js';
import { GRID_DEGREES } from '../privacy/coarsen.js';
import type { Respondent } from './estimate.js';

/** Awareness data access: indicators, survey summaries, respondent rows for estimation, cluster centroids. */

const INDICATORS = `
  SELECT code, label, description, question, yes, denominator,
    CASE WHEN among_question IS NULL THEN NULL ELSE json_build_object('question', among_question, 'yes', among_yes) END AS among, position
  FROM awareness_indicators ORDER BY position, code`;

export function indicators(db: Queryable): Promise<IndicatorDefinition[]> {
  return db.query<IndicatorDefinition & Record<string, unknown>>(INDICATORS);
}

// A district is named as admin_areas level 2 spells it; its code and province come from there.
const DISTRICT_AREAS = `
  dist AS (SELECT DISTINCT district FROM awareness_respondents WHERE survey_id = ANY($1::int[]) AND district IS NOT NULL),
  area AS (
    SELECT d.district, a.pcode, COALESCE(a.parent_pcode,
      (SELECT p.pcode FROM admin_areas p WHERE p.level = 1 AND ST_Intersects(p.geom, ST_PointOnSurface(a.geom)) ORDER BY p.pcode LIMIT 1)) AS province
    FROM dist d LEFT JOIN LATERAL (
      SELECT pcode, parent_pcode, geom FROM admin_areas a WHERE a.level = 2 AND lower(a.name) = lower(d.district) ORDER BY pcode LIMIT 1) a ON true)`;

const SURVEYS = `
  WITH ${DISTRICT_AREAS}
  SELECT s.id, s.name, s.round, min(r.interviewed_on) AS "periodStart", max(r.interviewed_on) AS "periodEnd",
    COALESCE(array_agg(DISTINCT COALESCE(area.pcode, r.district)) FILTER (WHERE r.district IS NOT NULL), '{}') AS districts,
    json_build_object('strata', COALESCE(bool_or(r.stratum IS NOT NULL), false), 'clusters', COALESCE(bool_or(r.cluster IS NOT NULL), false),
      'weights', COALESCE(bool_or(r.weight <> 1), false), 'fpc', COALESCE(bool_or(r.fpc IS NOT NULL), false)) AS design,
    count(r.survey_id)::int AS respondents, count(DISTINCT r.cluster)::int AS clusters,
    COALESCE(bool_or(r.geom IS NOT NULL), false) AS "hasGps", s.dataset_id AS "datasetId", d.is_synthetic AS synthetic
  FROM awareness_surveys s JOIN datasets d ON d.id = s.dataset_id
  LEFT JOIN awareness_respondents r ON r.survey_id = s.id
  LEFT JOIN area ON area.district = r.district
  WHERE s.id = ANY($1::int[])
  GROUP BY s.id, d.is_synthetic
  ORDER BY max(r.interviewed_on) DESC NULLS LAST, s.id DESC`;

/** Summaries of the given surveys, or of all (ids null), newest first. */
export async function surveys(db: Queryable, ids: number[] | null): Promise<SurveySummary[]> {
  const all = ids ?? (await db.query<{ id: number }>('SELECT id FROM awareness_surveys')).map((r) => r.id);
  const rows = await db.query<SurveySummary & Record<string, unknown>>(SURVEYS, [all]);
  return rows.map((r) => ({ ...r, districts: [...r.districts].sort() }));
}

/** The newest survey of a round (by its last interview), or null. */
export async function surveyOfRound(db: Queryable, round: SurveyRound): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    `SELECT s.id FROM awareness_surveys s LEFT JOIN awareness_respondents r ON r.survey_id = s.id WHERE s.round = $1
     GROUP BY s.id ORDER BY max(r.interviewed_on) DESC NULLS LAST, s.id DESC LIMIT 1`,
    [round],
  );
  return row?.id ?? null;
}

const RESPONDENTS = `
  WITH ${DISTRICT_AREAS}
  SELECT r.stratum, r.cluster, r.weight, r.district, area.pcode AS "districtCode", area.province, p.name AS "provinceName",
    r.sex, r.age, r.answers
  FROM awareness_respondents r LEFT JOIN area ON area.district = r.district LEFT JOIN admin_areas p ON p.pcode = area.province
  WHERE r.survey_id = ANY($1::int[]) ORDER BY r.dataset_id, r.source_row_id`;

/** Every respondent of a survey, as estimation reads them (never sent to a client). */
export function respondents(db: Queryable, surveyId: number): Promise<Respondent[]> {
  return db.query<Respondent & Record<string, unknown>>(RESPONDENTS, [[surveyId]]);
}

export interface ClusterCentre {
  cluster: string;
  district: string | null;
  lon: number;
  lat: number;
}

const s = GRID_DEGREES;
/**
 * Cluster centroids of the respondents' GPS points; `coarse`: snapped to the centre of the ~5 km
 * grid cell reports are coarsened to (docs/privacy.md), in SQL so exact points stay in the database.
 */
function clustersSql(coarse: boolean): string {
  const c = 'ST_Centroid(ST_Collect(r.geom))';
  const point = coarse ? `ST_MakePoint(floor(ST_X(${c}) / ${s}) * ${s} + ${s / 2}, floor(ST_Y(${c}) / ${s}) * ${s} + ${s / 2})` : c;
  return `
  WITH ${DISTRICT_AREAS}
  SELECT q.cluster, q.district, ST_X(q.g) AS lon, ST_Y(q.g) AS lat FROM (
    SELECT r.cluster, mode() WITHIN GROUP (ORDER BY COALESCE(area.pcode, r.district)) AS district, ${point} AS g
    FROM awareness_respondents r LEFT JOIN area ON area.district = r.district
    WHERE r.survey_id = ANY($1::int[]) AND r.cluster IS NOT NULL AND r.geom IS NOT NULL GROUP BY r.cluster) q
  ORDER BY q.cluster`;
}

export function clusterCentres(db: Queryable, surveyId: number, coarse: boolean): Promise<ClusterCentre[]> {
  return db.query<ClusterCentre & Record<string, unknown>>(clustersSql(coarse), [[surveyId]]);
}
