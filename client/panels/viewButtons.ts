import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { NAMED_VIEWS, type NamedView } from '../views.js';
import { el } from './dom.js';

/**
 * Fit padding that keeps the overview clear of the floating legend panel, which covers
 * the map's left edge on a laptop screen.
 */
function fitPadding(map: MapLibreMap): PaddingOptions {
  const legend = document.getElementById('legend');
  const mapLeft = map.getContainer().getBoundingClientRect().left;
  const covered = legend && !legend.hidden ? legend.getBoundingClientRect().right - mapLeft : 0;
  return { top: 24, bottom: 24, right: 56, left: Math.max(24, covered + 16) };
}

export function goTo(map: MapLibreMap, v: NamedView, animate: boolean): void {
  if (v.bounds) {
    map.fitBounds(v.bounds, { padding: fitPadding(map), duration: animate ? 1200 : 0 });
  } else if (v.center) {
    const options = { center: [v.center.lon, v.center.lat] as [number, number], zoom: v.center.zoom };
    if (animate) map.flyTo({ ...options, duration: 1600 });
    else map.jumpTo(options);
  }
}

/** One button per corridor plus the overview; the map's moveend writes the URL. */
export function renderViewButtons(root: HTMLElement, map: MapLibreMap): void {
  root.replaceChildren(
    ...NAMED_VIEWS.map((v) => {
      const b = el('button', { type: 'button', class: 'view-button', 'data-view': v.id, title: v.description }, v.label);
      b.addEventListener('click', () => goTo(map, v, true));
      return b;
    }),
  );
}
