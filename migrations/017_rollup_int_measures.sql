-- The flow cubes' sums as integer instead of bigint (issue 19, small on disk): 24 bytes less
-- per row in every cube. Every cube row is the sum of one group of observations over at most a
-- calendar month (grain 'm'), and observations.total is itself an integer: a month of one
-- monitoring point would need over two billion people to overflow, and an overflow stops the
-- refresh with an error rather than storing a wrong count. Queries still sum these columns
-- into bigint, so totals over many rows and years cannot overflow.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['flow_point', 'flow_od', 'flow_od_nat', 'flow_od_mode', 'flow_od_vuln', 'flow_od_reason',
    'flow_attr', 'flow_cube', 'flow_nat', 'flow_mode', 'flow_vuln', 'flow_reason'] LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN obs TYPE integer, ALTER COLUMN total TYPE integer,
      ALTER COLUMN male TYPE integer, ALTER COLUMN female TYPE integer, ALTER COLUMN children TYPE integer,
      ALTER COLUMN unaccompanied_children TYPE integer', t);
  END LOOP;
END $$;
