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
}

export function defaultFlowView(): FlowView {
  return { show: true, filters: defaultFilters(), lockScale: false, table: false, selected: null };
}

export function decodeFlowView(params: URLSearchParams): FlowView {
  const sel = params.get('sel');
  return {
    show: params.get('fl') !== '0',
    filters: decodeFilters(params),
    lockScale: params.get('lock') === '1',
    table: params.get('tbl') === '1',
    // Location ids are short keys; anything longer or odd is not one of ours.
    selected: sel !== null && /^[\w:.-]{1,64}$/.test(sel) ? sel : null,
  };
}

export function encodeFlowView(v: FlowView): string[] {
  const parts = encodeFilters(v.filters);
  if (!v.show) parts.push('fl=0');
  if (v.lockScale) parts.push('lock=1');
  if (v.table) parts.push('tbl=1');
  if (v.selected) parts.push(`sel=${encodeURIComponent(v.selected)}`);
  return parts;
}
