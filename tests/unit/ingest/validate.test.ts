import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable, Row } from '../../../server/db/index.js';
import { KIND_SPECS } from '../../../server/ingest/kinds.js';
import { Lookups } from '../../../server/ingest/lookup.js';
import { planSheet } from '../../../server/ingest/plan.js';
import { sheetRecipes } from '../../../server/ingest/recipe.js';
import { RowValidator } from '../../../server/ingest/validate.js';

/** Reference rows as the database would return them: the validator's only input besides the file. */
const reference: Queryable = {
  async query<T extends Row>(text: string): Promise<T[]> {
    const rows = text.includes('FROM monitoring_points')
      ? [{ id: 4, code: 'mp-kazungula-bridge', name: 'Kazungula Bridge border post' }]
      : [{ id: 7, code: 'zm-lusaka', name: 'Lusaka', country: 'ZMB' }];
    return rows as unknown as T[];
  },
  async exec() {},
};

const HEADER = ['date', 'monitoring_point', 'direction', 'origin', 'total', 'male', 'female', 'children', 'unaccompanied_children'];

describe('row validation', () => {
  let lookups: Lookups;
  beforeAll(async () => {
    lookups = await Lookups.load(reference);
  });
  const validator = (header = HEADER) =>
    new RowValidator(KIND_SPECS.observations, plan(header), lookups, { today: '2025-12-31' });
  const plan = (labels: string[]) =>
    planSheet(sheetRecipes({ kind: 'observations' })[0] as never, { sheet: 0, name: '', labels, last: labels, hxl: null, headerRow: 1 }, KIND_SPECS.observations, false);

  it('when a row is valid, then it becomes a record with ids, countries and defaults', () => {
    const r = validator().validate({ row: 2, cells: ['2025-03-01', 'Kazungula Bridge border post', 'out', 'Lusaka', '5', '2', '3', '', ''] });
    expect(r).toEqual({
      ok: true,
      record: expect.objectContaining({
        observed_on: '2025-03-01', monitoring_point_id: 4, direction: 'outbound', origin_place_id: 7, origin_country: 'ZMB',
        total: 5, male: 2, female: 3, children: 0, unaccompanied_children: 0, reasons: '{}', source_row_id: expect.stringMatching(/^h:/),
      }),
    });
  });

  it('when counts contradict each other, then each broken rule names its column', () => {
    const r = validator().validate({ row: 9, cells: ['2025-03-01', 'mp-kazungula-bridge', 'inbound', 'ETH', '4', '3', '3', '5', '6'] });
    expect(r.ok ? [] : r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [9, 'total', 'count.sex_exceeds_total'], [9, 'children', 'count.children_exceed_total'], [9, 'unaccompanied_children', 'count.uac_exceed_children'],
    ]);
  });

  it('when two rows are identical and the file has no id column, then they get distinct, repeatable ids', () => {
    const cells = ['2025-03-01', 'mp-kazungula-bridge', 'inbound', 'ETH', '4', '', '', '', ''];
    const ids = (v: RowValidator) => [2, 3].map((row) => {
      const r = v.validate({ row, cells });
      return r.ok ? r.record.source_row_id : null;
    });
    const first = ids(validator());
    expect(first[1]).toBe(`${first[0]}#2`);
    expect(ids(validator())).toEqual(first);
  });

  it('when the file has an id column, then a repeated id is an error naming the first row', () => {
    const header = ['source_row_id', ...HEADER];
    const v = validator(header);
    const cells = ['a-1', '2025-03-01', 'mp-kazungula-bridge', 'inbound', 'ETH', '4', '', '', '', ''];
    expect(v.validate({ row: 2, cells }).ok).toBe(true);
    const again = v.validate({ row: 5, cells });
    expect(again.ok ? null : again.errors[0]).toMatchObject({ row: 5, column: 'source_row_id', code: 'duplicate', reason: 'repeats the id of row 2' });
  });

  it('when a cell held Latin-1 bytes, then the error says to save as UTF-8', () => {
    const r = validator().validate({ row: 4, cells: ['2025-03-01', 'Kaz\uFFFDngula', 'inbound', 'ETH', '4', '', '', '', ''] });
    expect(r.ok ? null : r.errors[0]).toMatchObject({ column: 'monitoring_point', code: 'encoding' });
  });
});
