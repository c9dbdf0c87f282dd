import type { WasmBackend } from './wasm-heap.js';

/**
 * A small WebAssembly module of the engine's own, using 128-bit SIMD on tfjs-backend-wasm's
 * own memory, so kernels written here work on tensors where they lie (no copies). It is
 * assembled here from its bytes: the project has no wasm toolchain, and the code is short.
 */
export interface Simd {
  /** One Adam step over floats [0, n) (n a multiple of 4); arguments as in kernels/adam.ts. */
  adam(x: number, m: number, v: number, g: number, x1: number, m1: number, v1: number, n: number, beta1: number, a1: number, beta2: number, a2: number, step: number, root: number, epsilon: number): void;
}

// Opcodes (WebAssembly core spec, section 5.4), SIMD ones after the 0xfd prefix.
const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  i32: (n: number) => [0x41, ...sleb(n)],
  add: [0x6a],
  and: [0x71],
  shl: [0x74],
  geU: [0x4f],
  load: [0xfd, 0x00, 0x00, 0x00], // v128.load align=1 offset=0 (alignment is only a hint)
  store: [0xfd, 0x0b, 0x00, 0x00],
  splat: [0xfd, 0x13],
  fadd: [0xfd, 0xe4, 0x01],
  fsub: [0xfd, 0xe5, 0x01],
  fmul: [0xfd, 0xe6, 0x01],
  fdiv: [0xfd, 0xe7, 0x01],
  fsqrt: [0xfd, 0xe3, 0x01],
};

function uleb(n: number): number[] {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => vec([...s].map((c) => [c.charCodeAt(0)]));
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

interface Func {
  name: string;
  params: number[];
  locals: number[];
  body: number[][];
}

/** x1 = x - step m1 / (sqrt(v1 root) + eps), with m1, v1 the moments after g, 4 floats at a time. */
function adamFunc(): Func {
  const [x, m, v, g, x1, m1, v1, n] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [b1, a1, b2, a2, step, root, eps] = [8, 9, 10, 11, 12, 13, 14]; // f32 arguments, then their splats
  const [i, end, gi, mi, vi] = [22, 23, 24, 25, 26];
  const at = (base: number) => [...op.get(base), ...op.get(i), ...op.add];
  const splats = [b1, a1, b2, a2, step, root, eps].map((p) => [...op.get(p), ...op.splat, ...op.set(p + 7)]);
  const s = (p: number) => op.get(p + 7);
  return {
    name: 'adam',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32, F32],
    locals: [V128, V128, V128, V128, V128, V128, V128, I32, I32, V128, V128, V128],
    body: [
      ...splats,
      [...op.get(n), ...op.i32(2), ...op.shl, ...op.i32(-16), ...op.and, ...op.set(end)],
      op.block,
      op.loop,
      [...op.get(i), ...op.get(end), ...op.geU, ...op.brIf(1)],
      [...at(g), ...op.load, ...op.set(gi)],
      [...s(b1), ...at(m), ...op.load, ...op.fmul, ...s(a1), ...op.get(gi), ...op.fmul, ...op.fadd, ...op.set(mi)],
      [...s(b2), ...at(v), ...op.load, ...op.fmul, ...s(a2), ...op.get(gi), ...op.fmul, ...op.get(gi), ...op.fmul, ...op.fadd, ...op.set(vi)],
      [...at(m1), ...op.get(mi), ...op.store],
      [...at(v1), ...op.get(vi), ...op.store],
      [...at(x1), ...at(x), ...op.load, ...s(step), ...op.get(mi), ...op.fmul, ...op.get(vi), ...s(root), ...op.fmul, ...op.fsqrt, ...s(eps), ...op.fadd, ...op.fdiv, ...op.fsub, ...op.store],
      [...op.get(i), ...op.i32(16), ...op.add, ...op.set(i)],
      op.br(0),
      op.end,
      op.end,
    ],
  };
}

/** The module's bytes: the functions, importing `env.memory` (not shared). */
function assemble(funcs: Func[]): Uint8Array<ArrayBuffer> {
  const types = funcs.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0x00]);
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, 0x00]; // memory, limits {min 0}
  const code = funcs.map((f) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const body = [...locals, ...f.body.flat(), ...op.end];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(funcs.map((_, i) => uleb(i)))),
    ...section(7, vec(funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(code)),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;
const instances = new WeakMap<WebAssembly.Memory, Simd>();

/**
 * The module on this backend's memory, or null where it cannot run: no SIMD in this
 * browser, or the threaded build's shared memory (its kernels then use plain loops).
 */
export function simdOf(backend: WasmBackend): Simd | null {
  const memory = (backend as unknown as { wasm?: { asm?: { memory?: WebAssembly.Memory } } }).wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory) || !(memory.buffer instanceof ArrayBuffer)) return null;
  let simd = instances.get(memory);
  if (simd) return simd;
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(assemble([adamFunc()]));
    } catch {
      compiled = null;
    }
  }
  if (!compiled) return null;
  simd = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as Simd;
  instances.set(memory, simd);
  return simd;
}

/** Byte offset of a tensor on the wasm heap. */
export const offsetOf = (backend: WasmBackend, t: { dataId: object }): number =>
  (backend as unknown as { dataIdMap: { get(id: object): { memoryOffset: number } } }).dataIdMap.get(t.dataId).memoryOffset;
