/**
 * Import recipes (issue 14): time from upload to committed of a DTM-like two-sheet workbook
 * (two header rows, one-hot reasons, sums, constants, value maps, serial dates) read with its
 * recipe, through the HTTP API as a data manager would send it; and in the same run the same
 * records as a plain CSV in the importer's own columns, imported without a recipe: the ratio
 * says what reading a workbook through a recipe costs. Both take the bulk path. Medians of
 * --runs (3); the dataset is deleted after each run so the next one imports again.
 *
 *   npm run bench -- recipes --rows 100000        BENCH_DATABASE_URL=postgres://… (database name gets _recipes)
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken } from '../../server/auth/tokens.js';
import { loadDemo } from '../../server/demo/load.js';
import { DTM_RECIPE, writeDtmCsv, writeDtmFile } from '../helpers/workbooks.js';
import { freshBenchDatabase } from './bench-db.js';
import { benchServer, median, wholeOptions } from './common.js';
import type { Bench, BenchRow } from './run.js';

export const recipesBench: Bench = {
  name: 'recipes',
  summary: 'upload → committed of a two-sheet DTM workbook with its recipe vs the same rows as plain CSV, over HTTP (--rows 100000 --runs 3)',
  async run({ options, log }) {
    const { rows, runs } = wholeOptions(options, { rows: 100_000, runs: 3 }, { rows: 2 });
    const xlsx = join(tmpdir(), `corridor-bench-dtm-${rows}.xlsx`);
    const csv = join(tmpdir(), `corridor-bench-dtm-${rows}.csv`);
    log(`writing a two-sheet workbook of ${rows} rows (${rows / 2} a sheet) and the same rows as CSV`);
    await writeDtmFile(xlsx, { rows: rows / 2, noTotals: false });
    await writeDtmCsv(csv, rows / 2);
    const { db } = await freshBenchDatabase('recipes');
    const { server, origin } = await benchServer(db, { HEAVY_RATE_LIMIT: '100000' });
    try {
      await loadDemo(db, { rows: 0, seed: 20181 });
      const base = `${origin}/api/v1`;
      const auth = { authorization: `Bearer ${(await createToken(db, { name: 'bench', role: 'data_manager' })).token}` };
      const once = async (file: string, fields: Record<string, string>): Promise<number> => {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.set(k, v);
        form.set('file', new Blob([new Uint8Array(await readFile(file))]), file.slice(file.lastIndexOf('/') + 1));
        const t0 = performance.now();
        const res = await fetch(`${base}/imports`, { method: 'POST', headers: auth, body: form });
        if (res.status !== 202) throw new Error(`import answered ${res.status}: ${await res.text()}`);
        const { id } = (await res.json()) as { id: number };
        for (;;) {
          const v = (await (await fetch(`${base}/imports/${id}`, { headers: auth })).json()) as { status: string; datasetId: number | null; message: string; progress: { rowsInserted: number } };
          if (v.status === 'committed') {
            const s = (performance.now() - t0) / 1000;
            if (v.progress.rowsInserted !== rows) throw new Error(`${v.progress.rowsInserted} rows went in, not ${rows}`);
            await fetch(`${base}/datasets/${v.datasetId}`, { method: 'DELETE', headers: auth });
            return s;
          }
          if (!['queued', 'validating', 'writing'].includes(v.status)) throw new Error(`bench import ${v.status}: ${v.message}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const book: number[] = [];
      const plain: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternated, so both see the same machine.
        book.push(await once(xlsx, { recipe: JSON.stringify(DTM_RECIPE) }));
        plain.push(await once(csv, { kind: 'observations' }));
        log(`run ${i + 1}: workbook with recipe ${book.at(-1)?.toFixed(1)} s, plain CSV ${plain.at(-1)?.toFixed(1)} s`);
      }
      const mb = async (f: string) => (await stat(f)).size / 1e6;
      const out: BenchRow[] = [
        { step: 'two-sheet workbook with its recipe: upload → committed (median)', rows, MB: await mb(xlsx), seconds: median(book), 'rows/s': Math.round(rows / median(book)) },
        { step: 'the same rows as plain CSV, no recipe: upload → committed (median)', rows, MB: await mb(csv), seconds: median(plain), 'rows/s': Math.round(rows / median(plain)) },
        { step: 'ratio: workbook with recipe ÷ plain CSV (time)', ratio: (median(book) / median(plain)).toFixed(2) },
      ];
      return out;
    } finally {
      server.close();
      await db.close();
      await rm(xlsx, { force: true });
      await rm(csv, { force: true });
    }
  },
};
