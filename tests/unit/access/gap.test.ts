import { describe, expect, it } from 'vitest';
import { drivers, duration, gapText, inaccessibility } from '../../../server/access/gap.js';

describe('gap index parts', () => {
  it('when travel time grows, then inaccessibility rises linearly to 1 at tmax and stays there', () => {
    expect(inaccessibility(30, 120)).toBe(0.25);
    expect(inaccessibility(120, 120)).toBe(1);
    expect(inaccessibility(600, 120)).toBe(1);
    expect(inaccessibility(Infinity, 120)).toBe(1);
  });

  it('when minutes are written out, then hours and minutes read naturally', () => {
    expect(duration(45)).toBe('45 min');
    expect(duration(120)).toBe('2 h');
    expect(duration(190.4)).toBe('3 h 10 min');
  });

  it('when kinds are beyond tmax, then they drive the gap worst first, unreachable first of all', () => {
    expect(drivers({ health: 30, police_vsu: 190, shelter: Infinity, cwac: 121 }, 120)).toEqual(['shelter', 'police_vsu', 'cwac']);
  });

  it('when a gap is described, then the sentence names the place, the missing services, the demand and the nearest times', () => {
    const text = gapText(
      { label: 'Mwandi river crossings', h3: 'x', monthly: 1904.6, suppressedBelow: null, minutes: { police_vsu: 190, health: 40, shelter: Infinity } },
      { tmax: 120, mode: 'walk', measure: 'movement' },
    );
    expect(text).toBe('Mwandi river crossings: no shelter or police VSU within 2 h walk of 1,905 monthly movements (nearest: shelter unreachable, police VSU 3 h 10 min)');
  });

  it('when the demand is suppressed and every service is near, then the text says so without a number', () => {
    const text = gapText(
      { label: null, h3: '88abc', monthly: null, suppressedBelow: 11, minutes: { police_vsu: 50 } },
      { tmax: 60, mode: 'motor', measure: 'reports' },
    );
    expect(text).toBe('cell 88abc: every requested service within 1 h drive of fewer than 11 protection reports in the period; slowest police VSU 50 min');
  });
});
