import { describe, expect, it } from 'vitest';
import { countWords, maskOf, overlappingMasks, wordsOf } from '../../../server/query/bits.js';
import { REASONS } from '../../../common/vocabulary.js';

describe('reason and vulnerability bitmasks', () => {
  it('when a set is masked and unmasked, then the words come back in vocabulary order', () => {
    expect(maskOf('reasons', ['economic'])).toBe(1);
    expect(maskOf('reasons', ['family', 'economic'])).toBe(3);
    expect(wordsOf('reasons', maskOf('reasons', ['other', 'trade']))).toEqual(['trade', 'other']);
    expect(wordsOf('reasons', 2 ** REASONS.length - 1)).toEqual([...REASONS]);
    expect(() => maskOf('vulnerabilities', ['hungry'])).toThrow(/vocabulary/);
  });

  it('when counting words from sets, then a group counts under each of its words and an empty set under none', () => {
    const counts = countWords('vulnerabilities', [
      { set: maskOf('vulnerabilities', ['elderly', 'disability']), n: 3 },
      { set: ['elderly'], n: 2 },
      { set: 0, n: 10 },
      { set: [], n: 1 },
    ]);
    expect(counts.get('elderly')).toBe(5);
    expect(counts.get('disability')).toBe(3);
    expect(counts.get('none')).toBe(11);
    expect(counts.get('trafficking_indicators')).toBe(0);
  });

  it('when listing the masks that overlap a set, then exactly those sharing a bit are listed', () => {
    const want = maskOf('vulnerabilities', ['trafficking_indicators', 'elderly']);
    const masks = overlappingMasks('vulnerabilities', want);
    expect(masks).toHaveLength(32 - 8); // all 5-bit masks but the 8 with neither bit
    for (let m = 0; m < 32; m++) expect(masks.includes(m)).toBe((m & want) !== 0);
    expect(overlappingMasks('reasons', maskOf('reasons', ['asylum']))).toHaveLength(256);
  });
});
