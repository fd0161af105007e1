-- Core schema (ARCHITECTURE §3). Written for the older engine (PostgreSQL 15 + PostGIS 3.3)
-- so the same file runs on the embedded PGlite (PostgreSQL 18 + PostGIS 3.6).
-- Enumerations are CHECK constraints over text rather than CREATE TYPE ... AS ENUM: adding a
-- value later is a plain constraint swap inside a migration transaction on both engines.

CREATE TABLE datasets (
  id            serial PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind          text NOT NULL CHECK (kind IN ('observations', 'reports', 'services',
                  'outreach_sites', 'monitoring_points', 'places', 'admin_areas')),
  source_org    text,
  method        text,
  licence       text,
  period_start  date,
  period_end    date,
  checksum      text,
  rows_accepted integer NOT NULL DEFAULT 0 CHECK (rows_accepted >= 0),
  rows_rejected integer NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
  is_synthetic  boolean NOT NULL DEFAULT false,
  imported_by   text,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end)
);
-- One file is one dataset: the same checksum imported again into the same kind is a re-import.
CREATE UNIQUE INDEX datasets_kind_checksum ON datasets (kind, checksum) WHERE checksum IS NOT NULL;

CREATE TABLE places (
  id         serial PRIMARY KEY,
  code       text NOT NULL UNIQUE,          -- stable slug, e.g. 'zm-sesheke'
  name       text NOT NULL,
  country    char(3) NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
  admin1     text,
  pcode      text,
  kind       text NOT NULL DEFAULT 'town' CHECK (kind IN ('capital', 'city', 'town', 'village', 'border_town', 'port')),
  is_approximate boolean NOT NULL DEFAULT true,
  geom       geometry(Point, 4326) NOT NULL,
  area       geometry(MultiPolygon, 4326)
);
CREATE INDEX places_geom_gist ON places USING gist (geom);
CREATE INDEX places_country ON places (country);

CREATE TABLE admin_areas (
  id         serial PRIMARY KEY,
  dataset_id integer REFERENCES datasets (id) ON DELETE CASCADE,
  pcode      text NOT NULL UNIQUE,
  name       text NOT NULL,
  level      smallint NOT NULL CHECK (level BETWEEN 0 AND 4),
  parent_pcode text,
  country    char(3) NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
  geom       geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX admin_areas_geom_gist ON admin_areas USING gist (geom);

CREATE TABLE monitoring_points (
  id         serial PRIMARY KEY,
  code       text NOT NULL UNIQUE,
  name       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('official_border_post', 'informal_crossing',
               'transit_hub', 'bus_station', 'market')),
  corridor   text NOT NULL CHECK (corridor IN ('sesheke', 'nakonde', 'lusaka', 'other')),
  district   text,
  country    char(3) NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
  -- the country across the border, for crossings; NULL for inland hubs
  facing_country char(3) CHECK (facing_country ~ '^[A-Z]{3}$'),
  place_id   integer REFERENCES places (id),
  active_from date,
  active_to   date,
  hours      text,
  is_synthetic boolean NOT NULL DEFAULT false,
  geom       geometry(Point, 4326) NOT NULL,
  CHECK (active_from IS NULL OR active_to IS NULL OR active_from <= active_to)
);
CREATE INDEX monitoring_points_geom_gist ON monitoring_points USING gist (geom);

CREATE TABLE observations (
  id                  bigserial PRIMARY KEY,
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
  CONSTRAINT observations_source_row UNIQUE (dataset_id, source_row_id)
);
CREATE INDEX observations_observed_on ON observations (observed_on);
CREATE INDEX observations_point_day ON observations (monitoring_point_id, observed_on);

CREATE TABLE reports (
  id              bigserial PRIMARY KEY,
  dataset_id      integer NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  source_row_id   text NOT NULL,
  reported_on     date NOT NULL,
  type            text NOT NULL CHECK (type IN ('suspected_trafficking', 'smuggling',
                    'exploitation', 'abuse', 'other')),
  referral_status text NOT NULL DEFAULT 'none' CHECK (referral_status IN ('none', 'referred',
                    'assisted', 'closed')),
  monitoring_point_id integer REFERENCES monitoring_points (id),
  persons         integer NOT NULL DEFAULT 1 CHECK (persons >= 1),
  geom            geometry(Point, 4326) NOT NULL,
  CONSTRAINT reports_source_row UNIQUE (dataset_id, source_row_id)
);
CREATE INDEX reports_geom_gist ON reports USING gist (geom);
CREATE INDEX reports_reported_on ON reports (reported_on);

CREATE TABLE services (
  id         serial PRIMARY KEY,
  dataset_id integer REFERENCES datasets (id) ON DELETE CASCADE,
  source_row_id text,
  name       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('health', 'police_vsu', 'social_welfare', 'cwac',
               'shelter', 'immigration', 'legal_aid', 'one_stop_centre', 'ngo_help_desk')),
  country    char(3) NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
  hours      text,
  contact    text,
  capacity   integer CHECK (capacity >= 0),
  is_synthetic boolean NOT NULL DEFAULT false,
  geom       geometry(Point, 4326) NOT NULL,
  CONSTRAINT services_source_row UNIQUE (dataset_id, source_row_id)
);
CREATE INDEX services_geom_gist ON services USING gist (geom);
CREATE INDEX services_kind ON services (kind);

CREATE TABLE outreach_sites (
  id         serial PRIMARY KEY,
  dataset_id integer REFERENCES datasets (id) ON DELETE CASCADE,
  source_row_id text,
  name       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('market', 'bus_station', 'border_post', 'school',
               'church', 'clinic', 'community_hall', 'truck_stop')),
  corridor   text NOT NULL CHECK (corridor IN ('sesheke', 'nakonde', 'lusaka', 'other')),
  footfall   integer CHECK (footfall >= 0),     -- estimated people per week
  cost       numeric(12, 2) CHECK (cost >= 0),  -- typical cost of one activity here
  is_synthetic boolean NOT NULL DEFAULT false,
  geom       geometry(Point, 4326) NOT NULL,
  CONSTRAINT outreach_sites_source_row UNIQUE (dataset_id, source_row_id)
);
CREATE INDEX outreach_sites_geom_gist ON outreach_sites USING gist (geom);
