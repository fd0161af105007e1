import type { Role } from '../../common/auth.js';
import { ROLE_LABELS } from '../auth/authApi.js';
import type { UserRow } from '../../common/auth.js';
import { adminApi } from './adminApi.js';
import { field, formatWhen, notice, roleSelect, table } from './adminParts.js';
import { passwordForm } from './adminPassword.js';
import { el } from './dom.js';

/** Users: list, change role, disable/enable, create. The server refuses to drop the last admin (409). */
export function renderUsers(root: HTMLElement): void {
  const msg = notice('admin-users-notice');
  const list = el('div', { class: 'admin-list' });
  const passwordSlot = el('div');

  const row = (u: UserRow): HTMLTableRowElement => {
    const role = roleSelect(`user-role-${u.id}`, u.role, `Role of ${u.username}`);
    role.addEventListener('change', () => {
      change(u, { role: role.value as Role }, `${u.username} is now ${ROLE_LABELS[role.value as Role]}.`);
    });
    const toggle = el('button', { type: 'button', class: 'button button--small' }, u.disabled ? 'Enable' : 'Disable');
    toggle.setAttribute('aria-label', `${u.disabled ? 'Enable' : 'Disable'} ${u.username}`);
    toggle.addEventListener('click', () => {
      change(u, { disabled: !u.disabled }, `${u.username} is ${u.disabled ? 'enabled' : 'disabled'}.`);
    });
    const setPassword = el('button', { type: 'button', class: 'button button--small', 'aria-label': `Set password for ${u.username}` }, 'Set password');
    setPassword.addEventListener('click', () => passwordForm(passwordSlot, u, msg, () => void refresh()));
    return el(
      'tr',
      { class: u.disabled ? 'is-disabled' : undefined },
      el('th', { scope: 'row' }, u.username),
      el('td', {}, role),
      el('td', {}, u.disabled ? 'Disabled' : u.hasPassword ? 'Active' : 'Active (no password yet)'),
      el('td', {}, formatWhen(u.lastLoginAt)),
      el('td', { class: 'admin-actions' }, setPassword, toggle),
    );
  };

  const refresh = async (): Promise<void> => {
    try {
      const users = await adminApi.users();
      list.replaceChildren(table('Users', ['Username', 'Role', 'Status', 'Last sign-in', 'Actions'], users.map(row)));
    } catch (err) {
      msg.fail(err);
    }
  };

  function change(u: UserRow, patch: { role?: Role; disabled?: boolean }, done: string): void {
    adminApi.updateUser(u.id, patch).then(
      () => msg.ok(done),
      (err: unknown) => msg.fail(err), // e.g. the last admin: the list below shows what is true
    ).finally(() => void refresh());
  }

  const username = el('input', { id: 'new-user-name', name: 'username', autocomplete: 'off', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = el('input', { id: 'new-user-password', name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: '12' });
  const role = roleSelect('new-user-role', 'viewer');
  const form = el(
    'form',
    { class: 'admin-form', 'aria-labelledby': 'new-user-title' },
    el('h4', { id: 'new-user-title', class: 'admin-form-title' }, 'Add a user'),
    field('new-user-name', 'Username', username, '2–64 of a–z, 0–9 . _ -'),
    field('new-user-password', 'Password', password, 'At least 12 characters'),
    field('new-user-role', 'Role', role),
    el('button', { type: 'submit', class: 'button button--primary' }, 'Create user'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    adminApi.createUser({ username: username.value, password: password.value, role: role.value as Role }).then(
      (u) => {
        msg.ok(`User ${u.username} created (${ROLE_LABELS[u.role]}).`);
        form.reset();
        void refresh();
      },
      (err: unknown) => msg.fail(err),
    );
  });

  root.replaceChildren(el('h3', { class: 'admin-section-title' }, 'Users'), msg.node, list, passwordSlot, form);
  void refresh();
}
