import type { EmergingCategory } from '../../common/analysis.js';
import type { Rgb } from '../layers/colors.js';

/**
 * Colours and labels of the analysis layers (pure: the layers, the legends and the browser
 * test read the same values). RGB; alpha is added by the layers.
 */

/** Gi* confidence classes −3…+3 (ColorBrewer RdBu: colour-blind safe, reads hot/cold). */
const CLASS_COLORS: Record<number, Rgb> = {
  3: [178, 24, 43],
  2: [214, 96, 77],
  1: [244, 165, 130],
  0: [190, 190, 190],
  [-1]: [146, 197, 222],
  [-2]: [67, 147, 195],
  [-3]: [33, 102, 172],
};

const CLASS_LABELS: Record<number, string> = {
  3: 'Hot spot 99 %',
  2: 'Hot spot 95 %',
  1: 'Hot spot 90 %',
  0: 'Not significant',
  [-1]: 'Cold spot 90 %',
  [-2]: 'Cold spot 95 %',
  [-3]: 'Cold spot 99 %',
};

/** Legend order: hottest first. */
export const CLASSES = [3, 2, 1, 0, -1, -2, -3] as const;

export function classColor(c: number): Rgb {
  return CLASS_COLORS[Math.max(-3, Math.min(3, Math.round(c)))] ?? CLASS_COLORS[0]!;
}

export function classLabel(c: number): string {
  return CLASS_LABELS[Math.max(-3, Math.min(3, Math.round(c)))] ?? CLASS_LABELS[0]!;
}

/** Non-significant cells stay faint: the map is about the significant ones. */
export function classAlpha(c: number): number {
  return c === 0 ? 70 : 255;
}


/** Warm hues for hot patterns, cool mirrors for cold ones; strong trends get the darkest. */
const EMERGING_COLORS: Record<EmergingCategory, Rgb> = {
  new: [254, 217, 118],
  consecutive: [253, 141, 60],
  intensifying: [215, 48, 39],
  persistent: [128, 0, 38],
  diminishing: [250, 159, 181],
  sporadic: [221, 52, 151],
  oscillating: [122, 1, 119],
  historical: [140, 81, 10],
  cold_new: [199, 233, 180],
  cold_consecutive: [127, 205, 187],
  cold_intensifying: [34, 94, 168],
  cold_persistent: [8, 29, 88],
  cold_diminishing: [158, 202, 225],
  cold_sporadic: [65, 182, 196],
  cold_oscillating: [84, 39, 143],
  cold_historical: [1, 102, 94],
  none: [190, 190, 190],
};

export function emergingLabel(c: string): string {
  if (c === 'none') return 'No pattern';
  const cold = c.startsWith('cold_');
  const p = cold ? c.slice(5) : c;
  return `${p.charAt(0).toUpperCase()}${p.slice(1)} ${cold ? 'cold' : 'hot'} spot`;
}

export function emergingColor(c: string): Rgb {
  return (EMERGING_COLORS as Record<string, Rgb>)[c] ?? EMERGING_COLORS.none;
}

/** Service gap: magma, five steps (sequential, colour-blind safe, apart from the RdBu above). */
export const GAP_COLORS: readonly Rgb[] = [
  [252, 225, 164],
  [253, 150, 104],
  [222, 73, 104],
  [140, 41, 129],
  [59, 15, 112],
];

/**
 * Step 0…4 of a gap on a square-root scale of the largest gap shown: gaps are skewed (one
 * busy crossing dwarfs the rest), and a linear scale would paint all but one cell pale.
 */
export function gapStep(gap: number, max: number): number {
  if (!(max > 0) || !(gap > 0)) return 0;
  return Math.min(GAP_COLORS.length - 1, Math.floor(Math.sqrt(Math.min(1, gap / max)) * GAP_COLORS.length));
}

/** Lower bound of each step, in gap units, for the legend. */
export function gapBreaks(max: number): number[] {
  return GAP_COLORS.map((_, i) => max * (i / GAP_COLORS.length) ** 2);
}

/** Outline of the selected cell: the app's focus colour, visible on the darkest and palest cells. */
export const SELECTED_COLOR: Rgb = [255, 191, 71];
