import { type FieldSpec, type KindSpec, LAT, LON, num, plainTargets, SOURCE_ROW_ID, str } from './fields.js';

const NAME: FieldSpec = { name: 'name', type: { t: 'text', max: 200 }, required: true, aliases: ['site_name', 'facility_name', 'service_name', '#loc+name', '#org+name'] };
const COUNTRY: FieldSpec = { name: 'country', type: { t: 'iso3' }, required: true, aliases: ['country_code', 'iso3', '#country+code'] };
const POINT_REF: FieldSpec = {
  name: 'monitoring_point', type: { t: 'point' }, aliases: ['flow_monitoring_point', 'fmp', 'point', 'crossing', '#loc+fmp', '#loc+code'],
};

const REPORT_INPUTS = [
  ['source_row_id', 'text'], ['reported_on', 'date'], ['type', 'text'], ['referral_status', 'text'], ['monitoring_point_id', 'int'],
  ['persons', 'int'], ['lon', 'float8'], ['lat', 'float8'],
] as const;

/** Protection incidents and referral cases: the most sensitive table (docs/architecture.md#data-model). */
export const reportsKind: KindSpec = {
  kind: 'reports',
  sourceRowId: true,
  fields: [
    SOURCE_ROW_ID,
    { name: 'date', type: { t: 'date' }, required: true, aliases: ['reported_on', 'report_date', 'incident_date', '#date'] },
    { name: 'type', type: { t: 'enum', vocab: 'reportType' }, required: true, aliases: ['report_type', 'incident_type', 'case_type'] },
    { name: 'referral_status', type: { t: 'enum', vocab: 'referralStatus' }, aliases: ['status', 'referral'] },
    POINT_REF,
    { name: 'persons', type: { t: 'int', min: 1, max: 10_000 }, aliases: ['individuals', 'number_of_persons', 'victims', '#affected'] },
    LAT,
    LON,
  ],
  build: (v) => ({
    source_row_id: str(v.source_row_id), reported_on: str(v.date), type: str(v.type),
    referral_status: str(v.referral_status) ?? 'none', monitoring_point_id: num(v.monitoring_point), persons: num(v.persons) ?? 1,
    lon: num(v.lon), lat: num(v.lat),
  }),
  insert: { table: 'reports', conflict: '(dataset_id, source_row_id)', inputs: REPORT_INPUTS, targets: plainTargets(REPORT_INPUTS), datasetColumn: true },
};

const SERVICE_INPUTS = [
  ['source_row_id', 'text'], ['name', 'text'], ['kind', 'text'], ['country', 'text'], ['hours', 'text'], ['contact', 'text'],
  ['capacity', 'int'], ['lon', 'float8'], ['lat', 'float8'],
] as const;

export const servicesKind: KindSpec = {
  kind: 'services',
  sourceRowId: true,
  fields: [
    SOURCE_ROW_ID,
    NAME,
    { name: 'kind', type: { t: 'enum', vocab: 'serviceKind' }, required: true, aliases: ['type', 'service_type', 'category'] },
    COUNTRY,
    { name: 'hours', type: { t: 'text', max: 200 }, aliases: ['opening_hours'] },
    { name: 'contact', type: { t: 'text', max: 200 }, aliases: ['phone', 'telephone', '#contact+phone', '#contact'] },
    { name: 'capacity', type: { t: 'int', min: 0, max: 1_000_000 }, aliases: ['beds'] },
    LAT,
    LON,
  ],
  build: (v) => ({
    source_row_id: str(v.source_row_id), name: str(v.name), kind: str(v.kind), country: str(v.country), hours: str(v.hours),
    contact: str(v.contact), capacity: num(v.capacity), lon: num(v.lon), lat: num(v.lat),
  }),
  insert: { table: 'services', conflict: '(dataset_id, source_row_id)', inputs: SERVICE_INPUTS, targets: plainTargets(SERVICE_INPUTS), datasetColumn: true },
};

const SITE_INPUTS = [
  ['source_row_id', 'text'], ['name', 'text'], ['kind', 'text'], ['corridor', 'text'], ['footfall', 'int'], ['cost', 'numeric'],
  ['lon', 'float8'], ['lat', 'float8'],
] as const;

/** Candidate outreach sites (markets, bus stations, …) with estimated weekly footfall. */
export const outreachSitesKind: KindSpec = {
  kind: 'outreach_sites',
  sourceRowId: true,
  fields: [
    SOURCE_ROW_ID,
    NAME,
    { name: 'kind', type: { t: 'enum', vocab: 'siteKind' }, required: true, aliases: ['type', 'site_type', 'category'] },
    { name: 'corridor', type: { t: 'enum', vocab: 'corridor' }, required: true, aliases: [] },
    { name: 'footfall', type: { t: 'int', min: 0, max: 10_000_000 }, aliases: ['estimated_footfall', 'weekly_footfall'] },
    { name: 'cost', type: { t: 'number', min: 0, max: 1e9 }, aliases: ['activity_cost'] },
    LAT,
    LON,
  ],
  build: (v) => ({
    source_row_id: str(v.source_row_id), name: str(v.name), kind: str(v.kind), corridor: str(v.corridor),
    footfall: num(v.footfall), cost: num(v.cost), lon: num(v.lon), lat: num(v.lat),
  }),
  insert: { table: 'outreach_sites', conflict: '(dataset_id, source_row_id)', inputs: SITE_INPUTS, targets: plainTargets(SITE_INPUTS), datasetColumn: true },
};
