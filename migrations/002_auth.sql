-- Identity, sessions, API tokens, one-time sign-in codes and the audit log (issue 3,
-- ARCHITECTURE §7). Secrets are never stored: sessions, tokens and codes keep the sha256 of a
-- 32-byte random value, passwords a bcrypt hash. Written for PostgreSQL 15 (runs on PGlite too).

CREATE TABLE users (
  id            serial PRIMARY KEY,
  -- lower-cased by the API, so uniqueness is case-insensitive without citext
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  -- NULL until a password is set: the first admin signs in with a one-time code
  password_hash text,
  role          text NOT NULL CHECK (role IN ('viewer', 'analyst', 'planner', 'data_manager', 'admin')),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);

CREATE TABLE sessions (
  id         bigserial PRIMARY KEY,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id    integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
  id           serial PRIMARY KEY,
  token_hash   text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- a token acts with this role, independent of who created it (service accounts, scripts)
  role         text NOT NULL CHECK (role IN ('viewer', 'analyst', 'planner', 'data_manager', 'admin')),
  created_by   integer REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz
);

CREATE TABLE one_time_codes (
  id         serial PRIMARY KEY,
  code_hash  text NOT NULL UNIQUE CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  user_id    integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

-- No foreign keys: the log must outlive and never block changes to what it describes.
CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_kind     text NOT NULL CHECK (actor_kind IN ('anonymous', 'session', 'token', 'system')),
  actor_user_id  integer,
  actor_token_id integer,
  actor_name     text NOT NULL,
  actor_role     text NOT NULL,
  action         text NOT NULL CHECK (action ~ '^[a-z][a-z_]*(\.[a-z_]+)*$'),
  params         jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);

-- Append-only. Revoking UPDATE/DELETE needs a separate database role, which the embedded engine
-- does not have; a trigger refuses them on both engines.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
