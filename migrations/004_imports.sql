-- Imports (issue 5, ARCHITECTURE §4 ingest): one row per uploaded file, its progress and its
-- error report; the rows it rejected, for the downloadable CSV. Written for PostgreSQL 15.

CREATE TABLE imports (
  id            serial PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('observations', 'reports', 'services',
                  'outreach_sites', 'monitoring_points', 'places', 'admin_areas')),
  mode          text NOT NULL CHECK (mode IN ('all-or-nothing', 'valid-rows')),
  -- queued → validating → writing → committed; or unchanged (the same file again), rejected
  -- (validation failed: nothing written), failed (an unexpected error: nothing written)
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'validating', 'writing',
                  'committed', 'unchanged', 'rejected', 'failed')),
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_format   text CHECK (file_format IN ('csv', 'xlsx', 'geojson')),
  file_bytes    bigint NOT NULL CHECK (file_bytes >= 0),
  checksum      text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
  -- dataset name, source organisation, method, licence, period, sheet, mapping override
  options       jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- the dataset written (or found again, for 'unchanged'); kept when the dataset is deleted
  dataset_id    integer,
  rows_read     integer NOT NULL DEFAULT 0,
  rows_valid    integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  rows_inserted integer NOT NULL DEFAULT 0,
  -- valid rows already present (same dataset and source row id, or same code)
  rows_skipped  integer NOT NULL DEFAULT 0,
  percent       smallint NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  header        text[],
  report        jsonb,
  message       text,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX imports_kind_checksum ON imports (kind, checksum);

-- Rejected rows as the file had them, with the reasons: GET /imports/:id/rejected.csv.
CREATE TABLE import_rejects (
  import_id  integer NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  cells      text[] NOT NULL,
  errors     text NOT NULL,
  PRIMARY KEY (import_id, row_number)
);

-- Places and monitoring points are keyed by code, not by dataset; knowing which dataset brought
-- them lets DELETE /datasets/:id remove an imported gazetteer as a whole. It fails (and rolls
-- back) while observations still refer to them: deleting reference data must not orphan flows.
ALTER TABLE places ADD COLUMN dataset_id integer REFERENCES datasets (id) ON DELETE CASCADE;
ALTER TABLE monitoring_points ADD COLUMN dataset_id integer REFERENCES datasets (id) ON DELETE CASCADE;
CREATE INDEX places_dataset ON places (dataset_id) WHERE dataset_id IS NOT NULL;
CREATE INDEX monitoring_points_dataset ON monitoring_points (dataset_id) WHERE dataset_id IS NOT NULL;
