import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { paths } from './paths.js';

/** Newest modification time of the files that make up the client bundle. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function clientIsStale(): boolean {
  const index = join(paths.clientDist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  // The bundle also embeds the reference geography, and dependencies change with the lock file.
  const inputs = [join(paths.root, 'package-lock.json'), join(paths.data, 'geography.json')];
  return newestSource(paths.client) > built || inputs.some((f) => existsSync(f) && statSync(f).mtimeMs > built);
}

/**
 * `npm start` builds what it needs: the client is rebuilt only when its sources are newer
 * than the last build, so a second start stays fast.
 */
export async function ensureClientBuilt(log?: Pick<Logger, 'info'>): Promise<void> {
  if (!clientIsStale()) return;
  const t0 = Date.now();
  log?.info('building the client (first start or changed sources)…');
  const { build } = await import('vite');
  // The production build whoever asks: vitest sets NODE_ENV=test, and Vite keeps an existing
  // NODE_ENV for import.meta.env.PROD and the libraries' process.env.NODE_ENV checks, so a build
  // made by the tests would register no service worker and carry development-only code.
  const before = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile: join(paths.client, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (before === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = before;
  }
  log?.info({ ms: Date.now() - t0 }, 'client built');
}
