import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readGeography } from '../../server/demo/geography.js';

/** The bench file's header: the importer's canonical observation fields. */
const HEADER = 'source_row_id,date,monitoring_point,direction,origin,final_destination,total,male,female,children,unaccompanied_children,nationality,transport_mode,reasons,vulnerabilities';

/** A deterministic FMR-like file: real points and places, mixed place/ISO3 ends, plausible counts. */
export async function writeCsv(path: string, rows: number): Promise<void> {
  const geo = readGeography();
  const points = geo.monitoringPoints.map((p) => p.code);
  const ends = [...geo.places.map((p) => p.code), 'ETH', 'SOM', 'COD', 'NAM', 'BWA', 'TZA'];
  const modes = ['foot', 'bus', 'minibus', 'truck', 'car', 'boat'];
  const reasons = ['economic', 'trade', 'family', 'economic family', 'asylum', 'seasonal', ''];
  let seed = 20181;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const out = createWriteStream(path);
  let buf = `${HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2025, 0, 1) + rnd(365) * 86_400_000).toISOString().slice(0, 10);
    const total = 1 + rnd(30);
    const male = rnd(total + 1);
    const children = rnd(Math.floor(total / 2) + 1);
    const uac = rnd(10) === 0 ? rnd(children + 1) : 0;
    const vuln = uac > 0 ? 'unaccompanied_child' : rnd(50) === 0 ? 'trafficking_indicators' : '';
    buf += `b${i},${day},${points[rnd(points.length)]},${['inbound', 'outbound', 'transit'][rnd(3)]},${ends[rnd(ends.length)]},`;
    buf += `${ends[rnd(ends.length)]},${total},${male},${total - male},${children},${uac},${['ZMB', 'ETH', 'COD', 'TZA'][rnd(4)]},`;
    buf += `${modes[rnd(modes.length)]},${reasons[rnd(reasons.length)]},${vuln}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** The file's checksum, as the upload computes it (a re-import of the same file is found by it). */
export async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}
