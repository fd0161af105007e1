-- Barriers to travel (issue 13): reference geography that a trip may cross only at a crossing
-- point, read by the service-access analysis (server/access). Written for PostgreSQL 15 +
-- PostGIS 3.3; runs on the embedded PGlite too.
--
-- Reference data, not demo data: every database gets the rows, whatever else it holds. They are
-- loaded from data/ (server/db/reference.ts) each time the migrations run, so an edited trace
-- reaches every database at its next start; rows loaded from a file are keyed by name and
-- replaced from it. Crossing points are not stored here: they are the monitoring points of kind
-- official_border_post or informal_crossing, which the analysis matches to the river by distance.

CREATE TABLE barriers (
  id       serial PRIMARY KEY,
  name     text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  -- river: crossed only at a crossing point near it; border: drawn and documented (the access
  -- model tells countries apart by each point's country, not by a border line)
  kind     text NOT NULL CHECK (kind IN ('river', 'border')),
  geom     geometry(LineString, 4326) NOT NULL CHECK (ST_IsValid(geom) AND ST_NPoints(geom) >= 2),
  -- where the row came from (e.g. data/geography.json) and what it is good for
  source   text NOT NULL,
  about    text,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX barriers_geom ON barriers USING gist (geom);
