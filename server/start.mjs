// npm start. Plain JavaScript, run by node itself: the server is bundled by esbuild into
// .cache/server/ (again only when a source is newer than the bundle) and that bundle runs here,
// in this process. Running the TypeScript through tsx instead spent about 1.4 s of every start
// resolving and transforming several hundred modules through its loader thread, and tsx runs
// the server in a second process (issue 19, "later start ≤ 5 s"). Tests and `npm run dev`
// still run the sources through tsx and vitest; packages stay in node_modules (external).
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, '.cache', 'server');
const main = join(outdir, 'main.js');
// The solver's worker is a second entry beside main.js, where server/outreach/solver.ts looks for it.
const entryPoints = { main: join(root, 'server/main.ts'), 'solve-worker': join(root, 'server/outreach/solve-worker.ts') };

/** Newest modification time of the files under `dir` (recursively), 0 when there are none. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(join(root, 'server')), newest(join(root, 'common')), statSync(join(root, 'package-lock.json')).mtimeMs);
if (!existsSync(main) || statSync(main).mtimeMs < sources) {
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    write: false,
  });
  // Each file written aside and renamed into place, main.js last: its time says the bundle is whole.
  mkdirSync(outdir, { recursive: true });
  for (const f of outputFiles.sort((a, b) => Number(a.path === main) - Number(b.path === main))) {
    writeFileSync(`${f.path}.${process.pid}`, f.contents);
    renameSync(`${f.path}.${process.pid}`, f.path);
  }
}
await import(pathToFileURL(main).href);
