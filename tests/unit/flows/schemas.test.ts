import { describe, expect, it } from 'vitest';
import { corridorsQuery, flowsQuery, timeseriesQuery } from '../../../server/flows/schemas.js';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join('.'));

describe('flows query schemas', () => {
  it('when lists come as csv or repeated parameters, then they are split, trimmed and de-duplicated', () => {
    const q = flowsQuery.parse({ nationality: ['ETH, SOM', 'ETH'], point: '3,1', direction: 'inbound,inbound' });
    expect(q).toMatchObject({ nationality: ['ETH', 'SOM'], point: [3, 1], direction: ['inbound'], level: 'place' });
  });

  it('when parameters conflict or are unknown, then the issue points at the parameter to change', () => {
    expect(issues(flowsQuery.safeParse({ sex: 'male', age: 'adults' }))).toEqual(['age']);
    expect(issues(flowsQuery.safeParse({ from: '2025-02-01', to: '2025-01-01' }))).toEqual(['from']);
    expect(issues(flowsQuery.safeParse({ point: '1,x' }))).toEqual(['point.1']);
    expect(issues(timeseriesQuery.safeParse({ level: 'place' }))).toEqual(['']);
  });

  it('when defaults apply, then flows are by place, series by day and corridors the top 20', () => {
    expect(flowsQuery.parse({}).level).toBe('place');
    expect(timeseriesQuery.parse({}).bucket).toBe('day');
    expect(corridorsQuery.parse({})).toMatchObject({ level: 'place', limit: 20 });
  });
});
