/**
 * The awareness view's part of the URL (pure: unit-tested). Nothing is written while it is
 * off, so links made before it existed are unchanged.
 * Keys: aw (what the map shows), aws (survey id; absent = the newest), awi (indicator code),
 * awd (district whose row is open).
 */
export const AWARENESS_MODES = ['off', 'estimate', 'change', 'gap'] as const;
export type AwarenessMode = (typeof AWARENESS_MODES)[number];

export interface AwarenessView {
  mode: AwarenessMode;
  survey: number | null;
  indicator: string;
  district: string | null;
}

/** Message exposure: the indicator the exposure gap and the planner read by default. */
export const EXPOSURE_INDICATOR = 'exposure';

export function defaultAwarenessView(): AwarenessView {
  return { mode: 'off', survey: null, indicator: EXPOSURE_INDICATOR, district: null };
}

export function decodeAwarenessView(params: URLSearchParams): AwarenessView {
  const d = defaultAwarenessView();
  const mode = params.get('aw');
  const survey = Number(params.get('aws'));
  const indicator = params.get('awi');
  const district = params.get('awd');
  return {
    mode: (AWARENESS_MODES as readonly string[]).includes(mode ?? '') ? (mode as AwarenessMode) : d.mode,
    survey: Number.isInteger(survey) && survey > 0 ? survey : null,
    // The server's pattern for codes: anything else would only earn a 400.
    indicator: indicator !== null && /^[a-z][a-z0-9_]{0,39}$/.test(indicator) ? indicator : d.indicator,
    district: district !== null && /^[A-Za-z0-9-]{1,40}$/.test(district) ? district : null,
  };
}

export function encodeAwarenessView(v: AwarenessView): string[] {
  if (v.mode === 'off') return [];
  const parts = [`aw=${v.mode}`];
  if (v.survey !== null) parts.push(`aws=${v.survey}`);
  if (v.indicator !== EXPOSURE_INDICATOR) parts.push(`awi=${v.indicator}`);
  if (v.district) parts.push(`awd=${encodeURIComponent(v.district)}`);
  return parts;
}
