/**
 * How long other requests wait while a large import writes on the EMBEDDED engine (issue 19
 * item 5), which runs one statement at a time: the only bench that is not on the server.
 * A probe asks for the import's row (what the import page's poll and any map request first
 * need: the engine's attention and the event loop's) every --probe-ms while runImport runs, from the file's upload
 * to the end of its rollup refresh and alerts. Two imports of the same generated file, in one
 * run on one engine: the baseline writes as a server does, in one transaction (spool off);
 * then the spool path (server/ingest/spool.ts) writes in short steps.
 *
 *   npm run bench -- import-wait --rows 1000000 [--probe-ms 100]
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM } from '../../server/audit/audit.js';
import type { Db } from '../../server/db/index.js';
import { openEmbedded } from '../../server/db/embedded.js';
import { migrate, readMigrations } from '../../server/db/migrate.js';
import { loadDemo } from '../../server/demo/load.js';
import { deleteDataset } from '../../server/ingest/datasets.js';
import { createImport } from '../../server/ingest/jobs.js';
import { runImport } from '../../server/ingest/run.js';
import { paths } from '../../server/paths.js';
import { refreshRollup } from '../../server/query/rollup.js';
import { median, wholeOptions } from './common.js';
import { sha256, writeCsv } from './import-file.js';
import type { Bench, BenchRow } from './run.js';

interface Waits {
  seconds: number;
  probes: number[];
  /** What the import was doing when the longest-waiting probe was due. */
  longest: string;
  datasetId: number;
}

async function importWithProbe(db: Db, file: string, spool: boolean, probeMs: number, log: (m: string) => void): Promise<Waits> {
  const { size } = await stat(file);
  const checksum = await sha256(file);
  const options = { dataset: { name: `bench ${spool ? 'spool' : 'one transaction'}` } };
  const job = { kind: 'observations', mode: 'all-or-nothing', path: file, bytes: size, checksum, options, actor: SYSTEM, actorName: 'bench' } as const;
  const id = await createImport(db, { ...job, fileName: 'bench.csv', fileBytes: size, createdBy: 'bench' });
  const probes: number[] = [];
  let phase = 'starting';
  let longest = { ms: -1, phase: '' };
  let running = true;
  // A probe is due every probeMs; its wait runs from when it was due, so time the event loop
  // spends busy with the import's own JavaScript (validation) counts, as it would for a request.
  const probe = (async () => {
    let due = performance.now();
    while (running) {
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const at = phase;
      await db.query('SELECT status FROM imports WHERE id = $1', [id]);
      const done = performance.now();
      probes.push(done - due);
      if (done - due > longest.ms) longest = { ms: done - due, phase: at };
      due = Math.max(due + probeMs, done);
    }
  })();
  const t0 = performance.now();
  let next = 0;
  try {
    const out = await runImport(db, { ...job, id }, (p) => {
      phase = `${p.status} ${Math.floor(p.percent)}%`;
      if (p.percent < next) return;
      log(`${spool ? 'spool' : 'one transaction'}: ${p.status} ${Math.floor(p.percent)}% (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      next = Math.floor(p.percent / 10) * 10 + 10;
    }, undefined, { spool });
    if (out.status !== 'committed' || out.datasetId === null) throw new Error(`bench import ${out.status}: ${out.message}`);
    phase = 'after the commit: rollup refresh, alerts, checkpoint';
    return { seconds: (performance.now() - t0) / 1000, probes, datasetId: out.datasetId, longest: longest.phase };
  } finally {
    running = false;
    await probe;
  }
}

const row = (step: string, w: Waits): BenchRow => {
  const sorted = [...w.probes].sort((a, b) => a - b);
  return {
    step,
    'import s': w.seconds,
    probes: w.probes.length,
    'wait p50 ms': median(w.probes),
    'wait p95 ms': sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    'wait max ms': sorted.at(-1) ?? NaN,
    'longest while': w.longest,
  };
};

export const importWaitBench: Bench = {
  name: 'import-wait',
  summary: 'embedded engine: how long a request waits while an import writes, spool vs one transaction (--rows 1000000)',
  async run({ options, log }) {
    const { rows, 'probe-ms': probeMs } = wholeOptions(options, { rows: 1_000_000, 'probe-ms': 100 }, { rows: 1, 'probe-ms': 10 });
    const dir = await mkdtemp(join(tmpdir(), 'corridor-bench-wait-'));
    const file = join(dir, 'import.csv');
    log(`writing ${rows} rows to ${file}`);
    await writeCsv(file, rows);
    const db = await openEmbedded({ dir });
    try {
      await migrate(db, readMigrations(paths.migrations));
      await loadDemo(db, { rows: 20_000, seed: 20181 });
      await refreshRollup(db);
      log('embedded engine ready with 20,000 demo rows');
      const base = await importWithProbe(db, file, false, probeMs, log);
      await deleteDataset(db, base.datasetId, SYSTEM);
      const spool = await importWithProbe(db, file, true, probeMs, log);
      const maxOf = (w: Waits) => Math.max(...w.probes);
      return [
        row('one transaction (as on the server): baseline', base),
        row('spool, short steps', spool),
        { step: 'ratio: baseline max wait ÷ spool max wait', ratio: (maxOf(base) / maxOf(spool)).toFixed(1) },
      ];
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
