import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Partner files as they arrive (issue 14), built here rather than committed as binaries. Each
 * reproduces a difficulty: a DTM-like two-sheet workbook (two header rows with the group name
 * repeated across its columns, one-hot reason columns, a totals row, trailing spaces, "Ethopia",
 * Excel serial dates, "Truck/Bus"), a Kobo export (group/field headers, split select_multiple),
 * a facility list without kind or country, a CSV with dd/mm/yyyy dates.
 */

/** 2025-03-01 as Excel stores it when the cell lost its date format. */
export const SERIAL_2025_03_01 = 45717;

const POINTS = ['Kazungula Bridge border post ', 'mp-tunduma-nakonde-osbp', 'Katima Mulilo Bridge border post (Sesheke)'];
const ORIGINS = ['Kenya ', 'Ethiopia', 'Ethopia', 'Somaliland', 'DR Congo', 'Tanzania'];
const DESTINATIONS = ['Tanzania', 'Congo, Dem. Rep.', "Côte d'Ivoire", 'South Africa'];
const TRANSPORT = ['Truck/Bus', 'On foot', 'Bus', 'truck/bus '];

const ENTRY_HEAD = [
  ['Survey', 'Survey', 'Survey', 'Survey', 'Family size', 'Family size', 'Family size', 'Children size', 'Children size', 'Reasons for Entry', 'Reasons for Entry', 'Reasons for Entry'],
  ['Date', 'Flow Monitoring Point', 'Country of Origin', 'Means of transport', 'Male family members', 'Female family members', 'Total Households', 'Boys', 'Girls', 'Economic', 'Family', 'Food'],
];
// The exit sheet's columns differ: where people go, no household total (the sexes add up to it).
const EXIT_HEAD = [
  ['Survey', 'Survey', 'Survey', 'Survey', 'Family size', 'Family size', 'Children size', 'Children size', 'Reasons for Exit', 'Reasons for Exit'],
  ['Date', 'Flow Monitoring Point', 'Country of Destination', 'Means of transport', 'Male family members', 'Female family members', 'Boys', 'Girls', 'Economic', 'Family'],
];

export interface DtmOptions {
  /** Data rows per sheet. */
  rows: number;
  /** Rows whose first cell is given here replace the generated ones (an error to plant). */
  override?: { sheet: 'entry' | 'exit'; index: number; cells: unknown[] }[];
  /** Leave the totals row out. */
  noTotals?: boolean;
}

/** One household per row: size = men + women, children among them. Deterministic. */
function household(i: number, entry: boolean): unknown[] {
  const male = 1 + (i % 3);
  const female = i % 4;
  const boys = i % 2;
  const girls = female > 0 && i % 5 === 0 ? 1 : 0;
  const day = SERIAL_2025_03_01 + (i % 28);
  const base = [day, POINTS[i % POINTS.length], (entry ? ORIGINS : DESTINATIONS)[i % (entry ? ORIGINS.length : DESTINATIONS.length)], TRANSPORT[i % TRANSPORT.length], male, female];
  return entry
    ? [...base, male + female, boys, girls, i % 2 === 0, i % 3 === 0, i % 7 === 0]
    : [...base, boys, girls, i % 2 === 1 ? 'TRUE' : 'FALSE', i % 4 === 0 ? 1 : 0];
}

/** The DTM-like workbook, streamed to `sink` (a file for the bench, memory for tests). */
export async function writeDtm(sink: Writable, o: DtmOptions): Promise<{ individuals: { entry: number; exit: number } }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true });
  const individuals = { entry: 0, exit: 0 };
  for (const entry of [true, false]) {
    const ws = wb.addWorksheet(entry ? 'Entry Sheet' : 'Exit Sheet');
    for (const h of entry ? ENTRY_HEAD : EXIT_HEAD) ws.addRow(h).commit();
    for (let i = 0; i < o.rows; i++) {
      const planted = o.override?.find((x) => x.index === i && x.sheet === (entry ? 'entry' : 'exit'));
      const cells = planted?.cells ?? household(i, entry);
      individuals[entry ? 'entry' : 'exit'] += Number(cells[4]) + Number(cells[5]);
      ws.addRow(cells).commit();
    }
    // The totals row under the data: only the household-size column is filled.
    if (entry && !o.noTotals) ws.addRow(['', '', '', '', '', '', `${individuals.entry.toLocaleString('en')} Individuals`]).commit();
    ws.commit();
  }
  await wb.commit();
  return { individuals };
}

export async function dtmWorkbook(o: DtmOptions): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = once(sink, 'end');
  await writeDtm(sink, o);
  await done;
  return Buffer.concat(chunks);
}

export async function writeDtmFile(path: string, o: DtmOptions): Promise<void> {
  const out = createWriteStream(path);
  const closed = once(out, 'close');
  await writeDtm(out, o);
  await closed;
}

/** The recipe that reads the DTM workbook: what the wizard's steps build, or a partner writes once. */
export const DTM_RECIPE = {
  kind: 'observations',
  sheets: [
    {
      name: 'Entry Sheet', headerRows: 2, footerRows: 1,
      constants: { direction: 'inbound' },
      columns: { origin_country: 'Country of Origin', total: 'Family size / Total Households' },
      oneHot: { reasons: { 'Reasons for Entry / Economic': 'economic', 'Reasons for Entry / Family': 'family', 'Reasons for Entry / Food': 'other' } },
    },
    {
      name: 'Exit Sheet', headerRows: 2,
      constants: { direction: 'outbound' },
      columns: { destination_country: 'Country of Destination' },
      // No household-size column here: the household is its men and women.
      sum: { total: ['Family size / Male family members', 'Family size / Female family members'] },
      oneHot: { reasons: { 'Reasons for Exit / Economic': 'economic', 'Reasons for Exit / Family': 'family' } },
    },
  ],
  columns: { date: 'A', monitoring_point: 'Flow Monitoring Point', transport_mode: 'D', male: 'Male family members', female: 'Female family members' },
  sum: { children: ['Children size / Boys', 'Children size / Girls'] },
  values: { transport_mode: { 'Truck/Bus': 'bus' }, origin_country: { Somaliland: 'SOM', Ethopia: 'ETH' } },
};

async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A KoboToolbox export: group/field headers, and select_multiple split into one 0/1 column per choice. */
export function koboWorkbook(): Promise<Buffer> {
  return workbook({
    'FMR Nakonde': [
      ['start', 'group_flow/survey_date', 'group_flow/fmp', 'group_flow/direction', 'group_people/total_individuals', 'reasons', 'reasons/economic', 'reasons/family', 'reasons/trade', '_uuid'],
      ['2025-03-02T08:01:00.000+02:00', '2025-03-02', 'mp-tunduma-nakonde-osbp', 'entry', 4, 'economic trade', 1, 0, 1, 'k-1'],
      ['2025-03-02T08:05:00.000+02:00', '2025-03-02', 'mp-tunduma-nakonde-osbp', 'exit', 2, 'family', 0, 1, 0, 'k-2'],
      ['2025-03-03T09:40:00.000+02:00', '2025-03-03', 'mp-nakonde-east-footpaths', 'entry', 6, '', 0, 0, 0, 'k-3'],
    ],
  });
}

export const KOBO_RECIPE = {
  kind: 'observations',
  columns: { source_row_id: '_uuid', date: 'group_flow/survey_date' },
  oneHot: { reasons: { 'reasons/economic': 'economic', 'reasons/family': 'family', 'reasons/trade': 'trade' } },
};

/** Health facilities in Zambia: no kind and no country column (the recipe's constants give them). */
export function facilityWorkbook(): Promise<Buffer> {
  return workbook({
    Facilities: [
      ['Facility name', 'Facility type', 'Latitude', 'Longitude', 'Opening hours'],
      ['Sesheke District Hospital', 'District Hospital', -17.476, 24.296, '24h'],
      ['Mwandi Rural Health Centre ', 'Rural Health Centre', -17.517, 24.815, '08:00-17:00'],
      ['Nakonde Urban Clinic', 'Urban clinic', -9.336, 32.756, '08:00-17:00'],
    ],
  });
}

export const FACILITY_RECIPE = {
  kind: 'services',
  columns: { name: 'Facility name' },
  constants: { kind: 'health', country: 'Zambia' },
};

/** A CSV with dd/mm/yyyy dates; `ambiguous` leaves out the one date (13/03) that shows the order. */
export function ddmmCsv(ambiguous = false): Buffer {
  const rows = [
    'id,date,monitoring_point,direction,total',
    'd-1,04/03/2025,mp-katima-bridge,inbound,3',
    'd-2,05/03/2025,mp-katima-bridge,outbound,2',
    ...(ambiguous ? [] : ['d-3,13/03/2025,mp-kazungula-bridge,inbound,5']),
  ];
  return Buffer.from(`${rows.join('\n')}\n`);
}

/** The DTM workbook's records as a plain CSV in the importer's own columns: the same rows, no recipe needed (the bench's baseline). */
export async function writeDtmCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const code: Record<string, string> = { 'Kenya ': 'KEN', Ethiopia: 'ETH', Ethopia: 'ETH', Somaliland: 'SOM', 'DR Congo': 'COD', Tanzania: 'TZA', 'Congo, Dem. Rep.': 'COD', "Côte d'Ivoire": 'CIV', 'South Africa': 'ZAF' };
  const mode = (t: unknown) => (String(t).trim().toLowerCase() === 'truck/bus' ? 'bus' : String(t).trim().toLowerCase() === 'on foot' ? 'foot' : 'bus');
  let buf = 'date,monitoring_point,direction,origin_country,destination_country,transport_mode,total,male,female,children,reasons\n';
  for (const entry of [true, false]) {
    for (let i = 0; i < rows; i++) {
      const c = household(i, entry);
      const day = new Date(Date.UTC(1899, 11, 30) + Number(c[0]) * 86_400_000).toISOString().slice(0, 10);
      const male = Number(c[4]);
      const female = Number(c[5]);
      const children = entry ? Number(c[7]) + Number(c[8]) : Number(c[6]) + Number(c[7]);
      const flags = entry ? [c[9], c[10], c[11]] : [c[8] === 'TRUE', c[9] === 1];
      const reasons = ['economic', 'family', 'other'].filter((_, k) => flags[k] === true).join(' ');
      const country = code[String(c[2])] ?? '';
      buf += `${day},${String(c[1]).trim()},${entry ? 'inbound' : 'outbound'},${entry ? country : ''},${entry ? '' : country},${mode(c[3])},${male + female},${male},${female},${children},${reasons}\n`;
      if (buf.length > 1 << 16) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
  }
  out.end(buf);
  await once(out, 'close');
}
