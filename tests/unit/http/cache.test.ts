import { describe, expect, it } from 'vitest';
import { etagOf, matchesEtag } from '../../../server/http/cache.js';

describe('ETags of aggregates', () => {
  it('when bodies differ by one byte, then their ETags differ; equal bodies give equal tags', () => {
    expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
    expect(etagOf('x')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  it('when If-None-Match lists the tag (weak, among others, or *), then it matches', () => {
    const tag = etagOf('body');
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"other"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
  });
});
