import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { DbOpenError, openDb } from '../db/index.js';
import { MigrationError, migrate, readMigrations } from '../db/migrate.js';
import { refreshRollup } from '../query/rollup.js';
import { paths } from '../paths.js';
import { DemoLoadError, loadDemo, MAX_DEMO_ROWS } from './load.js';
import { removeDemo } from './remove.js';

const USAGE = `usage: npm run demo -- [--rows N] [--seed N] [--replace]
  Loads the synthetic demo data into the configured database (DATABASE_URL, else the
  embedded one in DATA_DIR). --rows defaults to DEMO_ROWS, --seed to DEMO_SEED.
  A database that already holds data is refused unless --replace, which first removes
  the earlier demo (synthetic datasets, services, sites, and the reference places).`;

class UsageError extends Error {}

/** "1000000", "1_000_000", "1e6" → 1000000; anything else is a usage error. */
function integerArg(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be an integer, got ${JSON.stringify(text)}`);
  return n;
}

function parseOptions() {
  try {
    return parseArgs({
      options: { rows: { type: 'string' }, seed: { type: 'string' }, replace: { type: 'boolean', default: false }, help: { type: 'boolean' } },
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function main(): Promise<void> {
  const { values } = parseOptions();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const rows = integerArg('rows', values.rows, config.DEMO_ROWS);
  const seed = integerArg('seed', values.seed, config.DEMO_SEED);
  if (rows < 0 || rows > MAX_DEMO_ROWS) throw new UsageError(`--rows must be from 0 to ${MAX_DEMO_ROWS}`);

  const db = await openDb(config);
  try {
    await migrate(db, readMigrations(paths.migrations));
    const [held] = await db.query<{ places: number; datasets: number }>(
      'SELECT (SELECT count(*) FROM places)::int AS places, (SELECT count(*) FROM datasets)::int AS datasets',
    );
    if ((held?.places ?? 0) + (held?.datasets ?? 0) > 0) {
      if (!values.replace) {
        throw new UsageError(
          `the ${db.kind} database already holds data (${held?.places} places, ${held?.datasets} datasets); ` +
            'add --replace to remove the earlier demo first',
        );
      }
      process.stderr.write('demo: removing the earlier demo data…\n');
      await removeDemo(db);
    }

    const t0 = performance.now();
    const tty = process.stderr.isTTY;
    let nextReport = 0;
    const counts = await loadDemo(db, { rows, seed }, (done, total) => {
      // A TTY gets a live line; a log file gets one line per ~10 % rather than a thousand.
      if (!tty && done < nextReport && done !== total) return;
      nextReport = done + total / 10;
      const secs = (performance.now() - t0) / 1000;
      const line = `demo: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows (${Math.round((100 * done) / total)} %), ${Math.round(done / secs).toLocaleString('en')} rows/s`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    });
    const secs = (performance.now() - t0) / 1000;
    if (tty) process.stderr.write('\n');
    console.log(
      `demo loaded into the ${db.kind} database in ${secs.toFixed(1)} s: ${counts.observations.toLocaleString('en')} observations ` +
        `(${Math.round(counts.observations / secs).toLocaleString('en')} rows/s), ${counts.reports} reports, ${counts.services} services, ` +
        `${counts.outreachSites} outreach sites, ${counts.monitoringPoints} monitoring points, ${counts.places} places, ${counts.surveyRespondents} survey respondents (seed ${seed})`,
    );
    // As on first start (seed.ts): without rollups the flows API answers from raw rows, which
    // would make a benchmark on this database measure the fallback instead.
    process.stderr.write('demo: building the flow rollups…\n');
    const rollup = await refreshRollup(db);
    console.log(`flow rollups built in ${(rollup.ms / 1000).toFixed(1)} s (${rollup.cubeRows.toLocaleString('en')} cube rows)`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  // Operator mistakes get one line; anything unexpected keeps its stack for the bug report.
  const known = [UsageError, ConfigError, DbOpenError, MigrationError, DemoLoadError].some((E) => err instanceof E);
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof UsageError) console.error(USAGE);
  if (!known && err instanceof Error && err.stack) console.error(err.stack);
  process.exit(1);
});
