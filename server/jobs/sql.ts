import type { Queryable } from '../db/index.js';

export type JobStatus = 'queued' | 'running' | 'committed' | 'failed' | 'cancelled';

export interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  lease_expires: Date | null;
  cancel_requested: boolean;
  progress: unknown;
  result: unknown;
  message: string | null;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
}

const COLUMNS = `id, kind, payload, status, attempts, max_attempts, lease_owner, lease_expires, cancel_requested,
  progress, result, message, created_by, created_at, finished_at`;

export interface NewJob {
  kind: string;
  payload: object;
  createdBy: string;
  maxAttempts?: number;
  /** At most one job per key: a second enqueue with the same key returns null. */
  dedupeKey?: string;
}

export async function insertJob(q: Queryable, j: NewJob): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO jobs (kind, payload, created_by, max_attempts, dedupe_key) VALUES ($1, $2::json, $3, $4, $5)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [j.kind, JSON.stringify(j.payload), j.createdBy, j.maxAttempts ?? 3, j.dedupeKey ?? null],
  );
  return row?.id ?? null;
}

export async function getJob(q: Queryable, id: number): Promise<JobRow | undefined> {
  const [row] = await q.query<JobRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return row;
}

/**
 * Takes the oldest claimable job of these kinds: a queued one, or a running one whose lease
 * ran out (its owner is gone: this is the retry). SKIP LOCKED lets two processes claim at the
 * same moment without waiting for, or taking, each other's row. attempts counts claims.
 */
export async function claimJob(q: Queryable, kinds: readonly string[], owner: string, leaseMs: number): Promise<JobRow | undefined> {
  const [row] = await q.query<JobRow & Record<string, unknown>>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = $2,
       lease_expires = clock_timestamp() + make_interval(secs => $3::float8 / 1000), updated_at = now()
     WHERE id = (
       SELECT id FROM jobs
       WHERE kind = ANY($1::text[]) AND NOT cancel_requested AND attempts < max_attempts
         AND (status = 'queued' OR (status = 'running' AND lease_expires < clock_timestamp()))
       ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}`,
    [kinds, owner, leaseMs],
  );
  return row;
}

/**
 * Running jobs of these kinds whose lease ran out and that may not be claimed again (no
 * attempts left, or cancel asked): the caller fails (or cancels) them, with its handler's
 * words, in the transaction it locked them in.
 */
export async function lockAbandoned(q: Queryable, kinds: readonly string[]): Promise<JobRow[]> {
  return q.query<JobRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM jobs
     WHERE kind = ANY($1::text[]) AND status = 'running' AND lease_expires < clock_timestamp()
       AND (attempts >= max_attempts OR cancel_requested)
     ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED`,
    [kinds],
  );
}

/** Extends the lease while `owner` still holds it; false when it does not, true/'cancel' otherwise. */
export async function heartbeat(q: Queryable, id: number, owner: string, leaseMs: number, progress?: unknown): Promise<false | 'ok' | 'cancel'> {
  const [row] = await q.query<{ cancel_requested: boolean }>(
    `UPDATE jobs SET lease_expires = clock_timestamp() + make_interval(secs => $3::float8 / 1000),
       progress = coalesce($4::jsonb, progress), updated_at = now()
     WHERE id = $1 AND lease_owner = $2 AND status = 'running' RETURNING cancel_requested`,
    [id, owner, leaseMs, progress === undefined ? null : JSON.stringify(progress)],
  );
  if (!row) return false;
  return row.cancel_requested ? 'cancel' : 'ok';
}

export interface JobEnd {
  status: Extract<JobStatus, 'committed' | 'failed' | 'cancelled'>;
  message: string | null;
  result?: unknown;
  output?: Buffer;
}

/** The final state, when `owner` still holds the job (null owner: whoever, for queued jobs and the lease rule). */
export async function finishJob(q: Queryable, id: number, owner: string | null, end: JobEnd): Promise<boolean> {
  const rows = await q.query(
    `UPDATE jobs SET status = $3, message = $4, result = $5::jsonb, output = $6, lease_owner = NULL, lease_expires = NULL,
       finished_at = now(), updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'running') AND ($2::text IS NULL OR lease_owner = $2) RETURNING id`,
    [id, owner, end.status, end.message, end.result === undefined ? null : JSON.stringify(end.result), end.output ?? null],
  );
  return rows.length > 0;
}

/**
 * Asks to cancel: a queued job is cancelled at once ('cancelled'); a running one is flagged
 * and its owner stops at its next heartbeat ('requested'); a finished one cannot be ('final').
 */
export async function requestCancel(q: Queryable, id: number): Promise<'cancelled' | 'requested' | 'final' | 'missing'> {
  const [row] = await q.query<{ status: JobStatus }>(
    `UPDATE jobs SET cancel_requested = status IN ('queued', 'running'),
       status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
       finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END,
       message = CASE WHEN status = 'queued' THEN 'cancelled before it started; nothing was written' ELSE message END,
       updated_at = now()
     WHERE id = $1 RETURNING status, cancel_requested`,
    [id],
  );
  if (!row) return 'missing';
  if (row.status === 'cancelled') return 'cancelled';
  return row.status === 'running' ? 'requested' : 'final';
}

/** The output of a finished job, once: it is cleared as it is read (a rendered file is not kept). */
export async function takeOutput(q: Queryable, id: number): Promise<Buffer | null> {
  const [row] = await q.query<{ output: Buffer | Uint8Array | null }>(
    `UPDATE jobs j SET output = NULL FROM (SELECT id, output FROM jobs WHERE id = $1 FOR UPDATE) old
     WHERE j.id = old.id RETURNING old.output`,
    [id],
  );
  return row?.output ? Buffer.from(row.output) : null;
}
