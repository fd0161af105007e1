import { pbkdf2 } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../server/ingest/xlsx.js';
import { writeDtmFile } from '../../helpers/workbooks.js';

/**
 * exceljs's streaming reader parks a worksheet that comes before the shared strings in a temp
 * file, opens a read stream on it when it hands the sheet out, and deletes the file as soon as
 * the next sheet is asked for. A sheet the reader skips used to leave that stream opening a
 * deleted file: an uncaught ENOENT that CI saw under load. A busy libuv thread pool makes the
 * open late more often; the race cannot be forced every time, so these tests also check what a
 * skipped sheet must never do to the sheets that are read.
 */
describe('readXlsx with sheets it does not read', () => {
  let dir = '';
  let path = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corridor-xlsx-'));
    path = join(dir, 'dtm.xlsx');
    await writeDtmFile(path, { rows: 50 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function busyPool(): Promise<unknown[]> {
    return Promise.all(Array.from({ length: 8 }, () => new Promise((resolve) => pbkdf2('x', 'y', 300_000, 32, 'sha512', resolve))));
  }

  async function collect(choice: Parameters<typeof readXlsx>[1]): Promise<{ errors: unknown[]; sheets: string[] }> {
    const errors: unknown[] = [];
    const onError = (err: unknown): void => void errors.push(err);
    process.on('uncaughtException', onError);
    const sheets: string[] = [];
    try {
      const busy = busyPool();
      for await (const b of readXlsx(path, choice)) if (b.rows.length === 0) sheets.push(b.name);
      await busy;
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('uncaughtException', onError);
    }
    return { errors, sheets };
  }

  it('when only the second sheet is named, then the first is skipped without an uncaught error', async () => {
    const { errors, sheets } = await collect({ names: ['Exit Sheet'] });
    expect(sheets).toEqual(['Exit Sheet']);
    expect(errors).toEqual([]);
  });

  it('when a named sheet is missing, then the error lists the sheets and nothing else escapes', async () => {
    const errors: unknown[] = [];
    const onError = (err: unknown): void => void errors.push(err);
    process.on('uncaughtException', onError);
    try {
      const busy = busyPool();
      await expect(collect({ names: ['Nope'] })).rejects.toThrow(/no sheet named "Nope" \(sheets: Entry Sheet, Exit Sheet\)/);
      await busy;
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(errors).toEqual([]);
  });
});
