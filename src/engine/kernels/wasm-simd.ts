import type { WasmBackend } from './wasm-heap.js';

/**
 * A small WebAssembly module of the engine's own, using 128-bit SIMD on tfjs-backend-wasm's
 * own memory, so kernels written here work on tensors where they lie (no copies). It is
 * assembled here from its bytes: the project has no wasm toolchain, and the code is short.
 */
export interface Simd {
  /** c = a b as in gemmFunc (byte offsets and strides). */
  gemm(a: number, b: number, c: number, m: number, k: number, n: number, rowA: number, colA: number): void;
  /** One Adam step over the floats [0, n - n % 4); arguments as in kernels/adam.ts. */
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
  tee: (i: number) => [0x22, ...uleb(i)],
  i32: (n: number) => [0x41, ...sleb(n)],
  add: [0x6a],
  sub: [0x6b],
  mul: [0x6c],
  ltU: [0x49],
  and: [0x71],
  shl: [0x74],
  geU: [0x4f],
  // v128 memory ops: align=1 (alignment is only a hint), then the constant offset.
  load: [0xfd, 0x00, 0x00, 0x00],
  loadAt: (offset: number) => [0xfd, 0x00, 0x00, ...uleb(offset)],
  store: [0xfd, 0x0b, 0x00, 0x00],
  storeAt: (offset: number) => [0xfd, 0x0b, 0x00, ...uleb(offset)],
  loadSplat: [0xfd, 0x09, 0x00, 0x00], // v128.load32_splat
  zero: [0xfd, 0x0c, ...new Array(16).fill(0)], // v128.const 0
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

/**
 * c [m, n] = a [m, k] b [k, n], 4 rows by 8 columns of c at a time in 8 registers, with a's
 * element (i, k) at a + i rowA + k colA bytes (so a may be stored transposed) and b, c
 * row-major. Needs m % 4 == 0, n % 8 == 0, k > 0. It packs nothing, unlike XNNPACK, whose
 * packing of a layer's weights on every call costs more than the product with a batch of
 * 64 rows: 2-3x faster than it on a dense autoencoder's shapes, measured here.
 */
function gemmFunc(): Func {
  const [a, b, c, m, k, n, rowA, colA] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [i0, j0, kk, pa0, pa1, pa2, pa3, pb, pc, ldb] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
  const acc = [18, 19, 20, 21, 22, 23, 24, 25];
  const [b0, b1] = [26, 27];
  const rows = [pa0, pa1, pa2, pa3];
  const fma = (r: number) => [
    ...op.get(rows[r]), ...op.loadSplat, ...op.tee(28),
    ...op.get(b0), ...op.fmul, ...op.get(acc[2 * r]), ...op.fadd, ...op.set(acc[2 * r]),
    ...op.get(28), ...op.get(b1), ...op.fmul, ...op.get(acc[2 * r + 1]), ...op.fadd, ...op.set(acc[2 * r + 1]),
  ];
  const step = (p: number, by: number) => [...op.get(p), ...op.get(by), ...op.add, ...op.set(p)];
  const storeRow = (r: number) => [
    ...op.get(pc), ...op.get(acc[2 * r]), ...op.store,
    ...op.get(pc), ...op.get(acc[2 * r + 1]), ...op.storeAt(16),
    ...step(pc, ldb),
  ];
  return {
    name: 'gemm',
    params: [I32, I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, ...acc.map(() => V128), V128, V128, V128],
    body: [
      [...op.get(n), ...op.i32(2), ...op.shl, ...op.set(ldb)],
      op.loop, // over 4-row blocks of c: their rows of a stay in cache while b streams past
      [...op.i32(0), ...op.set(j0)],
      op.loop, // over 8-column blocks
      ...acc.map((r) => [...op.zero, ...op.set(r)]),
      [...op.get(a), ...op.get(i0), ...op.get(rowA), ...op.mul, ...op.add, ...op.tee(pa0), ...op.get(rowA), ...op.add, ...op.tee(pa1), ...op.get(rowA), ...op.add, ...op.tee(pa2), ...op.get(rowA), ...op.add, ...op.set(pa3)],
      [...op.get(b), ...op.get(j0), ...op.i32(2), ...op.shl, ...op.add, ...op.set(pb)],
      [...op.get(k), ...op.set(kk)],
      op.loop, // over k
      [...op.get(pb), ...op.load, ...op.set(b0), ...op.get(pb), ...op.loadAt(16), ...op.set(b1)],
      ...[0, 1, 2, 3].map(fma),
      ...rows.map((p) => step(p, colA)),
      step(pb, ldb),
      [...op.get(kk), ...op.i32(1), ...op.sub, ...op.tee(kk), ...op.brIf(0)],
      op.end,
      [...op.get(c), ...op.get(i0), ...op.get(n), ...op.mul, ...op.get(j0), ...op.add, ...op.i32(2), ...op.shl, ...op.add, ...op.set(pc)],
      ...[0, 1, 2, 3].map(storeRow),
      [...op.get(j0), ...op.i32(8), ...op.add, ...op.tee(j0), ...op.get(n), ...op.ltU, ...op.brIf(0)],
      op.end,
      [...op.get(i0), ...op.i32(4), ...op.add, ...op.tee(i0), ...op.get(m), ...op.ltU, ...op.brIf(0)],
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
  const memory = backend.wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory) || !(memory.buffer instanceof ArrayBuffer)) return null;
  let simd = instances.get(memory);
  if (simd) return simd;
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(assemble([adamFunc(), gemmFunc()]));
    } catch {
      compiled = null;
    }
  }
  if (!compiled) return null;
  try {
    simd = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as Simd;
  } catch {
    compiled = null;
    return null;
  }
  instances.set(memory, simd);
  return simd;
}

