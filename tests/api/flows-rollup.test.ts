import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Db } from '../../server/db/index.js';
import { DIRECTIONS, REASONS, TRANSPORT_MODES, VULNERABILITIES } from '../../common/vocabulary.js';
import { queryBreakdowns } from '../../server/flows/breakdowns.js';
import { queryCorridors } from '../../server/flows/corridors.js';
import { queryCrossings } from '../../server/flows/crossings.js';
import { queryFlows } from '../../server/flows/flows.js';
import { addDays } from '../../server/query/period.js';
import { breakdownsQuery, corridorsQuery, crossingsQuery, flowsQuery, timeseriesQuery } from '../../server/flows/schemas.js';
import type { QueryOptions } from '../../server/query/source.js';
import { queryTimeseries } from '../../server/flows/timeseries.js';
import { describeDb } from '../helpers/suite.js';

type Query = Record<string, string>;
type Runner = (db: Db, q: Query, opts: QueryOptions) => Promise<{ source: string }>;

// Each endpoint's query function, fed through its schema exactly as the route does.
const RUNNERS: Record<string, Runner> = {
  flows: (db, q, o) => queryFlows(db, flowsQuery.parse(q), o),
  timeseries: (db, q, o) => queryTimeseries(db, timeseriesQuery.parse(q), o),
  breakdowns: (db, q, o) => queryBreakdowns(db, breakdownsQuery.parse(q), o),
  corridors: (db, q, o) => queryCorridors(db, corridorsQuery.parse(q), o),
  crossings: (db, q, o) => queryCrossings(db, crossingsQuery.parse(q), o),
};
const EXTRA: Record<string, fc.Arbitrary<Query>> = {
  flows: fc.record({ level: fc.constantFrom('place', 'point', 'admin', 'country') }),
  timeseries: fc.record({ bucket: fc.constantFrom('day', 'week', 'month') }),
  breakdowns: fc.constant({}),
  corridors: fc.record({ level: fc.constantFrom('place', 'country'), limit: fc.constantFrom('3', '50') }),
  crossings: fc.constant({}),
};

const csv = <T extends string>(values: readonly T[]) => fc.subarray([...values], { minLength: 1, maxLength: 3 }).map((v) => v.join(','));
const DEMO_FIRST = '2024-11-01';

/** Random but valid filter combinations: any period inside the demo, any subset of every filter. */
const filters: fc.Arbitrary<Query> = fc
  .record(
    {
      start: fc.integer({ min: 0, max: 729 }),
      span: fc.integer({ min: 1, max: 500 }),
      direction: csv(DIRECTIONS),
      who: fc.constantFrom<Query>({ sex: 'female' }, { sex: 'male' }, { age: 'children' }, { age: 'adults' }),
      nationality: csv(['ZMB', 'TZA', 'ETH', 'SOM', 'NAM', 'COD', 'BWA']),
      transport: csv(TRANSPORT_MODES),
      reason: csv(REASONS),
      vulnerability: csv(VULNERABILITIES),
      point: csv(['1', '2', '3', '4', '5', '6', '7', '8', '9']),
    },
    { requiredKeys: ['start', 'span'] },
  )
  .map(({ start, span, who, ...rest }) => {
    const from = addDays(DEMO_FIRST, start);
    return { from, to: addDays(from, span - 1), ...(who ?? {}), ...(rest as Query) };
  });

const strip = ({ source: _s, ...rest }: { source: string }) => rest;

describeDb('flow rollups on the %s database', ({ db }) => {
  it.each(Object.keys(RUNNERS))('when %s is asked with random filter combinations, then the rollup answers exactly as the raw table', async (name) => {
    const run = RUNNERS[name] as Runner;
    const extra = EXTRA[name] as fc.Arbitrary<Query>;
    await fc.assert(
      fc.asyncProperty(filters, extra, async (f, x) => {
        const q = { ...f, ...x };
        const rollup = await run(db, q, { source: 'rollup' });
        const raw = await run(db, q, { source: 'raw' });
        expect(rollup.source).toBe('rollup');
        expect(raw.source).toBe('raw');
        expect(strip(rollup)).toEqual(strip(raw));
      }),
      { numRuns: 25, seed: 4242 },
    );
  });

  it('when the rollup is fresh, then the default path reads it', async () => {
    expect((await RUNNERS.flows?.(db, {}, {}))?.source).toBe('rollup');
    expect((await RUNNERS.timeseries?.(db, { from: '2025-01-01', to: '2025-12-31', bucket: 'month' }, {}))?.source).toBe('rollup');
  });
});

