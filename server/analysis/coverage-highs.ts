/**
 * One HiGHS runtime per process: instantiating the wasm costs tens of
 * milliseconds and memory, and every solve gets its own disposable model anyway.
 * Loaded on first use so greedy-only callers never pay for it.
 */
import type { Highs, InitOptions } from 'highs';

type HighsLoader = (options?: InitOptions) => Promise<Highs>;

let runtime: Promise<Highs> | undefined;

/**
 * highs ships types.d.ts as CommonJS, so under NodeNext TypeScript reads
 * `default` as the whole namespace, while Node's ESM entry (build/highs.mjs)
 * exports the loader itself as default. Accept either shape, checked at runtime.
 */
function loaderOf(mod: { default: unknown }): HighsLoader {
  let candidate: unknown = mod.default;
  if (typeof candidate === 'object' && candidate !== null && 'default' in candidate) candidate = candidate.default;
  if (typeof candidate !== 'function') throw new TypeError('highs: module exports no loader function');
  return candidate as HighsLoader;
}

export function loadHighs(): Promise<Highs> {
  runtime ??= import('highs')
    .then((mod) => loaderOf(mod)())
    .catch((error: unknown) => {
      // Forget the failure so a later call can retry instead of failing forever.
      runtime = undefined;
      throw error;
    });
  return runtime;
}
