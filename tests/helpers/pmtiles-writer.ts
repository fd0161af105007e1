import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/**
 * A small PMTiles v3 writer (the `pmtiles` package only reads): one root directory, no leaf
 * directories, gzip for the directory, metadata and tiles, identical tiles stored once. Follows
 * https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md; tests/unit/pmtiles-writer.test.ts
 * reads what it writes back with the `pmtiles` reader.
 */
export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** The tile as stored (already gzipped MVT here). */
  data: Uint8Array;
}

export interface ArchiveInfo {
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  center: [number, number, number];
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

function varint(n: number, out: number[]): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** Directory: count, tile-id deltas, run lengths, lengths, offsets (0 = right after the previous). */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  varint(entries.length, out);
  let last = 0;
  for (const e of entries) {
    varint(e.tileId - last, out);
    last = e.tileId;
  }
  for (const e of entries) varint(e.runLength, out);
  for (const e of entries) varint(e.length, out);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1, out);
  });
  return Uint8Array.from(out);
}

const GZIP = 2;
const MVT = 1;
const HEADER = 127;

export function writePmtiles(tiles: readonly ArchiveTile[], info: ArchiveInfo): Uint8Array {
  const sorted = tiles.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.tileId - b.tileId);
  const byContent = new Map<string, { offset: number; length: number }>();
  const blobs: Uint8Array[] = [];
  let dataLength = 0;
  const entries: Entry[] = sorted.map((t) => {
    const key = Buffer.from(t.data).toString('base64');
    let at = byContent.get(key);
    if (!at) {
      at = { offset: dataLength, length: t.data.length };
      byContent.set(key, at);
      blobs.push(t.data);
      dataLength += t.data.length;
    }
    return { tileId: t.tileId, offset: at.offset, length: at.length, runLength: 1 };
  });
  const root = gzipSync(serializeDirectory(entries));
  if (HEADER + root.length > 16_384) throw new Error('root directory over 16 KiB: this writer makes no leaf directories');
  const meta = gzipSync(JSON.stringify(info.metadata));
  const rootOffset = HEADER;
  const metaOffset = rootOffset + root.length;
  const dataOffset = metaOffset + meta.length;
  const header = Buffer.alloc(HEADER);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (v: number, at: number) => header.writeBigUInt64LE(BigInt(v), at);
  u64(rootOffset, 8);
  u64(root.length, 16);
  u64(metaOffset, 24);
  u64(meta.length, 32);
  u64(dataOffset, 40); // leaf directories: none
  u64(0, 48);
  u64(dataOffset, 56);
  u64(dataLength, 64);
  u64(entries.length, 72); // addressed tiles
  u64(entries.length, 80); // tile entries
  u64(blobs.length, 88); // tile contents
  header.writeUInt8(byContent.size === entries.length ? 1 : 0, 96); // clustered: data in tile-id order
  header.writeUInt8(GZIP, 97);
  header.writeUInt8(GZIP, 98);
  header.writeUInt8(MVT, 99);
  header.writeUInt8(info.minZoom, 100);
  header.writeUInt8(info.maxZoom, 101);
  const e7 = (v: number) => Math.round(v * 1e7);
  header.writeInt32LE(e7(info.bounds[0]), 102);
  header.writeInt32LE(e7(info.bounds[1]), 106);
  header.writeInt32LE(e7(info.bounds[2]), 110);
  header.writeInt32LE(e7(info.bounds[3]), 114);
  header.writeUInt8(info.center[2], 118);
  header.writeInt32LE(e7(info.center[0]), 119);
  header.writeInt32LE(e7(info.center[1]), 123);
  return Buffer.concat([header, root, meta, ...blobs]);
}
