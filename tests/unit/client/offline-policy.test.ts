import { describe, expect, it } from 'vitest';
import { mayKeep, OFFLINE_HEADER, strategyFor } from '../../../client/offline/policy.js';

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name.toLowerCase()] ?? null });

describe("the service worker's choices (client/offline/policy.ts)", () => {
  it.each([
    ['GET', '/assets/main-abc123.js', 'cache-first'],
    ['GET', '/', 'network-first-shell'],
    ['GET', '/api/v1/flows', 'network-first-api'],
    ['GET', '/ogc/collections', 'network-first-api'],
    ['GET', '/api/docs/', 'network'],
    ['GET', '/brief.html', 'network'],
    ['POST', '/api/v1/imports', 'refuse-offline'],
    ['PATCH', '/api/v1/alerts/3', 'refuse-offline'],
    ['DELETE', '/api/v1/outreach/plans/1', 'refuse-offline'],
  ])('when %s %s, then %s', (method, path, expected) => {
    expect(strategyFor(method, path)).toBe(expected);
  });

  it('when an answer is no-store, data-manager-only or not a 200, then it is not kept', () => {
    expect(mayKeep('/api/v1/flows', 200, headers({ 'cache-control': 'private, max-age=60' }))).toBe(true);
    expect(mayKeep('/api/v1/export/observations', 200, headers({ 'cache-control': 'no-store' }))).toBe(false);
    expect(mayKeep('/api/v1/imports', 200, headers({ [OFFLINE_HEADER]: 'never' }))).toBe(false);
    expect(mayKeep('/api/v1/flows', 304, headers({}))).toBe(false);
    expect(mayKeep('/api/v1/flows', 401, headers({}))).toBe(false);
  });

  it('when the app needs an answer to start (who is signed in), then it is kept despite no-store', () => {
    expect(mayKeep('/api/v1/auth/me', 200, headers({ 'cache-control': 'no-store' }))).toBe(true);
    expect(mayKeep('/api/v1/auth/tokens', 200, headers({ 'cache-control': 'no-store' }))).toBe(false);
  });
});
