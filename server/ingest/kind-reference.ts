import { type FieldSpec, type KindSpec, LAT, LON, num, placeId, plainTargets, str } from './fields.js';

const CODE: FieldSpec = { name: 'code', type: { t: 'code' }, required: true, aliases: ['point_code', 'place_code', '#loc+code'] };
const NAME: FieldSpec = { name: 'name', type: { t: 'text', max: 200 }, required: true, aliases: ['place_name', 'point_name', '#loc+name'] };
const COUNTRY: FieldSpec = { name: 'country', type: { t: 'iso3' }, required: true, aliases: ['country_code', 'iso3', '#country+code'] };

const POINT_INPUTS = [
  ['code', 'text'], ['name', 'text'], ['kind', 'text'], ['corridor', 'text'], ['district', 'text'], ['country', 'text'],
  ['facing_country', 'text'], ['place_id', 'int'], ['hours', 'text'], ['active_from', 'date'], ['active_to', 'date'],
  ['lon', 'float8'], ['lat', 'float8'],
] as const;

/**
 * Monitoring points and places are keyed by their code, not by dataset: a code already known
 * is skipped (never overwritten), so re-importing a gazetteer adds only new entries.
 */
export const monitoringPointsKind: KindSpec = {
  kind: 'monitoring_points',
  sourceRowId: false,
  fields: [
    CODE,
    NAME,
    { name: 'kind', type: { t: 'enum', vocab: 'pointKind' }, required: true, aliases: ['type', 'point_type'] },
    { name: 'corridor', type: { t: 'enum', vocab: 'corridor' }, required: true, aliases: [] },
    { name: 'district', type: { t: 'text', max: 100 }, aliases: ['#adm2+name'] },
    COUNTRY,
    { name: 'facing_country', type: { t: 'iso3' }, aliases: ['neighbour_country', 'country_across'] },
    { name: 'place', type: { t: 'place' }, aliases: ['town', 'place_code'] },
    { name: 'hours', type: { t: 'text', max: 200 }, aliases: ['observation_hours', 'opening_hours'] },
    { name: 'active_from', type: { t: 'date' }, aliases: ['start_date'] },
    { name: 'active_to', type: { t: 'date' }, aliases: ['end_date'] },
    LAT,
    LON,
  ],
  build(v) {
    const from = str(v.active_from);
    const to = str(v.active_to);
    if (from && to && from > to) return [{ field: 'active_to', code: 'date.order', reason: `is before active_from (${from})` }];
    return {
      code: str(v.code), name: str(v.name), kind: str(v.kind), corridor: str(v.corridor), district: str(v.district),
      country: str(v.country), facing_country: str(v.facing_country), place_id: placeId(v.place), hours: str(v.hours),
      active_from: from, active_to: to, lon: num(v.lon), lat: num(v.lat),
    };
  },
  insert: { table: 'monitoring_points', conflict: '(code)', inputs: POINT_INPUTS, targets: plainTargets(POINT_INPUTS), datasetColumn: true },
};

const PLACE_INPUTS = [
  ['code', 'text'], ['name', 'text'], ['country', 'text'], ['admin1', 'text'], ['pcode', 'text'], ['kind', 'text'],
  ['lon', 'float8'], ['lat', 'float8'],
] as const;

export const placesKind: KindSpec = {
  kind: 'places',
  sourceRowId: false,
  fields: [
    CODE,
    NAME,
    COUNTRY,
    { name: 'admin1', type: { t: 'text', max: 100 }, aliases: ['province', 'region', '#adm1+name'] },
    { name: 'pcode', type: { t: 'text', max: 50 }, aliases: ['p_code', '#adm2+code', '#loc+pcode'] },
    { name: 'kind', type: { t: 'enum', vocab: 'placeKind' }, aliases: ['type', 'place_type'] },
    LAT,
    LON,
  ],
  build: (v) => ({
    code: str(v.code), name: str(v.name), country: str(v.country), admin1: str(v.admin1), pcode: str(v.pcode),
    kind: str(v.kind) ?? 'town', lon: num(v.lon), lat: num(v.lat),
  }),
  insert: { table: 'places', conflict: '(code)', inputs: PLACE_INPUTS, targets: plainTargets(PLACE_INPUTS), datasetColumn: true },
};

const AREA_INPUTS = [
  ['pcode', 'text'], ['name', 'text'], ['level', 'int'], ['parent_pcode', 'text'], ['country', 'text'], ['geometry', 'text'],
] as const;

/** COD-AB style boundaries, GeoJSON only (polygons do not fit a CSV cell people can edit). */
export const adminAreasKind: KindSpec = {
  kind: 'admin_areas',
  sourceRowId: false,
  fields: [
    { name: 'pcode', type: { t: 'text', max: 50 }, required: true, aliases: ['admin_pcode', 'p_code', '#adm1+code', '#adm2+code'] },
    { name: 'name', type: { t: 'text', max: 200 }, required: true, aliases: ['admin_name', '#adm1+name', '#adm2+name'] },
    { name: 'level', type: { t: 'int', min: 0, max: 4 }, required: true, aliases: ['admin_level', 'adm_level'] },
    { name: 'parent_pcode', type: { t: 'text', max: 50 }, aliases: ['parent'] },
    COUNTRY,
    { name: 'geometry', type: { t: 'geometry' }, required: true, aliases: [] },
  ],
  build: (v) => ({
    pcode: str(v.pcode), name: str(v.name), level: num(v.level), parent_pcode: str(v.parent_pcode), country: str(v.country),
    geometry: str(v.geometry),
  }),
  insert: {
    table: 'admin_areas',
    conflict: '(pcode)',
    inputs: AREA_INPUTS,
    targets: [
      ...plainTargets(AREA_INPUTS).filter(([c]) => c !== 'geometry'),
      ['geom', 'ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(u.geometry), 4326)), 3))'],
      // reported after the write (places/boundaries.ts): a repaired geometry is named, never silent
      ['repaired', 'NOT ST_IsValid(ST_SetSRID(ST_GeomFromGeoJSON(u.geometry), 4326))'],
    ],
    datasetColumn: true,
  },
};
