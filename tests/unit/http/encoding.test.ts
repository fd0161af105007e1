import { describe, expect, it } from 'vitest';
import { chooseEncoding, isCompressible } from '../../../server/http/encoding.js';

describe('choosing a content encoding from Accept-Encoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'], // Chromium lists gzip first: brotli is still preferred
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.2, gzip;q=0.9', 'gzip'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
  ])('when the header is %j, then %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });

  it.each([
    ['application/json; charset=utf-8', true],
    ['application/problem+json', true],
    ['application/geo+json', true],
    ['text/csv', true],
    ['text/html; charset=UTF-8', true],
    ['image/svg+xml', true],
    ['application/vnd.mapbox-vector-tile', true],
    ['text/event-stream', false], // a stream of events must not wait in a compressor's buffer
    ['image/png', false],
    ['application/zip', false],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
    ['application/octet-stream', false], // PMTiles archives: their tiles are compressed already
    [undefined, false],
  ])('when the type is %s, then compressible is %s', (type, expected) => {
    expect(isCompressible(type)).toBe(expected);
  });
});
