import { describe, expect, it } from 'vitest';
import { POINT_COLORS, SERVICE_COLORS, pointGroup, toHex } from '../../../client/layers/colors.js';
import { countryLabelVisible, pointRadius, siteRadius, townLabelPlacement, townVisible } from '../../../client/layers/sizing.js';

describe('symbol sizing and label rules', () => {
  it('when zooming in, then points grow but stay between 4 and 10 px', () => {
    expect(pointRadius(2)).toBe(4);
    expect(pointRadius(9)).toBeGreaterThan(pointRadius(5));
    expect(pointRadius(16)).toBe(10);
  });

  it('when footfall grows, then ring area (not radius) grows in proportion, within bounds', () => {
    const r1 = siteRadius(4000, 8) - 4;
    const r4 = siteRadius(16000, 8) - 4;
    expect(r4 / r1).toBeCloseTo(2, 5);
    expect(siteRadius(null, 8)).toBe(4);
    expect(siteRadius(1e9, 8)).toBe(24);
  });

  it('when at the overview, then the corridor towns are labelled and villages are not', () => {
    expect(townVisible('zm-nakonde', 'border_town', 4.5)).toBe(true);
    expect(townVisible('tz-tunduma', 'border_town', 4.5)).toBe(false);
    expect(townVisible('tz-tunduma', 'border_town', 9)).toBe(true);
    expect(townVisible('zm-mwandi', 'village', 7)).toBe(false);
  });

  it('when a country is small, then its name waits for a closer zoom', () => {
    expect(countryLabelVisible(60, 4.5)).toBe(true); // Zambia-sized
    expect(countryLabelVisible(2, 4.5)).toBe(false); // Rwanda-sized
    expect(countryLabelVisible(2, 6)).toBe(true);
  });

  it('when twin border towns are labelled, then Zambian and foreign names go on opposite sides', () => {
    expect(townLabelPlacement('ZMB').anchor).toBe('start');
    expect(townLabelPlacement('NAM').anchor).toBe('end');
    expect(townLabelPlacement('ZMB').offset[0]).toBeGreaterThan(0);
    expect(townLabelPlacement('TZA').offset[0]).toBeLessThan(0);
  });

  it('when point kinds are grouped, then the three groups have distinct colours', () => {
    expect(pointGroup('official_border_post')).toBe('official');
    expect(pointGroup('informal_crossing')).toBe('informal');
    expect(pointGroup('bus_station')).toBe('hub');
    const hexes = [POINT_COLORS.official, POINT_COLORS.informal, POINT_COLORS.hub, ...Object.values(SERVICE_COLORS)].map(toHex);
    expect(new Set(hexes).size).toBe(hexes.length);
    expect(toHex([11, 60, 140])).toBe('#0b3c8c');
  });
});
