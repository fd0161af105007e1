import { describe, expect, it } from 'vitest';
import {
  Invalid, parseCoord, parseEnum, parseInt32, parseIso3, parseNumber, parseSet, parseText, parseTime,
} from '../../../server/ingest/values.js';
import { VOCABS } from '../../../server/ingest/vocab.js';
import { DateReader } from '../../../server/ingest/dates.js';

const code = (v: unknown) => (v instanceof Invalid ? v.code : v);
const TODAY = '2025-12-31';

describe('cell parsers', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['01/03/2025', '2025-03-01'],
    ['1/3/2025', '2025-03-01'],
    ['2025-03-01T23:30:00.000+02:00', '2025-03-01'],
    ['2025-03-01 08:00', '2025-03-01'],
    [new Date(Date.UTC(2025, 2, 1)), '2025-03-01'],
    ['2025-02-29', 'date.invalid'],
    ['31/13/2025', 'date.invalid'],
    ['03-01-2025', 'date.format'],
    ['March 1', 'date.format'],
    ['2026-01-02', 'date.future'],
    ['1989-12-31', 'date.range'],
    [45717, '2025-03-01'],
    ['45717', '2025-03-01'],
    ['13/03/2025', '2025-03-13'],
    ['03/13/2025', 'date.order'],
  ])('when a date is %j, then it reads as %s', (cell, expected) => {
    expect(code(new DateReader(undefined, TODAY).read(cell, 2))).toBe(expected);
  });

  it.each([
    ['12', 12],
    [12, 12],
    ['+3', 3],
    ['-1', 'count.negative'],
    ['2.5', 'int.format'],
    [2.5, 'int.format'],
    ['1e3', 'int.format'],
    ['100001', 'count.too_large'],
    ['99999999999999999999', 'count.too_large'],
  ])('when a count is %j, then it reads as %s', (cell, expected) => {
    expect(code(parseInt32(cell, 0, 100_000))).toBe(expected);
  });

  it.each([
    ['24,28', 'lon', 24.28],
    ['-17.48', 'lat', -17.48],
    ['95', 'lat', 'coord.range'],
    ['-181', 'lon', 'coord.range'],
    ['100', 'lon', 'coord.region'],
    ['24.3', 'lat', 'coord.region'],
    ['north', 'lat', 'coord.format'],
  ] as const)('when a coordinate is %j (%s), then it reads as %s', (cell, axis, expected) => {
    expect(code(parseCoord(cell, axis))).toBe(expected);
  });

  it('when ISO3 codes come in any case, then real ones are upper-cased and others refused', () => {
    expect(parseIso3('zmb')).toBe('ZMB');
    expect(code(parseIso3('XYZ'))).toBe('iso3.unknown');
    expect(code(parseIso3('ZM'))).toBe('iso3.unknown');
    // Country names in English, French and common variants read as their code; typos do not.
    for (const [name, iso] of [['Tanzania', 'TZA'], ['United Republic of Tanzania', 'TZA'], ['DR Congo', 'COD'], ['Congo, Dem. Rep.', 'COD'],
      ['RDC', 'COD'], ["Côte d'Ivoire", 'CIV'], ['Cote dIvoire', 'CIV'], ['Ivory Coast', 'CIV'], ['Éthiopie', 'ETH'], ['Kenya ', 'KEN'], ['The Gambia', 'GMB']]) {
      expect(parseIso3(name as string)).toBe(iso);
    }
    const typo = parseIso3('Ethopia');
    expect(typo instanceof Invalid ? [typo.code, typo.suggestions?.[0]] : typo).toEqual(['iso3.unknown', 'Ethiopia (ETH)']);
  });

  it('when vocabulary words are written as people write them, then synonyms map to the word', () => {
    expect(parseEnum('Entry', VOCABS.direction)).toBe('inbound');
    expect(parseEnum('On foot', VOCABS.transport)).toBe('foot');
    expect(code(parseEnum('hovercraft', VOCABS.transport))).toBe('enum.unknown');
    expect(parseSet('economic family', VOCABS.reasons)).toEqual(['economic', 'family']);
    expect(parseSet('Trade/buy goods; Asylum/protection', VOCABS.reasons)).toEqual(['trade', 'asylum']);
    expect(parseSet('family,family', VOCABS.reasons)).toEqual(['family']);
    expect(code(parseSet('economic smuggling', VOCABS.reasons))).toBe('set.unknown');
  });

  it('when text carries a replacement character or NUL, then it is refused', () => {
    expect(code(parseText('S\uFFFDsheke'))).toBe('encoding');
    expect(code(parseText('a\u0000b'))).toBe('text.nul');
    expect(parseText("'; DROP TABLE x; --")).toBe("'; DROP TABLE x; --");
  });

  it('when times and decimals are read, then the usual notations work', () => {
    expect(parseTime('8:05')).toBe('08:05:00');
    expect(code(parseTime('25:00'))).toBe('time.format');
    expect(parseNumber('350.5', 0, 1e9)).toBe(350.5);
    expect(code(parseNumber('-1', 0, 1e9))).toBe('number.range');
  });
});
