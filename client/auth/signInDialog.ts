import { el } from '../panels/dom.js';
import type { Me } from '../../common/auth.js';
import { errorMessage } from './http.js';

/**
 * The sign-in form in a native modal <dialog>: the browser traps focus in it, Escape closes
 * it and the page behind is inert, with nothing to script by hand. Errors go to an
 * assertive live region inside the form so screen readers announce them at once.
 */
interface SignInDialog {
  /** Opens the form; `problem` says what went wrong first (a used link, a lapsed session). */
  open(problem?: string): void;
  close(): void;
}

export function createSignInDialog(signIn: (username: string, password: string) => Promise<Me>, onSignedIn: (me: Me) => void): SignInDialog {
  const user = el('input', { id: 'signin-username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const pass = el('input', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = el('p', { id: 'signin-error', class: 'form-error', role: 'alert', 'aria-live': 'assertive' });
  const note = el('p', { class: 'signin-note' }, 'The map data is shown to signed-in users only.');
  const submit = el('button', { type: 'submit', class: 'button button--primary' }, 'Sign in');
  const cancel = el('button', { type: 'button', class: 'button' }, 'Not now');
  const form = el(
    'form',
    { class: 'signin-form', 'aria-describedby': 'signin-error' },
    el('h2', { id: 'signin-title', class: 'dialog-title' }, 'Sign in to Corridor'),
    note,
    el('label', { for: 'signin-username' }, 'Username'),
    user,
    el('label', { for: 'signin-password' }, 'Password'),
    pass,
    error,
    el('div', { class: 'form-actions' }, submit, cancel),
  );
  const dialog = el('dialog', { id: 'signin-dialog', class: 'dialog dialog--signin', 'aria-labelledby': 'signin-title' }, form);
  document.body.append(dialog);

  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    signIn(user.value, pass.value).then(
      (me) => {
        pass.value = ''; // a password must not linger in the DOM
        dialog.close();
        onSignedIn(me);
      },
      (err: unknown) => {
        error.textContent = errorMessage(err);
        pass.select();
      },
    ).finally(() => (submit.disabled = false));
  });

  return {
    open(problem) {
      const wasOpen = dialog.open;
      if (!wasOpen) dialog.showModal();
      // Set after showModal: a live region only announces changes while it is displayed. A
      // request refused while the form is already up (a map layer answered 401) opens it again
      // with no problem of its own: that must not wipe what the form already says (a used link).
      if (problem !== undefined || !wasOpen) error.textContent = problem ?? '';
      (user.value ? pass : user).focus();
    },
    close() {
      if (dialog.open) dialog.close();
    },
  };
}
