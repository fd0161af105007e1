import { ApiError, NetworkError } from '../api.js';
import { errorMessage } from '../auth/http.js';

/**
 * One polite live region for load progress and failures: screen readers hear it, and a
 * failed layer says so on screen instead of silently staying empty.
 */
interface Status {
  loading(what: string): void;
  done(what: string): void;
  failed(what: string, err: unknown): void;
}

const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

export function createStatus(node: HTMLElement): Status {
  // Counted: a request replaced by a newer one of the same name ends (aborted) while the newer is in flight.
  const loading = new Map<string, number>();
  const failures = new Map<string, string>();
  const show = (): void => {
    const parts: string[] = [];
    if (loading.size > 0) parts.push(`Loading ${[...loading.keys()].join(', ')}…`);
    for (const [what, why] of failures) parts.push(`Could not load ${what}: ${why}`);
    node.textContent = parts.join(' · ');
    node.hidden = parts.length === 0;
    node.classList.toggle('status--error', failures.size > 0);
  };
  const settle = (what: string): void => {
    const n = (loading.get(what) ?? 0) - 1;
    if (n > 0) loading.set(what, n);
    else loading.delete(what);
  };
  return {
    loading(what) {
      loading.set(what, (loading.get(what) ?? 0) + 1);
      show();
    },
    done(what) {
      settle(what);
      failures.delete(what);
      show();
    },
    failed(what, err) {
      settle(what);
      if (isAbort(err)) {
        // Cancelled on purpose (newer settings, sign-out): not a failure.
      } else if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        // Not a fault: this server does not allow anonymous viewing of the catalogue.
        failures.set(what, 'sign-in needed');
        console.warn(`Corridor: ${what} need a signed-in viewer`);
      } else {
        // Also to the console: the browser test fails on console errors, as it should here
        // (errorMessage logs a fault in the page itself).
        if (err instanceof ApiError || err instanceof NetworkError) console.error(`Corridor: could not load ${what}`, err);
        failures.set(what, errorMessage(err));
      }
      show();
    },
  };
}
