/**
 * Just enough of the WebAssembly binary format to drop exports from a module: its sections are
 * copied byte for byte, except the export section, rewritten with the exports `keep` accepts.
 * (https://webassembly.github.io/spec/core/binary/modules.html)
 */

const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;
export const FUNC = 0;

export interface WasmImport {
  module: string;
  name: string;
}

export interface WasmExport {
  name: string;
  kind: number; // 0 function, 1 table, 2 memory, 3 global, 4 tag
}

class Reader {
  constructor(
    readonly b: Buffer,
    public at = 0,
  ) {}
  byte(): number {
    const v = this.b[this.at++];
    if (v === undefined) throw new Error('wasm: unexpected end of module');
    return v;
  }
  /** An unsigned LEB128 number (sizes, counts and indexes; all below 2^32). */
  u32(): number {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
  }
  name(): string {
    const len = this.u32();
    const s = this.b.toString('utf8', this.at, this.at + len);
    this.at += len;
    return s;
  }
  /** One entry of the export section: its name and kind (its index skipped). */
  exportEntry(): WasmExport {
    const name = this.name();
    const kind = this.byte();
    this.u32();
    return { name, kind };
  }
  limits(): void {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

function u32(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

function sections(wasm: Buffer): { id: number; start: number; end: number; payload: number }[] {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('wasm: not a WebAssembly module');
  const r = new Reader(wasm, 8);
  const out = [];
  while (r.at < wasm.length) {
    const start = r.at;
    const id = r.byte();
    const size = r.u32();
    out.push({ id, start, payload: r.at, end: r.at + size });
    r.at += size;
  }
  return out;
}

/** The module's imports (module and field name; the kinds are skipped over). */
export function wasmImports(wasm: Buffer): WasmImport[] {
  const s = sections(wasm).find((x) => x.id === IMPORT_SECTION);
  if (!s) return [];
  const r = new Reader(wasm, s.payload);
  const out: WasmImport[] = [];
  for (let n = r.u32(); n > 0; n--) {
    const module = r.name();
    const name = r.name();
    const kind = r.byte();
    if (kind === 0) r.u32(); // function: its type
    else if (kind === 1) (r.byte(), r.limits()); // table: element type, limits
    else if (kind === 2) r.limits(); // memory
    else if (kind === 3) (r.byte(), r.byte()); // global: value type, mutability
    else if (kind === 4) (r.byte(), r.u32()); // tag: attribute, type
    else throw new Error(`wasm: unknown import kind ${kind}`);
    out.push({ module, name });
  }
  return out;
}

export function wasmExports(wasm: Buffer): WasmExport[] {
  const s = sections(wasm).find((x) => x.id === EXPORT_SECTION);
  if (!s) return [];
  const r = new Reader(wasm, s.payload);
  const out: WasmExport[] = [];
  for (let n = r.u32(); n > 0; n--) out.push(r.exportEntry());
  return out;
}

/** The module with only the exports `keep` accepts; every other byte as it was. */
export function filterExports(wasm: Buffer, keep: (e: WasmExport) => boolean): Buffer {
  const parts: Buffer[] = [wasm.subarray(0, 8)];
  for (const s of sections(wasm)) {
    if (s.id !== EXPORT_SECTION) {
      parts.push(wasm.subarray(s.start, s.end));
      continue;
    }
    const r = new Reader(wasm, s.payload);
    const kept: Buffer[] = [];
    let count = 0;
    for (let n = r.u32(); n > 0; n--) {
      const from = r.at;
      if (!keep(r.exportEntry())) continue;
      kept.push(wasm.subarray(from, r.at));
      count++;
    }
    const payload = Buffer.concat([u32(count), ...kept]);
    parts.push(Buffer.from([EXPORT_SECTION]), u32(payload.length), payload);
  }
  return Buffer.concat(parts);
}
