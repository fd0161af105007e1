-- Awareness surveys (issue 16, docs/awareness.md): surveys (baseline, midline, endline), their
-- respondent microdata (one row per respondent, imported as kind survey_respondents), and the
-- indicators read from them, defined as data. Written for PostgreSQL 15 + PostGIS 3.3.

-- A new import kind: the datasets, imports and recipes CHECK lists gain survey_respondents.
ALTER TABLE datasets DROP CONSTRAINT datasets_kind_check;
ALTER TABLE datasets ADD CONSTRAINT datasets_kind_check CHECK (kind IN ('observations', 'reports', 'services',
  'outreach_sites', 'monitoring_points', 'places', 'admin_areas', 'survey_respondents'));
ALTER TABLE imports DROP CONSTRAINT imports_kind_check;
ALTER TABLE imports ADD CONSTRAINT imports_kind_check CHECK (kind IN ('observations', 'reports', 'services',
  'outreach_sites', 'monitoring_points', 'places', 'admin_areas', 'survey_respondents'));
ALTER TABLE import_recipes DROP CONSTRAINT import_recipes_kind_check;
ALTER TABLE import_recipes ADD CONSTRAINT import_recipes_kind_check CHECK (kind IN ('observations', 'reports', 'services',
  'outreach_sites', 'monitoring_points', 'places', 'admin_areas', 'survey_respondents'));

-- An indicator: the answers to one question that count as yes, over a denominator, optionally
-- among the respondents who gave one of `among_yes` to `among_question`.
CREATE TABLE awareness_indicators (
  code           text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  label          text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  description    text CHECK (length(description) <= 2000),
  question       text NOT NULL CHECK (question ~ '^[a-z][a-z0-9_]{0,63}$'),
  yes            text[] NOT NULL CHECK (cardinality(yes) >= 1),
  denominator    text NOT NULL DEFAULT 'answered' CHECK (denominator IN ('answered', 'all')),
  among_question text CHECK (among_question ~ '^[a-z][a-z0-9_]{0,63}$'),
  among_yes      text[],
  position       integer NOT NULL DEFAULT 0,
  CHECK ((among_question IS NULL) = (among_yes IS NULL))
);

-- The default set follows the "Know Before You Go" strategy's baseline questions. Answers are
-- stored normalised (server/awareness/answers.ts): yes/no for booleans, lower-case choice names.
INSERT INTO awareness_indicators (code, label, description, question, yes, position) VALUES
  ('aware_risks', 'Aware of trafficking risks', 'Has heard of human trafficking and can name a risk of unsafe migration', 'aware_risks', '{yes}', 1),
  ('knows_requirements', 'Knows the requirements for safe, regular migration', 'Knows that a passport, permit or border pass is needed to cross regularly', 'knows_requirements', '{yes}', 2),
  ('knows_reporting', 'Knows how to report a case', 'Can name a way to report a suspected trafficking case (police VSU, hotline, CWAC)', 'knows_reporting', '{yes}', 3),
  ('would_report', 'Would report a case', 'Says they would report a suspected case they witnessed', 'would_report', '{yes}', 4),
  ('trusts_action', 'Trusts that a report leads to action', 'Believes a report to the authorities would be acted upon', 'trusts_action', '{yes}', 5),
  ('knows_help', 'Knows a CWAC or other place to get help', 'Can name a Community Welfare Assistance Committee or another place to get help', 'knows_help', '{yes}', 6),
  ('exposure', 'Heard or saw a "Know Before You Go" message', 'Heard or saw a message in the last 12 months, through any channel (a select_multiple of channels)', 'exposure_channels',
   '{drama,road_show,community_meeting,radio,poster,sms,other}', 7);

-- One row per survey: a dataset may hold several surveys (a file with baseline and endline).
CREATE TABLE awareness_surveys (
  id         serial PRIMARY KEY,
  dataset_id integer NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  round      text NOT NULL CHECK (round IN ('baseline', 'midline', 'endline')),
  UNIQUE (dataset_id, name, round)
);

-- Respondent microdata: data managers only (docs/privacy.md). Everyone else sees estimates.
CREATE TABLE awareness_respondents (
  dataset_id     integer NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  source_row_id  text NOT NULL,
  survey_id      integer NOT NULL REFERENCES awareness_surveys (id) ON DELETE CASCADE,
  survey         text NOT NULL,
  round          text NOT NULL,
  interviewed_on date,
  stratum        text,
  cluster        text,
  weight         double precision NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight < 'Infinity'),
  -- finite population correction as given (population PSUs of the stratum); recorded, not yet used
  fpc            double precision CHECK (fpc > 0),
  -- a district name as admin_areas level 2 spells it (names outlive the project's own codes)
  district       text,
  sex            text CHECK (sex IN ('female', 'male')),
  age            smallint CHECK (age BETWEEN 0 AND 120),
  geom           geometry(Point, 4326),
  answers        jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (dataset_id, source_row_id)
);
CREATE INDEX awareness_respondents_survey ON awareness_respondents (survey_id);

-- The import writes survey name and round on each row; the survey row is found or made here,
-- so the generic import insert needs no second table.
CREATE FUNCTION awareness_respondent_survey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.survey_id IS NULL THEN
    INSERT INTO awareness_surveys (dataset_id, name, round) VALUES (NEW.dataset_id, NEW.survey, NEW.round)
      ON CONFLICT (dataset_id, name, round) DO NOTHING;
    SELECT id INTO NEW.survey_id FROM awareness_surveys WHERE dataset_id = NEW.dataset_id AND name = NEW.survey AND round = NEW.round;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER awareness_respondents_survey BEFORE INSERT ON awareness_respondents FOR EACH ROW EXECUTE FUNCTION awareness_respondent_survey();
