-- Real places (issue 15): corridors as data, admin areas with P-codes, and the admin areas of
-- everything located. Written for PostgreSQL 15 + PostGIS 3.3; runs on the embedded PGlite too.

-- Corridors were a CHECK list ('sesheke', 'nakonde', 'lusaka', 'other'). They become rows, seeded
-- with the same codes, so every existing monitoring point, outreach site and saved plan keeps
-- its meaning. Rows reference a corridor by its code: codes are immutable once created (the API
-- refuses to change one), alert rules (issue 17) and saved plans' requests name them, and a
-- foreign key on the code keeps imports and demo loads writing the word they always wrote.
CREATE TABLE corridors (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  description text CHECK (length(description) <= 2000),
  colour      text NOT NULL DEFAULT '#6b7280' CHECK (colour ~ '^#[0-9a-f]{6}$'),
  -- district names (level 2 of admin_areas), not P-codes: the vendored district codes are the
  -- project's own and change when an official P-coded file is imported; names do not
  districts   text[] NOT NULL DEFAULT '{}',
  active_from date,
  active_to   date,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (active_from IS NULL OR active_to IS NULL OR active_from <= active_to)
);

INSERT INTO corridors (code, name, description, colour, districts) VALUES
  ('sesheke', 'Sesheke', 'Western corridor: Katima Mulilo bridge, Sesheke pontoon and Kazungula towards Namibia and Botswana', '#0b3c8c', '{Sesheke,Mwandi,Kazungula}'),
  ('nakonde', 'Nakonde', 'Northern corridor: Nakonde–Tunduma towards Tanzania', '#e4572e', '{Nakonde}'),
  ('lusaka', 'Lusaka', 'Inland hub: Lusaka bus stations and markets', '#7b2d8e', '{Lusaka}'),
  ('other', 'Other', 'Points and sites on no named corridor', '#6b7280', '{}');

ALTER TABLE monitoring_points DROP CONSTRAINT monitoring_points_corridor_check;
ALTER TABLE monitoring_points ADD CONSTRAINT monitoring_points_corridor_fkey FOREIGN KEY (corridor) REFERENCES corridors (code);
ALTER TABLE outreach_sites DROP CONSTRAINT outreach_sites_corridor_check;
ALTER TABLE outreach_sites ADD CONSTRAINT outreach_sites_corridor_fkey FOREIGN KEY (corridor) REFERENCES corridors (code);
CREATE INDEX monitoring_points_corridor ON monitoring_points (corridor);
CREATE INDEX outreach_sites_corridor ON outreach_sites (corridor);

-- Admin areas: where a boundary set came from, and whether its P-codes are official. The
-- vendored districts carry project codes (pcode_official = false) until a data manager imports
-- an official P-coded file for level 2.
ALTER TABLE admin_areas ADD COLUMN source text;
ALTER TABLE admin_areas ADD COLUMN pcode_official boolean NOT NULL DEFAULT true;
ALTER TABLE admin_areas ADD COLUMN loaded_at timestamptz NOT NULL DEFAULT now();
-- the geometry as given was invalid and was repaired with ST_MakeValid (reported at import)
ALTER TABLE admin_areas ADD COLUMN repaired boolean NOT NULL DEFAULT false;
CREATE INDEX admin_areas_level ON admin_areas (level, pcode);

-- Areas cut into pieces of at most 128 vertices (ST_Subdivide), kept in step with admin_areas by
-- a trigger: a point-in-polygon test against a small piece found through the index is far
-- cheaper than against a whole province outline of tens of thousands of vertices.
CREATE TABLE admin_area_parts (
  pcode   text NOT NULL REFERENCES admin_areas (pcode) ON DELETE CASCADE ON UPDATE CASCADE,
  level   smallint NOT NULL,
  country char(3) NOT NULL,
  geom    geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX admin_area_parts_geom ON admin_area_parts USING gist (geom);
CREATE INDEX admin_area_parts_pcode ON admin_area_parts (pcode);

CREATE FUNCTION admin_area_parts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM admin_area_parts WHERE pcode = NEW.pcode;
  END IF;
  INSERT INTO admin_area_parts (pcode, level, country, geom)
    SELECT NEW.pcode, NEW.level, NEW.country, d.geom FROM ST_Subdivide(NEW.geom, 128) AS sd(g), LATERAL ST_Dump(sd.g) d
     WHERE GeometryType(d.geom) = 'POLYGON';
  RETURN NULL;
END
$$;
CREATE TRIGGER admin_areas_parts AFTER INSERT OR UPDATE OF geom, level, country ON admin_areas FOR EACH ROW EXECUTE FUNCTION admin_area_parts_sync();

-- The area of a level that holds a point. A point on a shared boundary touches several areas:
-- the lowest P-code wins, so the answer never depends on row order. A point in no area but
-- within 0.02° (about 2 km) of an area of its own country goes to the nearest one: positions are
-- approximate to about 1 km and border posts sit on the boundary river (Kazungula, Mwandi).
-- Otherwise NULL: outside the loaded boundaries ("outside Zambia"); the row keeps its country.
CREATE FUNCTION admin_area_near(p geometry, lvl integer, own_country text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT pcode FROM admin_area_parts WHERE own_country IS NOT NULL AND level = lvl AND country = own_country AND ST_DWithin(geom, p, 0.02)
   ORDER BY ST_Distance(geom, p), pcode LIMIT 1
$$;

CREATE FUNCTION admin_area_at(p geometry, lvl integer, own_country text DEFAULT NULL) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(
    (SELECT min(pcode) FROM admin_area_parts WHERE level = lvl AND ST_Intersects(geom, p)),
    admin_area_near(p, lvl, own_country))
$$;

ALTER TABLE monitoring_points ADD COLUMN adm1_pcode text, ADD COLUMN adm2_pcode text;
ALTER TABLE services ADD COLUMN adm1_pcode text, ADD COLUMN adm2_pcode text;
ALTER TABLE outreach_sites ADD COLUMN adm1_pcode text, ADD COLUMN adm2_pcode text;
ALTER TABLE places ADD COLUMN adm1_pcode text, ADD COLUMN adm2_pcode text;
ALTER TABLE reports ADD COLUMN adm1_pcode text, ADD COLUMN adm2_pcode text;
CREATE INDEX monitoring_points_adm ON monitoring_points (adm1_pcode, adm2_pcode);
CREATE INDEX services_adm ON services (adm1_pcode, adm2_pcode);
CREATE INDEX outreach_sites_adm ON outreach_sites (adm1_pcode, adm2_pcode);
CREATE INDEX places_adm ON places (adm1_pcode, adm2_pcode);
CREATE INDEX reports_adm ON reports (adm1_pcode, adm2_pcode);

-- New and moved rows get their areas as they are written (imports, demo loads, edits).
CREATE FUNCTION set_admin_areas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- reports and outreach sites have no country column: no snapping for them
  NEW.adm1_pcode := admin_area_at(NEW.geom, 1, to_jsonb(NEW)->>'country');
  NEW.adm2_pcode := admin_area_at(NEW.geom, 2, to_jsonb(NEW)->>'country');
  RETURN NEW;
END
$$;
CREATE TRIGGER monitoring_points_adm BEFORE INSERT OR UPDATE OF geom ON monitoring_points FOR EACH ROW EXECUTE FUNCTION set_admin_areas();
CREATE TRIGGER services_adm BEFORE INSERT OR UPDATE OF geom ON services FOR EACH ROW EXECUTE FUNCTION set_admin_areas();
CREATE TRIGGER outreach_sites_adm BEFORE INSERT OR UPDATE OF geom ON outreach_sites FOR EACH ROW EXECUTE FUNCTION set_admin_areas();
CREATE TRIGGER places_adm BEFORE INSERT OR UPDATE OF geom ON places FOR EACH ROW EXECUTE FUNCTION set_admin_areas();
CREATE TRIGGER reports_adm BEFORE INSERT OR UPDATE OF geom ON reports FOR EACH ROW EXECUTE FUNCTION set_admin_areas();

-- After a boundary set changes: every located row's areas again, as one spatial join per table
-- (the same rule as admin_area_at: lowest P-code among the areas holding the point, else the
-- nearest of its own country within 0.02°), writing only rows whose areas changed. Returns how
-- many rows changed.
CREATE FUNCTION refresh_admin_areas() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  t text[];
  n bigint;
  total bigint := 0;
BEGIN
  FOREACH t SLICE 1 IN ARRAY ARRAY[['monitoring_points', 't.country::text'], ['services', 't.country::text'], ['places', 't.country::text'],
                                   ['outreach_sites', 'NULL::text'], ['reports', 'NULL::text']] LOOP
    EXECUTE format(
      'WITH x AS (
         SELECT t.id, t.geom, %2$s AS c, min(p.pcode) FILTER (WHERE p.level = 1) AS a1, min(p.pcode) FILTER (WHERE p.level = 2) AS a2
           FROM %1$I t LEFT JOIN admin_area_parts p ON p.level IN (1, 2) AND ST_Intersects(p.geom, t.geom) GROUP BY t.id),
       y AS (
         SELECT id, coalesce(a1, CASE WHEN c IS NOT NULL THEN admin_area_near(geom, 1, c) END) AS a1,
                    coalesce(a2, CASE WHEN c IS NOT NULL THEN admin_area_near(geom, 2, c) END) AS a2 FROM x)
       UPDATE %1$I r SET adm1_pcode = y.a1, adm2_pcode = y.a2 FROM y
        WHERE y.id = r.id AND (r.adm1_pcode IS DISTINCT FROM y.a1 OR r.adm2_pcode IS DISTINCT FROM y.a2)', t[1], t[2]);
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
  END LOOP;
  RETURN total;
END
$$;

-- Areas of a level without a parent get the area one level up that holds a point inside them
-- (ST_PointOnSurface), else the one they overlap most: simplified district outlines do not
-- follow the province lines exactly.
CREATE FUNCTION link_admin_parents(lvl integer) RETURNS void LANGUAGE sql AS $$
  UPDATE admin_areas d SET parent_pcode = coalesce(
    (SELECT p.pcode FROM admin_areas p WHERE p.level = lvl - 1 AND ST_Intersects(p.geom, ST_PointOnSurface(d.geom)) ORDER BY p.pcode LIMIT 1),
    (SELECT p.pcode FROM admin_areas p WHERE p.level = lvl - 1 AND ST_Intersects(p.geom, d.geom)
      ORDER BY ST_Area(ST_Intersection(p.geom, d.geom)) DESC, p.pcode LIMIT 1))
  WHERE d.level = lvl AND d.parent_pcode IS NULL
$$;

-- Boundary files also come as zipped shapefiles (ingest/shapefile.ts).
ALTER TABLE imports DROP CONSTRAINT imports_file_format_check;
ALTER TABLE imports ADD CONSTRAINT imports_file_format_check CHECK (file_format IN ('csv', 'xlsx', 'geojson', 'shapefile'));
