import { ApiError } from '../api.js';

/**
 * One polite live region for load progress and failures: screen readers hear it, and a
 * failed layer says so on screen instead of silently staying empty.
 */
export interface Status {
  loading(what: string): void;
  done(what: string): void;
  failed(what: string, err: unknown): void;
}

export function createStatus(node: HTMLElement): Status {
  const loading = new Set<string>();
  const failures = new Map<string, string>();
  const show = (): void => {
    const parts: string[] = [];
    if (loading.size > 0) parts.push(`Loading ${[...loading].join(', ')}…`);
    for (const [what, why] of failures) parts.push(`Could not load ${what}: ${why}`);
    node.textContent = parts.join(' · ');
    node.hidden = parts.length === 0;
    node.classList.toggle('status--error', failures.size > 0);
  };
  return {
    loading(what) {
      loading.add(what);
      show();
    },
    done(what) {
      loading.delete(what);
      failures.delete(what);
      show();
    },
    failed(what, err) {
      loading.delete(what);
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        // Not a fault: this server does not allow anonymous viewing of the catalogue.
        failures.set(what, 'sign-in needed');
        console.warn(`Corridor: ${what} need a signed-in viewer`);
      } else {
        failures.set(what, err instanceof Error ? err.message : String(err));
        // Also to the console: the browser test fails on console errors, as it should here.
        console.error(`Corridor: could not load ${what}`, err);
      }
      show();
    },
  };
}
