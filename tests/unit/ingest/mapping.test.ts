import { describe, expect, it } from 'vitest';
import { KIND_SPECS } from '../../../server/ingest/kinds.js';
import { headerKey, hxlKey, isHxlRow, mapColumns } from '../../../server/ingest/mapping.js';

const obs = KIND_SPECS.observations;
const byField = (m: ReturnType<typeof mapColumns>) => Object.fromEntries(m.columns);

describe('column mapping', () => {
  it('when headers differ in case, spacing, accents or Kobo groups, then they reduce to one key', () => {
    expect(headerKey('  Date of Survey ')).toBe('date_of_survey');
    expect(headerKey('group_flow/Total-Individuals')).toBe('total_individuals');
    expect(headerKey('_uuid')).toBe('uuid');
    expect(headerKey('Prénom')).toBe('prenom');
  });

  it('when HXL tags differ in case, spaces or attribute order, then they are the same tag', () => {
    expect(hxlKey('#Affected +F')).toBe('#affected+f');
    expect(hxlKey('#affected+unaccompanied+children')).toBe('#affected+children+unaccompanied');
    expect(hxlKey('affected')).toBeUndefined();
    expect(isHxlRow(['#date', '', '#loc+name'])).toBe(true);
    expect(isHxlRow(['#date', 'Lusaka'])).toBe(false);
    expect(isHxlRow(['', ''])).toBe(false);
  });

  it('when a file has a header and an HXL row, then tags win over headers', () => {
    const m = mapColumns(obs, ['when', 'where', 'total', 'n'], ['#date', '#loc+name', '', '#affected+total']);
    expect(byField(m)).toMatchObject({ date: 0, monitoring_point: 1, total: 3 });
    expect(m.missing).toEqual(['direction']);
  });

  it('when a mapping override names a header or a tag, then it wins over everything', () => {
    const m = mapColumns(obs, ['Day', 'Site', 'Way', 'Count', 'total'], ['', '', '', '#x+count', ''], {
      date: 'day', monitoring_point: 'SITE', direction: 'Way', total: '#x +count',
    });
    expect(byField(m)).toMatchObject({ date: 0, monitoring_point: 1, direction: 2, total: 3 });
    expect(m.missing).toEqual([]);
    expect(m.warnings).toEqual(['columns not imported: total']);
  });

  it('when an override names no column, then the field is missing and a warning says which', () => {
    const m = mapColumns(obs, ['date', 'monitoring_point', 'direction'], null, { total: 'Persons' });
    expect(m.missing).toEqual(['total']);
    expect(m.warnings[0]).toBe('mapping: no column "Persons" for total');
  });
});
