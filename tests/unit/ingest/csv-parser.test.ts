import { describe, expect, it } from 'vitest';
import { sniffText } from '../../../server/ingest/csv.js';
import { CsvParser, CsvSyntaxError } from '../../../server/ingest/csv-parser.js';
import type { RawRow } from '../../../server/ingest/table.js';

function parse(text: string, delimiter = ',', chunk = text.length): RawRow[] {
  const p = new CsvParser(delimiter);
  const out: RawRow[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...p.feed(text.slice(i, i + chunk)));
  return [...out, ...p.end()];
}

const SAMPLE = 'a,b,c\r\n1,"two, with comma","say ""hi"""\n\n3,"multi\nline",\n4,x"y,z';

describe('CsvParser', () => {
  it('when fields are quoted, doubled or span lines, then records come out whole with their starting line', () => {
    expect(parse(SAMPLE)).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['1', 'two, with comma', 'say "hi"'] },
      { row: 4, cells: ['3', 'multi\nline', ''] },
      { row: 6, cells: ['4', 'x"y', 'z'] },
    ]);
  });

  it.each([1, 2, 3, 7])('when the text arrives %i characters at a time, then the records are the same', (n) => {
    expect(parse(SAMPLE, ',', n)).toEqual(parse(SAMPLE));
  });

  it('when lines end in CR alone or CRLF split across chunks, then each is one line break', () => {
    expect(parse('a;b\r1;2\r\n3;4', ';', 4)).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
    ]);
  });

  it('when a quote is never closed, then the error names the line it opened on', () => {
    const p = new CsvParser(',');
    p.feed('a,b\n1,"open\n2,3\n');
    expect(() => p.end()).toThrow(CsvSyntaxError);
    try {
      p.end();
    } catch (err) {
      expect((err as CsvSyntaxError).line).toBe(2);
    }
  });

  it('when a row is only a quoted empty string, then it is a record of one empty cell', () => {
    expect(parse('""\n')).toEqual([{ row: 1, cells: [''] }]);
  });
});

describe('sniffText', () => {
  it.each([
    ['a,b,c\n1;2', ','],
    ['a;b;c\n1,2', ';'],
    ['"x;y",b,c\n', ','],
    ['a\tb\tc', '\t'],
    ['single', ','],
  ])('when the first line is %j, then the delimiter is %j', (text, d) => {
    expect(sniffText(text)).toBe(d);
  });
});
