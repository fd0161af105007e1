import { describe, expect, it } from 'vitest';
import { columnLetter, headerLabels, letterIndex, SheetFramer } from '../../../server/ingest/header.js';
import { findColumn } from '../../../server/ingest/plan.js';
import { recipeSchema, sheetRecipes } from '../../../server/ingest/recipe.js';
import { recipeOf as wizardRecipe, suggestionValue } from '../../../client/imports/recipe-model.js';

describe('recipe headers and columns', () => {
  it('when a group cell spans its columns (merged, or repeated), then each label joins the group and the field', () => {
    const merged = headerLabels([['Date', 'Family size', null, null, 'Remarks'], ['', 'Male', 'Female', 'Total', '']]);
    expect(merged.labels).toEqual(['Date', 'Family size / Male', 'Family size / Female', 'Family size / Total', 'Remarks']);
    const repeated = headerLabels([['Survey', 'Survey', 'Reasons', 'Reasons'], ['Date', 'Point', 'Food', 'Health']]);
    expect(repeated.labels).toEqual(['Survey / Date', 'Survey / Point', 'Reasons / Food', 'Reasons / Health']);
    expect(repeated.last).toEqual(['Date', 'Point', 'Food', 'Health']);
  });

  it('when a recipe names a column, then the exact label, a unique last header row, a loose match, then a letter are tried', () => {
    const h = { sheet: 0, name: 'S', labels: ['Survey / Date', 'ID', 'Entry / Food', 'Exit / Food'], last: ['Date', 'ID', 'Food', 'Food'], hxl: null, headerRow: 2 };
    expect(findColumn('Survey / Date', h)).toBe(0);
    expect(findColumn('Date', h)).toBe(0);
    expect(findColumn('Food', h)).toBeUndefined(); // two columns say Food: not a guess
    expect(findColumn('entry/food', h)).toBe(2);
    expect(findColumn('ID', h)).toBe(1); // the header, not column 238
    expect(findColumn('D', h)).toBe(3);
    expect(findColumn('AB', h)).toBeUndefined(); // beyond the last column
    expect([letterIndex('A'), letterIndex('AB'), columnLetter(27), columnLetter(0)]).toEqual([0, 27, 'AB', 'A']);
  });

  it('when a sheet has rows above its header and a totals row, then the framer keeps only the data', () => {
    const f = new SheetFramer(0, 'S', { skipRows: 1, headerRows: 2, footerRows: 1 });
    const rows = [['Title'], ['G', 'G'], ['a', 'b'], [1, 2], [3, 4], ['', '1,571 Individuals']].map((cells, i) => ({ row: i + 1, cells }));
    expect(f.feed(rows.slice(0, 4)).map((r) => r.row)).toEqual([]);
    expect(f.feed(rows.slice(4)).map((r) => r.row)).toEqual([4, 5]);
    expect(f.end().labels).toEqual(['G / a', 'G / b']);
  });

  it('when a sheet gives a field, then it replaces the top level\'s source for it; values merge per raw value', () => {
    const r = recipeSchema.parse({
      kind: 'observations', columns: { total: 'H', date: 'A' }, values: { transport_mode: { 'Truck/Bus': 'bus' } },
      sheets: [{ name: 'Exit', sum: { total: ['F', 'G'] }, values: { transport_mode: { Lorry: 'truck' } } }, { name: 'Entry', headerRows: 2 }],
    });
    const [exit, entry] = sheetRecipes(r);
    expect(exit).toMatchObject({ columns: { date: 'A' }, sum: { total: ['F', 'G'] }, headerRows: 1, values: { transport_mode: { 'Truck/Bus': 'bus', Lorry: 'truck' } } });
    expect(exit?.origin.total).toBe('sheets[0].sum.total');
    expect(entry).toMatchObject({ columns: { total: 'H', date: 'A' }, headerRows: 2 });
  });

  it('when a recipe names an unknown field, sums a non-count or gives a field twice, then the schema names the place', () => {
    const issues = (v: unknown) => recipeSchema.safeParse(v).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues({ kind: 'observations', columns: { totl: 'A' } })).toEqual(['columns.totl']);
    expect(issues({ kind: 'observations', sum: { direction: ['A', 'B'] } })).toEqual(['sum.direction']);
    expect(issues({ kind: 'observations', columns: { total: 'A' }, sum: { total: ['B'] } })).toEqual(['sum.total']);
    expect(issues({ kind: 'observations', sheets: [{ name: 'A' }, { name: 'A' }] })).toEqual(['sheets.1.name']);
    expect(issues({ kind: 'observations', oneHot: { reasons: { B: 'hunger' } } })).toEqual(['oneHot.reasons.B']);
  });

  it('when the wizard\'s choices become a recipe, then a CSV has no sheets and a workbook one entry per sheet used', () => {
    const csv = wizardRecipe({ kind: 'observations', sheets: [{ name: '', use: true, skipRows: 0, headerRows: 1, footerRows: 0 }], fields: { '': { date: { k: 'col', label: 'Day' }, direction: { k: 'const', value: 'inbound' }, total: { k: 'none' } } }, values: { origin_country: {} } });
    expect(csv).toEqual({ kind: 'observations', columns: { date: 'Day' }, constants: { direction: 'inbound' } });
    const book = wizardRecipe({
      kind: 'observations', dateFormat: 'dd/mm/yyyy',
      sheets: [{ name: 'Entry', use: true, skipRows: 0, headerRows: 2, footerRows: 1 }, { name: 'Notes', use: false, skipRows: 0, headerRows: 1, footerRows: 0 }],
      fields: { Entry: { total: { k: 'sum', labels: ['M', 'F'] }, reasons: { k: 'oneHot', members: { 'R / Food': 'other' } } } },
      values: { origin_country: { Ethopia: 'ETH' } },
    });
    expect(book).toEqual({
      kind: 'observations', dateFormat: 'dd/mm/yyyy', values: { origin_country: { Ethopia: 'ETH' } },
      sheets: [{ name: 'Entry', headerRows: 2, footerRows: 1, sum: { total: ['M', 'F'] }, oneHot: { reasons: { 'R / Food': 'other' } } }],
    });
    expect([suggestionValue('Ethiopia (ETH)'), suggestionValue('bus')]).toEqual(['ETH', 'bus']);
  });
});
