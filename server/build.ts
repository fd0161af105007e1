import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
 * than the last build, so a second start stays fast. The build runs in a child process, so it
 * takes the machine's other core while this one opens the database and loads the demo (the
 * embedded engine runs on this process's thread): 3.7 s of a first start no longer added to it.
 */
export async function ensureClientBuilt(log?: Pick<Logger, 'info'>): Promise<void> {
  if (!clientIsStale()) return;
  const t0 = Date.now();
  log?.info('building the client (first start or changed sources)…');
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(paths.client, 'vite.config.ts'), '--mode', 'production', '--logLevel', 'warn'];
  // The production build whoever asks: vitest sets NODE_ENV=test, and Vite keeps an existing
  // NODE_ENV for import.meta.env.PROD and the libraries' process.env.NODE_ENV checks, so a build
  // made by the tests would register no service worker and carry development-only code.
  const child = spawn(process.execPath, args, { cwd: paths.root, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
  const [code] = (await Promise.race([once(child, 'exit'), once(child, 'error').then(([err]) => Promise.reject(err))])) as [number | null];
  if (code !== 0) throw new Error(`building the client failed (vite exited with ${code}):\n${errors.trim()}`);
  log?.info({ ms: Date.now() - t0 }, 'client built');
}
