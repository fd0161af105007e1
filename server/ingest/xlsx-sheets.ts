import { open } from 'node:fs/promises';
import { inflateSync } from 'fflate';

/** A sheet as `xl/workbook.xml` lists it, in the shape exceljs's WorkbookReader keeps as `model.sheets`. */
export interface SheetListing {
  name: string;
  id: number;
  rId: string;
  state?: string;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The sheet list of an .xlsx, read through the zip's central directory (see readPart), so it
 * costs a few kilobytes whatever the workbook's size.
 * Why: exceljs's streaming reader names a worksheet from `xl/workbook.xml`, and a zip may store
 * the worksheets before it (streaming writers do, depending on timing); exceljs then fails with
 * "reading 'sheets'". Undefined when the file is not a zip or has no workbook part: the streaming
 * reader then reports the file as unreadable itself.
 */
export async function readSheetList(path: string): Promise<SheetListing[] | undefined> {
  const xml = await readPart(path, 'xl/workbook.xml');
  return xml === undefined ? undefined : parseSheets(xml);
}

/**
 * The workbook's shared-string table, read by us. exceljs's streaming reader now and then
 * misses the `xl/sharedStrings.xml` entry of a zip it streams (exceljs issue 683, under load in
 * CI) and then hands out `{ sharedString: n }` for every text cell; xlsx.ts looks them up here.
 */
export async function readSharedStrings(path: string): Promise<string[] | undefined> {
  const xml = await readPart(path, 'xl/sharedStrings.xml');
  return xml === undefined ? undefined : parseSharedStrings(xml);
}

/** `<si>` items of sharedStrings.xml: plain or rich text (runs joined), phonetic hints left out. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) {
    const body = (m[1] ?? '').replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
    let text = '';
    for (const t of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += unescapeXml(t[1] ?? '');
    out.push(text);
  }
  return out;
}

/**
 * One part of a zip, as text, read through its central directory (at the end of the file, with
 * every entry's size and offset) rather than by streaming the whole file. Undefined when the
 * file is not a zip or has no such part.
 */
async function readPart(path: string, part: string): Promise<string | undefined> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const tailLength = Math.min(size, 65_557); // EOCD (22 bytes) + the longest zip comment
    const tail = await read(fh, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { eocd = i; break; }
    if (eocd < 0) return undefined;
    const cd = await read(fh, tail.readUInt32LE(eocd + 16), tail.readUInt32LE(eocd + 12));
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === CENTRAL; ) {
      const nameLength = cd.readUInt16LE(p + 28);
      const next = p + 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      if (cd.toString('utf8', p + 46, p + 46 + nameLength) === part) {
        const method = cd.readUInt16LE(p + 10);
        const compressed = cd.readUInt32LE(p + 20);
        const local = await read(fh, cd.readUInt32LE(p + 42), 30);
        const start = cd.readUInt32LE(p + 42) + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        const body = await read(fh, start, compressed);
        return Buffer.from(method === 8 ? inflateSync(body) : body).toString('utf8');
      }
      p = next;
    }
    return undefined;
  } finally {
    await fh.close();
  }
}

async function read(fh: Awaited<ReturnType<typeof open>>, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** `<sheet name="…" sheetId="…" r:id="…" state="…"/>` elements of workbook.xml. */
export function parseSheets(xml: string): SheetListing[] {
  const out: SheetListing[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)) {
    const attrs = new Map([...(m[1] ?? '').matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1] ?? '', unescapeXml(a[2] ?? '')]));
    const name = attrs.get('name');
    const rId = attrs.get('r:id') ?? [...attrs].find(([k]) => k.endsWith(':id'))?.[1];
    if (name === undefined || rId === undefined) continue;
    const state = attrs.get('state');
    out.push({ name, id: Number(attrs.get('sheetId') ?? out.length + 1), rId, ...(state ? { state } : {}) });
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? _;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}
