import {
  type FieldProblem, type FieldSpec, type FieldValues, type KindSpec, MAX_COUNT_TYPE, num, pgArray, placeCountry, placeId,
  plainTargets, SOURCE_ROW_ID, str,
} from './fields.js';

const count = (name: string, aliases: string[], required = false): FieldSpec => ({ name, type: MAX_COUNT_TYPE, required, aliases });

/**
 * The flow-monitoring registry (FMR-style, as IOM DTM collects it): one row per observed group
 * or count record. Headers are matched by these names and aliases, after dropping case, spaces,
 * punctuation and Kobo group prefixes ('group_flow/date' → date), or by HXL hashtag (attribute
 * order ignored). A mapping override names the column for any field. See docs/imports.md#kinds-and-observation-columns.
 */
export const OBSERVATION_FIELDS: readonly FieldSpec[] = [
  SOURCE_ROW_ID,
  { name: 'date', type: { t: 'date' }, required: true, aliases: ['observed_on', 'observation_date', 'survey_date', 'date_of_survey', 'today', '#date', '#date+observed', '#date+survey'] },
  { name: 'time', type: { t: 'time' }, aliases: ['observed_at', 'time_of_observation', '#date+time'] },
  {
    name: 'monitoring_point', type: { t: 'point' }, required: true,
    aliases: ['flow_monitoring_point', 'fmp', 'point', 'monitoring_point_code', 'crossing', 'border_crossing', 'border_point', 'location', '#loc+name', '#loc+code', '#loc', '#loc+fmp'],
  },
  { name: 'direction', type: { t: 'enum', vocab: 'direction' }, required: true, aliases: ['flow_direction', 'movement_direction', '#indicator+direction'] },
  { name: 'origin', type: { t: 'placeOrCountry' }, aliases: ['place_of_origin', 'origin_place', 'origin_location', 'from', '#loc+origin'] },
  { name: 'origin_country', type: { t: 'iso3' }, aliases: ['country_of_origin', 'departure_country', '#country+code+origin', '#country+origin'] },
  { name: 'previous', type: { t: 'place' }, aliases: ['previous_place', 'previous_location', 'last_place', '#loc+previous'] },
  { name: 'next', type: { t: 'place' }, aliases: ['next_place', 'next_destination', 'next_location', '#loc+next'] },
  {
    name: 'final_destination', type: { t: 'placeOrCountry' },
    aliases: ['destination', 'intended_destination', 'final_destination_place', 'to', '#loc+destination', '#loc+dest', '#loc+destination+final'],
  },
  { name: 'destination_country', type: { t: 'iso3' }, aliases: ['country_of_destination', 'final_destination_country', '#country+code+destination', '#country+destination'] },
  count('total', ['total_individuals', 'individuals', 'persons', 'number_of_persons', 'total_persons', 'group_size', '#affected', '#affected+total', '#affected+ind'], true),
  count('male', ['males', 'men', '#affected+m', '#affected+male']),
  count('female', ['females', 'women', '#affected+f', '#affected+female']),
  count('children', ['child', 'minors', '#affected+children', '#affected+minors']),
  count('unaccompanied_children', ['unaccompanied', 'uac', 'uasc', 'unaccompanied_minors', '#affected+children+unaccompanied', '#affected+uac']),
  { name: 'nationality', type: { t: 'iso3' }, aliases: ['nationality_code', 'citizenship', '#country+code+nationality', '#country+nationality', '#affected+nationality'] },
  { name: 'transport_mode', type: { t: 'enum', vocab: 'transport' }, aliases: ['transport', 'mode_of_transport', 'means_of_transport', '#indicator+transport'] },
  { name: 'reasons', type: { t: 'set', vocab: 'reasons' }, aliases: ['reason', 'reason_for_movement', 'reasons_for_movement', 'purpose', '#indicator+reason'] },
  { name: 'vulnerabilities', type: { t: 'set', vocab: 'vulnerabilities' }, aliases: ['vulnerability', 'vulnerable_groups', '#indicator+vulnerability'] },
];

/** The database's own consistency rules (migrations/001_core.sql), checked first so the report names the row. */
function checkCounts(v: FieldValues): FieldProblem[] {
  const total = num(v.total) ?? 0;
  const male = num(v.male) ?? 0;
  const female = num(v.female) ?? 0;
  const children = num(v.children) ?? 0;
  const uac = num(v.unaccompanied_children) ?? 0;
  const out: FieldProblem[] = [];
  if (male + female > total) {
    out.push({ field: 'total', code: 'count.sex_exceeds_total', reason: `is less than male + female (${male} + ${female} = ${male + female})` });
  }
  if (children > total) out.push({ field: 'children', code: 'count.children_exceed_total', reason: `exceeds total (${total})` });
  if (uac > children) {
    out.push({ field: 'unaccompanied_children', code: 'count.uac_exceed_children', reason: `exceeds children (${children})` });
  }
  return out;
}

const INPUTS = [
  ['source_row_id', 'text'], ['observed_on', 'date'], ['observed_at', 'time'], ['monitoring_point_id', 'int'], ['direction', 'text'],
  ['origin_place_id', 'int'], ['origin_country', 'text'], ['previous_place_id', 'int'], ['next_place_id', 'int'],
  ['final_destination_place_id', 'int'], ['destination_country', 'text'], ['total', 'int'], ['male', 'int'], ['female', 'int'],
  ['children', 'int'], ['unaccompanied_children', 'int'], ['nationality', 'text'], ['transport_mode', 'text'],
  ['reasons', 'text'], ['vulnerabilities', 'text'],
] as const;

export const observationsKind: KindSpec = {
  kind: 'observations',
  fields: OBSERVATION_FIELDS,
  sourceRowId: true,
  build(v) {
    const problems = checkCounts(v);
    if (problems.length > 0) return problems;
    return {
      source_row_id: str(v.source_row_id),
      observed_on: str(v.date),
      observed_at: str(v.time),
      monitoring_point_id: num(v.monitoring_point),
      direction: str(v.direction),
      origin_place_id: placeId(v.origin),
      // A named place implies its country, so country-level flows include it.
      origin_country: str(v.origin_country) ?? placeCountry(v.origin),
      previous_place_id: placeId(v.previous),
      next_place_id: placeId(v.next),
      final_destination_place_id: placeId(v.final_destination),
      destination_country: str(v.destination_country) ?? placeCountry(v.final_destination),
      total: num(v.total),
      male: num(v.male) ?? 0,
      female: num(v.female) ?? 0,
      children: num(v.children) ?? 0,
      unaccompanied_children: num(v.unaccompanied_children) ?? 0,
      nationality: str(v.nationality),
      transport_mode: str(v.transport_mode),
      reasons: pgArray(v.reasons),
      vulnerabilities: pgArray(v.vulnerabilities),
    };
  },
  insert: {
    table: 'observations',
    conflict: '(dataset_id, source_row_id)',
    inputs: INPUTS,
    targets: plainTargets(INPUTS).map(([c, e]) => [c, c === 'reasons' || c === 'vulnerabilities' ? `${e}::text[]` : e] as const),
    datasetColumn: true,
  },
};
