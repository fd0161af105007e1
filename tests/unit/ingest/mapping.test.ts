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

  it('when a recipe places some fields and reads some columns, then auto-matching leaves both alone', () => {
    const m = mapColumns(obs, ['date', 'Site', 'direction', 'total', 'males'], null, { fields: new Set(['monitoring_point', 'total']), columns: new Set([1, 4]) });
    expect(byField(m)).toEqual({ date: 0, direction: 2 });
    expect(m.missing).toEqual([]);
    expect(m.warnings).toEqual(['columns not imported: total']);
  });
});
