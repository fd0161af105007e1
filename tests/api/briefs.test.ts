import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { BriefData } from '../../common/briefs.js';
import { closeBriefRenderer } from '../../server/briefs/render.js';
import { BRIEF_JOB } from '../../server/briefs/job.js';
import { briefSearch } from '../../server/briefs/routes.js';
import { briefQuery } from '../../server/briefs/schemas.js';
import { getJob, insertJob, localRunner, takeOutput } from '../../server/jobs/service.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { describeApp } from '../helpers/suite.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'corridor-briefs-'));
const view = { from: '2025-03-01', to: '2025-05-31', direction: ['inbound', 'outbound'] };

function post(app: TestApp, body: unknown, query = '') {
  return app.as('viewer').get(`/api/v1/briefs${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** pdfinfo's fields for a PDF held in memory. */
function pdfInfo(pdf: Buffer, name: string): Record<string, string> {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** pdfinfo's page size, rounded to whole points. */
function pageSize(info: Record<string, string>): number[] {
  return (/^([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '') ?? []).slice(1, 3).map((n) => Math.round(Number(n)));
}

afterAll(() => closeBriefRenderer());

const options = { db: 'fresh', env: { CHROMIUM_PATH: CHROMIUM }, timeout: 240_000 } as const;
describeApp('map briefs on the %s database', options, ({ app, db, kind }) => {
  it('when a viewer posts a view, then a one-page A4 PDF comes back and the export is audited', async () => {
    const res = await post(app, { view, title: 'Sesheke weekly brief', paper: 'A4' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="corridor-brief-2025-03-01-2025-05-31/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const info = pdfInfo(pdf, `${kind}-a4.pdf`);
    expect(info['Pages']).toBe('1');
    expect(pageSize(info)).toEqual([595, 842]); // A4 in points
    const [row] = await db.query<{ action: string; actor_role: string; params: { format: string; period: { from: string }; datasets: string[]; filter: { direction: string[] } } }>(
      `SELECT action, actor_role, params FROM audit_log WHERE action = 'export.brief' ORDER BY id DESC LIMIT 1`,
    );
    expect(row?.actor_role).toBe('viewer');
    expect(row?.params.format).toBe('pdf');
    expect(row?.params.period.from).toBe('2025-03-01');
    expect(row?.params.filter.direction).toEqual(['inbound', 'outbound']);
    expect(row?.params.datasets.length).toBeGreaterThan(0);
  });

  it('when a brief has been returned, then its job row (with the figures it carried) is gone', async () => {
    const res = await post(app, { view, paper: 'A4' });
    expect(res.status, await res.clone().text()).toBe(200);
    const [left] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE kind = $1', [BRIEF_JOB]);
    expect(left?.n).toBe(0);
  });

  it('when the process rendering a brief died, then once its lease ran out a live process renders it again', async () => {
    const q = briefQuery.parse({ ...view, paper: 'A4' });
    const search = briefSearch(q);
    const data: unknown = await (await app.as('viewer').get(`/api/v1/briefs/data?${search}`)).json();
    const id = await insertJob(db, { kind: BRIEF_JOB, payload: { query: search, data, paper: 'A4', landscape: false, format: 'pdf' }, createdBy: 'test', maxAttempts: 2 });
    if (id === null) throw new Error('not queued');
    // As a process that claimed it and was killed leaves it: running, one attempt, its lease run out.
    await db.query(`UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 'gone:1', lease_expires = now() - interval '1 s' WHERE id = $1`, [id]);
    localRunner(db)?.wake();
    let job = await getJob(db, id);
    for (let i = 0; i < 1200 && job?.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await getJob(db, id);
    }
    expect(job?.status, job?.message ?? '').toBe('committed');
    expect(job?.attempts).toBe(2);
    expect((await takeOutput(db, id))?.subarray(0, 5).toString()).toBe('%PDF-');
    await db.query('DELETE FROM jobs WHERE id = $1', [id]);
  });

  it.runIf(kind === 'embedded')('when two callers\' briefs follow each other on the warm print page, then the second shows nothing of the first', async () => {
    const text = (pdf: Buffer, name: string) => {
      const file = join(dir, name);
      writeFileSync(file, pdf);
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    };
    const first = await post(app, { view, title: 'Alpha district brief', notes: 'Alpha-only note' });
    const second = await app.as('analyst').get('/api/v1/briefs', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ view: { ...view, direction: ['outbound'] }, title: 'Bravo district brief' }),
    });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(text(Buffer.from(await first.arrayBuffer()), 'alpha.pdf')).toContain('Alpha-only note');
    const b = text(Buffer.from(await second.arrayBuffer()), 'bravo.pdf');
    expect(b).toContain('Bravo district brief');
    expect(b).not.toMatch(/Alpha/);
  });

  it('when the view state is invalid, then 400 problem+json names the field and nothing is rendered', async () => {
    const bad = await post(app, { view: { ...view, from: '2025-02-30' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain('body.view.from');
    const unknown = await post(app, { view: { ...view, nationalty: ['ETH'] } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('body.view.nationalty');
    expect((await post(app, { view, paper: 'A5' })).status).toBe(400);
  });

  it.runIf(kind === 'embedded')('when Letter landscape or PNG is asked for, then the output has that shape', async () => {
    const letter = Buffer.from(await (await post(app, { view, paper: 'Letter', orientation: 'landscape' })).arrayBuffer());
    expect(pageSize(pdfInfo(letter, 'letter.pdf'))).toEqual([792, 612]);
    const png = await post(app, { view, paper: 'A4' }, '?format=png');
    expect(png.headers.get('content-type')).toBe('image/png');
    const buf = Buffer.from(await png.arrayBuffer());
    expect(buf.subarray(1, 4).toString()).toBe('PNG');
    expect(buf.readUInt32BE(16)).toBeGreaterThan(1200); // 210 mm at 2 device pixels per CSS pixel ≈ 1587 px
  });

  it.runIf(kind === 'embedded')('when CHROMIUM_PATH points at nothing, then POST /briefs is a 503 problem', async () => {
    const none = await startApp({ db, env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    try {
      const res = await post(none, { view });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/CHROMIUM_PATH/);
    } finally {
      await none.close();
    }
  });

  it('when a viewer downloads the data pack, then the ZIP holds HXL CSVs and GeoJSON layers with the brief\'s figures', async () => {
    const res = await app.as('viewer').get('/api/v1/briefs/pack?from=2025-03-01&to=2025-05-31&direction=inbound');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const file = join(dir, `${kind}-pack.zip`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    for (const name of ['README.txt', 'figures.csv', 'corridors.csv', 'timeseries.csv', 'crossings.csv', 'flows.geojson', 'crossings.geojson']) expect(listing).toContain(name);
    const figures = execFileSync('unzip', ['-p', file, 'figures.csv'], { encoding: 'utf8' }).replace(/^\uFEFF/, '').split('\r\n');
    expect(figures[1]).toBe('#indicator+name,#date+start,#date+end,#indicator+value');
    const data = (await (await app.as('viewer').get('/api/v1/briefs/data?from=2025-03-01&to=2025-05-31&direction=inbound')).json()) as { figures: { total: number } };
    expect(figures).toContain(`total_movements,2025-03-01,2025-05-31,${data.figures.total}`);
    const flows = JSON.parse(execFileSync('unzip', ['-p', file, 'flows.geojson'], { encoding: 'utf8' })) as { features: { geometry: { type: string } }[] };
    expect(flows.features.length).toBeGreaterThan(0);
    expect(flows.features[0]?.geometry.type).toBe('LineString');
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'export.brief' AND params->>'format' = 'pack'`);
    expect(row?.n).toBeGreaterThan(0);
  });

  it('when the hot spot and access gap sections are asked for, then the brief data carries them (and not otherwise)', async () => {
    const plain = (await (await app.as('viewer').get('/api/v1/briefs/data?from=2025-03-01&to=2025-05-31')).json()) as { hotspots: unknown; gaps: unknown };
    expect([plain.hotspots, plain.gaps]).toEqual([null, null]);
    const res = await app.as('data_manager').get('/api/v1/briefs/data?from=2025-03-01&to=2025-05-31&sections=map,hotspots,gaps');
    const d = (await res.json()) as { hotspots: { people: number | null }[]; gaps: { rank: number; text: string }[]; disclosure: { k: number } };
    expect(Array.isArray(d.hotspots)).toBe(true);
    expect(d.gaps.length).toBeGreaterThan(0);
    expect(d.gaps.map((g) => g.rank)).toEqual(d.gaps.map((_, i) => i + 1));
    // Counts in the analyses are suppressed as for a viewer, whatever the caller's role.
    for (const h of d.hotspots) expect(h.people === null || h.people === 0 || h.people >= d.disclosure.k).toBe(true);
  });

  it('when a data manager asks for brief data, then counts are suppressed as for a viewer', async () => {
    const q = `/api/v1/briefs/data?from=2025-03-01&to=2025-03-07&nationality=COD`;
    const viewer = (await (await app.as('viewer').get(q)).json()) as { figures: unknown; corridors: unknown; disclosure: { k: number } };
    const manager = (await (await app.as('data_manager').get(q)).json()) as typeof viewer;
    expect(manager.figures).toEqual(viewer.figures);
    expect(manager.corridors).toEqual(viewer.corridors);
    expect(viewer.disclosure.k).toBe(app.config.SUPPRESSION_K);
  });

  it('when the awareness section is asked for, then the brief data has the indicator by district with CIs and the change since baseline, and the pack its estimates only', async () => {
    const plain = (await (await app.as('viewer').get('/api/v1/briefs/data?from=2025-03-01&to=2025-05-31')).json()) as BriefData;
    expect(plain.awareness).toBeNull();
    const q = 'from=2025-03-01&to=2025-05-31&sections=map,awareness&awareness=trusts_action';
    const d = (await (await app.as('data_manager').get(`/api/v1/briefs/data?${q}`)).json()) as BriefData;
    const a = d.awareness;
    expect(a?.indicator.code).toBe('trusts_action');
    expect([a?.survey.round, a?.baseline?.round, a?.synthetic, d.demo]).toEqual(['endline', 'baseline', true, true]);
    expect(a?.rows.map((r) => r.name)).toEqual(['Lusaka', 'Nakonde', 'Sesheke']);
    for (const r of a?.rows ?? []) expect(r.ci?.[0]).toBeLessThan(r.estimate ?? NaN);
    expect(a?.change?.map((c) => c.name)).toEqual(['Lusaka', 'Nakonde', 'Sesheke']);
    expect(d.sources.some((s) => s.kind === 'survey_respondents' && s.synthetic)).toBe(true);
    const bad = await app.as('viewer').get('/api/v1/briefs/data?sections=awareness&awareness=nope');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['query.awareness']);

    const res = await app.as('viewer').get(`/api/v1/briefs/pack?${q}`);
    const file = join(dir, `${kind}-awareness-pack.zip`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const lines = execFileSync('unzip', ['-p', file, 'awareness.csv'], { encoding: 'utf8' }).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('indicator,survey,round,district_code,district,estimate,se,ci_low,ci_high,respondents,suppressed,change_since_baseline,change_se,change_p,change_significant');
    expect(lines.slice(2).map((l) => l.split(',')[4])).toEqual(['Lusaka', 'Nakonde', 'Sesheke']);
    const sesheke = a?.rows.find((r) => r.name === 'Sesheke');
    expect(lines.find((l) => l.includes(',Sesheke,'))?.split(',')[5]).toBe(String(sesheke?.estimate));
  });
});
