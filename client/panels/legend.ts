import { SERVICE_KINDS, type ServiceKind } from '../../common/vocabulary.js';
import { POINT_COLORS, SERVICE_COLORS, SITE_COLOR, toHex, type Rgb } from '../layers/colors.js';
import { SERVICE_KIND_LABELS } from '../format.js';
import type { AppState, LayerId } from '../state.js';
import { el, foldButton } from './dom.js';

/**
 * Legend and layer switches in one panel: each symbol sits next to the checkbox that
 * shows or hides it. Native checkboxes and <details> give keyboard access for free.
 */
interface LegendEvents {
  onLayer(id: LayerId, on: boolean): void;
  onServiceKind(kind: ServiceKind, on: boolean): void;
}

function swatch(rgb: Rgb, variant: string): HTMLSpanElement {
  const s = el('span', { class: `swatch swatch--${variant}`, 'aria-hidden': 'true' });
  // Colours come from colors.ts, the single source the layers use too.
  s.style.backgroundColor = variant === 'ring' ? 'transparent' : toHex(rgb);
  s.style.borderColor = variant === 'ring' ? toHex(rgb) : '';
  return s;
}

function checkbox(id: string, label: string, checked: boolean, data: Record<string, string>): HTMLLabelElement {
  const input = el('input', { type: 'checkbox', id, checked });
  for (const [k, v] of Object.entries(data)) input.dataset[k] = v;
  return el('label', { class: 'toggle', for: id }, input, label);
}

function keyRow(rgb: Rgb, variant: string, label: string): HTMLLIElement {
  return el('li', {}, swatch(rgb, variant), label);
}

export function renderLegend(root: HTMLElement, state: AppState, events: LegendEvents): (s: AppState) => void {
  const pointKeys = el(
    'ul',
    { class: 'keys' },
    keyRow(POINT_COLORS.official, 'point', 'Official border post'),
    keyRow(POINT_COLORS.informal, 'point', 'Informal crossing'),
    keyRow(POINT_COLORS.hub, 'point', 'Transit hub, bus station, market'),
  );
  const kindList = el(
    'ul',
    { class: 'keys keys--kinds' },
    ...SERVICE_KINDS.map((k) =>
      el('li', {}, swatch(SERVICE_COLORS[k], 'service'), checkbox(`kind-${k}`, SERVICE_KIND_LABELS[k], state.serviceKinds.has(k), { kind: k })),
    ),
  );
  const body = el('div', { id: 'legend-body' });
  // On a 768-px-high laptop the panel covers part of the map: let users fold it away.
  const collapse = foldButton(body);
  root.replaceChildren(el('div', { class: 'panel-head' }, el('h2', { class: 'panel-title' }, 'Map layers'), collapse), body);
  body.replaceChildren(
    el('section', { class: 'group' }, checkbox('layer-points', 'Monitoring points', state.layers.has('points'), { layer: 'points' }), pointKeys),
    el(
      'section',
      { class: 'group' },
      checkbox('layer-services', 'Services', state.layers.has('services'), { layer: 'services' }),
      // Open by default: the nine service colours mean nothing without their key.
      el('details', { class: 'kinds', open: true }, el('summary', {}, 'Service types'), kindList),
    ),
    el(
      'section',
      { class: 'group' },
      checkbox('layer-sites', 'Outreach sites', state.layers.has('sites'), { layer: 'sites' }),
      el('ul', { class: 'keys' }, keyRow(SITE_COLOR, 'ring', 'Ring size: estimated footfall')),
    ),
    el('section', { class: 'group' }, checkbox('layer-labels', 'Place names', state.layers.has('labels'), { layer: 'labels' })),
  );
  root.addEventListener('change', (e) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement)) return;
    if (input.dataset['layer']) events.onLayer(input.dataset['layer'] as LayerId, input.checked);
    if (input.dataset['kind']) events.onServiceKind(input.dataset['kind'] as ServiceKind, input.checked);
  });
  // Keeps the boxes in step when the URL changes under us (back button, pasted link).
  return (s: AppState) => {
    for (const input of root.querySelectorAll<HTMLInputElement>('input[data-layer]')) {
      input.checked = s.layers.has(input.dataset['layer'] as LayerId);
    }
    for (const input of root.querySelectorAll<HTMLInputElement>('input[data-kind]')) {
      input.checked = s.serviceKinds.has(input.dataset['kind'] as ServiceKind);
    }
  };
}
