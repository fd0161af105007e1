import { ApiError } from '../api.js';
import { type Me, roleRank } from '../../common/auth.js';
import { authApi } from './authApi.js';
import { errorMessage } from './http.js';
import { createSignInDialog } from './signInDialog.js';
import { readSignInCode, withoutSignInCode } from './signInUrl.js';
import { renderUserMenu } from './userMenu.js';

interface AuthOptions {
  /** The header slot for who is signed in and the Sign in / Sign out / Admin buttons. */
  menu: HTMLElement;
  /** Server PUBLIC_VIEWER: anonymous visitors may read the catalogue, so no form is pushed at them. */
  publicViewer: boolean;
  /** Someone signed in: load the data layers (no page reload). */
  onSignedIn(me: Me): void;
  /** Signed out or the session lapsed: drop what only a signed-in user may see. */
  onSignedOut(): void;
  /** The header's Data button: the data screen, with imports when `canWrite`. */
  onData(canWrite: boolean): void;
}

export interface Auth {
  /** Settles once a first-start link is redeemed and /auth/me has answered; null = not signed in. */
  ready: Promise<Me | null>;
  /** An API call answered 401: ask for a sign-in (the session may have expired meanwhile). */
  needSignIn(): void;
}

const signedIn = (me: Me | null): me is Me => me !== null && me.kind !== 'anonymous';

export function startAuth(opts: AuthOptions): Auth {
  let me: Me | null = null;
  const render = (): void =>
    renderUserMenu(opts.menu, me, {
      onSignIn: () => dialog.open(),
      onSignOut: () => void signOut(),
      // Admin screens are a separate chunk: most users never open them (docs/architecture.md#chunks).
      onAdmin: () => void import('../panels/admin.js').then((m) => m.openAdmin()),
      onData: () => opts.onData(me !== null && roleRank(me.role) >= roleRank('data_manager')),
    });
  const accept = (who: Me): void => {
    me = who;
    render();
    opts.onSignedIn(who);
  };
  const dialog = createSignInDialog(authApi.login, accept);

  async function signOut(): Promise<void> {
    try {
      await authApi.logout();
    } catch (err) {
      console.warn('Corridor: sign-out request failed; the session cookie may remain', err);
    }
    me = null;
    render();
    opts.onSignedOut();
    if (!opts.publicViewer) dialog.open();
  }

  async function start(): Promise<Me | null> {
    let linkProblem: string | undefined;
    const code = readSignInCode(location.href);
    if (code !== null) {
      // Out of the address bar first, whatever happens next: the code is a credential.
      history.replaceState(history.state, '', withoutSignInCode(location.href));
      try {
        me = await authApi.oneTime(code);
        render();
        return me;
      } catch (err) {
        linkProblem = `That sign-in link did not work (${errorMessage(err)}) A link works once; sign in with a password, or restart the server for a new link.`;
      }
    }
    try {
      me = await authApi.me();
    } catch (err) {
      // 401 is the ordinary answer for a visitor who has not signed in yet.
      if (!(err instanceof ApiError && err.status === 401)) console.warn('Corridor: could not ask who is signed in', err);
      me = null;
    }
    render();
    if (linkProblem !== undefined || (!signedIn(me) && !opts.publicViewer)) dialog.open(linkProblem);
    return signedIn(me) ? me : null;
  }

  return {
    ready: start(),
    needSignIn() {
      if (opts.publicViewer && !signedIn(me)) return; // anonymous reading is allowed; a 401 here is another matter
      const lapsed = signedIn(me);
      if (lapsed) {
        me = null;
        render();
        opts.onSignedOut();
      }
      dialog.open(lapsed ? 'Your session has ended. Sign in again to see the map data.' : undefined);
    },
  };
}
