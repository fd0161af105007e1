import { type Db, type Queryable, yieldToRequests } from '../db/index.js';
import { refreshSteps } from '../ingest/spool-steps.js';
import { buildStatements, exclusively, TABLES } from './rollup.js';

/** Observations per statement building flow_cube's days: about a second each on the embedded engine. */
const DAY_RANGE_ROWS = 50_000;

/**
 * The full rebuild of the flow rollups, in short steps: refreshRollup's full build (rollup.ts;
 * the same set-wise statements) with each statement in a transaction of its own and waiting
 * requests let in between. The embedded engine serves one statement at a time, so the one
 * transaction of refreshRollup held every request for the whole build (12 s after a first
 * start's 200,000 demo rows, which the start waited for); here a request waits for one
 * statement at most. From the first step to the last, a mark "everything
 * changed" (migration 003) keeps every flow query on the raw rows: nobody reads a half-built cube.
 */
export async function rebuildRollupInSteps(
  db: Db,
  opts: { beforeStep?: () => Promise<void>; onStep?: (name: string, ms: number) => void } = {},
): Promise<{ cubeRows: number; ms: number }> {
  const { beforeStep = yieldToRequests, onStep } = opts;
  return exclusively(db, async () => {
    const t0 = Date.now();
    const step = async <T>(name: string, run: (tx: Queryable) => Promise<T>): Promise<T> => {
      await beforeStep();
      const t = Date.now();
      const out = await db.transaction(async (tx) => {
        // Hash aggregation and index sorts in memory (this transaction only).
        await tx.exec(`SET LOCAL work_mem = '256MB'`);
        await tx.exec(`SET LOCAL maintenance_work_mem = '256MB'`);
        return run(tx);
      });
      onStep?.(name, Date.now() - t);
      return out;
    };
    const at = await step('start', async (tx) => {
      // This rebuild covers every change so far; one committed meanwhile marks its days again.
      await tx.exec('DELETE FROM flow_rollup_dirty');
      const [mark] = await tx.query<{ at: string }>(
        `INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day) VALUES (NULL, '-infinity', 'infinity') RETURNING marked_at::text AS at`,
      );
      // The indexes stay, updated row by row (2.8 s more for the demo's 200,000 rows than
      // building them after the rows, as refreshRollup does): a rebuild cut short and begun
      // again would find them dropped, and only the migrations know their definitions.
      await tx.exec(`TRUNCATE ${TABLES.join(', ')}`);
      return mark?.at;
    });
    // Statistics of the raw table first, so the planner expects many groups (hash, not sort).
    await step('analyze observations', (tx) => tx.exec('ANALYZE observations'));
    // flow_cube's days, the largest statement (4 s at 200,000 demo rows), in ranges of days.
    const perDay = await step('days', (tx) => tx.query<{ day: string; n: number }>('SELECT observed_on::text AS day, count(*)::int AS n FROM observations GROUP BY 1'));
    const ranges = refreshSteps(new Map(perDay.map((r) => [r.day, r.n])), DAY_RANGE_ROWS);
    let cubeRows = 0;
    for (const [i, statement] of buildStatements({}, ranges).entries()) cubeRows += (await step(`insert ${i}`, statement)) ?? 0;
    for (const table of TABLES) await step(`analyze ${table}`, (tx) => tx.exec(`ANALYZE ${table}`));
    await step('end', (tx) => tx.query(`DELETE FROM flow_rollup_dirty WHERE dataset_id IS NULL AND first_day = '-infinity' AND marked_at = $1::timestamptz`, [at]));
    return { cubeRows, ms: Date.now() - t0 };
  });
}
