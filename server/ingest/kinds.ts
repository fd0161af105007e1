import type { Kind, KindSpec } from './fields.js';
import { outreachSitesKind, reportsKind, servicesKind } from './kind-catalog.js';
import { observationsKind } from './kind-observations.js';
import { surveyRespondentsKind } from './kind-survey.js';
import { adminAreasKind, monitoringPointsKind, placesKind } from './kind-reference.js';

export { KINDS, MODES, type Kind, type Mode } from './fields.js';

/** Every importable kind: its fields, checks and insert. */
export const KIND_SPECS: Readonly<Record<Kind, KindSpec>> = {
  observations: observationsKind,
  reports: reportsKind,
  services: servicesKind,
  outreach_sites: outreachSitesKind,
  monitoring_points: monitoringPointsKind,
  places: placesKind,
  admin_areas: adminAreasKind,
  survey_respondents: surveyRespondentsKind,
};
