import { decodeFilters, defaultFilters, encodeFilters, type FlowFilters } from './filters.js';

/**
 * The flow view's part of the URL: filters plus display choices. Defaults are left out
 * of the hash so an untouched view keeps the short link it always had.
 */
export interface FlowView {
  show: boolean;
  filters: FlowFilters;
  /** Scale locked: line widths and circle sizes keep their meaning across filters. */
  lockScale: boolean;
  table: boolean;
  /** Location whose details are open (its id in the flows response). */
  selected: string | null;
  /** Nearby ends merged into named clusters at low zoom (clusters.ts). */
  cluster: boolean;
  /** How strongly small flows fade, 0 (not at all) … 100 (flowmap.gl fadeAmount). */
  fade: number;
  /** How many of the largest flows are drawn. */
  top: number;
  /** Flow lines drawn as moving dashes (direction at a glance). */
  animate: boolean;
}

export const TOP_CHOICES = [25, 50, 100, 200, 400] as const;
export const DEFAULT_FADE = 45;
const DEFAULT_TOP = 400;

export function defaultFlowView(): FlowView {
  return { show: true, filters: defaultFilters(), lockScale: false, table: false, selected: null, cluster: true, fade: DEFAULT_FADE, top: DEFAULT_TOP, animate: false };
}

export function decodeFlowView(params: URLSearchParams): FlowView {
  const sel = params.get('sel');
  const fade = Number(params.get('fade') ?? DEFAULT_FADE);
  const top = Number(params.get('top') ?? DEFAULT_TOP);
  return {
    show: params.get('fl') !== '0',
    filters: decodeFilters(params),
    lockScale: params.get('lock') === '1',
    table: params.get('tbl') === '1',
    // Location ids are short keys; anything longer or odd is not one of ours.
    selected: sel !== null && /^[\w:.-]{1,64}$/.test(sel) ? sel : null,
    cluster: params.get('cl') !== '0',
    fade: Number.isInteger(fade) && fade >= 0 && fade <= 100 ? fade : DEFAULT_FADE,
    top: (TOP_CHOICES as readonly number[]).includes(top) ? top : DEFAULT_TOP,
    animate: params.get('anim') === '1',
  };
}

export function encodeFlowView(v: FlowView): string[] {
  const parts = encodeFilters(v.filters);
  if (!v.show) parts.push('fl=0');
  if (v.lockScale) parts.push('lock=1');
  if (v.table) parts.push('tbl=1');
  if (v.selected) parts.push(`sel=${encodeURIComponent(v.selected)}`);
  if (!v.cluster) parts.push('cl=0');
  if (v.fade !== DEFAULT_FADE) parts.push(`fade=${v.fade}`);
  if (v.top !== DEFAULT_TOP) parts.push(`top=${v.top}`);
  if (v.animate) parts.push('anim=1');
  return parts;
}
