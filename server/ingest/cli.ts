import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { audit, SYSTEM } from '../audit/audit.js';
import { loadConfig } from '../config.js';
import { openDb } from '../db/index.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { paths } from '../paths.js';
import { createImport } from './jobs.js';
import { progressLine } from './progress.js';
import { rejectsCsv } from './rejects.js';
import { formatReport } from './report.js';
import { runImport } from './run.js';
import { importFields } from './schemas.js';
import { chooseRecipe } from './service.js';

const USAGE = `usage: npm run import -- <file> --kind <kind> --dataset "<name>" [--mode valid-rows]
  [--source-org ORG] [--method METHOD] [--licence LICENCE] [--period-start YYYY-MM-DD] [--period-end YYYY-MM-DD]
  [--dataset-id N (append)] [--sheet NAME] [--mapping '{"field":"Header"}' | --mapping @mapping.json]
  [--recipe @recipe.json | --recipe-id N [--recipe-version V]] [--rejected out.csv]
kinds: observations reports services outreach_sites monitoring_points places admin_areas`;

/**
 * `npm run import`: the same import as POST /imports, run in this process against the configured
 * database (stop the server first when it is embedded: it holds the data directory). Progress
 * goes to stderr, the outcome and the error report to stdout. Exit 0 committed or unchanged,
 * 2 rejected, 1 failed.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: 'string' }, mode: { type: 'string' }, dataset: { type: 'string' }, 'dataset-id': { type: 'string' },
      'source-org': { type: 'string' }, method: { type: 'string' }, licence: { type: 'string' },
      'period-start': { type: 'string' }, 'period-end': { type: 'string' }, sheet: { type: 'string' },
      mapping: { type: 'string' }, recipe: { type: 'string' }, 'recipe-id': { type: 'string' }, 'recipe-version': { type: 'string' },
      rejected: { type: 'string' }, help: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) {
    console.error(USAGE);
    return values.help ? 0 : 1;
  }
  const fromFile = async (v: string | undefined) => (v?.startsWith('@') ? readFile(v.slice(1), 'utf8') : v);
  const mapping = await fromFile(values.mapping);
  const raw = {
    kind: values.kind, mode: values.mode, dataset: values.dataset, datasetId: values['dataset-id'], sourceOrg: values['source-org'],
    method: values.method, licence: values.licence, periodStart: values['period-start'], periodEnd: values['period-end'],
    sheet: values.sheet, mapping, recipe: await fromFile(values.recipe), recipeId: values['recipe-id'], recipeVersion: values['recipe-version'],
  };
  const parsed = importFields.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`--${String(i.path[0] ?? '?')}: ${i.message}`);
    console.error(USAGE);
    return 1;
  }
  const f = parsed.data;
  const { size } = await stat(file);
  const checksum = await sha256(file);
  const config = loadConfig();
  const db = await openDb(config);
  try {
    await migrate(db, readMigrations(paths.migrations));
    const who = `cli:${userInfo().username}`;
    const chosen = await chooseRecipe(db, f);
    const options = {
      dataset: { name: f.dataset ?? basename(file).slice(0, 200), sourceOrg: f.sourceOrg, method: f.method, licence: f.licence, periodStart: f.periodStart, periodEnd: f.periodEnd },
      datasetId: f.datasetId, recipe: chosen.recipe, recipeRef: chosen.ref,
    };
    const kind = chosen.kind;
    const id = await createImport(db, { kind, mode: f.mode, fileName: basename(file), fileBytes: size, checksum, options, createdBy: who });
    await audit(db, SYSTEM, 'import.start', { importId: id, kind, mode: f.mode, file: basename(file), bytes: size, checksum, via: who });
    const tty = process.stderr.isTTY === true;
    let lastLine = 0;
    const out = await runImport(db, { id, kind, mode: f.mode, path: file, bytes: size, checksum, options, actor: SYSTEM, actorName: who }, (p) => {
      const now = Date.now();
      if (now - lastLine < (tty ? 100 : 5_000) && p.percent < 100) return;
      lastLine = now;
      process.stderr.write(tty ? `\r${progressLine(p)}` : `${progressLine(p)}\n`);
    });
    if (tty) process.stderr.write('\n');
    console.log(`import ${id}: ${out.status}${out.datasetId !== null ? ` (dataset ${out.datasetId})` : ''}: ${out.message}`);
    if (out.rollupError) console.log(`warning: the flow rollup was not refreshed (${out.rollupError}); queries read raw rows until it is`);
    for (const line of out.report ? formatReport(out.report) : []) console.log(`  ${line}`);
    if (out.report?.truncated) console.log(`  (${out.report.totalErrors} errors in ${out.report.rowsWithErrors} rows; the list above is cut)`);
    if (values.rejected && out.rowsRejected > 0) {
      const [row] = await db.query<{ header: string[] | null }>('SELECT header FROM imports WHERE id = $1', [id]);
      const sink = createWriteStream(values.rejected);
      for await (const chunk of rejectsCsv(db, id, row?.header ?? [])) if (!sink.write(chunk)) await once(sink, 'drain');
      sink.end();
      await once(sink, 'finish');
      console.log(`rejected rows written to ${values.rejected}`);
    }
    return out.status === 'committed' || out.status === 'unchanged' ? 0 : out.status === 'rejected' ? 2 : 1;
  } finally {
    await db.close();
  }
}

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`import: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
