import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { AccessResponse } from '../../common/analysis.js';
import { loadRiver } from '../../server/access/sql.js';
import type { Db } from '../../server/db/index.js';
import { migrate, readMigrations } from '../../server/db/migrate.js';
import { loadBarriers } from '../../server/db/reference.js';
import { paths } from '../../server/paths.js';
import { describeApp } from '../helpers/suite.js';

// Read here, not through the code under test.
const geography = JSON.parse(readFileSync(new URL('../../data/geography.json', import.meta.url), 'utf8')) as { zambezi: { coordinates: [number, number][] } };
const ZAMBEZI = geography.zambezi.coordinates;

async function stored(db: Db): Promise<Record<string, { kind: string; source: string; coords: [number, number][]; loadedAt: string }>> {
  const rows = await db.query<{ name: string; kind: string; source: string; coords: [number, number][]; loaded_at: string }>(
    `SELECT b.name, b.kind, b.source, b.loaded_at::text AS loaded_at,
       (SELECT json_agg(json_build_array(ST_X(p.geom), ST_Y(p.geom)) ORDER BY p.path) FROM ST_DumpPoints(b.geom) p) AS coords
     FROM barriers b ORDER BY b.name`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, { kind: r.kind, source: r.source, coords: r.coords, loadedAt: r.loaded_at }]));
}

describeApp('reference barriers on the %s database', { db: 'fresh', as: 'viewer' }, ({ app, db }) => {
  it('when the database is migrated, then it holds the Zambezi trace of data/geography.json vertex for vertex, as a river', async () => {
    const b = await stored(db);
    expect(Object.keys(b)).toEqual(['Zambezi']);
    expect(b.Zambezi).toMatchObject({ kind: 'river', source: 'data/geography.json', coords: ZAMBEZI });
    expect(await loadRiver(db)).toEqual({ name: 'Zambezi', line: ZAMBEZI });
  });

  it('when the file is loaded again, then an unchanged row is left alone, a changed one replaced and a dropped one removed', async () => {
    const first = await stored(db);
    await loadBarriers(db);
    expect((await stored(db)).Zambezi?.loadedAt).toBe(first.Zambezi?.loadedAt);

    const moved = ZAMBEZI.map(([x, y]): [number, number] => [x, y + 0.01]);
    const border: [number, number][] = [[32.9, -9.3], [33.0, -9.4]];
    await loadBarriers(db, [{ name: 'Zambezi', kind: 'river', coordinates: moved, about: null }, { name: 'Nakonde border', kind: 'border', coordinates: border, about: null }]);
    const changed = await stored(db);
    expect(changed.Zambezi?.coords).toEqual(moved);
    expect(changed['Nakonde border']).toMatchObject({ kind: 'border', coords: border });

    await loadBarriers(db);
    const back = await stored(db);
    expect(Object.keys(back)).toEqual(['Zambezi']);
    expect(back.Zambezi?.coords).toEqual(ZAMBEZI);
  });

  it('when the file is unchanged since the last load, then the load is skipped; a changed file is loaded', async () => {
    // A row altered behind the loader's back shows whether a load compared (and restored) it.
    const shifted = ZAMBEZI.map(([x, y]): [number, number] => [x + 0.05, y]);
    const alter = () =>
      db.query(`UPDATE barriers SET geom = ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) WHERE name = 'Zambezi'`, [
        JSON.stringify({ type: 'LineString', coordinates: shifted }),
      ]);
    await alter();
    await loadBarriers(db); // same file as the recorded load: skipped
    expect((await stored(db)).Zambezi?.coords).toEqual(shifted);

    const edited = [{ name: 'Zambezi', kind: 'river' as const, coordinates: ZAMBEZI.slice(0, -1), about: null }];
    await loadBarriers(db, edited); // a changed file: loaded
    expect((await stored(db)).Zambezi?.coords).toEqual(ZAMBEZI.slice(0, -1));

    await alter();
    await loadBarriers(db); // back to the file as it is: loaded, the altered row replaced
    expect((await stored(db)).Zambezi?.coords).toEqual(ZAMBEZI);
  });

  it('when the barriers are gone, then access names only the borders, and migrating brings the Zambezi back', async () => {
    const path = '/api/v1/access?mode=motor&kind=health';
    const before = (await (await app.get(path)).json()) as AccessResponse;
    expect(before.travel.barriers).toBe('the Zambezi and international borders, crossed only at official or informal crossing points');
    await db.query('DELETE FROM barriers');
    expect(await loadRiver(db)).toBeNull();
    const without = (await (await app.get(path)).json()) as AccessResponse;
    expect(without.travel.barriers).toBe('international borders, crossed only at official or informal crossing points');
    expect(without.cells.map((c) => c.h3)).toEqual(before.cells.map((c) => c.h3));

    await migrate(db, readMigrations(paths.migrations));
    expect(await loadRiver(db)).toEqual({ name: 'Zambezi', line: ZAMBEZI });
    expect((await (await app.get(path)).json()) as AccessResponse).toEqual(before);
  });

  it('when a second river is stored, then access refuses rather than model it wrongly', async () => {
    await loadBarriers(db, [
      { name: 'Zambezi', kind: 'river', coordinates: ZAMBEZI, about: null },
      { name: 'Chambeshi', kind: 'river', coordinates: [[31.0, -10.0], [31.5, -10.5]], about: null },
    ]);
    await expect(loadRiver(db)).rejects.toThrow(/one river; the barriers table holds Chambeshi, Zambezi/);
    await loadBarriers(db);
  });
});
