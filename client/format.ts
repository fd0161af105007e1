import { countryName as englishName } from '../common/countries.js';
import type { MonitoringPointKind, ServiceKind } from '../common/vocabulary.js';

/** Human labels for codes the API returns; unknown codes are shown readably, not hidden. */
const POINT_KIND_LABELS: Record<MonitoringPointKind, string> = {
  official_border_post: 'Official border post',
  informal_crossing: 'Informal crossing',
  transit_hub: 'Transit hub',
  bus_station: 'Bus station',
  market: 'Market',
};

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  health: 'Health facility',
  police_vsu: 'Police victim support unit',
  social_welfare: 'Social welfare office',
  cwac: 'CWAC (community welfare committee)',
  shelter: 'Shelter / safe house',
  immigration: 'Immigration office',
  legal_aid: 'Legal aid',
  one_stop_centre: 'One-stop centre',
  ngo_help_desk: 'NGO help desk',
};


/** 'informal_crossing' → 'Informal crossing' for codes without a label. */
export function humanize(code: string): string {
  const s = code.replace(/_/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function kindLabel(kind: string): string {
  return (
    (POINT_KIND_LABELS as Record<string, string>)[kind] ??
    (SERVICE_KIND_LABELS as Record<string, string>)[kind] ??
    humanize(kind)
  );
}

export function countryName(iso3: string | null | undefined): string {
  return iso3 ? englishName(iso3) : '—';
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Missing numbers render as an em dash: "0" would claim a measurement nobody made. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : integer.format(n);
}

export function formatText(s: string | null | undefined): string {
  return s === null || s === undefined || s.trim() === '' ? '—' : s;
}

/** Leading `lat, lon` for a popup, to 3 decimals (~100 m), with hemisphere letters. */
export function formatLatLon(lat: number, lon: number): string {
  const ns = lat < 0 ? 'S' : 'N';
  const ew = lon < 0 ? 'W' : 'E';
  return `${Math.abs(lat).toFixed(3)}° ${ns}, ${Math.abs(lon).toFixed(3)}° ${ew}`;
}
