import type { DbRecord, DbValue } from './fields.js';

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
function copyValue(v: DbValue): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  return SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : v;
}

/** One record as a COPY text line: `prefix` (constant leading columns, tab-ended), then `keys` in order. */
export function copyLine(prefix: string, r: DbRecord, keys: readonly string[]): string {
  let line = prefix;
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) line += '\t';
    line += copyValue(r[keys[i] as string] ?? null);
  }
  return `${line}\n`;
}
