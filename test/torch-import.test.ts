import { expect } from '@open-wc/testing';
import { configure, getModelStore, type DatasetInput, type ModelStore } from '../src/index.js';
import { freshStore, pick, rejection, subset } from './helpers.js';

/**
 * PyTorch state_dicts in safetensors files: weights of a model trained here, written in
 * PyTorch's layout and naming, must load into a fresh store and give the same outputs.
 */

type Dtype = 'F32' | 'F16' | 'BF16' | 'F64';
interface Tensor {
  key: string;
  shape: number[];
  values: Float32Array;
}

/** Row-major `values` of `shape` with axes reordered: out axis j is in axis perm[j]. */
function permute(values: Float32Array, shape: number[], perm: number[]): Float32Array {
  const dims = perm.map((p) => shape[p]);
  const out = new Float32Array(values.length);
  for (let i = 0; i < out.length; i++) {
    const at = new Array<number>(shape.length);
    for (let j = dims.length - 1, r = i; j >= 0; j--) {
      at[perm[j]] = r % dims[j];
      r = Math.floor(r / dims[j]);
    }
    out[i] = values[at.reduce((s, a, k) => s * shape[k] + a, 0)];
  }
  return out;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** Nearest float16 bits (normal range: weights here are far from its limits). */
function toHalf(v: number): number {
  if (v === 0) return 0;
  const sign = v < 0 ? 0x8000 : 0;
  const a = Math.abs(v);
  const e = Math.max(Math.floor(Math.log2(a)), -14);
  const m = Math.round((a / 2 ** e - (e === -14 && a < 2 ** -14 ? 0 : 1)) * 1024);
  return m === 1024 ? sign | ((e + 16) << 10) : sign | ((a < 2 ** -14 ? 0 : e + 15) << 10) | m;
}
const fromHalf = (h: number) => {
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  return (h & 0x8000 ? -1 : 1) * (e ? (1 + m / 1024) * 2 ** (e - 15) : m * 2 ** -24);
};
const toBfloat = (v: number) => ((f32[0] = v), (u32[0] + 0x7fff + ((u32[0] >>> 16) & 1)) >>> 16);
const fromBfloat = (h: number) => ((u32[0] = h << 16), f32[0]);

/** What each dtype turns a float32 into when stored and read back. */
const ROUNDED: Record<Dtype, (v: number) => number> = { F32: (v) => v, F64: (v) => v, F16: (v) => fromHalf(toHalf(v)), BF16: (v) => fromBfloat(toBfloat(v)) };

function rawFile(header: unknown, data: Uint8Array): ArrayBuffer {
  const text = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setUint32(0, text.length, true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out.buffer;
}

/** A safetensors file written the way the format says, every tensor as `dtype`. */
function safetensors(tensors: Tensor[], metadata?: Record<string, string>, dtype: Dtype = 'F32'): ArrayBuffer {
  const size = { F32: 4, F16: 2, BF16: 2, F64: 8 }[dtype];
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  const data = new DataView(new ArrayBuffer(tensors.reduce((s, t) => s + t.values.length * size, 0)));
  let at = 0;
  for (const t of tensors) {
    header[t.key] = { dtype, shape: t.shape, data_offsets: [at, at + t.values.length * size] };
    for (const v of t.values) {
      if (dtype === 'F32') data.setFloat32(at, v, true);
      else if (dtype === 'F64') data.setFloat64(at, v, true);
      else data.setUint16(at, dtype === 'F16' ? toHalf(v) : toBfloat(v), true);
      at += size;
    }
  }
  return rawFile(header, new Uint8Array(data.buffer));
}

/** A store's weights by variable name ("enc_dense_1/kernel"), in our layout. */
async function weightsOf(store: ModelStore): Promise<Map<string, { shape: number[]; values: Float32Array }>> {
  const files = await store.exportFiles('w');
  const out = new Map();
  let at = 0;
  for (const { name, shape } of JSON.parse(files.modelJson).weightsManifest[0].weights as { name: string; shape: number[] }[]) {
    const n = shape.reduce((a, b) => a * b, 1);
    out.set(name, { shape, values: new Float32Array(files.weights.slice(at * 4, (at + n) * 4)) });
    at += n;
  }
  return out;
}

type Layout = (layer: string, part: string, shape: number[]) => [view: number[], perm: number[], torchShape?: number[]];
/** Linear: our kernel [in, out] is PyTorch's weight [out, in]. */
const linear: Layout = (_layer, part, s) => (part === 'kernel' ? [s, [1, 0]] : [s, [0]]);

/**
 * Our weights as a PyTorch state_dict: `rename` gives each layer's module name, `layout`
 * a view of our values, the permutation to PyTorch's axis order, and the shape it stores
 * (by default the permuted view).
 */
async function stateDict(store: ModelStore, rename: (layer: string) => string, layout = linear): Promise<Tensor[]> {
  const out: Tensor[] = [];
  for (const [name, { shape, values }] of await weightsOf(store)) {
    const [layer, part] = name.split('/');
    const [view, perm, torchShape] = layout(layer, part, shape);
    out.push({ key: `${rename(layer)}.${part === 'kernel' ? 'weight' : 'bias'}`, shape: torchShape ?? perm.map((p) => view[p]), values: permute(values, view, perm) });
  }
  return out;
}

const SEQUENTIAL: Record<string, string> = { enc_dense_1: 'encoder.0', code: 'encoder.2', dec_dense_1: 'decoder.0', dec_output: 'decoder.2' };
const asFile = (data: ArrayBuffer, name = 'model.safetensors') => [new File([data], name)];

function expectClose(actual: Float32Array, expected: Float32Array, tolerance: number) {
  expect(actual.length).to.equal(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).to.be.below(tolerance);
}

describe('importing PyTorch weights from safetensors', () => {
  const spec = { kind: 'ae' as const, latentDim: 2, hidden: [32], codeActivation: 'linear' as const, loss: 'bce' as const, seed: 3 };
  let data: DatasetInput;
  let sample: Float32Array;
  let source: ModelStore;
  let expected: Float32Array;
  let shape: string;

  before(async () => {
    configure({ backend: 'wasm' });
    const ds = await getModelStore('torch-source').dataset();
    data = subset(ds, 256);
    sample = pick(ds, [3, 4, 5]);
    shape = JSON.stringify({ kind: 'image', height: 28, width: 28, channels: 1 });
    source = freshStore('torch-trained');
    await source.setDataset(data);
    await source.setSpec(spec);
    await source.train({ epochs: 1, batchSize: 32 });
    expected = await source.reconstruct(sample, 3);
  });

  after(() => source.dispose());

  async function target(partial: Partial<typeof spec> = {}): Promise<ModelStore> {
    const s = freshStore('torch');
    await s.setDataset(data);
    await s.setSpec({ ...spec, seed: 9, ...partial });
    return s;
  }

  it('loads nn.Sequential keys with the spec in the metadata, and layer-named keys into the current spec, from files and URLs', async () => {
    const [s, t, u] = [await target({ hidden: [8], latentDim: 5 }), await target(), await target()];
    const before = (await s.memory()).numTensors;
    await s.load(asFile(safetensors(await stateDict(source, (l) => SEQUENTIAL[l]), { spec: JSON.stringify(source.spec), shape })));
    expect(s.spec.hidden).to.deep.equal([32]);
    expect(s.spec.latentDim).to.equal(2);
    expectClose(await s.reconstruct(sample, 3), expected, 1e-5);
    expectClose(await s.encode(sample, 3), await source.encode(sample, 3), 1e-5);

    const named = safetensors(await stateDict(source, (l) => l));
    await t.load(asFile(named, 'lab.safetensors'));
    expectClose(await t.reconstruct(sample, 3), expected, 1e-5);
    // A URL: one file, known by its bytes even without the extension.
    await fetch('/__files/lab-weights', { method: 'PUT', body: named });
    await u.load('/__files/lab-weights');
    expectClose(await u.reconstruct(sample, 3), expected, 1e-5);
    expect((await s.memory()).numTensors, 'each load frees the model it replaces').to.equal(before);
    await Promise.all([s.dispose(), t.dispose(), u.dispose()]);
  });

  it('names the tensor and both shapes when a shape is wrong, and the tensors that are missing', async () => {
    const s = await target({ latentDim: 3 });
    const before = (await s.memory()).numTensors;
    const codes = await s.encode(sample, 3);
    const dict = await stateDict(source, (l) => SEQUENTIAL[l]);
    let err = await rejection(s.load(asFile(safetensors(dict))));
    expect(err.code).to.equal('weights-shape-mismatch');
    expect(err.message).to.contain('"encoder.2.weight"').and.contain('[2,32]').and.contain('[3,32]');

    err = await rejection(s.load(asFile(safetensors(dict.filter((t) => t.key !== 'decoder.2.bias')))));
    expect(err.code).to.equal('weights-missing');
    expect(err.message).to.contain('decoder.2.bias');
    // With the spec in the file the shapes fit; a tensor left over still means another architecture.
    err = await rejection(s.load(asFile(safetensors([...dict, { key: 'encoder.4.weight', shape: [1], values: new Float32Array(1) }], { spec: JSON.stringify(source.spec) }))));
    expect(err.code).to.equal('weights-shape-mismatch');
    expect(err.message).to.contain('encoder.4.weight');

    expect(s.spec.latentDim, 'a bad file changes nothing').to.equal(3);
    expect(Array.from(await s.encode(sample, 3))).to.deep.equal(Array.from(codes));
    expect((await s.memory()).numTensors, 'no tensor leaked').to.equal(before);
    await s.dispose();
  });

  it('refuses malformed files with weights-invalid and a reason', async () => {
    const s = await target();
    const before = (await s.memory()).numTensors;
    const good = safetensors(await stateDict(source, (l) => l), { spec: JSON.stringify(source.spec) });
    const one = (entry: object) => rawFile({ 'code.bias': entry }, new Uint8Array(8));
    const cases: [string, ArrayBuffer, string][] = [
      ['cut inside the header', good.slice(0, 100), 'header length'],
      ['cut inside the data', good.slice(0, good.byteLength - 100), 'data_offsets'],
      ['too short for a header length', good.slice(0, 5), '8'],
      ['bad JSON', rawFile('{"code.bias": {', new Uint8Array(0)), 'not valid JSON'],
      ['an integer dtype', one({ dtype: 'I64', shape: [1], data_offsets: [0, 8] }), 'I64'],
      ['offsets past the end', one({ dtype: 'F32', shape: [2], data_offsets: [4, 12] }), 'data_offsets'],
      ['a size that does not fit the shape', one({ dtype: 'F32', shape: [3], data_offsets: [0, 8] }), 'takes 12'],
      ['metadata that is not strings', rawFile({ __metadata__: { spec: { kind: 'ae' } } }, new Uint8Array(0)), '__metadata__'],
      ['a spec that is not JSON', safetensors([], { spec: '{kind' }), 'spec'],
      ['an empty file', new ArrayBuffer(0), 'holds 0 bytes'],
    ];
    for (const [what, file, reason] of cases) {
      const err = await rejection(s.load(asFile(file)));
      expect(err.code, what).to.equal('weights-invalid');
      expect(err.message, what).to.contain(reason);
    }
    // float64 beyond float32's range, and NaN in float32.
    const named = await stateDict(source, (l) => l);
    const huge = named.map((t) => (t.key === 'code.bias' ? { ...t, values: Float32Array.of(0, 0) } : t));
    const f64 = new Uint8Array(safetensors(huge, undefined, 'F64'));
    const header = 8 + new DataView(f64.buffer).getUint32(0, true);
    const at = JSON.parse(new TextDecoder().decode(f64.subarray(8, header)))['code.bias'].data_offsets[0];
    new DataView(f64.buffer).setFloat64(header + at, 1e300, true);
    let err = await rejection(s.load(asFile(f64.buffer)));
    expect(err.code).to.equal('weights-invalid');
    expect(err.message).to.contain('code.bias').and.contain("float32's range");
    err = await rejection(s.load(asFile(safetensors(named.map((t) => (t.key === 'code.bias' ? { ...t, values: Float32Array.of(NaN, 0) } : t))))));
    expect(err.code).to.equal('weights-invalid');
    expect(err.message).to.contain('NaN');
    expect((await s.memory()).numTensors, 'no tensor leaked').to.equal(before);
    await s.dispose();
  });

  it('converts F16, BF16 and F64 tensors to float32', async () => {
    const dict = await stateDict(source, (l) => SEQUENTIAL[l]);
    for (const dtype of ['F16', 'BF16', 'F64'] as const) {
      const [s, reference] = [await target(), await target()];
      await s.load(asFile(safetensors(dict, undefined, dtype)));
      // The same values, rounded here and stored as float32: the outputs must match exactly.
      await reference.load(asFile(safetensors(dict.map((t) => ({ ...t, values: t.values.map(ROUNDED[dtype]) })))));
      expectClose(await s.reconstruct(sample, 3), await reference.reconstruct(sample, 3), 1e-6);
      expectClose(await s.reconstruct(sample, 3), expected, dtype === 'F64' ? 1e-5 : 0.02);
      await Promise.all([s.dispose(), reference.dispose()]);
    }
  });

  it("maps Conv2d, ConvTranspose2d and channel-first Linear layers of a convolutional model", async () => {
    const conv = { kind: 'conv' as const, latentDim: 4, hidden: [], filters: [4, 8], codeActivation: 'linear' as const, loss: 'bce' as const, seed: 5 };
    const from = freshStore('torch-conv');
    await from.setDataset(data);
    await from.setSpec(conv);
    const want = await from.reconstruct(sample, 3);
    // Our [kh, kw, in, out] (ConvTranspose: [kh, kw, out, in]) is PyTorch's [out, in, kh, kw] ([in, out, kh, kw]);
    // the code reads a 7x7x8 map that PyTorch flattens channel-first, and dec_project writes one.
    const layout: Layout = (layer, part, s) => {
      if (layer === 'code') return part === 'kernel' ? [[7, 7, 8, s[1]], [3, 2, 0, 1], [s[1], 392]] : [s, [0]];
      if (layer === 'dec_project') return part === 'kernel' ? [[s[0], 7, 7, 8], [3, 1, 2, 0], [392, s[0]]] : [[7, 7, 8], [2, 0, 1], [392]];
      return part === 'kernel' ? [s, [3, 2, 0, 1]] : [s, [0]];
    };
    const dict = await stateDict(from, (l) => l, layout);
    expect(dict.find((t) => t.key === 'dec_conv_1.weight')!.shape).to.deep.equal([8, 8, 3, 3]);
    expect(dict.find((t) => t.key === 'dec_output.weight')!.shape).to.deep.equal([1, 4, 3, 3]);
    const s = freshStore('torch-conv-target');
    await s.setDataset(data);
    await s.load(asFile(safetensors(dict, { spec: JSON.stringify(from.spec) })));
    expect(s.spec.kind).to.equal('conv');
    expectClose(await s.reconstruct(sample, 3), want, 1e-5);
    await Promise.all([from.dispose(), s.dispose()]);
  });
});
