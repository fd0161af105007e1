import type { AlertDetector } from '../../common/alerts.js';
import { earsOnCalendar } from '../analysis/ears.js';

/** What a rule's detector needs (an alert_rules row, camel-cased). */
export interface DetectorSpec {
  detector: AlertDetector;
  alpha: number | null;
  minSigma: number;
  baseline: number;
  threshold: number | null;
}

export interface Detection {
  upperbound: (number | null)[];
  alarm: boolean[];
}

/**
 * Runs a rule's detector over a calendar (null = the point was not active: a gap). A threshold
 * alarms on any active day whose value reaches it ("any group with unaccompanied children" is
 * threshold 1); its upper bound is the threshold itself.
 */
export function detect(days: readonly (number | null)[], spec: DetectorSpec): Detection {
  if (spec.detector === 'threshold') {
    const t = spec.threshold ?? 1;
    return { upperbound: days.map((v) => (v === null ? null : t)), alarm: days.map((v) => v !== null && v >= t) };
  }
  return earsOnCalendar(days, {
    method: spec.detector,
    baseline: spec.baseline,
    minSigma: spec.minSigma,
    ...(spec.alpha !== null ? { alpha: spec.alpha } : {}),
  });
}

/**
 * Days before the first evaluated day that the detector reads: b observed days (+2 guard, +2
 * more for C3), with room for gaps. Windows skip gaps, so a long closure can still leave a
 * window short; the first days of a series then simply raise nothing.
 */
export function lookbackDays(spec: DetectorSpec): number {
  return spec.detector === 'threshold' ? 0 : (spec.baseline + 4) * 3;
}
