import { writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { koboRespondents, koboSurveyWorkbook } from '../helpers/kobo-survey.js';
import { readXlsx } from '../../server/ingest/xlsx.js';
const orders = new Map<string, number>();
let fails = 0;
for (let i = 0; i < 200; i++) {
  const buf = await koboSurveyWorkbook(koboRespondents(30));
  // entry order from local headers
  const names: string[] = [];
  for (let p = 0; p + 30 < buf.length; ) {
    if (buf.readUInt32LE(p) !== 0x04034b50) break;
    const n = buf.readUInt16LE(p + 26), e = buf.readUInt16LE(p + 28), c = buf.readUInt32LE(p + 18), flags = buf.readUInt16LE(p + 6);
    names.push(buf.toString('utf8', p + 30, p + 30 + n));
    if (flags & 8) break;
    p += 30 + n + e + c;
  }
  const key = names.filter((x) => /sheet|shared|rels|workbook/.test(x)).join(' ');
  orders.set(key, (orders.get(key) ?? 0) + 1);
  const path = `/tmp/kobo-${i}.xlsx`;
  writeFileSync(path, buf);
  try {
    for await (const b of readXlsx(path, {})) void b;
  } catch (err) {
    fails++;
    console.log('FAIL', i, (err as Error).message, key);
    writeFileSync('/tmp/kobo-fail.xlsx', buf);
  }
}
console.log('fails', fails);
for (const [k, v] of orders) console.log(v, k);
