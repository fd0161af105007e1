/**
 * The first-start link is `http://host:port/?signin=<code>` (server/main.ts). The code is a
 * secret: it leaves the address bar before anything else happens, so it stays out of
 * bookmarks, shared links and the history entry, while the #hash (the map view) is kept.
 */
const SIGN_IN_PARAM = 'signin';

/** The one-time code in a URL's query, or null when there is none. */
export function readSignInCode(href: string): string | null {
  const code = new URL(href).searchParams.get(SIGN_IN_PARAM);
  return code === null || code.trim() === '' ? null : code.trim();
}

/** The same URL (path, other parameters, hash) without the sign-in parameter, as a relative URL. */
export function withoutSignInCode(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(SIGN_IN_PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}
