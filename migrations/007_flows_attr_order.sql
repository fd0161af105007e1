-- Attribute-led indexes for the one-attribute flow cubes (issue 4; cubes in 003 and 006).
-- Such a cube is read only when a request filters on its attribute, and refreshRollup writes
-- its rows ordered by (grain, attribute, day) (server/flows/cubes.ts, `lead`), so these
-- indexes reach just the matching rows, stored together: at 10 M demo rows a year of
-- "trafficking indicators" flows reads 20,000 rows from ~250 pages instead of filtering
-- 114,000 rows. Reason and vulnerability filters are written as `mask = ANY(all masks
-- overlapping the wanted set)` so they can use them.

CREATE INDEX flow_nat_lead ON flow_nat (grain, nationality, observed_on);
CREATE INDEX flow_od_nat_lead ON flow_od_nat (grain, nationality, observed_on);
CREATE INDEX flow_mode_lead ON flow_mode (grain, transport_mode, observed_on);
CREATE INDEX flow_od_mode_lead ON flow_od_mode (grain, transport_mode, observed_on);
CREATE INDEX flow_vuln_lead ON flow_vuln (grain, vulnerabilities_mask, observed_on);
CREATE INDEX flow_od_vuln_lead ON flow_od_vuln (grain, vulnerabilities_mask, observed_on);
CREATE INDEX flow_reason_lead ON flow_reason (grain, reasons_mask, observed_on);
CREATE INDEX flow_od_reason_lead ON flow_od_reason (grain, reasons_mask, observed_on);
