-- The multi-attribute flow cubes (flow_attr, flow_cube; migration 003) led by nationality,
-- like the one-attribute cubes in 007 (server/flows/cubes.ts, `lead`). They are read when a
-- request filters on two or more attributes, and nationality is nearly always one of them:
-- at 10 M demo rows, a daily series for one nationality and one reason then reads that
-- nationality's rows (about a seventh) instead of every row of the period.

CREATE INDEX flow_attr_lead ON flow_attr (grain, nationality, observed_on);
CREATE INDEX flow_cube_lead ON flow_cube (grain, nationality, observed_on);
