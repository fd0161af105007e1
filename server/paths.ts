import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the first folder up from this file holding package.json and
 * migrations/. Walked up rather than fixed, because npm start runs this module from a bundle
 * in .cache/server/ (server/start.mjs) and the tests and tsx from server/.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no Corridor checkout above ${from}`);
  }
}

/** Repository-relative locations, independent of the working directory. */
const root = findRoot(dirname(fileURLToPath(import.meta.url)));
export const paths = {
  root,
  migrations: join(root, 'migrations'),
  client: join(root, 'client'),
  clientDist: join(root, 'dist', 'client'),
  data: join(root, 'data'),
  /** The server's own files read at run time (styles, scripts served as they are). */
  server: join(root, 'server'),
};
