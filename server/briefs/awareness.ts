import type { BriefAwareness } from '../../common/awareness.js';
import { AWARENESS_BRIEF_INDICATOR, type BriefSource } from '../../common/briefs.js';
import type { Principal } from '../auth/roles.js';
import { changeBetween, districtEstimates, indicatorOf, listSurveys, surveyOf, surveyOfRound } from '../awareness/service.js';
import type { Db } from '../db/index.js';
import { type DisclosureConfig, disclosurePolicy } from '../privacy/policy.js';
import type { BriefQuery } from './schemas.js';

/**
 * The brief's awareness section (issue 16): the indicator by district with 95 % CIs and, when
 * the survey is not itself the baseline, the change since the newest baseline. Export policy:
 * a brief leaves the platform, so small domains are withheld for every role.
 */
export async function briefAwareness(db: Db, principal: Principal, config: DisclosureConfig, q: BriefQuery): Promise<BriefAwareness | null> {
  const indicator = await indicatorOf(db, q.awareness ?? AWARENESS_BRIEF_INDICATOR, 'query.awareness');
  if (q.awarenessSurvey === undefined && (await listSurveys(db)).length === 0) return null;
  const survey = await surveyOf(db, q.awarenessSurvey, 'query.awarenessSurvey');
  const p = disclosurePolicy(principal, config, { sensitive: true, exporting: true });
  const d = { suppress: p.suppress, k: p.k };
  const { rows } = await districtEstimates(db, survey, indicator, d);
  const baseline = survey.round === 'baseline' ? null : await surveyOfRound(db, 'baseline');
  const change = baseline ? (await changeBetween(db, baseline, survey, indicator, d)).rows : null;
  return { indicator, survey, baseline, rows, change, synthetic: survey.synthetic || baseline?.synthetic === true };
}

/** The survey datasets behind the section, for the brief's sources. */
export async function awarenessSources(db: Db, a: BriefAwareness): Promise<BriefSource[]> {
  const ids = [a.survey.datasetId, ...(a.baseline ? [a.baseline.datasetId] : [])];
  return db.query<BriefSource & Record<string, unknown>>(
    `SELECT name, kind, source_org AS provider, period_start::text AS "periodStart", period_end::text AS "periodEnd",
       to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "importedAt", is_synthetic AS synthetic
     FROM datasets WHERE id = ANY($1::int[]) ORDER BY id`,
    [ids],
  );
}
