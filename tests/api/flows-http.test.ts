import { expect, it } from 'vitest';
import { describeApp } from '../helpers/suite.js';
import { itNamesTheField } from '../helpers/problem.js';

const ENDPOINTS = ['/api/v1/flows', '/api/v1/flows/timeseries', '/api/v1/flows/breakdowns', '/api/v1/flows/corridors', '/api/v1/flows/crossings'];

describeApp('flows API validation, caching and access on the %s database', { as: 'viewer' }, ({ app }) => {
  itNamesTheField('when %s is requested, then 400 problem+json names %s', (path) => app.get(path), [
    ['/api/v1/flows?from=2025-02-30', 'query.from'],
    ['/api/v1/flows?from=yesterday', 'query.from'],
    ['/api/v1/flows?to=2025-13-01', 'query.to'],
    ['/api/v1/flows?from=2025-06-01&to=2025-05-01', 'query.from'],
    ['/api/v1/flows?from=2021-01-01&to=2025-01-01', 'query.from'],
    ['/api/v1/flows?from=2020-01-01', 'query.from'],
    ['/api/v1/flows?direction=sideways', 'query.direction'],
    ['/api/v1/flows?sex=other', 'query.sex'],
    ['/api/v1/flows?sex=female&age=children', 'query.age'],
    ['/api/v1/flows?nationality=zmb', 'query.nationality'],
    ['/api/v1/flows?transport=rocket', 'query.transport'],
    ['/api/v1/flows?reason=fun', 'query.reason'],
    ['/api/v1/flows?vulnerability=tired', 'query.vulnerability'],
    ['/api/v1/flows?point=0', 'query.point'],
    ['/api/v1/flows?level=district', 'query.level'],
    ['/api/v1/flows?nationalty=ZMB', 'query.nationalty'],
    ['/api/v1/flows/timeseries?bucket=year', 'query.bucket'],
    ['/api/v1/flows/timeseries?level=place', 'query.level'],
    ['/api/v1/flows/breakdowns?by=colour', 'query.by'],
    ['/api/v1/flows/corridors?level=point', 'query.level'],
    ['/api/v1/flows/corridors?limit=0', 'query.limit'],
    ['/api/v1/flows/crossings?from=2025-01-01&to=2024-01-01', 'query.from'],
  ], { problemJson: true });

  it.each(ENDPOINTS)('when %s is asked again with its ETag, then 304 without a body', async (path) => {
    const first = await app.get(`${path}?direction=inbound`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, max-age=60');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^(W\/)?"[\w-]+"$/); // weak when compressed (server/http/compress.ts)
    const again = await app.get(`${path}?direction=inbound`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await app.get(`${path}?direction=outbound`, { headers: { 'if-none-match': etag ?? '' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it.each(ENDPOINTS)('when %s is asked anonymously, then 401', async (path) => {
    const res = await app.anonymous.get(path);
    expect(res.status).toBe(401);
  });
});
