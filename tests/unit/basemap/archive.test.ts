import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../../../server/basemap/archive.js';
import { cutDetail } from '../../../server/basemap/detail.js';
import { outsideBox } from '../../../client/map/detailBasemap.js';
import { DETAIL_BOX } from '../../../common/basemap.js';
import { writeTestArchive } from '../../helpers/basemap-archive.js';
import { serializeDirectory } from '../../helpers/pmtiles-writer.js';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';

/** The pmtiles reader over bytes in memory, as the browser reads over HTTP Range. */
class BytesSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'corridor-pmtiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the test archive writer, read back with the pmtiles reader', () => {
  const made = writeTestArchive(dir, 6);
  const bytes = new Uint8Array(readFileSync(made.path));
  const reader = new PMTiles(new BytesSource(bytes));

  it('writes a v3 header the reader understands: zooms, bounds, MVT, gzip', async () => {
    const h = await reader.getHeader();
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 6]);
    expect(h.tileType).toBe(1);
    expect(h.tileCompression).toBe(2);
    expect(h.minLon).toBeCloseTo(DETAIL_BOX.west, 5);
    expect(h.maxLat).toBeCloseTo(DETAIL_BOX.north, 5);
    expect(h.numTileEntries).toBe(made.tiles);
    const meta = (await reader.getMetadata()) as { vector_layers: { id: string }[] };
    expect(meta.vector_layers.map((l) => l.id)).toEqual(['earth', 'boundaries', 'water', 'roads', 'places']);
  });

  it('finds the tile over Sesheke at zoom 6 and hands back MVT bytes naming the Protomaps layers', async () => {
    // Sesheke 24.3 E, 17.48 S → zoom-6 tile x = 36, y = 35.
    const tile = await reader.getZxy(6, 36, 35);
    expect(tile).toBeDefined();
    const mvt = Buffer.from(tile?.data ?? new ArrayBuffer(0));
    // Layer names are plain strings inside the protobuf: earth, roads and water must be there.
    for (const name of ['earth', 'roads', 'water', 'boundaries']) expect(mvt.includes(name)).toBe(true);
    // A tile outside the box was never written.
    expect(await reader.getZxy(6, 0, 0)).toBeUndefined();
  });

  it('encodes a directory as the spec says: counts, id deltas, run lengths, lengths, offsets with 0 for contiguous', () => {
    const dirBytes = serializeDirectory([
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 5, offset: 10, length: 3, runLength: 1 },
      { tileId: 6, offset: 0, length: 10, runLength: 1 },
    ]);
    expect([...dirBytes]).toEqual([3, 0, 5, 1, 1, 1, 1, 10, 3, 10, 1, 0, 1]);
  });
});

describe('BASEMAP=pmtiles:… is checked at start-up', () => {
  it('accepts a v3 archive and names what is wrong with anything else', () => {
    const good = writeTestArchive(dir, 1).path;
    expect(checkArchive(`pmtiles:${good}`)).toBe(good);
    expect(() => checkArchive(`pmtiles:${join(dir, 'missing.pmtiles')}`)).toThrow(/cannot read .*missing\.pmtiles/);
    const text = join(dir, 'text.pmtiles');
    writeFileSync(text, 'x'.repeat(200));
    expect(() => checkArchive(`pmtiles:${text}`)).toThrow(/is not a PMTiles archive/);
    const v2 = join(dir, 'v2.pmtiles');
    writeFileSync(v2, Buffer.concat([Buffer.from('PMTiles'), Buffer.from([2]), Buffer.alloc(200)]));
    expect(() => checkArchive(`pmtiles:${v2}`)).toThrow(/version 2/);
  });
});

describe('the 1:10m detail cut', () => {
  const require = createRequire(import.meta.url);
  const d = cutDetail(JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology);

  it('keeps Zambia and its neighbours, marks Zambia, and nothing outside the box', () => {
    const names = d.land.features.map((f) => f.properties.name);
    for (const n of ['Zambia', 'Namibia', 'Tanzania', 'Malawi', 'Angola', 'Zimbabwe', 'Botswana', 'Dem. Rep. Congo', 'Mozambique']) expect(names).toContain(n);
    expect(names).not.toContain('Fiji');
    expect(d.land.features.filter((f) => f.properties.focus).map((f) => f.properties.name)).toEqual(['Zambia']);
    const all = [...d.land.features.flatMap((f) => f.geometry.coordinates.flat(2)), ...d.borders.geometry.coordinates.flat()];
    for (const p of all as number[][]) {
      expect(p[0]).toBeGreaterThanOrEqual(DETAIL_BOX.west);
      expect(p[0]).toBeLessThanOrEqual(DETAIL_BOX.east);
      expect(p[1]).toBeGreaterThanOrEqual(DETAIL_BOX.south);
      expect(p[1]).toBeLessThanOrEqual(DETAIL_BOX.north);
    }
  });

  it('splits 1:50m lines at the box: only what leaves it stays', () => {
    const box = { west: 0, south: 0, east: 10, north: 10 };
    const out = outsideBox({ type: 'MultiLineString', coordinates: [[[-5, 5], [1, 5], [2, 5], [3, 5], [12, 5], [13, 5]], [[1, 1], [2, 2]]] }, box);
    expect(out.coordinates).toEqual([[[-5, 5], [1, 5]], [[3, 5], [12, 5], [13, 5]]]);
  });
});
