import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../server/http/csv.js';
import { publishCounts } from '../../../server/export/observations.js';

const policy = { suppress: true, k: 5 };

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['-17.48', '-17.48'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['Lusaka', 'Lusaka'],
  ])('when a text cell is %j, then it is written as %j', (value, out) => {
    expect(csvCell(value)).toBe(out);
  });

  it('when numbers, booleans and nulls are written, then numbers stay numbers', () => {
    expect(csvLine([-17.48, true, null, undefined, 0])).toBe('-17.48,true,,,0\r\n');
  });
});

describe('counts in exports', () => {
  it('when a total is below k, then every count of the row is hidden', () => {
    expect(publishCounts({ total: 3, male: 1, female: 2, children: 0, unaccompanied_children: 0 }, policy)).toEqual({
      total: null, male: null, female: null, children: null, unaccompanied_children: null, suppressed: true,
    });
  });

  it('when one sex is small, then it and its complement are hidden but the total is shown', () => {
    expect(publishCounts({ total: 40, male: 38, female: 2, children: 10, unaccompanied_children: 0 }, policy)).toEqual({
      total: 40, male: null, female: null, children: 10, unaccompanied_children: 0, suppressed: true,
    });
  });

  it('when every count is large or zero, then all are shown', () => {
    expect(publishCounts({ total: 40, male: 20, female: 20, children: 0, unaccompanied_children: 0 }, policy)).toEqual({
      total: 40, male: 20, female: 20, children: 0, unaccompanied_children: 0, suppressed: false,
    });
  });
});
