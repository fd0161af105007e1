import type { FlowsResponse } from '../flows/api.js';

/** GET /api/v1/briefs/data (server/briefs/data.ts owns the contract). Counts: null = suppressed. */
export type Section = 'map' | 'figures' | 'timeseries' | 'breakdown' | 'corridors' | 'districts' | 'hotspots' | 'gaps' | 'notes';
export type Paper = 'A4' | 'A3' | 'Letter';
export type Orientation = 'portrait' | 'landscape';

export interface BriefFigures {
  total: number | null;
  dailyAverage: number | null;
  previous: number | null;
  change: number | null;
  inbound: number | null;
  outbound: number | null;
  inboundShare: number | null;
  outboundShare: number | null;
  femaleShare: number | null;
  childrenShare: number | null;
  unaccompanied: number | null;
}

export interface BriefData {
  title: string;
  subtitle: string | null;
  notes: string | null;
  sections: Section[];
  paper: Paper;
  orientation: Orientation;
  view: { lat: number | null; lon: number | null; zoom: number | null };
  filter: Record<string, string | string[] | number[] | undefined>;
  level: string;
  measure: string;
  period: { from: string; to: string; days: number };
  previousPeriod: { from: string; to: string; days: number };
  figures: BriefFigures;
  crossings: { id: number; name: string; kind: string; corridor: string; lat: number; lon: number; total: number | null; inbound: number | null; outbound: number | null }[];
  corridors: { origin: string; crossing: string; dest: string; count: number | null; share: number | null }[];
  series: { bucket: 'day' | 'week' | 'month'; points: { t: string; count: number | null; suppressed: boolean }[] };
  breakdowns: { dimension: string; total: number | null; categories: { key: string; count: number | null }[] }[];
  flows: Pick<FlowsResponse, 'locations' | 'flows' | 'totals'>;
  plan: { id: number; name: string; synthetic: boolean; sites: { rank: number; name: string; activity: string; lon: number; lat: number }[] } | null;
  hotspots: { h3: string; label: string | null; people: number | null; z: number; confidence: string | null }[] | null;
  gaps: { rank: number; h3: string; label: string | null; gap: number; text: string }[] | null;
  /** By district (level 2 admin areas); code official false: the project's own code. */
  districts: { name: string; province: string | null; code: string; official: boolean; people: number | null; inbound: number | null; outbound: number | null; net: number | null; reports: number | null }[] | null;
  /** attribution of the admin boundaries */
  boundaries: string;
  sources: { name: string; kind: string; provider: string | null; periodStart: string | null; periodEnd: string | null; importedAt: string; synthetic: boolean }[];
  demo: boolean;
  disclosure: { k: number; sensitiveK: number };
  generatedAt: string;
  permalink: string;
}

/** Paper sizes in millimetres, portrait (server/briefs/schemas.ts has the same table). */
export const PAPER_MM: Record<Paper, [number, number]> = { A4: [210, 297], A3: [297, 420], Letter: [215.9, 279.4] };

/** The captured map (printMap.ts): a PNG data URL, with where it is centred and at what zoom (for the scale bar). */
export interface MapPicture {
  url: string;
  lat: number;
  zoom: number;
  widthPx: number;
  heightPx: number;
}
