import {
  DIRECTIONS, MONITORING_POINT_KINDS, PLACE_KINDS, REASONS, REPORT_TYPES, SERVICE_KINDS, SITE_KINDS,
  TRANSPORT_MODES, VULNERABILITIES,
} from '../../common/vocabulary.js';
import { RESPONDENT_SEXES, SURVEY_ROUNDS } from '../../common/awareness.js';

/**
 * Controlled vocabularies as partners write them. Values are compared after `vocabKey` (lower
 * case, spaces, dashes and slashes as '_'), so 'Official border post' matches
 * official_border_post without a synonym; synonyms cover the words FMR forms and Kobo choice
 * lists actually use (IOM DTM FMR: "trade/buy goods", "asylum/protection", "on foot").
 */
export interface Vocab {
  values: readonly string[];
  synonyms: Readonly<Record<string, string>>;
}

export const REFERRAL_STATUSES = ['none', 'referred', 'assisted', 'closed'] as const;

const v = (values: readonly string[], synonyms: Record<string, string> = {}): Vocab => ({ values, synonyms });

export const VOCABS = {
  direction: v(DIRECTIONS, {
    in: 'inbound', incoming: 'inbound', entry: 'inbound', entering: 'inbound', arrival: 'inbound', arriving: 'inbound',
    out: 'outbound', outgoing: 'outbound', exit: 'outbound', exiting: 'outbound', departure: 'outbound', leaving: 'outbound',
    in_transit: 'transit', passing_through: 'transit',
  }),
  transport: v(TRANSPORT_MODES, {
    walking: 'foot', on_foot: 'foot', walk: 'foot', pedestrian: 'foot', bike: 'bicycle', cycle: 'bicycle',
    coach: 'bus', taxi: 'car', private_car: 'car', lorry: 'truck', motorcycle: 'motorbike', boda_boda: 'motorbike',
    canoe: 'boat', ferry: 'boat', pontoon: 'boat', banana_boat: 'boat', rail: 'train',
  }),
  reasons: v(REASONS, {
    economic_reasons: 'economic', work: 'economic', employment: 'economic', job: 'economic', family_visit: 'family',
    family_reunification: 'family', trade_buy_goods: 'trade', buy_goods: 'trade', business: 'trade', school: 'education',
    study: 'education', medical: 'health', seasonal_work: 'seasonal', asylum_protection: 'asylum', protection: 'asylum',
    conflict: 'asylum', tourist: 'tourism', holiday: 'tourism',
  }),
  vulnerabilities: v(VULNERABILITIES, {
    unaccompanied_children: 'unaccompanied_child', uac: 'unaccompanied_child', uasc: 'unaccompanied_child',
    pregnant: 'pregnant_lactating', lactating: 'pregnant_lactating', pregnant_or_lactating: 'pregnant_lactating',
    plw: 'pregnant_lactating', disabled: 'disability', person_with_disability: 'disability', pwd: 'disability',
    elderly_person: 'elderly', older_person: 'elderly', trafficking: 'trafficking_indicators',
    trafficking_indicator: 'trafficking_indicators', vot: 'trafficking_indicators',
  }),
  reportType: v(REPORT_TYPES, { trafficking: 'suspected_trafficking', human_trafficking: 'suspected_trafficking' }),
  referralStatus: v(REFERRAL_STATUSES, { no: 'none', not_referred: 'none' }),
  serviceKind: v(SERVICE_KINDS, {
    clinic: 'health', health_facility: 'health', hospital: 'health', vsu: 'police_vsu', victim_support_unit: 'police_vsu',
    police: 'police_vsu', safe_house: 'shelter', osc: 'one_stop_centre', one_stop_center: 'one_stop_centre',
    help_desk: 'ngo_help_desk', dswo: 'social_welfare', social_welfare_office: 'social_welfare',
  }),
  siteKind: v(SITE_KINDS, { bus_stop: 'bus_station', bus_terminus: 'bus_station', border: 'border_post', health_centre: 'clinic' }),
  pointKind: v(MONITORING_POINT_KINDS, {
    border_post: 'official_border_post', official_crossing: 'official_border_post', osbp: 'official_border_post',
    informal: 'informal_crossing', bus_terminus: 'bus_station',
  }),
  placeKind: v(PLACE_KINDS),
  surveyRound: v(SURVEY_ROUNDS, { base_line: 'baseline', end_line: 'endline', mid_line: 'midline', pre: 'baseline', post: 'endline', final: 'endline' }),
  respondentSex: v(RESPONDENT_SEXES, { f: 'female', woman: 'female', w: 'female', m: 'male', man: 'male' }),
} as const;

/**
 * Vocabularies that are rows of a table, read once per import (ingest/lookup.ts) so that a
 * corridor a data manager adds is accepted by the next import without a restart.
 */
export const TABLE_VOCABS = ['corridor'] as const;
export type TableVocab = (typeof TABLE_VOCABS)[number];
export type VocabName = keyof typeof VOCABS | TableVocab;

export const isTableVocab = (name: VocabName): name is TableVocab => (TABLE_VOCABS as readonly string[]).includes(name);

/** 'Trade/buy goods' → 'trade_buy_goods'. */
export function vocabKey(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The vocabulary word for a value, or undefined. */
export function matchVocab(vocab: Vocab, value: string): string | undefined {
  const key = vocabKey(value);
  if (vocab.values.includes(key)) return key;
  return vocab.synonyms[key];
}

/**
 * A multi-select cell as a list of words. Kobo exports select_multiple as space-separated
 * choice names; people type "economic; family". Separators , ; | split; otherwise the whole
 * cell is tried as one phrase ("trade/buy goods") before splitting on spaces.
 */
export function splitSet(value: string): string[] {
  const v = value.trim();
  if (v === '') return [];
  if (/[,;|]/.test(v)) return v.split(/[,;|]/).map((s) => s.trim()).filter((s) => s !== '');
  return [v];
}
