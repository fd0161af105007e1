import type { Role } from '../../common/auth.js';
import { ROLE_LABELS } from '../auth/authApi.js';
import type { CreatedToken, TokenRow } from '../../common/auth.js';
import { adminApi } from './adminApi.js';
import { field, formatWhen, notice, roleSelect, table } from './adminParts.js';
import { showSecret } from './adminSecret.js';
import { el } from './dom.js';

/** API tokens: list, revoke, create (the secret is shown once, by adminSecret). */
export function renderTokens(root: HTMLElement): void {
  const msg = notice('admin-tokens-notice');
  const list = el('div', { class: 'admin-list' });
  const secretSlot = el('div', { class: 'secret-slot' });

  const state = (t: TokenRow): string => {
    if (t.revokedAt !== null) return `Revoked ${formatWhen(t.revokedAt)}`;
    if (t.expiresAt !== null && new Date(t.expiresAt).getTime() <= Date.now()) return 'Expired';
    return 'Active';
  };
  const row = (t: TokenRow): HTMLTableRowElement => {
    const revoke = el('button', { type: 'button', class: 'button button--small button--danger', 'aria-label': `Revoke token ${t.name}` }, 'Revoke');
    revoke.disabled = t.revokedAt !== null;
    revoke.addEventListener('click', () => {
      adminApi.revokeToken(t.id).then(
        () => msg.ok(`Token ${t.name} revoked: scripts using it now get 401.`),
        (err: unknown) => msg.fail(err),
      ).finally(() => void refresh());
    });
    return el(
      'tr',
      { class: t.revokedAt !== null ? 'is-disabled' : undefined },
      el('th', { scope: 'row' }, t.name),
      el('td', {}, ROLE_LABELS[t.role]),
      el('td', {}, formatWhen(t.createdAt)),
      el('td', {}, t.expiresAt === null ? 'Never' : formatWhen(t.expiresAt)),
      el('td', {}, formatWhen(t.lastUsedAt)),
      el('td', {}, state(t)),
      el('td', {}, revoke),
    );
  };
  const refresh = async (): Promise<void> => {
    try {
      const tokens = await adminApi.tokens();
      const body = tokens.length === 0 ? el('p', { class: 'admin-empty' }, 'No API tokens yet.') : table('API tokens', ['Name', 'Role', 'Created', 'Expires', 'Last used', 'Status', ''], tokens.map(row));
      list.replaceChildren(body);
    } catch (err) {
      msg.fail(err);
    }
  };

  const name = el('input', { id: 'new-token-name', name: 'name', autocomplete: 'off', required: true, maxlength: '100' });
  const role = roleSelect('new-token-role', 'viewer');
  const expires = el('input', { id: 'new-token-expires', name: 'expires', type: 'date' });
  const form = el(
    'form',
    { class: 'admin-form', 'aria-labelledby': 'new-token-title' },
    el('h4', { id: 'new-token-title', class: 'admin-form-title' }, 'Create an API token'),
    field('new-token-name', 'Name', name, 'Who or what uses it, e.g. "Nakonde import script"'),
    field('new-token-role', 'Role', role),
    field('new-token-expires', 'Expires (optional)', expires, 'Works until the end of this day'),
    el('button', { type: 'submit', class: 'button button--primary' }, 'Create token'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // A date input gives YYYY-MM-DD: the token lasts to the end of that day, local time.
    const expiresAt = expires.value ? new Date(`${expires.value}T23:59:59`).toISOString() : undefined;
    adminApi.createToken({ name: name.value.trim(), role: role.value as Role, ...(expiresAt ? { expiresAt } : {}) }).then(
      (created: CreatedToken) => {
        msg.ok(`Token ${created.name} created.`);
        form.reset();
        showSecret(secretSlot, created);
        void refresh();
      },
      (err: unknown) => msg.fail(err),
    );
  });

  root.replaceChildren(el('h3', { class: 'admin-section-title' }, 'API tokens'), msg.node, secretSlot, list, form);
  void refresh();
}
