-- Day rows of the flow rollups live once (issue 19, small on disk): in flow_cube, which holds
-- every dimension, and in flow_point, which answers daily series without filters. In the ten
-- other cubes the day rows were nearly as many as the observations themselves (1.03 million of
-- their 1.5 million rows on the 200,000-row demo, about 120 MB); a query's day parts (at most
-- the days at either end of its period not covered by whole weeks or months) now read
-- flow_cube's days instead (server/query/sql.ts), and refreshes no longer write them
-- (server/query/rollup.ts). Existing day rows are removed here; their space is reused by
-- later refreshes.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['flow_od', 'flow_od_nat', 'flow_od_mode', 'flow_od_vuln', 'flow_od_reason',
    'flow_attr', 'flow_nat', 'flow_mode', 'flow_vuln', 'flow_reason'] LOOP
    EXECUTE format('DELETE FROM %I WHERE grain = %L', t, 'd');
  END LOOP;
END $$;
