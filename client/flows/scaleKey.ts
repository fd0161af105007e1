import type { ScaleState } from '@flowmap.gl/data';
import { el } from '../panels/dom.js';
import { formatCount } from './format.js';

/**
 * The flow legend: line widths and the number of people each stands for, from the
 * FlowmapLayer's own scale (so it is right whether the scale is adaptive or locked).
 */
export function renderScaleKey(root: HTMLElement, scale: ScaleState | undefined): void {
  // A zero-width "0 people" sample says nothing: keep the ones that stand for someone.
  const samples = (scale?.flowThickness?.samples ?? []).filter((s) => s.magnitude >= 1);
  if (samples.length === 0) {
    root.replaceChildren();
    return;
  }
  const rows = samples.map((s) => {
    const line = el('span', { class: 'scale-line', 'aria-hidden': 'true' });
    // Widths are data: set through the CSSOM, which the CSP allows (no style attribute).
    line.style.height = `${Math.max(1, s.thickness).toFixed(1)}px`;
    return el('li', {}, line, `${formatCount(Math.round(s.magnitude), 0)} people`);
  });
  root.replaceChildren(
    el('p', { class: 'scale-title' }, scale?.locked ? 'Line width (scale locked)' : 'Line width'),
    el('ul', { class: 'scale-key' }, ...rows),
  );
}
