-- Four more flow cubes (issue 4; see 003_flows_rollup.sql): one attribute each, without
-- origin and destination. A time series, crossings or breakdown filtered on one attribute
-- (nationality, transport, reason or vulnerability) needs no OD, and with it the smallest cube
-- holding the attribute was flow_od_<attr>: at 10 M demo rows ~3,000 rows per week instead of
-- ~100 here. Same columns, grains and refresh as the others (server/flows/cubes.ts).

CREATE TABLE flow_nat (LIKE flow_point INCLUDING ALL, nationality char(3));
CREATE TABLE flow_mode (LIKE flow_point INCLUDING ALL, transport_mode text);
CREATE TABLE flow_vuln (LIKE flow_point INCLUDING ALL, vulnerabilities_mask integer NOT NULL);
CREATE TABLE flow_reason (LIKE flow_point INCLUDING ALL, reasons_mask integer NOT NULL);

-- Existing data has no rows in the new cubes yet: mark everything for a rebuild, so queries
-- read the raw table (exact) until refreshRollup() runs.
INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day)
SELECT NULL, '-infinity', 'infinity' WHERE EXISTS (SELECT 1 FROM observations);
