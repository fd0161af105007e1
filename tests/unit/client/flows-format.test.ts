import { describe, expect, it } from 'vitest';
import { formatCount, humanize, plural, sortValue } from '../../../client/flows/format.js';

describe('formatting flow numbers', () => {
  it('when a count is suppressed, then it reads "<k", never 0', () => {
    expect(formatCount(null, 5)).toBe('<5');
    expect(formatCount(0, 5)).toBe('0');
    expect(formatCount(12345, 5)).toBe('12,345');
  });

  it('when suppressed counts are sorted, then they fall between 0 and k', () => {
    expect(sortValue(null, 5)).toBeGreaterThan(sortValue(4, 5));
    expect(sortValue(null, 5)).toBeLessThan(sortValue(5, 5));
  });

  it('when labels are made, then enum values read as words', () => {
    expect(humanize('unaccompanied_child')).toBe('Unaccompanied child');
    expect(plural(1, 'flow', 'flows')).toBe('1 flow');
    expect(plural(2000, 'flow', 'flows')).toBe('2,000 flows');
  });
});
