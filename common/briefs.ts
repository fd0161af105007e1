import type { Period } from './dates.js';
import type { BriefAwareness } from './awareness.js';
import type { Bucket, FlowsResponse } from './flows.js';

/**
 * The map brief's contract (GET /api/v1/briefs/data, POST /briefs): the options an author
 * picks (server/briefs/schemas.ts builds its zod schema from them) and the data a brief
 * shows. Counts are null where suppressed: a brief always carries the export policy.
 */
export const PAPERS = ['A4', 'A3', 'Letter'] as const;
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
/**
 * awareness: an awareness indicator by district with CIs and the change since baseline (issue 16;
 * query `awareness` names the indicator, default AWARENESS_BRIEF_INDICATOR, `awarenessSurvey` the
 * survey, default the newest). districts, hotspots and gaps run the area summary and the hotspot and access analyses, alerts counts the period's alerts
 * (analysts and above): asked for, not on by default.
 */
export const SECTIONS = ['map', 'figures', 'timeseries', 'breakdown', 'corridors', 'districts', 'hotspots', 'gaps', 'alerts', 'awareness', 'notes'] as const;
export type Section = (typeof SECTIONS)[number];
export type Paper = (typeof PAPERS)[number];
export type Orientation = (typeof ORIENTATIONS)[number];
export const AWARENESS_BRIEF_INDICATOR = 'would_report';
export const DEFAULT_SECTIONS: readonly Section[] = ['map', 'figures', 'timeseries', 'breakdown', 'corridors', 'notes'];

/** Paper sizes in millimetres, portrait (CSS @page, the PDF and the client's print map use the same numbers). */
export const PAPER_MM: Record<Paper, [number, number]> = { A4: [210, 297], A3: [297, 420], Letter: [215.9, 279.4] };

/** Key figures, from counts already through disclosure control: a share or change is null when either count is. */
export interface KeyFigures {
  total: number | null;
  dailyAverage: number | null;
  previous: number | null;
  /** (total − previous) / previous; null when previous is 0 or either is suppressed. */
  change: number | null;
  inbound: number | null;
  outbound: number | null;
  /** inbound / (inbound + outbound), 0…1. */
  inboundShare: number | null;
  outboundShare: number | null;
  femaleShare: number | null;
  childrenShare: number | null;
  unaccompanied: number | null;
}

/** A district row of the "By district" section, as published. */
export interface BriefDistrict {
  name: string;
  province: string | null;
  code: string;
  official: boolean;
  people: number | null;
  inbound: number | null;
  outbound: number | null;
  net: number | null;
  reports: number | null;
}

/** A dataset the brief's numbers come from. */
export interface BriefSource {
  name: string;
  kind: string;
  provider: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  importedAt: string;
  synthetic: boolean;
}

export interface BriefData {
  title: string;
  subtitle: string | null;
  notes: string | null;
  sections: Section[];
  paper: Paper;
  orientation: Orientation;
  view: { lat: number | null; lon: number | null; zoom: number | null };
  /** The flow filters as the server parsed them (the names of GET /flows). */
  filter: Record<string, string | string[] | number[] | undefined>;
  level: FlowsResponse['level'];
  measure: string;
  period: Period;
  previousPeriod: Period;
  figures: KeyFigures;
  crossings: { id: number; name: string; kind: string; corridor: string; lat: number; lon: number; total: number | null; inbound: number | null; outbound: number | null }[];
  corridors: { origin: string; crossing: string; dest: string; count: number | null; share: number | null }[];
  series: { bucket: Bucket; points: { t: string; count: number | null; suppressed: boolean }[] };
  breakdowns: { dimension: string; total: number | null; categories: { key: string; count: number | null }[] }[];
  flows: Pick<FlowsResponse, 'locations' | 'flows' | 'totals'>;
  plan: { id: number; name: string; synthetic: boolean; sites: { rank: number; name: string; activity: string; lon: number; lat: number }[] } | null;
  hotspots: { h3: string; label: string | null; people: number | null; z: number; confidence: string | null }[] | null;
  gaps: { rank: number; h3: string; label: string | null; gap: number; text: string }[] | null;
  /** Alerts whose day is in the period, by rule and status; null when not asked for or below analyst. */
  alerts: { rule: string; status: string; n: number }[] | null;
  /** The awareness section's data (export disclosure control); null when not asked for or no survey is loaded. */
  awareness: BriefAwareness | null;
  /** By district (level 2 admin areas); code official false: the project's own code. */
  districts: BriefDistrict[] | null;
  /** Attribution of the admin boundaries. */
  boundaries: string;
  sources: BriefSource[];
  demo: boolean;
  disclosure: { k: number; sensitiveK: number };
  generatedAt: string;
  permalink: string;
}
