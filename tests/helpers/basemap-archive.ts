import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import { DETAIL_BOX } from '../../common/basemap.js';
import { cutDetail } from '../../server/basemap/detail.js';
import { paths } from '../../server/paths.js';
import { type ArchiveTile, writePmtiles } from './pmtiles-writer.js';

/**
 * A small Protomaps-schema archive made from the project's own geography, for the
 * BASEMAP=pmtiles:… tests: earth (Natural Earth 1:10m countries), boundaries (country borders
 * and the vendored districts), water (the project's Zambezi trace as a river), roads (TEST
 * FIXTURES: straight lines from each monitoring point to its town, and town to town along the
 * corridors — not real roads), places (the reference towns). Layer and property names follow the
 * Protomaps basemap schema so @protomaps/basemaps styles them.
 */
const require = createRequire(import.meta.url);
type Props = Record<string, string | number | boolean>;
const feat = (geometry: Geometry, properties: Props): Feature => ({ type: 'Feature', properties, geometry });

interface Geo {
  places: { code: string; name: string; kind: string; lat: number; lon: number }[];
  monitoringPoints: { place: string; lat: number; lon: number }[];
  zambezi: { coordinates: [number, number][] };
}

/** Town chains the fixture roads follow (codes in data/geography.json). */
const CHAINS = [
  ['na-katima-mulilo', 'zm-sesheke', 'zm-mwandi', 'zm-kazungula', 'zm-livingstone', 'zm-lusaka', 'zm-kapiri-mposhi', 'zm-serenje', 'zm-mpika', 'zm-isoka', 'zm-nakonde', 'tz-tunduma', 'tz-mbeya'],
];

export function archiveLayers(): Record<string, FeatureCollection> {
  const geo = JSON.parse(readFileSync(join(paths.data, 'geography.json'), 'utf8')) as Geo;
  const detail = cutDetail(JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology);
  const districts = JSON.parse(readFileSync(join(paths.data, 'admin', 'zmb_adm2_districts.geojson'), 'utf8')) as FeatureCollection;
  const at = new Map(geo.places.map((p) => [p.code, [p.lon, p.lat] as [number, number]]));
  const roads: Feature[] = geo.monitoringPoints.flatMap((m) => {
    const town = at.get(m.place);
    return town ? [feat({ type: 'LineString', coordinates: [[m.lon, m.lat], town] }, { kind: 'major_road', kind_detail: 'primary' })] : [];
  });
  for (const chain of CHAINS) {
    const line = chain.map((c) => at.get(c)).filter((p): p is [number, number] => p !== undefined);
    roads.push(feat({ type: 'LineString', coordinates: line }, { kind: 'highway', kind_detail: 'trunk' }));
  }
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  return {
    earth: fc(detail.land.features.map((f) => feat(f.geometry, { kind: 'earth' }))),
    boundaries: fc([
      feat(detail.borders.geometry, { kind: 'country', kind_detail: 2 }),
      ...districts.features.map((f) => feat(f.geometry, { kind: 'region', kind_detail: 6 })),
    ]),
    water: fc([feat({ type: 'LineString', coordinates: geo.zambezi.coordinates }, { kind: 'river', name: 'Zambezi' })]),
    roads: fc(roads),
    places: fc(geo.places.map((p) => feat({ type: 'Point', coordinates: [p.lon, p.lat] }, { kind: 'locality', name: p.name }))),
  };
}

const lon2x = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/**
 * Writes the archive to `dir`/corridor-test.pmtiles: zooms 0–`maxZoom` over DETAIL_BOX (MapLibre
 * over-zooms the last level, as it does for a real extract's z15). Returns its path and tile count.
 */
export function writeTestArchive(dir: string, maxZoom = 8): { path: string; tiles: number; bytes: number } {
  const layers = archiveLayers();
  const indexes = Object.entries(layers).map(([name, data]) => [name, new GeoJSONVT(data, { maxZoom, indexMaxZoom: maxZoom, tolerance: 3, buffer: 64 })] as const);
  const tiles: ArchiveTile[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = lon2x(DETAIL_BOX.west, z); x <= lon2x(DETAIL_BOX.east, z); x++) {
      for (let y = lat2y(DETAIL_BOX.north, z); y <= lat2y(DETAIL_BOX.south, z); y++) {
        const found: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
        for (const [name, index] of indexes) {
          const t = index.getTile(z, x, y);
          if (t && t.features.length) found[name] = t;
        }
        if (Object.keys(found).length === 0) continue;
        tiles.push({ z, x, y, data: gzipSync(fromGeojsonVt(found, { version: 2, extent: 4096 })) });
      }
    }
  }
  const b = DETAIL_BOX;
  const bytes = writePmtiles(tiles, {
    minZoom: 0, maxZoom, bounds: [b.west, b.south, b.east, b.north], center: [24.3, -17.48, 8],
    metadata: {
      name: 'Corridor test archive (project geography; roads are test fixtures)',
      vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })),
    },
  });
  const path = join(dir, 'corridor-test.pmtiles');
  writeFileSync(path, bytes);
  return { path, tiles: tiles.length, bytes: bytes.length };
}
