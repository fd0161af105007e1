import { decodeFilters, defaultFilters, encodeFilters, type FlowFilters } from '../flows/filters.js';
import { buildFilterForm, checkGroup, fillForm, type ListName } from './filtersForm.js';

/**
 * Filter panel behaviour: reads the form into FlowFilters through the same decoder the
 * URL uses, so a filter set here and one from a pasted link are validated alike.
 */
export interface FilterPanel {
  node: HTMLFormElement;
  set(f: FlowFilters): void;
  /** Fills the choices of a list that comes from the server (points, corridors, districts) once it has loaded. */
  setChoices(name: 'point' | 'corridor' | 'adm2', choices: { id: string; name: string }[]): void;
}

function readForm(form: HTMLFormElement): FlowFilters {
  const data = new FormData(form);
  const params = new URLSearchParams();
  const text = (k: string): string => String(data.get(k) ?? '').trim();
  const lists: [ListName, string][] = [['direction', 'dir'], ['transport', 'tr'], ['reason', 'rs'], ['vulnerability', 'vul'], ['point', 'pt'], ['corridor', 'cor'], ['adm2', 'adm2']];
  for (const [name, key] of lists) params.set(key, data.getAll(name).map(String).join(','));
  params.set('from', text('from'));
  params.set('to', text('to'));
  params.set('grp', text('ff-group'));
  params.set('lvl', text('ff-level'));
  params.set('nat', text('nationality').toUpperCase().replace(/[\s;]+/g, ','));
  return decodeFilters(params);
}

export function createFilterPanel(onChange: (f: FlowFilters) => void): FilterPanel {
  const form = buildFilterForm();
  let current = defaultFilters();
  const emit = (): void => {
    const next = readForm(form);
    if (encodeFilters(next).join('&') === encodeFilters(current).join('&')) return;
    current = next;
    fillForm(form, next); // shows the normalised values (e.g. a dropped bad code)
    onChange(next);
  };
  // Text and dates on 'change' (commit), not 'input': one request per edit, not per key.
  form.addEventListener('change', emit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    emit();
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    fillForm(form, defaultFilters());
    emit();
  });
  return {
    node: form,
    set(f) {
      current = f;
      fillForm(form, f);
    },
    setChoices(name, choices) {
      const old = form.querySelector(`details[data-list="${name}"]`);
      const legend = { point: 'Monitoring points', corridor: 'Corridors', adm2: 'Districts' }[name];
      const fresh = checkGroup(name, legend, choices.map((p): [string, string] => [p.id, p.name]));
      old?.replaceWith(fresh);
      fillForm(form, current);
    },
  };
}
