import ExcelJS from 'exceljs';

/**
 * A KoboToolbox-style awareness survey export (issue 16), built here rather than committed as a
 * binary, with the difficulties real exports have: two header rows (question labels above the
 * group/question names), booleans as TRUE/FALSE cells, as 'TRUE'/'FALSE' text and as 0/1, a
 * select_multiple as space-separated choices, sex coded 1/2, trailing spaces, Excel serial
 * dates, a "don't know", a blank answer, and a totals row under the data.
 */
export interface KoboRespondent {
  uuid: string;
  day: number; // Excel serial
  district: string;
  sex: 1 | 2;
  age: number;
  stratum: string;
  cluster: string;
  weight: number;
  aware: boolean;
  wouldReport: boolean | null;
  help: 0 | 1;
  channels: string;
  lat: number;
  lon: number;
}

/** 2017-06-01 as Excel stores it when the cell lost its date format. */
export const SERIAL_2017_06_01 = 42887;

/** Deterministic respondents: two strata of Mwandi, three clusters each, five per cluster. */
export function koboRespondents(count = 30): KoboRespondent[] {
  return Array.from({ length: count }, (_, i) => {
    const c = Math.floor(i / 5); // cluster 0…5 (…7 for longer exports)
    const urban = c % 2 === 0;
    return {
      uuid: `uuid-${String(i).padStart(3, '0')}`,
      day: SERIAL_2017_06_01 + (i % 9),
      district: i % 4 === 0 ? 'Mwandi ' : 'mwandi',
      sex: i % 3 === 0 ? 1 : 2,
      age: 16 + ((i * 7) % 50),
      stratum: urban ? 'Mwandi urban ' : 'Mwandi rural',
      cluster: `MW-${c + 1}`,
      weight: urban ? 120.5 + (i % 3) : 310 - (i % 4),
      aware: i % 5 !== 1,
      wouldReport: i === 7 ? null : (i * 3) % 7 < 3,
      help: (i % 3 === 1 ? 1 : 0) as 0 | 1,
      channels: i % 4 === 0 ? 'drama radio' : i % 4 === 1 ? 'none' : 'road_show',
      lat: -17.52 + 0.01 * c + 0.0003 * (i % 5),
      lon: 24.82 + 0.015 * c,
    };
  });
}

const LABELS = ['Start', 'District', 'Sex (1 female, 2 male)', 'Age', 'Stratum', 'Cluster', 'Weight', 'Have you heard of human trafficking?',
  'Would you report a case?', 'Do you know a CWAC?', 'Where did you hear a message?', '', '', ''];
const NAMES = ['start', 'respondent/district', 'respondent/sex', 'respondent/age', 'design/stratum', 'design/cluster', 'design/wgt_final',
  'awareness/aware_risks', 'awareness/would_report', 'awareness/q7_cwac', 'exposure/heard_message', '_gps_latitude', '_gps_longitude', '_uuid'];

export const KOBO_SURVEY_RECIPE = {
  kind: 'survey_respondents',
  headerRows: 2,
  footerRows: 1,
  constants: { survey: 'KBYG Mwandi pilot', round: 'Baseline ' },
  columns: { weight: 'design/wgt_final', knows_help: 'awareness/q7_cwac' },
  values: { sex: { '1': 'female', '2': 'male' } },
} as const;

export async function koboSurveyWorkbook(rows: KoboRespondent[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KBYG baseline');
  ws.addRow(LABELS);
  ws.addRow(NAMES);
  rows.forEach((r, i) => {
    const would = r.wouldReport === null ? "dont_know" : r.wouldReport; // a real boolean cell, or Kobo's don't-know choice
    ws.addRow([r.day, r.district, r.sex, r.age, r.stratum, r.cluster, r.weight, r.aware ? 'TRUE' : 'FALSE ', would, r.help,
      i === 3 ? null : r.channels, r.lat, r.lon, r.uuid]);
  });
  ws.addRow(['Total', '', '', '', '', '', rows.reduce((s, r) => s + r.weight, 0), '', '', '', '', '', '', `${rows.length} respondents`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
