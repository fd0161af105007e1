/**
 * The loader's SQL. Bulk inserts bind one array per column and unnest them: one statement
 * per batch, plain parameters, so the same text runs on PGlite and on a pg server (COPY is
 * not available through the shared Db interface).
 */

export const COUNT_PLACES = 'SELECT count(*)::int AS n FROM places';

export const INSERT_PLACES = `
INSERT INTO places (code, name, country, admin1, kind, is_approximate, geom)
SELECT u.code, u.name, u.country, u.admin1, u.kind, true, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[])
  AS u(code, name, country, admin1, kind, lon, lat)
RETURNING id, code`;

// Monitoring points are real places (approximate positions), so not synthetic.
export const INSERT_MONITORING_POINTS = `
INSERT INTO monitoring_points (code, name, kind, corridor, district, country, facing_country, place_id, hours, is_synthetic, geom)
SELECT u.code, u.name, u.kind, u.corridor, u.district, u.country, u.facing, p.id, u.hours, false,
  ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
  $10::float8[], $11::float8[]) AS u(code, name, kind, corridor, district, country, facing, place, hours, lon, lat)
JOIN places p ON p.code = u.place
RETURNING id, code`;

export const INSERT_DATASET = `
INSERT INTO datasets (name, kind, source_org, method, licence, period_start, period_end, rows_accepted, is_synthetic, imported_by)
VALUES ($1, $2, 'Corridor demo generator', 'synthetic', 'CC0', $3, $4, $5, true, 'demo generator')
RETURNING id`;

export const SET_DATASET_ROWS = 'UPDATE datasets SET rows_accepted = $2 WHERE id = $1';

export const INSERT_SERVICES = `
INSERT INTO services (source_row_id, name, kind, country, hours, capacity, is_synthetic, geom)
SELECT u.sid, u.name, u.kind, u.country, u.hours, u.capacity, true, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::float8[], $8::float8[])
  AS u(sid, name, kind, country, hours, capacity, lon, lat)`;

export const INSERT_SITES = `
INSERT INTO outreach_sites (source_row_id, name, kind, corridor, footfall, cost, is_synthetic, geom)
SELECT u.sid, u.name, u.kind, u.corridor, u.footfall, u.cost, true, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::numeric[], $7::float8[], $8::float8[])
  AS u(sid, name, kind, corridor, footfall, cost, lon, lat)`;

export const INSERT_REPORTS = `
INSERT INTO reports (dataset_id, source_row_id, reported_on, type, referral_status, monitoring_point_id, persons, geom)
SELECT $1, u.sid, $2::date + u.day, u.type, u.status, m.id, u.persons, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)
FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::int[], $9::float8[], $10::float8[])
  AS u(sid, day, type, status, point, persons, lon, lat)
LEFT JOIN monitoring_points m ON m.code = u.point`;

/**
 * One batch of observations. source_row_id = 'demo-' || zero-padded (offset + ordinal): the
 * padding makes ids rise in index order, so the unique (dataset_id, source_row_id) index takes
 * the cheap rightmost-leaf path (~15 % faster loads than 'demo-1', 'demo-10', 'demo-2' …). Reasons and
 * vulnerabilities arrive as array literals ('{economic,trade}'), one text per row, because a
 * text[][] parameter cannot hold rows of different lengths.
 */
export const INSERT_OBSERVATIONS = `
INSERT INTO observations (dataset_id, source_row_id, observed_on, monitoring_point_id, direction,
  origin_place_id, origin_country, previous_place_id, next_place_id, final_destination_place_id, destination_country,
  total, male, female, children, unaccompanied_children, nationality, transport_mode, reasons, vulnerabilities)
SELECT $1, 'demo-' || lpad(($2::bigint + u.ord)::text, 8, '0'), $3::date + u.day, u.mp, u.dir,
  u.op, u.oc, u.pp, u.np, u.dp, u.dc, u.total, u.male, u.female, u.children, u.uac, u.nat, u.mode,
  u.reasons::text[], u.vulns::text[]
FROM unnest($4::int[], $5::int[], $6::text[], $7::int[], $8::text[], $9::int[], $10::int[], $11::int[], $12::text[],
  $13::int[], $14::int[], $15::int[], $16::int[], $17::int[], $18::text[], $19::text[], $20::text[], $21::text[])
  WITH ORDINALITY AS u(day, mp, dir, op, oc, pp, np, dp, dc, total, male, female, children, uac, nat, mode, reasons, vulns, ord)`;

/**
 * Removing the demo (CLI --replace): synthetic datasets take their observations and reports
 * with them (ON DELETE CASCADE); then synthetic services and sites; then the reference
 * monitoring points and places the demo loaded, by code. Anything else still referring to
 * those places makes the DELETE fail rather than silently orphaning data.
 */
export const DELETE_SYNTHETIC = [
  // A dataset's observations partition goes whole (migration 009); the cascade takes the rest.
  `SELECT observations_drop_partition(id) FROM datasets WHERE is_synthetic AND kind = 'observations'`,
  'DELETE FROM datasets WHERE is_synthetic',
  'DELETE FROM services WHERE is_synthetic',
  'DELETE FROM outreach_sites WHERE is_synthetic',
] as const;
export const DELETE_MONITORING_POINTS = 'DELETE FROM monitoring_points WHERE code = ANY($1::text[])';
export const DELETE_PLACES = 'DELETE FROM places WHERE code = ANY($1::text[])';
