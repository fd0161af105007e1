-- Flow rollups (ARCHITECTURE §3 "Rollups for speed", §4 flows; issue 4). Plain tables kept by
-- refreshRollup() in server/flows/rollup.ts — not materialized views, so one dataset or one
-- period can be refreshed without recomputing ten million rows.
--
-- A family of cubes: the same sums of observations grouped by different sets of dimensions.
-- flow_cube holds them all (built from observations); each smaller cube is built from a
-- larger one. A query reads the smallest cube holding every dimension it filters or groups
-- on (server/flows/plan.ts), because the attribute dimensions multiply rows: with the demo
-- data one month of flow_cube has ~10x the rows of flow_od.
-- Each cube has three grains: 'd' = day, 'w' = ISO week from Monday, 'm' = calendar month
-- (observed_on = the day, or the first day of the week/month). A period is read as whole
-- months, then whole weeks, then days. Every count is a plain SUM, so any answer equals the
-- same query on observations exactly. Column names follow observations, so one SQL builder
-- serves both. No foreign keys: refreshRollup removes a deleted dataset's rows, and until it
-- runs the dirty marks below keep queries off the stale rows.

CREATE TABLE flow_point (
  grain                 char(1) NOT NULL CHECK (grain IN ('d', 'w', 'm')),
  observed_on           date NOT NULL,
  -- per dataset, so that one import (or its deletion) refreshes only its own rows
  dataset_id            integer NOT NULL,
  monitoring_point_id   integer NOT NULL,
  direction             text NOT NULL,
  obs                   bigint NOT NULL,
  total                 bigint NOT NULL,
  male                  bigint NOT NULL,
  female                bigint NOT NULL,
  children              bigint NOT NULL,
  unaccompanied_children bigint NOT NULL
);
CREATE INDEX flow_point_grain_day ON flow_point (grain, observed_on);
CREATE INDEX flow_point_dataset ON flow_point (dataset_id);

-- LIKE … INCLUDING ALL copies the columns, CHECKs and indexes; the extra columns follow.
CREATE TABLE flow_od (LIKE flow_point INCLUDING ALL,
  origin_place_id integer, origin_country char(3), final_destination_place_id integer, destination_country char(3));
CREATE TABLE flow_od_nat (LIKE flow_od INCLUDING ALL, nationality char(3));
CREATE TABLE flow_od_mode (LIKE flow_od INCLUDING ALL, transport_mode text);
-- bit i = i-th word of REASONS / VULNERABILITIES in server/domain.ts (see server/flows/bits.ts)
CREATE TABLE flow_od_vuln (LIKE flow_od INCLUDING ALL, vulnerabilities_mask integer NOT NULL);
CREATE TABLE flow_od_reason (LIKE flow_od INCLUDING ALL, reasons_mask integer NOT NULL);
CREATE TABLE flow_attr (LIKE flow_point INCLUDING ALL,
  nationality char(3), transport_mode text, reasons_mask integer NOT NULL, vulnerabilities_mask integer NOT NULL);
CREATE TABLE flow_cube (LIKE flow_od INCLUDING ALL,
  nationality char(3), transport_mode text, reasons_mask integer NOT NULL, vulnerabilities_mask integer NOT NULL);

-- Changes to observations not yet folded into the rollups, as (dataset, day range). Triggers
-- write it, so an import that forgets to call refreshRollup makes queries fall back to the
-- raw table (slow but exact) instead of answering from stale cubes. dataset_id NULL with an
-- infinite range means "everything" (TRUNCATE, or data present before this migration).
CREATE TABLE flow_rollup_dirty (
  dataset_id integer,
  first_day  date NOT NULL,
  last_day   date NOT NULL,
  marked_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX flow_rollup_dirty_days ON flow_rollup_dirty (first_day, last_day);

INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day)
SELECT NULL, '-infinity', 'infinity' WHERE EXISTS (SELECT 1 FROM observations);

CREATE FUNCTION flow_rollup_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day)
  SELECT dataset_id, min(observed_on), max(observed_on) FROM new_rows GROUP BY dataset_id;
  RETURN NULL;
END $$;

CREATE FUNCTION flow_rollup_mark_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day)
  SELECT dataset_id, min(observed_on), max(observed_on) FROM old_rows GROUP BY dataset_id;
  RETURN NULL;
END $$;

CREATE FUNCTION flow_rollup_mark_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day) VALUES (NULL, '-infinity', 'infinity');
  RETURN NULL;
END $$;

-- Statement-level with transition tables: one small insert per statement, not per row, so a
-- 10,000-row import batch costs one GROUP BY over its own rows.
CREATE TRIGGER observations_rollup_insert AFTER INSERT ON observations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION flow_rollup_mark_new();
CREATE TRIGGER observations_rollup_update_old AFTER UPDATE ON observations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION flow_rollup_mark_old();
CREATE TRIGGER observations_rollup_update_new AFTER UPDATE ON observations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION flow_rollup_mark_new();
CREATE TRIGGER observations_rollup_delete AFTER DELETE ON observations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION flow_rollup_mark_old();
CREATE TRIGGER observations_rollup_truncate AFTER TRUNCATE ON observations
  FOR EACH STATEMENT EXECUTE FUNCTION flow_rollup_mark_all();
