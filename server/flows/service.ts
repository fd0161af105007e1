import type { Db } from '../db/index.js';
import type { DisclosurePolicy } from '../privacy/disclosure.js';
import type { FlowFilter } from '../query/schemas.js';
import { queryBreakdowns } from './breakdowns.js';
import { queryCorridors } from './corridors.js';
import { queryCrossings } from './crossings.js';
import { discloseBreakdowns, discloseCorridors, discloseCrossings, discloseFlows, discloseTimeseries } from './disclose.js';
import { queryFlows } from './flows.js';
import type { BreakdownsQuery, CorridorsQuery, FlowsQuery, TimeseriesQuery } from './schemas.js';
import { queryTimeseries } from './timeseries.js';

/**
 * The flows aggregates as they may leave the platform: queried, then published under the
 * request's disclosure policies (server/privacy requestPolicies: `ordinary` for the counts,
 * `sensitive` for trafficking-indicator cells). The flows routes and map briefs both use these;
 * nothing outside flows/ needs its query or disclosure internals.
 */
export interface Policies {
  ordinary: DisclosurePolicy;
  sensitive: DisclosurePolicy;
}

export async function publishedFlows(db: Db, q: FlowsQuery, p: Policies) {
  return discloseFlows(await queryFlows(db, q), p.ordinary);
}

export async function publishedTimeseries(db: Db, q: TimeseriesQuery, p: Policies) {
  return discloseTimeseries(await queryTimeseries(db, q), p.ordinary);
}

export async function publishedBreakdowns(db: Db, q: BreakdownsQuery, p: Policies) {
  return discloseBreakdowns(await queryBreakdowns(db, q), p.ordinary, p.sensitive);
}

export async function publishedCorridors(db: Db, q: CorridorsQuery, p: Policies) {
  return discloseCorridors(await queryCorridors(db, q), p.ordinary);
}

export async function publishedCrossings(db: Db, q: FlowFilter, p: Policies) {
  return discloseCrossings(await queryCrossings(db, q), p.ordinary);
}
