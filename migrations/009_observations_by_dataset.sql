-- Observations partitioned by dataset (issue 5: import throughput). A bulk import on the server
-- loads a new dataset into a table of its own that has no indexes and no foreign keys yet, builds
-- each index in one sorted pass and attaches the table: the foreign keys are then checked by one
-- join each, not by a trigger query per row and key (server/ingest/bulk.ts). Every observations
-- dataset gets its partition (observations_partition); rows of any other dataset id land in the
-- default one. Deleting a dataset drops its partition instead of deleting its rows one by one.
-- The key is (dataset_id, source_row_id), what a re-import matches on; id keeps an index of its own.

-- The rows wait in a temporary table, so the new table's constraints keep their usual names.
CREATE TEMPORARY TABLE observations_moving ON COMMIT DROP AS SELECT * FROM observations;
ALTER SEQUENCE observations_id_seq OWNED BY NONE;
DROP TABLE observations;

CREATE TABLE observations (
  id                  bigint NOT NULL DEFAULT nextval('observations_id_seq'),
  dataset_id          integer NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  source_row_id       text NOT NULL,
  observed_on         date NOT NULL,
  observed_at         time,
  monitoring_point_id integer NOT NULL REFERENCES monitoring_points (id),
  direction           text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'transit')),
  origin_place_id     integer REFERENCES places (id),
  origin_country      char(3) CHECK (origin_country ~ '^[A-Z]{3}$'),
  previous_place_id   integer REFERENCES places (id),
  next_place_id       integer REFERENCES places (id),
  final_destination_place_id integer REFERENCES places (id),
  destination_country char(3) CHECK (destination_country ~ '^[A-Z]{3}$'),
  total               integer NOT NULL CHECK (total >= 0),
  male                integer NOT NULL DEFAULT 0 CHECK (male >= 0),
  female              integer NOT NULL DEFAULT 0 CHECK (female >= 0),
  children            integer NOT NULL DEFAULT 0 CHECK (children >= 0),
  unaccompanied_children integer NOT NULL DEFAULT 0 CHECK (unaccompanied_children >= 0),
  nationality         char(3) CHECK (nationality ~ '^[A-Z]{3}$'),
  transport_mode      text CHECK (transport_mode IN ('foot', 'bicycle', 'bus', 'minibus',
                        'truck', 'car', 'motorbike', 'boat', 'train', 'other')),
  reasons             text[] NOT NULL DEFAULT '{}' CHECK (reasons <@ ARRAY['economic', 'family',
                        'trade', 'education', 'health', 'seasonal', 'asylum', 'tourism', 'other']::text[]),
  vulnerabilities     text[] NOT NULL DEFAULT '{}' CHECK (vulnerabilities <@ ARRAY[
                        'unaccompanied_child', 'pregnant_lactating', 'disability', 'elderly',
                        'trafficking_indicators']::text[]),
  CONSTRAINT observations_sex_le_total CHECK (male + female <= total),
  CONSTRAINT observations_children_le_total CHECK (children <= total),
  CONSTRAINT observations_uac_le_children CHECK (unaccompanied_children <= children),
  CONSTRAINT observations_source_row PRIMARY KEY (dataset_id, source_row_id)
) PARTITION BY LIST (dataset_id);
-- Record exports page through observations in id order (server/export/records.ts).
CREATE INDEX observations_id ON observations (id);
CREATE INDEX observations_observed_on ON observations (observed_on);
CREATE INDEX observations_point_day ON observations (monitoring_point_id, observed_on);
CREATE TABLE observations_default PARTITION OF observations DEFAULT;

-- The partition of one dataset, created when missing. Its name is derived from the id alone.
CREATE FUNCTION observations_partition(ds integer) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  name text := 'observations_d' || ds;
BEGIN
  IF to_regclass(name) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF observations FOR VALUES IN (%s)', name, ds);
  END IF;
  RETURN name;
END $$;

-- Drops a dataset's partition, if it has one, and marks the dataset for the rollup refresh
-- (dropping fires no delete trigger). Its rows are gone at once instead of one by one.
CREATE FUNCTION observations_drop_partition(ds integer) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  name text := 'observations_d' || ds;
BEGIN
  IF to_regclass(name) IS NULL THEN
    RETURN false;
  END IF;
  INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day) VALUES (ds, '-infinity', 'infinity');
  EXECUTE format('DROP TABLE %I', name);
  RETURN true;
END $$;

SELECT observations_partition(id) FROM datasets WHERE kind = 'observations' ORDER BY id;
INSERT INTO observations SELECT * FROM observations_moving;
ALTER SEQUENCE observations_id_seq OWNED BY observations.id;

-- The rollup marks of migration 003, now on the partitioned table (created after the move above,
-- which changed no data). A bulk import attaches a partition, which fires no trigger: it marks
-- its dataset itself.
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
