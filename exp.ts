import { PGlite, types } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { rmSync } from 'node:fs';
rmSync('/tmp/pgx', { recursive: true, force: true });
let t = Date.now();
const db = await PGlite.create({ dataDir: '/tmp/pgx', extensions: { postgis }, parsers: { [types.INT8]: (v: string) => Number(v), [types.DATE]: (v: string) => v, [types.NUMERIC]: (v: string) => Number(v) } });
console.log('open', Date.now() - t); t = Date.now();
await db.exec('create extension if not exists postgis');
console.log('postgis', Date.now() - t); t = Date.now();
console.log((await db.query("select version() v, postgis_lib_version() p, count(*) c, current_date d, 1.5::numeric n")).rows);
await db.exec('create table o (id bigint, d date, n int, g geometry(Point,4326))');
const N = 200000; const ids = [], ds = [], ns = [], xs = [], ys = [];
for (let i = 0; i < N; i++) { ids.push(i); ds.push('2025-01-01'); ns.push(i % 7); xs.push(24 + Math.random()); ys.push(-17 + Math.random()); }
t = Date.now();
for (let i = 0; i < N; i += 10000) {
  await db.query('insert into o select id, d, n, ST_SetSRID(ST_MakePoint(x,y),4326) from unnest($1::bigint[], $2::date[], $3::int[], $4::float8[], $5::float8[]) as u(id,d,n,x,y)', [ids.slice(i, i+10000), ds.slice(i,i+10000), ns.slice(i,i+10000), xs.slice(i,i+10000), ys.slice(i,i+10000)]);
}
console.log('insert 200k', Date.now() - t); t = Date.now();
console.log((await db.query('select sum(n) s, count(*) c from o')).rows, Date.now() - t);
t = Date.now(); const f = await db.dumpDataDir('gzip'); console.log('dump', Date.now() - t, f.size);
await db.close();
t = Date.now(); const db2 = await PGlite.create({ loadDataDir: f, extensions: { postgis } }); console.log('load', Date.now() - t);
console.log((await db2.query('select count(*) from o')).rows);
t = Date.now(); const db3 = await PGlite.create({ dataDir: '/tmp/pgx', extensions: { postgis } }); console.log('reopen', Date.now() - t);
