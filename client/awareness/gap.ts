import type { AwarenessEstimate } from '../../common/awareness.js';

/**
 * The exposure gap (pure, unit-tested): where many people move but few have heard the
 * message. Score = people moving through the district × (1 − share exposed). Districts
 * without a published exposure estimate (withheld, or not surveyed) are listed apart and
 * never ranked: an unknown share is not a zero share.
 */
export interface GapRow {
  key: string;
  name: string;
  /** People counted at the district's points (the movement filters' period). */
  volume: number;
  exposure: number;
  score: number;
  rank: number;
}

export interface GapRanking {
  ranked: GapRow[];
  /** Districts with movement but no usable exposure estimate, or exposure but hidden movement. */
  unranked: { key: string; name: string; why: 'withheld' | 'not surveyed' | 'movement hidden' }[];
  /** Highest score, for the colour scale. */
  max: number;
}

export function rankExposureGap(exposure: readonly AwarenessEstimate[], volumes: ReadonlyMap<string, { name: string; people: number | null }>): GapRanking {
  const byKey = new Map(exposure.map((e) => [e.key, e]));
  const rows: Omit<GapRow, 'rank'>[] = [];
  const unranked: GapRanking['unranked'] = [];
  for (const [key, v] of volumes) {
    const e = byKey.get(key);
    if (!e) {
      if (v.people !== null && v.people > 0) unranked.push({ key, name: v.name, why: 'not surveyed' });
      continue;
    }
    if (e.suppressed || e.estimate === null) unranked.push({ key, name: e.name, why: 'withheld' });
    else if (v.people === null) unranked.push({ key, name: e.name, why: 'movement hidden' });
    else rows.push({ key, name: e.name, volume: v.people, exposure: e.estimate, score: v.people * (1 - Math.min(1, Math.max(0, e.estimate))) });
  }
  // Surveyed districts with no movement row at all still get a place: their volume is 0.
  for (const e of exposure) {
    if (volumes.has(e.key)) continue;
    if (e.suppressed || e.estimate === null) unranked.push({ key: e.key, name: e.name, why: 'withheld' });
    else rows.push({ key: e.key, name: e.name, volume: 0, exposure: e.estimate, score: 0 });
  }
  rows.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const ranked = rows.map((r, i) => ({ ...r, rank: i + 1 }));
  return { ranked, unranked, max: ranked[0]?.score ?? 0 };
}

export const GAP_RAMP = ['#fee8c8', '#fdbb84', '#e34a33', '#b30000'] as const;

/** Colour of a score on a linear 4-class scale up to the largest score. */
export function gapFill(score: number, max: number): string {
  if (max <= 0) return GAP_RAMP[0];
  const i = Math.min(GAP_RAMP.length - 1, Math.floor((score / max) * GAP_RAMP.length));
  return GAP_RAMP[i] ?? GAP_RAMP[0];
}
