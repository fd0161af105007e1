import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM } from '../../server/audit/audit.js';
import type { Db, Queryable } from '../../server/db/index.js';
import { deleteDataset } from '../../server/ingest/datasets.js';
import { createImport } from '../../server/ingest/jobs.js';
import { type ImportOutcome, runImport } from '../../server/ingest/run.js';
import type { Mode } from '../../server/ingest/fields.js';
import { writeCsv } from '../bench/import-file.js';
import { describeDb } from '../helpers/suite.js';
import { tableCounts } from '../helpers/import.js';

/**
 * The bulk path for a new observations dataset (server/ingest/bulk.ts): one pass that validates
 * and COPYs into the dataset's own table, then indexes and ATTACH. The API tests run it too
 * (every new observations dataset takes it); these check what only it does.
 */
const ROWS = 3_000;
const dir = mkdtempSync(join(tmpdir(), 'corridor-bulk-'));
const file = (name: string) => join(dir, name);

async function run(db: Db, path: string, mode: Mode = 'all-or-nothing', name = path, datasetId?: number): Promise<ImportOutcome> {
  const data = readFileSync(path);
  const checksum = createHash('sha256').update(data).digest('hex');
  const options = { dataset: { name: `bulk ${name.slice(-30)}` }, datasetId };
  const id = await createImport(db, { kind: 'observations', mode, fileName: 'f.csv', fileBytes: data.length, checksum, options, createdBy: 'test' });
  return runImport(db, { id, kind: 'observations', mode, path, bytes: data.length, checksum, options, actor: SYSTEM, actorName: 'test' });
}

/** Every column of a dataset's rows, by codes rather than ids, in source row id order. */
function rowsOf(q: Queryable, datasetId: number | null): Promise<Record<string, unknown>[]> {
  return q.query(
    `SELECT o.source_row_id, o.observed_on, o.observed_at::text AS at, m.code AS point, o.direction, po.code AS origin, o.origin_country,
       pd.code AS destination, o.destination_country, o.total, o.male, o.female, o.children, o.unaccompanied_children, o.nationality,
       o.transport_mode, o.reasons, o.vulnerabilities
     FROM observations o JOIN monitoring_points m ON m.id = o.monitoring_point_id
       LEFT JOIN places po ON po.id = o.origin_place_id LEFT JOIN places pd ON pd.id = o.final_destination_place_id
     WHERE o.dataset_id = $1 ORDER BY o.source_row_id`,
    [datasetId],
  );
}

const partitionOf = async (q: Queryable, datasetId: number | null) =>
  (await q.query<{ t: string | null }>(`SELECT to_regclass('observations_d' || $1::int)::text AS t`, [datasetId]))[0]?.t ?? null;

beforeAll(async () => {
  await writeCsv(file('good.csv'), ROWS);
  const lines = readFileSync(file('good.csv'), 'utf8').trimEnd().split('\n');
  appendFileSync(file('good-again.csv'), `${lines.join('\n')}\n\n`); // the same rows; another checksum
  appendFileSync(file('late-error.csv'), `${lines.join('\n')}\nlate-1,2025-03-01,mp-tunduma-nakonde-osbp,inbound,ETH,ZMB,5,3,3,0,0,ETH,bus,,\n`);
  // Rows 3002 and 3003 repeat the ids of rows 6 and 9 (file line numbers: the header is line 1).
  appendFileSync(file('repeats.csv'), `${lines.join('\n')}\n${lines[5]?.replace(/,\d+,/, ',7,')}\n${lines[8]}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeDb('the bulk import on the %s database', { db: 'fresh' }, ({ db }) => {
  it('when a new dataset is imported, then it is its own attached partition with the key, indexes and foreign keys, holding what two passes write', async () => {
    const out = await run(db, file('good.csv'));
    expect(out.status, out.message).toBe('committed');
    expect(out).toMatchObject({ rowsRead: ROWS, rowsValid: ROWS, rowsInserted: ROWS, rowsRejected: 0, percent: 100 });
    const table = `observations_d${out.datasetId}`;
    expect(await partitionOf(db, out.datasetId)).toBe(table);
    const [part] = await db.query<{ bound: string }>(
      `SELECT pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid
       WHERE c.relname = $1 AND i.inhparent = 'observations'::regclass`,
      [table],
    );
    expect(part?.bound).toBe(`FOR VALUES IN (${out.datasetId})`);
    const indexes = await db.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE tablename = $1 ORDER BY indexname`, [table]);
    expect(indexes.map((i) => i.def.replace(/^.* USING /, '')).sort()).toEqual([
      'btree (dataset_id, source_row_id)', 'btree (id)', 'btree (monitoring_point_id, observed_on)', 'btree (observed_on)',
    ]);
    // Each is a partition of the parent's index (ATTACH adopted it rather than building another).
    const [adopted] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_inherits i JOIN pg_index x ON x.indexrelid = i.inhrelid WHERE x.indrelid = $1::regclass`,
      [table],
    );
    expect(adopted?.n).toBe(4);
    const [fks] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`, [table]);
    expect(fks?.n).toBe(6);
    const [cube] = await db.query<{ n: number }>(`SELECT sum(total)::int AS n FROM flow_cube WHERE grain = 'd' AND dataset_id = $1`, [out.datasetId]);
    const [raw] = await db.query<{ n: number }>('SELECT sum(total)::int AS n FROM observations WHERE dataset_id = $1', [out.datasetId]);
    expect(cube?.n).toBe(raw?.n);

    // Appending takes the two-pass path: the same file into an empty dataset must give the same rows.
    const [empty] = await db.query<{ id: number }>(`INSERT INTO datasets (name, kind) VALUES ('two passes', 'observations') RETURNING id`);
    await db.query('SELECT observations_partition($1)', [empty?.id]);
    const twoPass = await run(db, file('good-again.csv'), 'all-or-nothing', 'two passes', empty?.id);
    expect(twoPass).toMatchObject({ status: 'committed', rowsInserted: ROWS });
    const [check] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint WHERE conname = $1`, [`observations_d${empty?.id}_dataset`]);
    expect(check?.n).toBe(0); // made by observations_partition, not by the bulk path
    expect(await rowsOf(db, out.datasetId)).toEqual(await rowsOf(db, twoPass.datasetId));
  });

  it('when all-or-nothing meets a bad row at the end, then nothing stays: no dataset, no table, no row', async () => {
    const before = await tableCounts(db);
    const [next] = await db.query<{ id: number }>(`SELECT last_value + 1 AS id FROM datasets_id_seq`);
    const out = await run(db, file('late-error.csv'));
    expect(out.status).toBe('rejected');
    expect(out.report?.errors).toEqual([expect.objectContaining({ row: ROWS + 2, field: 'total', code: 'count.sex_exceeds_total' })]);
    expect(await tableCounts(db)).toEqual(before);
    expect(await partitionOf(db, next?.id ?? null)).toBeNull();
    expect(await partitionOf(db, (next?.id ?? 0) + 1)).toBeNull();
  });

  it('when a file repeats source row ids, then the import falls back to two passes that name each repeat', async () => {
    const strict = await run(db, file('repeats.csv'));
    expect(strict.status).toBe('rejected');
    const repeats = [
      { row: ROWS + 2, code: 'duplicate', reason: 'repeats the id of row 6' },
      { row: ROWS + 3, code: 'duplicate', reason: 'repeats the id of row 9' },
    ];
    expect(strict.report?.errors).toEqual(repeats.map((r) => expect.objectContaining(r)));

    const lenient = await run(db, file('repeats.csv'), 'valid-rows', 'repeats, valid rows');
    expect(lenient).toMatchObject({ status: 'committed', rowsRead: ROWS + 2, rowsInserted: ROWS, rowsRejected: 2 });
    expect(lenient.report?.errors).toEqual(repeats.map((r) => expect.objectContaining(r)));
    const rejected = await db.query<{ row_number: number }>('SELECT row_number FROM import_rejects WHERE import_id = (SELECT max(id) FROM imports) ORDER BY 1');
    expect(rejected.map((r) => r.row_number)).toEqual([ROWS + 2, ROWS + 3]);
    // The first occurrences stand, as the two-pass path always had it.
    const [sixth] = await db.query<{ total: number }>(`SELECT total FROM observations WHERE dataset_id = $1 AND source_row_id = 'b4'`, [lenient.datasetId]);
    const [good] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = 'bulk ' || right($1, 30)`, [file('good.csv')]);
    const [original] = await db.query<{ total: number }>(`SELECT total FROM observations WHERE dataset_id = $1 AND source_row_id = 'b4'`, [good?.id]);
    expect(sixth?.total).toBe(original?.total);
  });

  it('when a bulk-imported dataset is deleted, then its partition goes at once and the rollup with it', async () => {
    const [ds] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = 'bulk ' || right($1, 30)`, [file('good.csv')]);
    const id = ds?.id ?? null;
    expect(await partitionOf(db, id)).not.toBeNull();
    await deleteDataset(db, id ?? -1, SYSTEM);
    expect(await partitionOf(db, id)).toBeNull();
    const [left] = await db.query<{ rows: number; cube: number; dirty: number }>(
      `SELECT (SELECT count(*) FROM observations WHERE dataset_id = $1)::int AS rows,
         (SELECT count(*) FROM flow_cube WHERE dataset_id = $1)::int AS cube,
         (SELECT count(*) FROM flow_rollup_dirty WHERE dataset_id = $1)::int AS dirty`,
      [id],
    );
    expect(left).toEqual({ rows: 0, cube: 0, dirty: 0 });
  });
});
