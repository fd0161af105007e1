import type { ImportKind as Kind } from '../../common/imports.js';
import type { PlaceRef } from './lookup.js';
import { MAX_COUNT } from './values.js';
import type { VocabName } from './vocab.js';

// The kinds and modes are the API's contract (common/imports.ts), under the names ingest uses.
export { IMPORT_KINDS as KINDS, type ImportKind as Kind, IMPORT_MODES as MODES, type ImportMode as Mode } from '../../common/imports.js';

export type FieldType =
  | { t: 'text'; max?: number }
  | { t: 'code' }
  | { t: 'int'; min: number; max: number }
  | { t: 'number'; min: number; max: number }
  | { t: 'date' }
  | { t: 'time' }
  | { t: 'iso3' }
  | { t: 'lon' }
  | { t: 'lat' }
  | { t: 'enum'; vocab: VocabName }
  | { t: 'set'; vocab: VocabName }
  | { t: 'point' }
  | { t: 'place' }
  | { t: 'placeOrCountry' }
  | { t: 'geometry' };

export interface FieldSpec {
  /** Canonical name: the documented header, and the key of mapping overrides. */
  name: string;
  type: FieldType;
  required?: boolean;
  /** Other headers (compared after headerKey: case, spaces and punctuation ignored) and HXL tags ('#…'). */
  aliases: readonly string[];
}

/** A parsed cell: null when empty. */
export type Parsed = string | number | string[] | PlaceRef | { id: null; country: string } | null;
export type FieldValues = Record<string, Parsed>;
/** What goes into one table column of the batch. */
export type DbValue = string | number | boolean | null;
export type DbRecord = Record<string, DbValue>;

/** A cross-field problem, named by the field whose column the report should point at. */
export interface FieldProblem {
  field: string;
  code: string;
  reason: string;
}

export interface InsertSpec {
  table: string;
  /** The unique key that makes a re-import skip a row. */
  conflict: string;
  /** Batch columns in parameter order, with their PostgreSQL array element type. */
  inputs: readonly (readonly [key: string, pgType: string])[];
  /** Target column → expression over the inputs (`u.<key>`); dataset_id is added when the table has it. */
  targets: readonly (readonly [column: string, expr: string])[];
  datasetColumn: boolean;
}

/** Targets that copy inputs as they are, plus a point geometry from lon/lat when the inputs have them. */
export function plainTargets(inputs: InsertSpec['inputs']): InsertSpec['targets'] {
  const keys = inputs.map(([k]) => k);
  const out: [string, string][] = keys.filter((k) => k !== 'lon' && k !== 'lat').map((k) => [k, `u.${k}`]);
  if (keys.includes('lon') && keys.includes('lat')) out.push(['geom', 'ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)']);
  return out;
}

export interface KindSpec {
  kind: Kind;
  fields: readonly FieldSpec[];
  /** Rows carry a source_row_id (derived from the row's content when the file has none). */
  sourceRowId: boolean;
  /** Cross-field checks, then the record for the insert (or the problems). */
  build(v: FieldValues): DbRecord | FieldProblem[];
  insert: InsertSpec;
}

/** People counted in one record: 0 … MAX_COUNT. */
export const MAX_COUNT_TYPE: FieldType = { t: 'int', min: 0, max: MAX_COUNT };

/** Shared fields. */
export const LAT = { name: 'lat', type: { t: 'lat' }, required: true, aliases: ['latitude', 'y', 'gps_latitude', '#geo+lat'] } as const;
export const LON = {
  name: 'lon', type: { t: 'lon' }, required: true, aliases: ['lng', 'long', 'longitude', 'x', 'gps_longitude', '#geo+lon'],
} as const;
export const SOURCE_ROW_ID: FieldSpec = {
  name: 'source_row_id',
  type: { t: 'text', max: 200 },
  aliases: ['row_id', 'record_id', 'id', 'uuid', 'instanceid', 'feature_id', '#meta+id', '#meta+uuid'],
};

/** JS list → PostgreSQL array literal; the words come from vocabularies, so no quoting is needed. */
export function pgArray(v: Parsed | undefined): string {
  return Array.isArray(v) ? `{${v.join(',')}}` : '{}';
}

export function placeId(v: Parsed | undefined): number | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v.id : null;
}

export function placeCountry(v: Parsed | undefined): string | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v.country : null;
}

export const str = (v: Parsed | undefined): string | null => (typeof v === 'string' ? v : null);
export const num = (v: Parsed | undefined): number | null => (typeof v === 'number' ? v : null);
