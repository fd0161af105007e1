import { type Role, ROLES } from '../../common/auth.js';
import { ROLE_LABELS } from '../auth/authApi.js';
import { errorMessage } from '../auth/http.js';
import { el } from './dom.js';

/** Small shared pieces of the admin screens: labelled fields, role pickers, dates, messages. */
export function roleSelect(id: string, value: Role, label?: string): HTMLSelectElement {
  const select = el('select', { id, name: 'role', 'aria-label': label });
  for (const r of ROLES) select.append(el('option', { value: r, selected: r === value }, ROLE_LABELS[r]));
  return select;
}

export function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLDivElement {
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'admin-field' }, el('label', { for: id }, label), input, hint ? el('span', { id: hintId, class: 'admin-hint' }, hint) : null);
}

/** Day and time in the viewer's locale; '—' for never. */
export function formatWhen(iso: string | null): string {
  if (iso === null) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A polite live region per section: results and errors are announced without moving focus. */
export interface Notice {
  node: HTMLParagraphElement;
  ok(text: string): void;
  fail(err: unknown): void;
}

export function notice(id: string): Notice {
  const node = el('p', { id, class: 'admin-notice', role: 'status', 'aria-live': 'polite' });
  return {
    node,
    ok(text) {
      node.classList.remove('admin-notice--error');
      node.textContent = text;
    },
    fail(err) {
      node.classList.add('admin-notice--error');
      node.textContent = errorMessage(err);
    },
  };
}

export function table(caption: string, headings: string[], rows: HTMLTableRowElement[]): HTMLTableElement {
  return el(
    'table',
    { class: 'admin-table' },
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows),
  );
}
