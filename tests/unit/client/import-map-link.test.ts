import { describe, expect, it } from 'vitest';
import { datasetMapHash, datasetPeriod } from '../../../client/imports/mapLink.js';

describe('the map link of an imported dataset', () => {
  it('when the dataset has a period, then the link opens the flow map on exactly that period', () => {
    expect(datasetMapHash({ periodStart: '2025-03-01', periodEnd: '2025-03-02' })).toBe('#from=2025-03-01&to=2025-03-02');
  });

  it('when the period is longer than the API allows (3 years), then it is cut to the last 1,095 days', () => {
    // 2020-01-01 … 2025-12-31: the last 1,095 days start on 2023-01-02 (2024 is a leap year).
    expect(datasetPeriod({ periodStart: '2020-01-01', periodEnd: '2025-12-31' })).toEqual({ from: '2023-01-02', to: '2025-12-31' });
  });

  it('when there is no period, a bad date, or the ends are swapped, then there is no link', () => {
    expect(datasetMapHash({ periodStart: null, periodEnd: null })).toBeNull();
    expect(datasetMapHash({ periodStart: '2025-02-30', periodEnd: '2025-03-02' })).toBeNull();
    expect(datasetMapHash({ periodStart: '2025-03-05', periodEnd: '2025-03-02' })).toBeNull();
  });
});
