import { WIDE_CI_HALF_WIDTH, type AwarenessChange, type AwarenessEstimate, type SurveySummary } from '../../common/awareness.js';

/**
 * The awareness map's colours and classes (pure: unit-tested in tests/unit/client/awareness-scale.test.ts).
 * Estimates use fixed 20-point classes, not quantiles: a colour then means the same share on
 * every indicator and in every round, so baseline and endline maps can be compared by eye.
 */
export const ESTIMATE_RAMP = ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'] as const;
/** Districts whose estimate is withheld (too few respondents): grey, never a ramp colour. */
export const WITHHELD_FILL = '#9b9b9b';
export const CHANGE_COLORS = { up: '#1a9850', down: '#d73027', flat: '#cccccc' } as const;
export type ChangeClass = keyof typeof CHANGE_COLORS | 'withheld';

/** Class 0…4 of a proportion (0…1); 1.0 falls in the top class. */
export function estimateClass(p: number): number {
  return Math.min(ESTIMATE_RAMP.length - 1, Math.max(0, Math.floor(p * ESTIMATE_RAMP.length)));
}

export function estimateFill(e: Pick<AwarenessEstimate, 'estimate' | 'suppressed'>): string {
  if (e.suppressed || e.estimate === null) return WITHHELD_FILL;
  return ESTIMATE_RAMP[estimateClass(e.estimate)] ?? WITHHELD_FILL;
}

/** Legend rows, lowest first: [colour, "0–20 %"]. */
export function estimateLegend(): [string, string][] {
  const step = 100 / ESTIMATE_RAMP.length;
  return ESTIMATE_RAMP.map((c, i) => [c, `${i * step}–${(i + 1) * step} %`]);
}

/**
 * Whether an interval is wider than ±10 points (the map hatches those districts). The
 * server's `wide` flag says the same; this is for intervals the client has (change rows).
 */
export function isWideCi(ci: readonly [number, number] | null, halfWidth = WIDE_CI_HALF_WIDTH): boolean {
  if (!ci) return false;
  // A hair of tolerance: ±10.0 points computed in floating point is not "wider".
  return (ci[1] - ci[0]) / 2 > halfWidth + 1e-9;
}

/** Increase or decrease when significant, flat when not, withheld when either side is hidden. */
export function changeClass(c: Pick<AwarenessChange, 'difference' | 'significant' | 'suppressed'>): ChangeClass {
  if (c.suppressed || c.difference === null) return 'withheld';
  if (!c.significant) return 'flat';
  return c.difference > 0 ? 'up' : 'down';
}

export function changeFill(c: Pick<AwarenessChange, 'difference' | 'significant' | 'suppressed'>): string {
  const k = changeClass(c);
  return k === 'withheld' ? WITHHELD_FILL : CHANGE_COLORS[k];
}

/** "62 %" (whole points: survey estimates carry no more precision than that). */
export function pct(p: number | null): string {
  return p === null ? '—' : `${Math.round(p * 100)} %`;
}

/** "+12 pts" / "−5 pts" with a real minus sign. */
export function points(d: number | null): string {
  if (d === null) return '—';
  const r = Math.round(d * 100);
  return `${r > 0 ? '+' : r < 0 ? '\u2212' : '±'}${Math.abs(r)} pts`;
}

/** "48–71 %": the interval clamped to 0…100 for display (the API gives R's unclamped numbers). */
export function ciText(ci: readonly [number, number] | null): string {
  if (!ci) return '—';
  const c = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100);
  return `${c(ci[0])}–${c(ci[1])} %`;
}

/** A survey as the pickers list it: name, round and year, and "synthetic" once. */
export function surveyLabel(s: SurveySummary): string {
  const year = (s.periodStart ?? s.periodEnd ?? '').slice(0, 4);
  // Demo names already say their round and "synthetic": not twice.
  const round = s.name.toLowerCase().includes(s.round) ? '' : s.round;
  const tag = s.synthetic && !/synthetic/i.test(s.name) ? ' (synthetic)' : '';
  return `${s.name}${tag}${round || year ? ` \u00b7 ${[round, year].filter(Boolean).join(' ')}` : ''}`;
}
