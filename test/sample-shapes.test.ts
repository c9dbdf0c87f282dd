import { expect } from '@open-wc/testing';
import { configure, getModelStore, type DatasetInput } from '../src/index.js';
import { mulberry32 } from '../src/engine/random.js';
import { freshStore, meanImageBaseline, rejection } from './helpers.js';

// Samples of any shape go through the same engine paths: grey and colour images of any
// size, and vectors. The data are generated: each sample mixes two of four smooth
// patterns, so a 2-number code can describe it and training has something to learn.

const N = 240;

function generated(size: number, seed: number): { values: Float32Array; labels: Uint8Array } {
  const rand = mulberry32(seed);
  const patterns = Array.from({ length: 4 }, (_, p) => Float32Array.from({ length: size }, (_, i) => 0.5 + 0.5 * Math.sin((i + 1) * (p + 1) * 0.37 + p)));
  const values = new Float32Array(N * size);
  const labels = new Uint8Array(N);
  for (let k = 0; k < N; k++) {
    const [a, b] = [Math.floor(rand() * 4), Math.floor(rand() * 4)];
    const t = rand();
    for (let i = 0; i < size; i++) values[k * size + i] = t * patterns[a][i] + (1 - t) * patterns[b][i];
    labels[k] = a;
  }
  return { values, labels };
}

const image = (height: number, width: number, channels: number): DatasetInput => {
  const { values, labels } = generated(height * width * channels, height * 31 + channels);
  return { name: `gen-${height}x${width}x${channels}`, images: values, labels, n: N, height, width, channels };
};

const vector = (length: number): DatasetInput => {
  const { values, labels } = generated(length, length);
  return { name: `gen-vector-${length}`, images: values, labels, n: N, sample: 'vector', length };
};

const CASES: [string, DatasetInput, number][] = [
  ['grey 28x28x1', image(28, 28, 1), 28 * 28],
  ['colour 32x32x3', image(32, 32, 3), 32 * 32 * 3],
  ['grey 20x20x1', image(20, 20, 1), 20 * 20],
  ['vector of 50', vector(50), 50],
];

describe('samples of any shape', () => {
  before(() => configure({ backend: 'wasm' }));

  for (const [name, input, size] of CASES) {
    it(`${name}: trains, encodes, decodes, reconstructs, gives codes and errors, leaks nothing`, async () => {
      const probe = getModelStore(`shape-probe-${name}`);
      await probe.ready();
      const empty = (await probe.memory()).numTensors;
      const s = freshStore('shape');
      await s.setDataset(input);
      const ds = await s.dataset();
      expect(ds.images.length).to.equal(N * size);
      expect(ds.sample ?? 'image').to.equal(input.sample ?? 'image');
      await s.setSpec({ kind: 'ae', latentDim: 2, hidden: [32], codeActivation: 'linear', seed: 3 });
      const result = await s.train({ epochs: 12, batchSize: 32, learningRate: 3e-3 });
      expect(result.testMse).to.be.below(meanImageBaseline(ds));

      const x = ds.images.slice(0, 3 * size);
      const codes = await s.encode(x, 3);
      expect(codes.length).to.equal(6);
      expect((await s.decode(codes, 3)).length).to.equal(3 * size);
      expect((await s.reconstruct(x, 3)).length).to.equal(3 * size);
      const all = await s.codes('all');
      expect([all.dim, all.codes.length, all.indices.length]).to.deep.equal([2, 2 * N, N]);
      const errors = await s.reconstructionErrors('test');
      expect(errors.errors.length).to.equal(ds.testIndices.length);
      for (const e of errors.errors) expect(Number.isFinite(e) && e >= 0).to.equal(true);
      const pca = await s.pcaCodes(2, 'test');
      expect(pca.codes.length).to.equal(2 * ds.testIndices.length);
      expect((await s.corrupt(x, 3, { noiseType: 'inpaint', noise: 0.5, seed: 1 })).length).to.equal(3 * size);
      expect((await s.corrupt(x, 3, { noiseType: 'superres', noise: 2, seed: 1 })).length).to.equal(3 * size);

      const wrong = await rejection(s.encode(new Float32Array(size + 1), 1));
      expect(wrong.code).to.equal('input-invalid');
      await s.dispose();
      expect((await probe.memory()).numTensors).to.equal(empty);
      await probe.dispose();
    });
  }

  it('a colour model saves and loads with its shape', async () => {
    const s = freshStore('shape-save');
    await s.setDataset(image(32, 32, 3));
    await s.setSpec({ kind: 'conv', latentDim: 8, hidden: [], filters: [8, 16], codeActivation: 'linear', seed: 2 });
    await s.train({ epochs: 1, batchSize: 32 });
    const ds = await s.dataset();
    const x = ds.images.slice(0, 2 * 3072);
    const before = await s.reconstruct(x, 2);
    const files = await s.exportFiles('colour');
    const t = freshStore('shape-load');
    await t.setDataset(image(32, 32, 3));
    await t.load([new File([files.modelJson], 'model.json'), new File([files.weights], files.weightsName)]);
    expect(t.spec.kind).to.equal('conv');
    const after = await t.reconstruct(x, 2);
    let diff = 0;
    for (let i = 0; i < before.length; i++) diff = Math.max(diff, Math.abs(before[i] - after[i]));
    expect(diff).to.be.below(1e-5);
    await Promise.all([s.dispose(), t.dispose()]);
  });

  it('rejects shapes the engine cannot hold, and conv models on vectors, with reasons', async () => {
    const s = freshStore('shape-bad');
    const bad = async (input: DatasetInput) => (await rejection(s.setDataset(input))).code;
    expect(await bad({ ...image(20, 20, 1), channels: 2, images: new Float32Array(N * 800) })).to.equal('dataset-invalid');
    expect(await bad({ images: new Float32Array(N * 16), n: N, height: 4, width: 4 })).to.equal('dataset-invalid');
    expect(await bad({ ...vector(50), images: Float32Array.from({ length: N * 50 }, (_, i) => (i === 77 ? NaN : 0)) })).to.equal('dataset-invalid');
    expect(await bad({ ...vector(50), labels: Array.from({ length: N }, (_, i) => (i === 5 ? 300 : 1)) })).to.equal('dataset-invalid');
    expect(await bad({ ...image(20, 20, 1), classNames: ['a', 'b'] })).to.equal('dataset-invalid'); // labels go up to 3
    await s.setDataset(vector(50));
    const err = await rejection(s.setSpec({ kind: 'conv', hidden: [] }));
    expect(err.code).to.equal('spec-invalid');
    expect(err.message).to.contain('vector of 50');
    // still usable
    await s.setSpec({ kind: 'ae', hidden: [16] });
    expect((await s.encode(new Float32Array(100), 2)).length).to.equal(4);
    await s.dispose();
  });
});
