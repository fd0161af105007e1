import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FileError } from '../../../server/ingest/file-error.js';
import { cellValue, readXlsx, sheetName } from '../../../server/ingest/xlsx.js';
import { parseSharedStrings, parseSheets, readSheetList } from '../../../server/ingest/xlsx-sheets.js';

/**
 * A zip may store its parts in any order. A streaming writer can put the worksheets (and the
 * shared strings) before xl/workbook.xml, which names them; exceljs's reader then failed with
 * "Cannot read properties of undefined (reading 'sheets')" and the import called the file
 * unreadable (seen in CI, where the test workbooks' part order varied with timing).
 */
async function workbookLast(sheets: Record<string, unknown[][]>, method: 0 | 8): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  // The relationships, shared strings and styles first and the workbook part last: exceljs then
  // parses each worksheet as it streams past, before any sheet has a name.
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
  const rank = (n: string): number => (n === 'xl/workbook.xml' ? 99 : first.includes(n) ? first.indexOf(n) : 50);
  const names = Object.keys(parts).sort((a, b) => rank(a) - rank(b));
  expect(names.slice(0, 5)).toEqual(first);
  return zipSync(Object.fromEntries(names.map((n) => [n, [parts[n] as Uint8Array, { level: method === 0 ? 0 : 6 }]])));
}

describe('readXlsx when the worksheets come before xl/workbook.xml', () => {
  let dir = '';
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'corridor-xlsx-order-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function read(file: Uint8Array, names?: string[]): Promise<{ name: string; rows: unknown[][] }[]> {
    const path = join(dir, `wb-${Math.random().toString(36).slice(2)}.xlsx`);
    await writeFile(path, file);
    const out: { name: string; rows: unknown[][] }[] = [];
    for await (const b of readXlsx(path, names ? { names } : {})) {
      const sheet = out.find((s) => s.name === b.name) ?? (out.push({ name: b.name, rows: [] }), out[out.length - 1]!);
      sheet.rows.push(...b.rows.map((r) => r.cells));
    }
    return out;
  }

  it('when the named sheet is the second, then its rows come back under its name', async () => {
    const file = await workbookLast({ 'Entry & exit': [['a'], [1]], Registry: [['date'], ['2025-01-01']] }, 8);
    expect(await read(file, ['Registry'])).toEqual([{ name: 'Registry', rows: [['date'], ['2025-01-01']] }]);
  });

  it('when no sheet has the given name, then the error lists the real sheet names', async () => {
    const file = await workbookLast({ First: [['date'], ['2025-01-01']] }, 0);
    await expect(read(file, ['Registry'])).rejects.toThrow('there is no sheet named "Registry" (sheets: First)');
  });

  it('when the file is not a zip, then there is no sheet list and the reader calls it unreadable', async () => {
    const path = join(dir, 'not.xlsx');
    await writeFile(path, 'date,people\n2025-01-01,3\n');
    expect(await readSheetList(path)).toBeUndefined();
    await expect(read(new TextEncoder().encode('date,people\n'))).rejects.toThrow(/cannot be read/);
  });

  it('parses sheet names with XML escapes, ids and hidden state', () => {
    const xml = '<workbook><sheets><sheet name="A &amp; B &#233;" sheetId="3" state="hidden" r:id="rId7"/><sheet name="C" sheetId="4" r:id="rId8"/></sheets></workbook>';
    expect(parseSheets(xml)).toEqual([
      { name: 'A & B é', id: 3, rId: 'rId7', state: 'hidden' },
      { name: 'C', id: 4, rId: 'rId8' },
    ]);
  });
});

describe('naming a worksheet exceljs could not match to the workbook', () => {
  const listed = [{ name: 'Entry Sheet', id: 1 }, { name: 'Exit Sheet', id: 2 }];
  it('when exceljs falls back to "Sheet<n>", then the listing read from the zip names it by sheet number', () => {
    expect(sheetName({ name: 'Sheet2', id: '2' }, listed)).toBe('Exit Sheet');
  });
  it('when exceljs matched the sheet, or there is no listing, then its own name stands', () => {
    expect(sheetName({ name: 'Entry Sheet', id: 1 }, listed)).toBe('Entry Sheet');
    expect(sheetName({ name: 'Sheet1', id: '1' }, undefined)).toBe('Sheet1');
  });
});

describe('a cell exceljs hands out as a shared-string reference', () => {
  it('when the reader holds its string table, then the cell reads as its text; without it, as the file’s error, never "[object Object]"', () => {
    expect(cellValue({ sharedString: 1 }, { sharedStrings: ['Date', 'Facility name'] })).toBe('Facility name');
    expect(cellValue({ sharedString: 0 }, { sharedStrings: [{ richText: [{ text: 'Facility ' }, { text: 'type' }] }] })).toBe('Facility type');
    expect(() => cellValue({ sharedString: 2 }, {})).toThrow(FileError);
  });
});

describe('when exceljs misses the workbook\'s string table (exceljs issue 683)', () => {
  let dir = '';
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'corridor-xlsx-strings-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const rowsOf = async (path: string): Promise<unknown[][]> => {
    const out: unknown[][] = [];
    for await (const b of readXlsx(path, {})) out.push(...b.rows.map((r) => r.cells));
    return out;
  };

  it('when its streaming reader skips xl/sharedStrings.xml, then the text is read from our own copy of the table, the same as when it does not', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Survey');
    ws.addRows([
      ['Respondent', 'District', 'Heard of trafficking?'],
      ['r-1', 'Nakonde & Tunduma', 'Yes'],
      ['r-2', '  Sesheke ', { richText: [{ text: 'No, ', font: { bold: true } }, { text: '<not sure>' }] }],
      ['r-3', 'Lusaka', 42],
    ]);
    const path = join(dir, 'survey.xlsx');
    await writeFile(path, new Uint8Array(await wb.xlsx.writeBuffer()));
    const expected = await rowsOf(path);
    expect(expected[2]).toEqual(['r-2', '  Sesheke ', 'No, <not sure>']);
    // What CI saw: the reader never parses the string table, so every text cell is a reference.
    const reader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as { _parseSharedStrings(entry: unknown): AsyncGenerator<never> };
    const skip = vi.spyOn(reader, '_parseSharedStrings').mockImplementation(async function* () {});
    try {
      expect(await rowsOf(path)).toEqual(expected);
      expect(skip).toHaveBeenCalled();
    } finally {
      skip.mockRestore();
    }
  });

  it('when the table is parsed by us, then rich text is joined, phonetic hints dropped and entities decoded', () => {
    const xml = '<sst><si><t>Date</t></si><si><r><t xml:space="preserve">Facility </t></r><r><t>type</t></r><rPh><t>ふりがな</t></rPh></si><si/><si><t>A &amp; B &lt;1&gt; &#x263A;</t></si></sst>';
    expect(parseSharedStrings(xml)).toEqual(['Date', 'Facility type', '', 'A & B <1> ☺']);
  });
});

