-- Issue 21 §6: protection reports below data manager are shown at the centre of their H3 cell,
-- like every other area aggregate, instead of a ~5 km square grid. PostGIS has no H3 (and the
-- embedded PGlite cannot load h3-pg), so this is H3's own point → cell-centre arithmetic
-- (h3lib faceijk.c: closest icosahedron face, gnomonic projection, hex rounding, and back),
-- enough to find the centre of the cell holding a point. Pentagons (12 cells per resolution,
-- none on land near the programme's districts) are not special-cased.
-- tests/api/auth-coarsen.test.ts checks the result against h3-js (cellToLatLng(latLngToCell)).
CREATE OR REPLACE FUNCTION h3_cell_centre(g geometry, res int) RETURNS geometry
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  -- icosahedron face centres on the unit sphere, and each face's i-axis azimuth (Class II)
  fx double precision[] := ARRAY[0.2199307791404606, -0.2139234834501421, 0.1092625278784797, 0.7428567301586791, 0.8112534709140969,
    -0.1055498149613921, -0.8075407579970092, -0.2846148069787907, 0.7405621473854482, 0.8512303986474293, -0.7405621473854481,
    -0.8512303986474292, 0.1055498149613919, 0.8075407579970092, 0.2846148069787908, -0.7428567301586791, -0.8112534709140971,
    -0.2199307791404607, 0.2139234834501420, -0.1092625278784796];
  fy double precision[] := ARRAY[0.6583691780274996, 0.1478171829550703, -0.4811951572873210, -0.3593941678278028, 0.3448953237639384,
    0.9794457296411413, 0.1533552485898818, -0.8644080972654206, -0.6673299564565524, 0.4722343788582681, 0.6673299564565524,
    -0.4722343788582682, -0.9794457296411413, -0.1533552485898819, 0.8644080972654204, 0.3593941678278027, -0.3448953237639382,
    -0.6583691780274996, -0.1478171829550704, 0.4811951572873210];
  fz double precision[] := ARRAY[0.7198475378926182, 0.9656017935214205, 0.8697775121287253, 0.5648005936517033, 0.4721387736413930,
    0.1718874610009365, 0.5695261994882688, 0.4144792552473539, -0.0789837646326737, -0.2289137388687808, 0.0789837646326737,
    0.2289137388687808, -0.1718874610009365, -0.5695261994882688, -0.4144792552473539, -0.5648005936517033, -0.4721387736413930,
    -0.7198475378926182, -0.9656017935214205, -0.8697775121287253];
  az0 double precision[] := ARRAY[5.619958268523939882, 5.760339081714187279, 0.780213654393430055, 0.430469363979999913,
    6.130269123335111400, 2.692877706530642877, 2.982963003477243874, 3.532912002790141181, 3.494305004259568154,
    3.003214169499538391, 5.930472956509811562, 0.138378484090254847, 0.448714947059150361, 0.158629650112549365,
    5.891865957979238535, 2.711123289609793325, 3.294508837434268316, 3.804819692245439833, 3.664438879055192436,
    2.361378999196363184];
  sqrt7 constant double precision := 2.6457513110645905905016157536392604257102;
  res0_u constant double precision := 0.38196601125010500003;
  ap7 constant double precision := 0.333473172251832115336090755351601070065900389;
  twopi constant double precision := 2 * pi();
  lat double precision := radians(ST_Y(g));
  lon double precision := radians(ST_X(g));
  px double precision := cos(lat) * cos(lon);
  py double precision := cos(lat) * sin(lon);
  pz double precision := sin(lat);
  f int := 1; best double precision := 5; d double precision;
  cx double precision; cy double precision; cz double precision;
  nx double precision; ny double precision; nz double precision; nn double precision;
  ex double precision; ey double precision; ez double precision;
  qx double precision; qy double precision; qz double precision; dot double precision;
  r double precision; theta double precision; x double precision; y double precision;
  a1 double precision; a2 double precision; x1 double precision; x2 double precision; r1 double precision; r2 double precision;
  m1 int; m2 int; i int; j int;
BEGIN
  IF res < 0 OR res > 15 THEN RAISE EXCEPTION 'H3 resolution % out of range', res; END IF;
  FOR k IN 1..20 LOOP
    d := (fx[k] - px) ^ 2 + (fy[k] - py) ^ 2 + (fz[k] - pz) ^ 2;
    IF d < best THEN best := d; f := k; END IF;
  END LOOP;
  cx := fx[f]; cy := fy[f]; cz := fz[f];
  -- tangent basis at the face centre: north (towards the pole), east = north × centre
  nx := -cz * cx; ny := -cz * cy; nz := 1 - cz * cz;
  nn := sqrt(nx * nx + ny * ny + nz * nz); nx := nx / nn; ny := ny / nn; nz := nz / nn;
  ex := ny * cz - nz * cy; ey := nz * cx - nx * cz; ez := nx * cy - ny * cx;
  r := acos(greatest(-1, least(1, 1 - best / 2)));
  IF r < 1e-16 THEN
    x := 0; y := 0;
  ELSE
    dot := px * cx + py * cy + pz * cz;
    qx := px - dot * cx; qy := py - dot * cy; qz := pz - dot * cz;
    theta := atan2(qx * ex + qy * ey + qz * ez, qx * nx + qy * ny + qz * nz);
    theta := az0[f] - (theta - twopi * floor(theta / twopi));
    theta := theta - twopi * floor(theta / twopi);
    IF res % 2 = 1 THEN theta := theta - ap7; theta := theta - twopi * floor(theta / twopi); END IF;
    r := tan(r) / res0_u * sqrt7 ^ res;
    x := r * cos(theta); y := r * sin(theta);
  END IF;
  -- hex2d → containing hex (DGGRID's rounding, as _hex2dToCoordIJK)
  a1 := abs(x); a2 := abs(y);
  x2 := a2 / sin(pi() / 3); x1 := a1 + x2 / 2;
  m1 := trunc(x1); m2 := trunc(x2); r1 := x1 - m1; r2 := x2 - m2;
  IF r1 < 0.5 THEN
    IF r1 < 1.0 / 3 THEN
      i := m1; j := CASE WHEN r2 < (1 + r1) / 2 THEN m2 ELSE m2 + 1 END;
    ELSE
      j := CASE WHEN r2 < 1 - r1 THEN m2 ELSE m2 + 1 END;
      i := CASE WHEN 1 - r1 <= r2 AND r2 < 2 * r1 THEN m1 + 1 ELSE m1 END;
    END IF;
  ELSE
    IF r1 < 2.0 / 3 THEN
      j := CASE WHEN r2 < 1 - r1 THEN m2 ELSE m2 + 1 END;
      i := CASE WHEN 2 * r1 - 1 < r2 AND r2 < 1 - r1 THEN m1 ELSE m1 + 1 END;
    ELSE
      i := m1 + 1; j := CASE WHEN r2 < r1 / 2 THEN m2 ELSE m2 + 1 END;
    END IF;
  END IF;
  IF x < 0 THEN
    IF j % 2 = 0 THEN i := i - 2 * (i - j / 2); ELSE i := i - (2 * (i - (j + 1) / 2) + 1); END IF;
  END IF;
  IF y < 0 THEN i := i - (2 * j + 1) / 2; j := -j; END IF;
  -- the hex's centre back on the sphere (_ijkToHex2d, _hex2dToVec3), k = 0
  x := i - 0.5 * j; y := j * sqrt(3.0) / 2;
  r := sqrt(x * x + y * y);
  IF r < 1e-16 THEN
    qx := cx; qy := cy; qz := cz;
  ELSE
    theta := atan2(y, x);
    r := atan(r / sqrt7 ^ res * res0_u);
    IF res % 2 = 1 THEN theta := theta + ap7; theta := theta - twopi * floor(theta / twopi); END IF;
    theta := az0[f] - theta; theta := theta - twopi * floor(theta / twopi);
    qx := cos(r) * cx + sin(r) * (cos(theta) * nx + sin(theta) * ex);
    qy := cos(r) * cy + sin(r) * (cos(theta) * ny + sin(theta) * ey);
    qz := cos(r) * cz + sin(r) * (cos(theta) * nz + sin(theta) * ez);
  END IF;
  nn := sqrt(qx * qx + qy * qy + qz * qz);
  RETURN ST_SetSRID(ST_MakePoint(degrees(atan2(qy, qx)), degrees(asin(qz / nn))), 4326);
END $$;
