import { zipSync } from 'fflate';

/**
 * A minimal ESRI shapefile writer for tests (polygons, one ring each; C and N attributes), so
 * the import of zipped shapefiles is tested on files made here, not on a reader's own writer.
 * Rings are written clockwise, as the format wants outer rings.
 */
export interface ShpFeature {
  ring: [number, number][];
  props: Record<string, string | number>;
}

const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

function clockwise(ring: [number, number][]): [number, number][] {
  let area = 0;
  for (let i = 0; i < ring.length - 1; i++) area += ((ring[i + 1]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[i + 1]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
  return area > 0 ? ring : [...ring].reverse();
}

function shp(features: readonly ShpFeature[]): Uint8Array {
  const records = features.map((f, n) => {
    const ring = clockwise(f.ring);
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const content = 4 + 32 + 4 + 4 + 4 + ring.length * 16;
    const b = Buffer.alloc(8 + content);
    b.writeInt32BE(n + 1, 0);
    b.writeInt32BE(content / 2, 4);
    b.writeInt32LE(5, 8);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => b.writeDoubleLE(v, 12 + i * 8));
    b.writeInt32LE(1, 44);
    b.writeInt32LE(ring.length, 48);
    b.writeInt32LE(0, 52);
    ring.forEach(([x, y], i) => {
      b.writeDoubleLE(x, 56 + i * 16);
      b.writeDoubleLE(y, 64 + i * 16);
    });
    return b;
  });
  const all = features.flatMap((f) => f.ring);
  const head = Buffer.alloc(100);
  const length = 100 + records.reduce((s, r) => s + r.length, 0);
  head.writeInt32BE(9994, 0);
  head.writeInt32BE(length / 2, 24);
  head.writeInt32LE(1000, 28);
  head.writeInt32LE(5, 32);
  [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))]
    .forEach((v, i) => head.writeDoubleLE(v, 36 + i * 8));
  return Buffer.concat([head, ...records]);
}

function dbf(features: readonly ShpFeature[]): Uint8Array {
  const names = Object.keys(features[0]?.props ?? {});
  const fields = names.map((name) => {
    const numeric = features.every((f) => typeof f.props[name] === 'number');
    const len = Math.max(...features.map((f) => String(f.props[name]).length), 1) + 2;
    return { name, numeric, len };
  });
  const headerLen = 32 + 32 * fields.length + 1;
  const recordLen = 1 + fields.reduce((s, f) => s + f.len, 0);
  const head = Buffer.alloc(headerLen);
  head.writeUInt8(3, 0);
  head.writeUInt8(125, 1);
  head.writeUInt8(1, 2);
  head.writeUInt8(1, 3);
  head.writeUInt32LE(features.length, 4);
  head.writeUInt16LE(headerLen, 8);
  head.writeUInt16LE(recordLen, 10);
  fields.forEach((f, i) => {
    const o = 32 + i * 32;
    head.write(f.name.slice(0, 10), o, 'latin1');
    head.write(f.numeric ? 'N' : 'C', o + 11, 'latin1');
    head.writeUInt8(f.len, o + 16);
  });
  head.writeUInt8(0x0d, headerLen - 1);
  const rows = features.map((feat) =>
    Buffer.from(' ' + fields.map((f) => (f.numeric ? String(feat.props[f.name]).padStart(f.len) : String(feat.props[f.name]).padEnd(f.len))).join(''), 'latin1'));
  return Buffer.concat([head, ...rows, Buffer.from([0x1a])]);
}

/** layer.shp, layer.dbf, layer.prj (WGS 84 unless `prj` says otherwise) and layer.cpg, zipped. */
export function zippedShapefile(features: readonly ShpFeature[], prj = WGS84_PRJ): Buffer {
  return Buffer.from(zipSync({ 'layer.shp': shp(features), 'layer.dbf': dbf(features), 'layer.prj': Buffer.from(prj), 'layer.cpg': Buffer.from('UTF-8') }));
}
