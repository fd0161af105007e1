import type { ServiceKind } from '../../common/vocabulary.js';
import type { Measure, TravelMode as Mode } from '../../common/analysis.js';

/**
 * Gap index (issue 6), per demand cell:
 *   D = monthly demand = count × 30.4375 / days in the period (k/2 for a suppressed count)
 *   I = inaccessibility = mean over the requested kinds of min(1, t_k / t_max),
 *       t_k = minutes to the nearest service of kind k (unreachable: 1)
 *   G = D × I
 * Linear up to t_max (default 2 h) and flat beyond: an hour's walk is half as bad as two, and
 * six hours is no worse than "out of reach" for someone who needs help today. G reads as
 * "monthly demand without timely access", in the measure's unit.
 */
export const DAYS_PER_MONTH = 30.4375;

export function inaccessibility(minutes: number, tmax: number): number {
  return Number.isFinite(minutes) ? Math.min(1, minutes / tmax) : 1;
}

export const KIND_LABEL: Record<ServiceKind, string> = {
  health: 'health facility',
  police_vsu: 'police VSU',
  social_welfare: 'social welfare office',
  cwac: 'CWAC',
  shelter: 'shelter',
  immigration: 'immigration office',
  legal_aid: 'legal aid',
  one_stop_centre: 'one-stop centre',
  ngo_help_desk: 'NGO help desk',
};

const NOUN: Record<Measure, string> = {
  movement: 'movements',
  vulnerable: 'vulnerable travellers',
  unaccompanied: 'unaccompanied children',
  informal: 'informal crossings',
  reports: 'protection reports',
};

export function duration(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

export interface GapFacts {
  label: string | null;
  h3: string;
  /** Monthly demand; null when the count is suppressed. */
  monthly: number | null;
  /** k when the count is suppressed. */
  suppressedBelow: number | null;
  minutes: Partial<Record<ServiceKind, number>>;
}

export interface TextOptions {
  tmax: number;
  mode: Mode;
  measure: Measure;
}

/** Kinds beyond t_max (or unreachable), worst first: what drives a cell's gap. */
export function drivers(minutes: Partial<Record<ServiceKind, number>>, tmax: number): ServiceKind[] {
  return (Object.entries(minutes) as [ServiceKind, number][])
    .filter(([, t]) => !(t <= tmax))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k]) => k);
}

/**
 * One sentence for a ranked gap, e.g. "Mwandi river crossings: no police VSU within 2 h walk
 * of 1,900 monthly movements (nearest 3 h 10 min)".
 */
export function gapText(f: GapFacts, o: TextOptions): string {
  const where = f.label ?? `cell ${f.h3}`;
  const how = o.mode === 'walk' ? 'walk' : 'drive';
  const noun = NOUN[o.measure];
  const demand = f.monthly === null ? `fewer than ${f.suppressedBelow} ${noun} in the period` : `${Math.round(f.monthly).toLocaleString('en-US')} monthly ${noun}`;
  const out = drivers(f.minutes, o.tmax);
  if (out.length === 0) {
    const slowest = (Object.entries(f.minutes) as [ServiceKind, number][]).sort((a, b) => b[1] - a[1])[0];
    const tail = slowest ? `; slowest ${KIND_LABEL[slowest[0]]} ${duration(slowest[1])}` : '';
    return `${where}: every requested service within ${duration(o.tmax)} ${how} of ${demand}${tail}`;
  }
  const nearest = out.map((k) => {
    const t = f.minutes[k]!;
    return Number.isFinite(t) ? `${KIND_LABEL[k]} ${duration(t)}` : `${KIND_LABEL[k]} unreachable`;
  });
  return `${where}: no ${listOf(out.map((k) => KIND_LABEL[k]))} within ${duration(o.tmax)} ${how} of ${demand} (nearest: ${nearest.join(', ')})`;
}
