import { describe, expect, it } from 'vitest';
import { countryName, formatCount, formatLatLon, formatText, humanize, kindLabel } from '../../../client/format.js';

describe('format', () => {
  it('when a kind has a label, then the label is used; otherwise the code is made readable', () => {
    expect(kindLabel('informal_crossing')).toBe('Informal crossing');
    expect(kindLabel('police_vsu')).toBe('Police victim support unit');
    expect(kindLabel('mobile_clinic')).toBe('Mobile clinic');
    expect(humanize('one_stop_centre')).toBe('One stop centre');
  });

  it('when a value is missing, then an em dash shows instead of a false zero', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(12345.6)).toBe('12,346');
    expect(formatText('  ')).toBe('—');
    expect(formatText('24h')).toBe('24h');
  });

  it('when a country code is known, then its name shows; unknown codes stay visible', () => {
    expect(countryName('TZA')).toBe('Tanzania');
    expect(countryName('nam')).toBe('Namibia');
    expect(countryName('XKX')).toBe('Kosovo');
    expect(countryName('XYZ')).toBe('XYZ');
    expect(countryName(null)).toBe('—');
  });

  it('when coordinates are formatted, then hemispheres are lettered', () => {
    expect(formatLatLon(-9.318, 32.758)).toBe('9.318° S, 32.758° E');
    expect(formatLatLon(3.52, -0.5)).toBe('3.520° N, 0.500° W');
  });
});
