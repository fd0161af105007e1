import type { LngLatBounds } from 'maplibre-gl';
import { el } from './dom.js';

/**
 * "In view" (issue 21): what the active layers show inside the map's bounds, as a list a
 * keyboard can walk (Tab into it, arrow keys, Home/End, Enter opens). Each item opens the
 * same details a click on the map opens; Escape closes them and puts focus back on the item.
 */
export interface InViewItem {
  /** Unique within the list, e.g. "point:12". */
  key: string;
  group: string;
  name: string;
  lon: number;
  lat: number;
  open(): void;
}

export interface InViewList {
  root: HTMLElement;
  /** Redraws the list from these items (all of them; it keeps those inside `bounds`). */
  render(items: InViewItem[], bounds: LngLatBounds): void;
}

/** At most this many per group: a list of thousands helps nobody; zooming in narrows it. */
const PER_GROUP = 60;

export function inBounds(items: InViewItem[], bounds: LngLatBounds): InViewItem[] {
  return items.filter((i) => bounds.contains([i.lon, i.lat]));
}

export function createInViewList(onEscape: () => boolean): InViewList {
  const note = el('p', { class: 'period-note', id: 'inview-note' });
  const body = el('div', { class: 'inview-body' });
  const root = el(
    'aside',
    { id: 'inview', class: 'panel panel--inview', 'aria-labelledby': 'inview-title', tabindex: '-1' },
    el('div', { class: 'panel-head' }, el('h2', { class: 'panel-title', id: 'inview-title' }, 'In view')),
    el('p', { class: 'period-note' }, 'Arrow keys move, Enter opens the details, Escape closes them.'),
    note,
    body,
  );
  let last: HTMLButtonElement | null = null;
  const buttons = (): HTMLButtonElement[] => [...body.querySelectorAll<HTMLButtonElement>('button.inview-item')];
  body.addEventListener('keydown', (e) => {
    const all = buttons();
    const at = all.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    all[Math.max(0, Math.min(all.length - 1, to))]?.focus();
  });
  // Escape anywhere but in a dialog: the dialog closes itself, the map's details are ours.
  // Capture phase: the popup took focus when it opened, and the map's own Escape handler
  // would close it first, leaving focus nowhere.
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || (e.target instanceof Element && e.target.closest('dialog'))) return;
      if (onEscape() && last?.isConnected) last.focus();
    },
    true,
  );
  return {
    root,
    render(items, bounds) {
      const keep = inBounds(items, bounds);
      const focused = document.activeElement instanceof HTMLButtonElement ? document.activeElement.dataset['key'] : undefined;
      const groups = new Map<string, InViewItem[]>();
      for (const i of keep) groups.set(i.group, [...(groups.get(i.group) ?? []), i]);
      note.textContent = keep.length ? `${keep.length} in view${[...groups.values()].some((g) => g.length > PER_GROUP) ? `; the first ${PER_GROUP} of each kind are listed` : ''}.` : 'Nothing of the active layers is in view.';
      body.replaceChildren(
        ...[...groups].map(([group, list]) =>
          el(
            'section',
            // No aria-label: the heading names the group, and "Services" must stay the layer checkbox's label.
            { class: 'inview-group', 'data-group': group },
            el('h3', { class: 'details-sub' }, `${group} (${list.length})`),
            el(
              'ul',
              { class: 'inview-list' },
              ...list
                .sort((a, b) => a.name.localeCompare(b.name))
                .slice(0, PER_GROUP)
                .map((i) => {
                  const b = el('button', { type: 'button', class: 'inview-item', 'data-key': i.key }, i.name);
                  b.addEventListener('click', () => {
                    last = b;
                    i.open();
                  });
                  return el('li', {}, b);
                }),
            ),
          ),
        ),
      );
      // A redraw (the map moved under an open popup) keeps the keyboard where it was.
      const again = focused ? buttons().find((b) => b.dataset['key'] === focused) : undefined;
      if (again) again.focus();
      if (last && !last.isConnected) last = again ?? buttons().find((b) => b.dataset['key'] === last?.dataset['key']) ?? null;
    },
  };
}
