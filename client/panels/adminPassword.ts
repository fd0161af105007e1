import type { UserRow } from '../../common/auth.js';
import { adminApi } from './adminApi.js';
import { field, type Notice } from './adminParts.js';
import { el } from './dom.js';

/**
 * Sets a user's password. The first-start `admin` has none (it signed in with the one-time
 * link), and until some admin has one every restart prints a new link: this is where it ends.
 * The server ends that user's other sessions when the password changes.
 */
export function passwordForm(slot: HTMLElement, u: UserRow, msg: Notice, done: () => void): void {
  const input = el('input', { id: 'set-password', name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: '12' });
  const cancel = el('button', { type: 'button', class: 'button' }, 'Cancel');
  const form = el(
    'form',
    { class: 'admin-form', 'aria-labelledby': 'set-password-title' },
    el('h4', { id: 'set-password-title', class: 'admin-form-title' }, `New password for ${u.username}`),
    field('set-password', 'New password', input, 'At least 12 characters'),
    el('button', { type: 'submit', class: 'button button--primary' }, 'Set password'),
    cancel,
  );
  cancel.addEventListener('click', () => slot.replaceChildren());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    adminApi.updateUser(u.id, { password: input.value }).then(
      () => {
        input.value = '';
        slot.replaceChildren();
        msg.ok(`Password for ${u.username} set.`);
        done();
      },
      (err: unknown) => msg.fail(err),
    );
  });
  slot.replaceChildren(form);
  input.focus();
}
