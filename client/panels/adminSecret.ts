import { ROLE_LABELS } from '../auth/authApi.js';
import type { CreatedToken } from '../../common/auth.js';
import { el } from './dom.js';

/**
 * Shows a new token's secret this one time. The server keeps only its hash, so once this box
 * is dismissed (or the panel closed) the secret is gone from the page for good.
 */
export function showSecret(slot: HTMLElement, t: CreatedToken): void {
  const value = el('input', { id: 'new-token-secret', class: 'secret-value', readonly: true, 'aria-describedby': 'new-token-warning', spellcheck: 'false' });
  value.value = t.token; // a property, not an attribute: the secret never lands in the markup
  const copied = el('span', { class: 'secret-copied', role: 'status', 'aria-live': 'polite' });
  const copy = el('button', { type: 'button', class: 'button button--primary' }, 'Copy');
  copy.addEventListener('click', () => {
    value.select();
    navigator.clipboard.writeText(t.token).then(
      () => (copied.textContent = 'Copied to the clipboard.'),
      // No clipboard permission: the text is selected, so Ctrl+C still works.
      () => (copied.textContent = 'Copy blocked by the browser: press Ctrl+C (⌘C) now.'),
    );
  });
  const done = el('button', { type: 'button', class: 'button' }, 'I have stored it');
  done.addEventListener('click', () => {
    value.value = '';
    slot.replaceChildren();
  });
  slot.replaceChildren(
    el(
      'section',
      { class: 'secret', 'aria-labelledby': 'new-token-secret-title' },
      el('h4', { id: 'new-token-secret-title', class: 'admin-form-title' }, `New token: ${t.name} (${ROLE_LABELS[t.role]})`),
      el('p', { id: 'new-token-warning', class: 'secret-warning' }, 'Copy this token now. It is shown only once and cannot be retrieved later; anyone holding it has its access.'),
      el('div', { class: 'secret-row' }, el('label', { for: 'new-token-secret', class: 'visually-hidden' }, 'Token secret'), value, copy),
      copied,
      done,
    ),
  );
  value.focus();
  value.select();
}
