import { describe, expect, it } from 'vitest';
import { filterExports, wasmExports, wasmImports } from '../../server/db/wasm-exports.js';

const name = (s: string) => [s.length, ...Buffer.from(s)];
const section = (id: number, payload: number[]) => [id, payload.length, ...payload];

/**
 * A module written byte by byte: one import env.imp; functions a (→ 1) and b (→ 2) and a global
 * g exported; a custom section after the code, to be kept as it is.
 */
const MODULE = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 0, 1, 0x7f]), // type 0: () → i32
  ...section(2, [1, ...name('env'), ...name('imp'), 0, 0]),
  ...section(3, [2, 0, 0]),
  ...section(6, [1, 0x7f, 0, 0x41, 7, 0x0b]), // global i32 = 7
  ...section(7, [3, ...name('a'), 0, 1, ...name('b'), 0, 2, ...name('g'), 3, 0]),
  ...section(10, [2, 4, 0, 0x41, 1, 0x0b, 4, 0, 0x41, 2, 0x0b]),
  ...section(0, [...name('note'), 0xab, 0xcd]),
]);

describe('dropping exports from a WebAssembly module (db/wasm-exports.ts)', () => {
  it('when a module is read, then its imports and exports are those WebAssembly itself lists', () => {
    const m = new WebAssembly.Module(MODULE);
    expect(wasmImports(MODULE)).toEqual(WebAssembly.Module.imports(m).map(({ module, name }) => ({ module, name })));
    expect(wasmExports(MODULE).map((e) => e.name)).toEqual(WebAssembly.Module.exports(m).map((e) => e.name));
    expect(wasmExports(MODULE).map((e) => e.kind)).toEqual([0, 0, 3]);
  });

  it('when an export is dropped, then the module is still valid, keeps the others working and every other section byte for byte', async () => {
    const out = filterExports(MODULE, (e) => e.name !== 'b');
    const m = new WebAssembly.Module(new Uint8Array(out));
    expect(WebAssembly.Module.exports(m).map((e) => e.name)).toEqual(['a', 'g']);
    const { exports } = await WebAssembly.instantiate(m, { env: { imp: () => 0 } });
    expect((exports['a'] as () => number)()).toBe(1);
    expect((exports['g'] as WebAssembly.Global).value).toBe(7);
    expect(out.subarray(out.length - 8)).toEqual(MODULE.subarray(MODULE.length - 8)); // the custom section
    expect(out.length).toBe(MODULE.length - 4); // "b": its name (length and letter), kind and index
  });

  it('when every export is kept, then the module comes back unchanged', () => {
    expect(filterExports(MODULE, () => true)).toEqual(MODULE);
  });

  it('when the bytes are not WebAssembly, then it says so', () => {
    expect(() => wasmExports(Buffer.from('not a module at all'))).toThrow(/not a WebAssembly module/);
  });
});
