import type { Row } from '../db/index.js';
import type { ExportColumn, ExportRow } from './writer.js';

/**
 * HXL hashtags for catalog properties (HXL 1.1 core where one fits: #loc, #country, #adm1,
 * #contact, #capacity, #geo; #meta for the rest). Unknown properties get #meta+<name>.
 */
const HXL: Record<string, string> = {
  id: '#meta+id',
  code: '#loc+code',
  name: '#loc+name',
  kind: '#loc+type',
  corridor: '#meta+corridor',
  // as the file that made the row said (free text); the admin areas the point lies in are adm1/adm2
  district: '#adm2+name+reported',
  country: '#country+code',
  facingCountry: '#country+code+facing',
  admin1: '#adm1+name+reported',
  adm1Code: '#adm1+code',
  adm1Name: '#adm1+name',
  adm2Code: '#adm2+code',
  adm2Name: '#adm2+name',
  hours: '#meta+hours',
  contact: '#contact',
  capacity: '#capacity',
  footfall: '#meta+footfall',
  cost: '#value+cost',
  isSynthetic: '#meta+synthetic',
  isApproximate: '#meta+approximate',
  lon: '#geo+lon',
  lat: '#geo+lat',
};

/** Columns of a catalog export, in the order the catalog query returns them, then lon and lat. */
export function catalogColumns(rows: readonly Row[]): ExportColumn[] {
  const names = rows[0] ? Object.keys(rows[0]).filter((k) => k !== 'lon' && k !== 'lat') : ['id', 'name'];
  return [...names, 'lon', 'lat'].map((name) => ({ name, hxl: HXL[name] ?? `#meta+${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}` }));
}

export function catalogRow(r: Row): ExportRow & { lon: number; lat: number } {
  const out: ExportRow = {};
  for (const [k, v] of Object.entries(r)) {
    out[k] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
  }
  const lon = Math.round(Number(r.lon) * 1e6) / 1e6;
  const lat = Math.round(Number(r.lat) * 1e6) / 1e6;
  return { ...out, lon, lat };
}
