import { z } from 'zod';
import { MONITORING_POINT_KINDS, PLACE_KINDS, SERVICE_KINDS, SITE_KINDS } from '../../common/vocabulary.js';
import { csvCorridors } from '../corridors/schemas.js';
import { bbox, csvEnum, iso3 } from '../http/schemas.js';

// Unknown parameters are rejected (strictObject) so a typo is a 400, not a silently ignored filter.
const common = { bbox: bbox.optional() };

export const monitoringPointsQuery = z.strictObject({
  ...common,
  kind: csvEnum(MONITORING_POINT_KINDS).optional(),
  corridor: csvCorridors.optional(),
});

export const servicesQuery = z.strictObject({
  ...common,
  kind: csvEnum(SERVICE_KINDS).optional(),
  country: iso3.optional(),
});

export const placesQuery = z.strictObject({
  ...common,
  kind: csvEnum(PLACE_KINDS).optional(),
  country: iso3.optional(),
});

export const outreachSitesQuery = z.strictObject({
  ...common,
  kind: csvEnum(SITE_KINDS).optional(),
  corridor: csvCorridors.optional(),
});

export type CatalogFilter = {
  /** west > east crosses the antimeridian (the OGC API's bbox; the REST schema never sends it). */
  bbox?: readonly [number, number, number, number];
  /** one feature (OGC API items/{featureId}) */
  id?: number;
  kind?: string[];
  corridor?: string[];
  country?: string;
};
