-- Background jobs (issue 20): imports, brief renders and the daily alert evaluation are rows
-- here, claimed by whichever Corridor process is free (FOR UPDATE SKIP LOCKED), held by a lease
-- that the owner's heartbeat extends. A process killed mid-job stops heart-beating; when its
-- lease runs out another process (or this one after a restart) retries the job or fails it.
CREATE TABLE jobs (
  id             bigserial PRIMARY KEY,
  kind           text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  -- json, not jsonb: the payload is the handler's message as written; jsonb would reorder its
  -- keys, and an import's recipe reads answer columns (one-hot reasons) in their key order
  payload        json NOT NULL DEFAULT '{}'::json,
  -- queued → running → committed | failed | cancelled; a running job whose lease expired is
  -- claimed again (a retry) while attempts < max_attempts, else failed
  status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'committed', 'failed', 'cancelled')),
  attempts       integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts   integer NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  lease_owner    text,
  lease_expires  timestamptz,
  -- a user asked to cancel a running job: its owner stops at the next heartbeat
  cancel_requested boolean NOT NULL DEFAULT false,
  progress       jsonb,
  result         jsonb,
  -- binary output (a rendered brief), read once by the request that waits for it
  output         bytea,
  message        text,
  -- at most one job per key (the daily alert evaluation of one day, whichever process asks)
  dedupe_key     text UNIQUE,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);
CREATE INDEX jobs_claimable ON jobs (kind, id) WHERE status IN ('queued', 'running');

-- An import names its job; 'cancelled' is a final status of its own.
ALTER TABLE imports ADD COLUMN job_id bigint REFERENCES jobs (id) ON DELETE SET NULL;
ALTER TABLE imports DROP CONSTRAINT imports_status_check;
ALTER TABLE imports ADD CONSTRAINT imports_status_check CHECK (status IN ('queued', 'validating', 'writing',
  'committed', 'unchanged', 'rejected', 'failed', 'cancelled'));
