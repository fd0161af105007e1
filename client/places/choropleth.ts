import type { AreaSummary } from '../../common/places.js';

/**
 * The choropleth's measures and classes. Pure (unit-tested): values → classes → colours.
 * Suppressed areas are drawn apart (grey) and counted in the legend: a hidden count is not zero.
 */
export const MEASURES = ['people', 'inbound', 'outbound', 'net', 'reports', 'services', 'activities'] as const;
export type AreaMeasure = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<AreaMeasure, string> = {
  people: 'People crossing at its points',
  inbound: 'People coming in',
  outbound: 'People going out',
  net: 'Net (in − out)',
  reports: 'Protection reports',
  services: 'Services',
  activities: 'Outreach activities delivered',
};

/** Light to dark; net uses BLUE for more leaving and the warm ramp for more arriving. */
export const RAMP = ['#fde9c8', '#fcc17e', '#f68d4e', '#d9502d', '#a11d12'] as const;
export const BLUE = ['#c6dbef', '#6baed6', '#2171b5'] as const;
export const ZERO_FILL = '#f4f1ea';
export const SUPPRESSED_FILL = '#9b9b9b';

export function measureValue(a: AreaSummary, m: AreaMeasure): number | null {
  if (m === 'services') return Object.values(a.services).reduce((s, n) => s + n, 0);
  return a[m];
}

export interface Classes {
  /** upper bounds of the RAMP classes (positive values) */
  breaks: number[];
  /** upper bounds of the BLUE classes (absolute values of negative nets) */
  negBreaks: number[];
  suppressed: number;
}

/** Up to five classes at quantiles of the positive values (ties merged), three for negative nets. */
export function classify(values: readonly (number | null)[], classes = RAMP.length): Classes {
  const pos = values.filter((v): v is number => v !== null && v > 0).sort((a, b) => a - b);
  const neg = values.filter((v): v is number => v !== null && v < 0).map((v) => -v).sort((a, b) => a - b);
  const q = (xs: number[], n: number) => [...new Set(Array.from({ length: n }, (_, i) => xs[Math.ceil(((i + 1) / n) * xs.length) - 1] ?? 0))].filter((x) => x > 0);
  return { breaks: q(pos, classes), negBreaks: q(neg, BLUE.length), suppressed: values.filter((v) => v === null).length };
}

export function fillOf(v: number | null, c: Classes): string {
  if (v === null) return SUPPRESSED_FILL;
  if (v === 0) return ZERO_FILL;
  const [ramp, breaks, x] = v > 0 ? [RAMP, c.breaks, v] : [BLUE, c.negBreaks, -v];
  const i = breaks.findIndex((b) => x <= b);
  // Ramp positions spread over the whole ramp so three classes still run light to dark.
  const k = i < 0 ? breaks.length - 1 : i;
  return ramp[Math.round((k * (ramp.length - 1)) / Math.max(1, breaks.length - 1))] ?? ramp[ramp.length - 1] ?? ZERO_FILL;
}

/** Legend rows: colour and range text, lowest first. */
export function legendRows(c: Classes, fmt: (n: number) => string = String): [string, string][] {
  const rows: [string, string][] = [];
  for (const b of [...c.negBreaks].reverse()) rows.push([fillOf(-b, c), `up to ${fmt(b)} more leaving`]);
  rows.push([ZERO_FILL, 'none']);
  c.breaks.forEach((b, i) => rows.push([fillOf(b, c), `${fmt(i === 0 ? 1 : (c.breaks[i - 1] ?? 0) + 1)}–${fmt(b)}`]));
  return rows;
}
