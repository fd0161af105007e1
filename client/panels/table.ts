import type { FlowsResponse } from '../../common/flows.js';
import { formatCount, sortValue } from '../flows/format.js';
import { el } from './dom.js';

/**
 * The map's numbers as a table (for screen readers, and for anyone who wants exact
 * figures). Column headers are buttons: sortable by keyboard, with aria-sort.
 */
type Key = 'origin' | 'dest' | 'count';
interface Row {
  origin: string;
  dest: string;
  originId: string;
  destId: string;
  count: number | null;
}

/** `onSelect` opens a location's details: the keyboard way to what a click on the map does. */
export function renderFlowTable(root: HTMLElement, res: FlowsResponse, onSelect: (id: string) => void, maxRows = 500): void {
  const k = res.disclosure?.k ?? 0;
  const name = new Map(res.locations.map((l) => [l.id, l.name]));
  const rows: Row[] = res.flows.map((f) => ({ origin: name.get(f.origin) ?? f.origin, dest: name.get(f.dest) ?? f.dest, originId: f.origin, destId: f.dest, count: f.count }));
  const place = (label: string, id: string): HTMLButtonElement => {
    const b = el('button', { type: 'button', class: 'place-button', title: `Details of ${label}` }, label);
    b.addEventListener('click', () => onSelect(id));
    return b;
  };
  let sortKey: Key = 'count';
  let desc = true;
  const table = el('table', { class: 'flow-table' }, el('caption', {}, `Flows: ${rows.length} origin–destination pairs`));
  const head = el('tr');
  const body = el('tbody');
  const cols: [Key, string][] = [['origin', 'Origin'], ['dest', 'Destination'], ['count', 'People']];
  const draw = (): void => {
    const cmp = (a: Row, b: Row): number =>
      sortKey === 'count' ? sortValue(a.count, k) - sortValue(b.count, k) : a[sortKey].localeCompare(b[sortKey]);
    const sorted = [...rows].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b))).slice(0, maxRows);
    body.replaceChildren(...sorted.map((r) => el('tr', {}, el('td', {}, place(r.origin, r.originId)), el('td', {}, place(r.dest, r.destId)), el('td', { class: 'num' }, formatCount(r.count, k)))));
    for (const th of head.querySelectorAll<HTMLTableCellElement>('th')) {
      th.setAttribute('aria-sort', th.dataset['key'] === sortKey ? (desc ? 'descending' : 'ascending') : 'none');
    }
  };
  for (const [key, label] of cols) {
    const button = el('button', { type: 'button', class: 'sort-button' }, label);
    button.addEventListener('click', () => {
      desc = sortKey === key ? !desc : key === 'count';
      sortKey = key;
      draw();
    });
    const th = el('th', { scope: 'col', class: key === 'count' ? 'num' : undefined }, button);
    th.dataset['key'] = key;
    head.append(th);
  }
  table.append(el('thead', {}, head), body);
  draw();
  root.replaceChildren(table);
  if (rows.length > maxRows) root.append(el('p', { class: 'table-note' }, `Showing the ${maxRows} largest of ${rows.length}.`));
}
