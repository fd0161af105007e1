import {
  type AwarenessChangeResponse, type AwarenessResponse, CHANGE_ALPHA, type ClustersResponse, CONFIDENCE_LEVEL, type IndicatorDefinition,
  type SurveyRound, type SurveySummary,
} from '../../common/awareness.js';
import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';
import { badRequest, HttpError } from '../http/problem.js';
import { type DisclosureConfig, disclosurePolicy } from '../privacy/policy.js';
import { change, type Disclose, estimateBy } from './estimate.js';
import type { AwarenessQuery, ChangeQuery, ClustersQuery } from './schemas.js';
import * as sql from './sql.js';

/**
 * Awareness estimates (issue 16, docs/awareness.md): the public entry points other features
 * (outreach weighting, briefs) use too. Every number leaves through estimate.ts's publish().
 */
export const listIndicators = (db: Queryable): Promise<IndicatorDefinition[]> => sql.indicators(db);
export const listSurveys = (db: Queryable): Promise<SurveySummary[]> => sql.surveys(db, null);

/** An estimate is withheld below SUPPRESSION_K_SENSITIVE respondents unless the caller is a data manager. */
export function awarenessDisclosure(principal: Principal, config: DisclosureConfig): Disclose {
  const p = disclosurePolicy(principal, config, { sensitive: true });
  return { suppress: p.suppress, k: p.k };
}

export async function indicatorOf(db: Queryable, code: string, field = 'query.indicator'): Promise<IndicatorDefinition> {
  const found = (await sql.indicators(db)).find((i) => i.code === code);
  if (!found) throw badRequest([{ field, message: `no indicator "${code}" (GET /api/v1/awareness/indicators lists them)` }]);
  return found;
}

/** The survey asked for, or the newest one when none is named. */
export async function surveyOf(db: Queryable, id: number | undefined, field = 'query.survey'): Promise<SurveySummary> {
  if (id === undefined) {
    const [newest] = await listSurveys(db);
    if (!newest) throw new HttpError(404, 'Not found', 'no awareness survey is loaded (import one as kind survey_respondents)');
    return newest;
  }
  const [found] = await sql.surveys(db, [id]);
  if (!found) throw badRequest([{ field, message: `no survey ${id} (GET /api/v1/awareness/surveys lists them)` }]);
  return found;
}

async function surveyOfRef(db: Queryable, ref: SurveyRound | number, field: string): Promise<SurveySummary> {
  if (typeof ref === 'number') return surveyOf(db, ref, field);
  const id = await sql.surveyOfRound(db, ref);
  if (id === null) throw badRequest([{ field, message: `no ${ref} survey is loaded` }]);
  return surveyOf(db, id, field);
}

export async function awareness(db: Queryable, principal: Principal, config: DisclosureConfig, q: AwarenessQuery): Promise<AwarenessResponse> {
  const indicator = await indicatorOf(db, q.indicator);
  const survey = await surveyOf(db, q.survey);
  const d = awarenessDisclosure(principal, config);
  const { overall, rows } = estimateBy(await sql.respondents(db, survey.id), indicator, q.by, d);
  const suppressedRows = rows.filter((r) => r.suppressed).length;
  return {
    survey, indicator, by: q.by, level: CONFIDENCE_LEVEL, overall, rows,
    disclosure: { k: d.k, suppressed: d.suppress, suppressedRows }, synthetic: survey.synthetic,
  };
}

export async function awarenessChange(db: Queryable, principal: Principal, config: DisclosureConfig, q: ChangeQuery): Promise<AwarenessChangeResponse> {
  const indicator = await indicatorOf(db, q.indicator);
  const from = await surveyOfRef(db, q.from, 'query.from');
  const to = await surveyOfRef(db, q.to, 'query.to');
  if (from.id === to.id) throw badRequest([{ field: 'query.to', message: 'names the same survey as from' }]);
  const d = awarenessDisclosure(principal, config);
  const { overall, rows } = await changeBetween(db, from, to, indicator, d);
  return {
    indicator, from, to, by: q.by, alpha: CHANGE_ALPHA, overall, rows: q.by === 'all' ? [] : rows,
    disclosure: { k: d.k, suppressed: d.suppress }, synthetic: from.synthetic || to.synthetic,
  };
}

/** An indicator by district in one survey, published under `d`. */
export async function districtEstimates(db: Queryable, survey: SurveySummary, indicator: IndicatorDefinition, d: Disclose) {
  return estimateBy(await sql.respondents(db, survey.id), indicator, 'district', d);
}

/** The change from one survey to another, overall and by district, published under `d`. */
export async function changeBetween(db: Queryable, from: SurveySummary, to: SurveySummary, indicator: IndicatorDefinition, d: Disclose) {
  const [a, b] = [await districtEstimates(db, from, indicator, d), await districtEstimates(db, to, indicator, d)];
  return { overall: change('all', 'All respondents', a.overall, b.overall), rows: pairRows(a.rows, b.rows) };
}

/** The newest survey of a round, or null. */
export async function surveyOfRound(db: Queryable, round: SurveyRound): Promise<SurveySummary | null> {
  const id = await sql.surveyOfRound(db, round);
  return id === null ? null : surveyOf(db, id);
}

/** Domains of either round, matched by key. */
function pairRows(a: AwarenessResponse['rows'], b: AwarenessResponse['rows']) {
  const keys = new Map<string, string>();
  for (const r of [...a, ...b]) if (!keys.has(r.key)) keys.set(r.key, r.name);
  const find = (rows: AwarenessResponse['rows'], k: string) => rows.find((r) => r.key === k) ?? null;
  return [...keys].map(([k, name]) => change(k, name, find(a, k), find(b, k))).sort((x, y) => x.name.localeCompare(y.name));
}

export async function clusters(db: Queryable, principal: Principal, config: DisclosureConfig, q: ClustersQuery): Promise<ClustersResponse> {
  const indicator = await indicatorOf(db, q.indicator);
  const survey = await surveyOf(db, q.survey);
  const d = awarenessDisclosure(principal, config);
  const { rows } = estimateBy(await sql.respondents(db, survey.id), indicator, 'cluster', d);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const centres = survey.hasGps ? await sql.clusterCentres(db, survey.id, d.suppress) : [];
  const points = centres.flatMap((c) => {
    const e = byKey.get(c.cluster);
    return e ? [{ ...e, district: c.district, lon: c.lon, lat: c.lat, coarsened: d.suppress }] : [];
  });
  return { survey, indicator, points, disclosure: { k: d.k, suppressed: d.suppress }, synthetic: survey.synthetic };
}

export { awarenessAt, type AwarenessAt } from './weights.js';
