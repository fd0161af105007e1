/**
 * CSV output for exports and rejected rows. A text cell starting with = + - @ (or a tab or CR,
 * which some spreadsheets strip first) is prefixed with an apostrophe so Excel and LibreOffice
 * show it as text instead of running it as a formula (OWASP "CSV injection"). Numbers are
 * written as numbers, and so are texts that are plain numbers: -17.48 is a latitude, not a formula.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
// A plain signed number ('-3', '+2.5') cannot run anything: left as it is, so it stays a number.
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
