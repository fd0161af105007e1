-- Outreach plans and delivered activities (issue 7, ARCHITECTURE §3–§5). Written for
-- PostgreSQL 15 + PostGIS 3.3; runs on the embedded PGlite too.
--
-- A plan keeps the request that made it and the result as computed (unsuppressed: disclosure
-- control is applied when a plan is read or exported, for the caller's role), so a plan read
-- next year shows what was decided then, even after new observations arrive. Chosen sites are
-- also rows (outreach_plan_sites) so plans can be compared and delivery joined in SQL.

CREATE TABLE outreach_plans (
  id            serial PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  measure       text NOT NULL CHECK (measure IN ('movement', 'vulnerable', 'unaccompanied', 'informal')),
  method        text NOT NULL CHECK (method IN ('greedy', 'exact')),
  p             integer CHECK (p >= 1),
  budget        numeric(14, 2) CHECK (budget > 0),
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  covered       double precision NOT NULL CHECK (covered >= 0),
  total_demand  double precision NOT NULL CHECK (total_demand >= 0),
  optimal       boolean NOT NULL,
  upper_bound   double precision,
  request       jsonb NOT NULL,
  result        jsonb NOT NULL,
  created_by    text NOT NULL,
  created_by_user_id integer,
  created_at    timestamptz NOT NULL DEFAULT now(),
  -- a plan is sized by a number of sites or by a budget, never both
  CHECK ((p IS NULL) <> (budget IS NULL)),
  CHECK (period_start <= period_end)
);
CREATE INDEX outreach_plans_created ON outreach_plans (created_at DESC, id DESC);

CREATE TABLE outreach_plan_sites (
  plan_id   integer NOT NULL REFERENCES outreach_plans (id) ON DELETE CASCADE,
  rank      smallint NOT NULL CHECK (rank >= 1),
  -- SET NULL: deleting a site dataset must not rewrite a saved plan (its result keeps the name)
  site_id   integer REFERENCES outreach_sites (id) ON DELETE SET NULL,
  activity  text NOT NULL CHECK (activity IN ('drama', 'road_show', 'community_meeting')),
  reach_m   double precision NOT NULL CHECK (reach_m > 0),
  cost      numeric(12, 2) CHECK (cost >= 0),
  gain      double precision NOT NULL CHECK (gain >= 0),
  locked    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (plan_id, rank)
);
CREATE INDEX outreach_plan_sites_site ON outreach_plan_sites (site_id);

CREATE TABLE outreach_activities (
  id           serial PRIMARY KEY,
  plan_id      integer NOT NULL REFERENCES outreach_plans (id) ON DELETE CASCADE,
  site_id      integer REFERENCES outreach_sites (id) ON DELETE SET NULL,
  delivered_on date NOT NULL,
  type         text NOT NULL CHECK (type IN ('drama', 'road_show', 'community_meeting', 'materials')),
  -- people reached, as counted or estimated by the team that delivered it
  reach        integer NOT NULL CHECK (reach >= 0),
  notes        text CHECK (length(notes) <= 2000),
  recorded_by  text NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outreach_activities_plan ON outreach_activities (plan_id, delivered_on);
