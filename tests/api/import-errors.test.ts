import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { fixture, getRetrying, importFile, type ImportView, tableCounts } from '../helpers/import.js';
import { describeApp } from '../helpers/suite.js';

type Expected = [row: number, column: string, code: string][];

const rowErrors = (v: ImportView) => (v.report?.errors ?? []).map((e) => [e.row, e.column, e.code]);

describeApp('rejecting bad files on the %s database', { db: 'fresh' }, ({ app, db }) => {
  /** Imports all-or-nothing and checks that not one row of anything was written. */
  async function rejected(name: string, data: Buffer, fields: Record<string, string> = { kind: 'observations' }): Promise<ImportView> {
    const before = await tableCounts(db);
    const v = await importFile(app, name, data, { dataset: name, ...fields });
    expect(v.status, v.message ?? undefined).toBe('rejected');
    expect(v.datasetId).toBeNull();
    expect(await tableCounts(db)).toEqual(before);
    return v;
  }

  it.each<[string, Expected]>([
    ['bad-latin1.csv', [[3, 'monitoring_point', 'encoding']]],
    ['bad-dates.csv', [[3, 'date', 'date.invalid'], [4, 'date', 'date.invalid'], [5, 'date', 'date.format'], [6, 'date', 'date.future'], [7, 'date', 'required']]],
    [
      'bad-counts.csv',
      [
        [3, 'total', 'count.negative'], [4, 'total', 'count.sex_exceeds_total'], [5, 'children', 'count.children_exceed_total'],
        [6, 'unaccompanied_children', 'count.uac_exceed_children'], [7, 'total', 'count.too_large'], [8, 'total', 'int.format'],
      ],
    ],
    ['bad-unknown-crossing.csv', [[3, 'monitoring_point', 'point.unknown'], [4, 'origin', 'place.unknown']]],
    ['bad-duplicates.csv', [[4, 'source_row_id', 'duplicate']]],
  ])('when %s is imported, then each error names its row and column and nothing is written', async (name, expected) => {
    const v = await rejected(name, fixture(name));
    expect(rowErrors(v)).toEqual(expected);
    expect(v.report?.totalErrors).toBe(expected.length);
    expect(v.progress.rowsRejected).toBe(new Set(expected.map(([row]) => row)).size);
  });

  it('when a crossing or place is misspelt, then the closest known names are suggested', async () => {
    const v = await rejected('bad-unknown-crossing-2.csv', fixture('bad-unknown-crossing.csv'));
    const [point, origin] = v.report?.errors ?? [];
    expect(point).toMatchObject({ value: 'Kazungula Brigde', reason: 'is not a known monitoring point' });
    expect(point?.suggestions?.[0]).toBe('Kazungula Bridge border post (mp-kazungula-bridge)');
    expect(origin?.suggestions?.[0]).toBe('Lusaka (zm-lusaka)');
    expect(v.report?.errors.find((e) => e.code === 'duplicate')).toBeUndefined();
  });

  it('when a duplicate id is reported, then it names the row it repeats', async () => {
    const v = await rejected('bad-duplicates-2.csv', fixture('bad-duplicates.csv'));
    expect(v.report?.errors[0]?.reason).toBe('repeats the id of row 2');
  });

  it('when a required column is missing, then the file is refused naming the field', async () => {
    const v = await rejected('bad-missing-column.csv', fixture('bad-missing-column.csv'));
    expect(v.report?.fileErrors).toEqual([
      expect.objectContaining({ code: 'column.missing', row: 1, column: 'total', message: expect.stringMatching(/^no column for the required field total/) }),
    ]);
  });

  it('when a file needs a mapping and has none, then every missing field is listed', async () => {
    const v = await rejected('obs-mapping-unmapped.csv', fixture('obs-mapping.csv'));
    expect(v.report?.fileErrors.map((e) => e.column)).toEqual(['date', 'monitoring_point', 'direction', 'total']);
  });

  it.each([
    ['empty.csv', 'file.empty', undefined],
    ['header-only.csv', 'file.no_rows', 1],
  ])('when %s is imported, then it is refused as a whole', async (name, code, row) => {
    const v = await rejected(name, fixture(name));
    expect(v.report?.fileErrors).toEqual([expect.objectContaining(row === undefined ? { code } : { code, row })]);
  });

  it('when an XLSX is truncated, then it is refused as unreadable', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Registry');
    ws.addRow(['source_row_id', 'date', 'monitoring_point', 'direction', 'total']);
    for (let i = 0; i < 200; i++) ws.addRow([`t-${i}`, '2025-03-01', 'mp-katima-bridge', 'inbound', 3]);
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    const v = await rejected('truncated.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(v.report?.fileErrors).toEqual([expect.objectContaining({ code: 'xlsx.unreadable' })]);
  });

  it('when coordinates are out of range or outside the region, then each is named', async () => {
    const v = await rejected('services-bad-coords.csv', fixture('services-bad-coords.csv'), { kind: 'services' });
    expect(rowErrors(v)).toEqual([[3, 'lat', 'coord.range'], [4, 'lon', 'coord.region'], [5, 'lat', 'coord.region'], [5, 'lon', 'coord.region']]);
  });

  it('when valid-rows mode meets bad rows, then the good ones go in and the bad ones come back as CSV', async () => {
    const v = await importFile(app, 'bad-counts-valid-rows.csv', fixture('bad-counts.csv'), { kind: 'observations', dataset: 'partial', mode: 'valid-rows' });
    expect(v.status).toBe('committed');
    expect(v.progress).toMatchObject({ rowsRead: 7, rowsValid: 1, rowsRejected: 6, rowsInserted: 1 });
    const [ds] = await db.query<{ rows_accepted: number; rows_rejected: number }>('SELECT rows_accepted, rows_rejected FROM datasets WHERE id = $1', [v.datasetId]);
    expect(ds).toEqual({ rows_accepted: 1, rows_rejected: 6 });
    expect(v.links.rejected).toBe(`/api/v1/imports/${v.id}/rejected.csv`);
    const res = await getRetrying(app, v.links.rejected ?? '');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('row,errors,source_row_id,date,monitoring_point,direction,total,male,female,children,unaccompanied_children');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('3,total: must not be negative,n-2,2025-03-01,mp-katima-bridge,inbound,-3,0,0,0,0');
    expect(lines[2]).toMatch(/^4,total: is less than male \+ female \(6 \+ 5 = 11\),n-3,/);
  });

  it('when all-or-nothing finds errors, then the rejected rows are downloadable too', async () => {
    const v = await rejected('bad-dates-2.csv', fixture('bad-dates.csv'));
    const text = await (await getRetrying(app, `/api/v1/imports/${v.id}/rejected.csv`)).text();
    expect(text.trim().split('\r\n')).toHaveLength(6);
  });
});
