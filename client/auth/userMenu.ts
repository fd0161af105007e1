import { el } from '../panels/dom.js';
import type { Me } from '../../common/auth.js';
import { ROLE_LABELS } from './authApi.js';

/** Header actions: who is signed in and as what, Sign out, Admin (admins only), or Sign in. */
interface UserMenuEvents {
  onSignIn(): void;
  onSignOut(): void;
  onAdmin(): void;
  /** The data screen: datasets for everyone signed in, imports for data managers. */
  onData(): void;
}

export function renderUserMenu(root: HTMLElement, me: Me | null, events: UserMenuEvents): void {
  const button = (label: string, handler: () => void, extra: Record<string, string> = {}): HTMLButtonElement => {
    const b = el('button', { type: 'button', class: 'header-button', ...extra }, label);
    b.addEventListener('click', handler);
    return b;
  };
  if (!me || me.kind === 'anonymous') {
    root.replaceChildren(button('Sign in', events.onSignIn, { 'aria-haspopup': 'dialog' }));
    return;
  }
  const who = el(
    'span',
    { class: 'user-name', id: 'signed-in-as' },
    // Said to screen readers; on screen the name and the role badge say it, so the header fits.
    el('span', { class: 'visually-hidden' }, 'Signed in as '),
    el('strong', { title: me.name }, me.name),
    el('span', { class: 'user-role' }, ROLE_LABELS[me.role]),
  );
  const admin = me.role === 'admin' ? [button('Admin', events.onAdmin, { 'aria-haspopup': 'dialog' })] : [];
  const data = button('Data', events.onData, { 'aria-haspopup': 'dialog', id: 'data-button' });
  root.replaceChildren(who, data, ...admin, button('Sign out', events.onSignOut));
}
