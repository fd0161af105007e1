import { el } from './dom.js';

/**
 * The panel rail (issue 21): one button per floating panel (layers, in view, movements,
 * analysis, awareness, planner, alerts), in a strip under the zoom buttons. On a laptop (up to 1599 px) panels of one column take turns (the layer panel on
 * the left; the movements and analysis panels share the right), so the map keeps more
 * than 60 % of the width; on a tablet (up to 1024 px) one panel is open at a time. Wider
 * screens open what the user opens. A panel's own code still owns its `hidden` attribute
 * (it is "not available", e.g. the analysis panel without an analysis layer); the rail
 * only folds available panels away, with a class.
 */
export type Column = 'left' | 'right';

interface Entry {
  panel: HTMLElement;
  column: Column;
  button: HTMLButtonElement;
  open: boolean;
}

export interface Rail {
  /** Adds a panel (it needs an id) with its button: opened (folding rivals), opened if no rival is, or folded. */
  add(panel: HTMLElement, label: string, column: Column, open: 'always' | 'if-free' | 'no'): void;
  /** Unfolds a panel (folding its rivals), e.g. when a keyboard user asks for it. */
  open(panel: HTMLElement): void;
}

export const LAPTOP = '(max-width: 1599px)';
export const TABLET = '(max-width: 1024px)';

export function createRail(layout: HTMLElement): Rail {
  const nav = el('nav', { class: 'rail', 'aria-label': 'Panels' });
  layout.append(nav);
  const entries: Entry[] = [];
  // Most recently opened last: a panel that goes away hands its place back to the one before.
  let history: Entry[] = [];
  const laptop = matchMedia(LAPTOP);
  const tablet = matchMedia(TABLET);
  const rivals = (a: Entry, b: Entry): boolean => a !== b && (tablet.matches || (laptop.matches && a.column === b.column));
  const available = (e: Entry): boolean => !e.panel.hidden;

  const apply = (): void => {
    for (const e of entries) {
      e.panel.classList.toggle('is-folded', !e.open);
      e.button.hidden = !available(e);
      e.button.setAttribute('aria-expanded', String(e.open && available(e)));
    }
  };
  const setOpen = (e: Entry, on: boolean): void => {
    e.open = on;
    if (on) {
      history = [...history.filter((h) => h !== e), e];
      for (const o of entries) if (rivals(e, o) && available(o)) o.open = false;
    }
    apply();
  };
  /** After a narrowing resize: in each group only the most recently opened panel stays open. */
  const enforce = (): void => {
    const latestFirst = [...entries].sort((a, b) => history.indexOf(b) - history.indexOf(a));
    for (const e of latestFirst) {
      if (e.open && available(e) && entries.some((o) => rivals(e, o) && o.open && available(o) && history.indexOf(o) > history.indexOf(e))) e.open = false;
    }
    apply();
  };
  laptop.addEventListener('change', enforce);
  tablet.addEventListener('change', enforce);

  const watch = (e: Entry): void => {
    new MutationObserver((records) => {
      const was = records[0]?.oldValue === null; // attribute absent before: it was available
      if (was === available(e)) return apply();
      if (available(e)) return setOpen(e, true); // it just appeared (an analysis layer was chosen)
      const back = history.filter((o) => rivals(e, o) && available(o)).at(-1);
      if (back) setOpen(back, true);
      else apply();
    }).observe(e.panel, { attributes: true, attributeFilter: ['hidden'], attributeOldValue: true });
  };

  return {
    add(panel, label, column, open) {
      const button = el('button', { type: 'button', class: 'rail-button', 'aria-controls': panel.id, 'aria-expanded': 'false' }, label);
      const e: Entry = { panel, column, button, open: false };
      button.addEventListener('click', () => {
        setOpen(e, !(e.open && available(e)));
        if (e.open) panel.focus({ preventScroll: true });
      });
      entries.push(e);
      nav.append(button);
      watch(e);
      const taken = entries.some((o) => rivals(e, o) && o.open && available(o));
      if (available(e) && (open === 'always' || (open === 'if-free' && !taken))) setOpen(e, true);
      else apply();
    },
    open(panel) {
      const e = entries.find((x) => x.panel === panel);
      if (e && !e.open) setOpen(e, true);
    },
  };
}
