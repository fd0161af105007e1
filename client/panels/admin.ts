import { renderTokens } from './adminTokens.js';
import { renderUsers } from './adminUsers.js';
import { el } from './dom.js';

/**
 * The admin screen, loaded with import() from the header's Admin button so the initial
 * bundle carries none of it. A modal <dialog>: focus stays inside, Escape closes it.
 * Every opening rebuilds it, so a token secret shown earlier is never shown again.
 */
let dialog: HTMLDialogElement | undefined;

export function openAdmin(): void {
  dialog?.remove();
  const users = el('section', { class: 'admin-section', 'aria-label': 'Users' });
  const tokens = el('section', { class: 'admin-section', 'aria-label': 'API tokens' });
  const close = el('button', { type: 'button', class: 'button' }, 'Close');
  const d = el(
    'dialog',
    { id: 'admin-dialog', class: 'dialog dialog--admin', 'aria-labelledby': 'admin-title' },
    el('div', { class: 'panel-head' }, el('h2', { id: 'admin-title', class: 'dialog-title' }, 'Administration'), close),
    users,
    tokens,
  );
  close.addEventListener('click', () => d.close());
  // Closing drops the whole screen: no secret stays in a hidden DOM.
  d.addEventListener('close', () => d.remove());
  document.body.append(d);
  dialog = d;
  renderUsers(users);
  renderTokens(tokens);
  d.showModal();
  close.focus();
}
