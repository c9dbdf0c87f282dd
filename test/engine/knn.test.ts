import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { knnNeighbours, knnPredict, knnVote } from '../../src/engine/metrics.js';
import { mulberry32 } from '../../src/engine/random.js';
import { configure, getConfig, type DatasetInput } from '../../src/index.js';
import { freshStore, rejection } from '../helpers.js';

// kNN as the classifier element uses it: the neighbours and their vote on the backend,
// then knn() and knnQuery() through a store on two clusters far apart.

const D = 6;

/** `n` rows of class `i % 2`: class 1 sits 8 units from class 0 along every column. */
function clusters(n: number, seed: number): { rows: Float32Array; labels: Uint8Array } {
  const rand = mulberry32(seed);
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 2);
  const rows = Float32Array.from({ length: n * D }, (_, j) => labels[Math.floor(j / D)] * 8 + rand() - 0.5);
  return { rows, labels };
}

describe('knn: neighbours and votes', () => {
  before(() => tf.setBackend('cpu'));

  it('finds the nearest rows first and votes by the majority, a tie to the nearer', async () => {
    const reference = tf.tensor2d([[0], [1], [2], [10], [11]]);
    const query = tf.tensor2d([[0.9], [10.2]]);
    const before = tf.memory().numTensors;
    const near = await knnNeighbours(reference, query, 3);
    expect(Array.from(near)).to.deep.equal([1, 0, 2, 3, 4, 2]);
    expect(tf.memory().numTensors).to.equal(before);
    // Labels 0 0 1 | 1 1: the first row votes 0 (two of three), the second 1.
    expect(Array.from(knnVote(near, Uint8Array.from([0, 0, 1, 1, 1]), 3))).to.deep.equal([0, 1]);
    // k = 2 with one vote each: the nearer neighbour's label wins.
    expect(Array.from(knnVote(await knnNeighbours(reference, query, 2), Uint8Array.from([5, 7, 1, 1, 3]), 2))).to.deep.equal([7, 1]);
    // k past the reference rows takes them all.
    expect((await knnNeighbours(reference, query, 9)).length).to.equal(10);
    expect(Array.from(await knnPredict(reference, Uint8Array.from([0, 0, 1, 1, 1]), query, 3))).to.deep.equal([0, 1]);
    tf.dispose([reference, query]);
  });
});

describe('knn through a store', () => {
  const defaults = { ...getConfig() };
  before(() => configure({ ...defaults, backend: 'wasm' }));
  after(() => configure({ ...defaults }));

  const N = 120;
  const data = clusters(N, 3);
  const input: DatasetInput = {
    name: 'two-clusters',
    images: data.rows,
    labels: data.labels,
    classNames: ['low', 'high'],
    n: N,
    sample: 'vector',
    length: D,
    trainIndices: Array.from({ length: 90 }, (_, i) => i),
    testIndices: Array.from({ length: 30 }, (_, i) => 90 + i),
  };

  it('classifies two separated clusters perfectly, with a confusion matrix of every test sample, and leaks nothing', async () => {
    const s = freshStore('knn');
    await s.setSpec({ latentDim: 3, hidden: [8] });
    await s.setDataset(input);
    await s.knn({ space: 'pca' }); // fits and caches the PCA (two tensors) once
    const start = (await s.memory()).numTensors;
    for (const space of ['pixels', 'pca', 'model'] as const) {
      const r = await s.knn({ space, k: 3 });
      expect(r.space).to.equal(space);
      expect(r.k).to.equal(3);
      expect(r.dim).to.equal(space === 'pixels' ? D : 3);
      expect(r.classes).to.equal(2);
      expect(Array.from(r.indices)).to.deep.equal(input.testIndices);
      expect(Array.from(r.truth)).to.deep.equal(Array.from(data.labels.subarray(90)));
      expect(r.confusion.reduce((a, b) => a + b, 0), `${space}: every test sample counted`).to.equal(30);
      let right = 0;
      r.truth.forEach((t, i) => (right += t === r.predicted[i] ? 1 : 0));
      expect(r.accuracy).to.equal(right / 30);
      expect(r.confusion[0] + r.confusion[3]).to.equal(right);
      if (space !== 'model') expect(r.accuracy, space).to.equal(1);
    }
    // The model's kNN-5 accuracy is the one metrics() reports.
    expect((await s.knn()).accuracy).to.equal((await s.metrics()).knnAccuracy);

    const probe = new Float32Array(2 * D).fill(8.1);
    probe.fill(0.1, 0, D);
    const q = await s.knnQuery(probe, 2, { space: 'pixels', k: 4 });
    expect(Array.from(q.predicted)).to.deep.equal([0, 1]);
    expect(q.k).to.equal(4);
    expect(q.neighbours.length).to.equal(8);
    for (let j = 0; j < 8; j++) {
      expect(q.neighbours[j]).to.be.below(90); // train samples only
      expect(data.labels[q.neighbours[j]]).to.equal(j < 4 ? 0 : 1);
    }
    expect((await s.memory()).numTensors, 'no tensor leaked').to.equal(start);
    await s.dispose();
  });

  it('rejects a bad k, an unknown space, a bad query and unlabelled data with stable codes', async () => {
    const s = freshStore('knn-bad');
    await s.setDataset(input);
    expect(await rejection(s.knn({ k: 0 }))).to.include({ code: 'input-invalid', message: 'knn(): "k" must be a whole number from 1 to 50; got 0.' });
    expect((await rejection(s.knn({ k: 2.5 }))).code).to.equal('input-invalid');
    expect((await rejection(s.knn({ space: 'umap' as never }))).message).to.match(/"space" must be one of model, pca, pixels; got "umap"/);
    expect((await rejection(s.knn({ kk: 3 } as never))).message).to.match(/unknown option "kk"/);
    expect((await rejection(s.knnQuery(new Float32Array(D).fill(NaN), 1))).message).to.match(/knnQuery\(\): value 0 .* is NaN/);
    expect((await rejection(s.knnQuery(new Float32Array(3), 1))).code).to.equal('input-invalid');
    await s.setDataset({ ...input, labels: undefined, classNames: undefined });
    expect(await rejection(s.knn())).to.include({ code: 'dataset-invalid' });
    await s.dispose();
  });
});
