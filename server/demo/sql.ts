/**
 * The loader's SQL. The small catalog tables bind one array per column and unnest them: one
 * statement each, plain parameters. The observations go by COPY (copy.ts).
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
