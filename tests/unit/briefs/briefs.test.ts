import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as fmt from '../../../client/briefs/format.js';
import * as clientLegal from '../../../client/briefs/legal.js';
import { niceLength } from '../../../client/briefs/mapFrame.js';
import { keyFigures, seriesBucket } from '../../../server/briefs/figures.js';
import * as serverLegal from '../../../server/briefs/legal.js';
import { permalinkHash } from '../../../server/briefs/permalink.js';
import { briefBody, briefQuery } from '../../../server/briefs/schemas.js';
import { zip } from '../../../server/briefs/zip.js';

const base = { days: 10, total: 200, previous: 160, inbound: 90, outbound: 60, sexTotal: 200, female: 74, ageTotal: 200, children: 30, unaccompanied: 7 };

describe('brief key figures', () => {
  it('when every count is published, then averages, change and shares are computed from them', () => {
    const f = keyFigures(base);
    expect(f.dailyAverage).toBe(20);
    expect(f.change).toBeCloseTo(0.25); // (200 − 160) / 160
    expect(f.inboundShare).toBeCloseTo(0.6); // 90 / (90 + 60): transit is in neither
    expect(f.outboundShare).toBeCloseTo(0.4);
    expect(f.femaleShare).toBeCloseTo(0.37);
    expect(f.childrenShare).toBeCloseTo(0.15);
    expect(f.unaccompanied).toBe(7);
  });

  it('when a count is suppressed or zero below a ratio, then the ratio is not shown', () => {
    const f = keyFigures({ ...base, previous: 0, outbound: null, female: null, ageTotal: 0 });
    expect(f.change).toBeNull();
    expect(f.inboundShare).toBeNull();
    expect(f.outboundShare).toBeNull();
    expect(f.femaleShare).toBeNull();
    expect(f.childrenShare).toBeNull();
    expect(keyFigures({ ...base, total: null }).dailyAverage).toBeNull();
  });

  it('picks daily bars up to two months, weekly up to a year, monthly beyond', () => {
    expect([seriesBucket(31), seriesBucket(62), seriesBucket(90), seriesBucket(365), seriesBucket(400)]).toEqual(['day', 'day', 'week', 'week', 'month']);
  });
});

describe('brief formatting', () => {
  it('writes counts, shares, changes and dates as the page shows them', () => {
    expect(fmt.count(12345, 5)).toBe('12,345');
    expect(fmt.count(null, 5)).toBe('<5');
    expect(fmt.average(79.4888)).toBe('79.5');
    expect(fmt.share(0.5089)).toBe('51%');
    expect(fmt.change(-0.0332)).toBe('−3.3%');
    expect(fmt.change(0.125)).toBe('+12.5%');
    expect(fmt.change(null)).toBe('not comparable');
    expect(fmt.span({ from: '2025-03-01', to: '2025-05-31' })).toBe('1 Mar 2025 – 31 May 2025');
  });

  it('rounds the scale bar to 1, 2 or 5 times a power of ten', () => {
    expect([niceLength(1234), niceLength(4999), niceLength(260_000), niceLength(9)]).toEqual([1000, 2000, 200_000, 5]);
  });

  it('prints the same disclaimer and protection note on the page and in the data pack', () => {
    expect(clientLegal.DISCLAIMER).toBe(serverLegal.DISCLAIMER);
    expect(clientLegal.protectionNote(5, 11)).toBe(serverLegal.protectionNote(5, 11));
  });
});

describe('brief request schemas and permalink', () => {
  it('when options are left out, then A4 portrait with the default title; a bad field is named', () => {
    const q = briefQuery.parse({ from: '2025-03-01', direction: 'inbound,outbound' });
    expect([q.paper, q.orientation, q.title, q.direction]).toEqual(['A4', 'portrait', 'Mixed-migration flows brief', ['inbound', 'outbound']]);
    const bad = briefBody.safeParse({ view: { from: '2025-02-30' }, paper: 'A5' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['paper', 'view.from']);
    expect(briefQuery.safeParse({ title: 'two\nlines' }).success).toBe(false);
  });

  it('writes the view back as the client\'s hash', () => {
    const q = briefQuery.parse({ lat: '-13.2', lon: '28.6', zoom: '5.4', from: '2025-03-01', to: '2025-05-31', direction: 'inbound', sex: 'female', level: 'admin', plan: '3' });
    expect(permalinkHash(q)).toBe('#v=-13.2,28.6,5.4&from=2025-03-01&to=2025-05-31&dir=inbound&grp=female&lvl=admin&plan=3');
    expect(permalinkHash(briefQuery.parse({}))).toBe('');
  });
});

describe('zip writer', () => {
  it('when entries are zipped, then unzip lists and extracts them byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-zip-'));
    const file = join(dir, 'pack.zip');
    const big = 'people,count\r\n'.repeat(2000);
    writeFileSync(file, zip([{ name: 'a.csv', data: big }, { name: 'naïve/é.txt', data: 'UTF-8 name' }, { name: 'empty.txt', data: '' }]));
    execFileSync('unzip', ['-tq', file]);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listing).toMatch(/a\.csv/);
    // The UTF-8 flag: Python's zipfile decodes the name as UTF-8 only when it is set.
    const names = execFileSync('python3', ['-c', 'import sys, zipfile; print("|".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file], { encoding: 'utf8' });
    expect(names.trim()).toBe('a.csv|naïve/é.txt|empty.txt');
    expect(execFileSync('unzip', ['-p', file, 'a.csv'], { encoding: 'utf8' })).toBe(big);
    expect(execFileSync('unzip', ['-p', file, 'empty.txt'], { encoding: 'utf8' })).toBe('');
  });
});
