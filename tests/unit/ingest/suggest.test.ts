import { describe, expect, it } from 'vitest';
import { closest, levenshtein, nameKey } from '../../../server/ingest/suggest.js';

describe('suggestions', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['flaw', 'lawn', 2],
    ['same', 'same', 0],
  ])('when %s and %s are compared, then the edit distance is %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });

  it('when a name is misspelt or partial, then the closest known names come first', () => {
    const c = [
      { label: 'Kazungula Bridge border post', keys: [nameKey('Kazungula Bridge border post'), nameKey('mp-kazungula-bridge')] },
      { label: 'Katima Mulilo Bridge border post', keys: [nameKey('Katima Mulilo Bridge border post'), nameKey('mp-katima-bridge')] },
      { label: 'Lusaka City Market', keys: [nameKey('Lusaka City Market'), nameKey('mp-lusaka-city-market')] },
    ];
    expect(closest('Kazungula Brigde', c)[0]).toBe('Kazungula Bridge border post');
    expect(closest('katima', c)[0]).toBe('Katima Mulilo Bridge border post');
    expect(closest('Lusaka market', c, 1)).toEqual(['Lusaka City Market']);
  });

  it('when names carry accents and dashes, then the key drops them', () => {
    expect(nameKey('Tunduma–Nakonde OSBP')).toBe('tunduma nakonde osbp');
    expect(nameKey('Sésheke')).toBe('sesheke');
  });
});
