import { z } from 'zod';
import { AWARENESS_BY, CHANGE_BY, SURVEY_ROUNDS } from '../../common/awareness.js';

/** Request contract of /api/v1/awareness* (common/awareness.ts holds the vocabularies). */

export const indicatorCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'expected an indicator code such as would_report (GET /awareness/indicators)');
const surveyId = z.coerce.number().int().positive().max(2_147_483_647);
/** A round (the newest survey of that round) or a survey id. */
const surveyRef = z.union([z.enum(SURVEY_ROUNDS), surveyId], { error: `expected a round (${SURVEY_ROUNDS.join(', ')}) or a survey id` });

export const emptyQuery = z.strictObject({});

export const awarenessQuery = z.strictObject({
  /** Survey id; the newest survey when absent. */
  survey: surveyId.optional(),
  indicator: indicatorCode,
  by: z.enum(AWARENESS_BY).default('district'),
});
export type AwarenessQuery = z.infer<typeof awarenessQuery>;

export const changeQuery = z.strictObject({
  indicator: indicatorCode,
  from: surveyRef.default('baseline'),
  to: surveyRef.default('endline'),
  by: z.enum(CHANGE_BY).default('district'),
});
export type ChangeQuery = z.infer<typeof changeQuery>;

export const clustersQuery = z.strictObject({
  survey: surveyId.optional(),
  indicator: indicatorCode,
});
export type ClustersQuery = z.infer<typeof clustersQuery>;
