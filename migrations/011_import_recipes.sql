-- Import recipes (issue 14): how a partner's file maps onto a kind, stored by name and version.
-- A recipe is never changed in place: an edit adds a version, and an import records the version
-- it ran with, so a dataset's provenance names the recipe as it was. Deleting a recipe hides it
-- (deleted_at) and frees its name; the versions stay for the imports that used them.

CREATE TABLE import_recipes (
  id         serial PRIMARY KEY,
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind       text NOT NULL CHECK (kind IN ('observations', 'reports', 'services',
               'outreach_sites', 'monitoring_points', 'places', 'admin_areas')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX import_recipes_name ON import_recipes (lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE import_recipe_versions (
  recipe_id  integer NOT NULL REFERENCES import_recipes (id),
  version    integer NOT NULL CHECK (version >= 1),
  body       jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (recipe_id, version)
);

ALTER TABLE imports ADD COLUMN recipe_id integer;
ALTER TABLE imports ADD COLUMN recipe_version integer;
ALTER TABLE imports ADD CONSTRAINT imports_recipe FOREIGN KEY (recipe_id, recipe_version)
  REFERENCES import_recipe_versions (recipe_id, version);
CREATE INDEX imports_dataset ON imports (dataset_id) WHERE dataset_id IS NOT NULL;

-- Several sheets go into one import: a rejected row is known by its sheet (the recipe's order) and row.
ALTER TABLE import_rejects ADD COLUMN sheet smallint NOT NULL DEFAULT 0;
ALTER TABLE import_rejects DROP CONSTRAINT import_rejects_pkey;
ALTER TABLE import_rejects ADD PRIMARY KEY (import_id, sheet, row_number);
