import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { symmetricEigen } from '../src/engine/linalg.js';
import { fitPca, knnAccuracy, pcaDecode, pcaEncode, disposePca } from '../src/engine/metrics.js';
import { mulberry32 } from '../src/engine/random.js';
import { configure, getModelStore } from '../src/index.js';
import { freshStore, meanImageBaseline } from './helpers.js';

describe('metrics: linear algebra', () => {
  before(() => tf.setBackend('cpu'));

  it('symmetricEigen returns sorted eigenpairs with orthonormal vectors', () => {
    const n = 6;
    const rand = mulberry32(3);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rand() - 0.5;
    const { values, vectors } = symmetricEigen(a, n);
    for (let k = 1; k < n; k++) expect(values[k]).to.be.at.most(values[k - 1]);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[j * n + k];
        expect(av).to.be.closeTo(values[k] * vectors[i * n + k], 1e-9);
      }
      for (let m = 0; m < n; m++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += vectors[i * n + k] * vectors[i * n + m];
        expect(dot).to.be.closeTo(k === m ? 1 : 0, 1e-9);
      }
    }
  });

  it('PCA recovers data that lies on a plane exactly, with variances in order', async () => {
    const rand = mulberry32(9);
    const [n, d] = [400, 12];
    const rows = new Float32Array(n * d);
    const u = Array.from({ length: d }, () => rand() - 0.5);
    const v = Array.from({ length: d }, () => rand() - 0.5);
    for (let i = 0; i < n; i++) {
      const [s, t] = [3 * (rand() - 0.5), rand() - 0.5];
      for (let j = 0; j < d; j++) rows[i * d + j] = 0.5 + s * u[j] + t * v[j];
    }
    const x = tf.tensor2d(rows, [n, d]);
    const before = tf.memory().numTensors;
    const pca = await fitPca(x, 2);
    expect(tf.memory().numTensors).to.equal(before + 2);
    const err = tf.tidy(() => tf.max(tf.abs(tf.sub(x, pcaDecode(pca, pcaEncode(pca, x))))).dataSync()[0]);
    expect(err).to.be.below(1e-4);
    expect(pca.variances[0]).to.be.above(pca.variances[1]);
    const gram = tf.tidy(() => Array.from(tf.matMul(pca.components, pca.components, true, false).dataSync()));
    gram.forEach((g, i) => expect(g).to.be.closeTo(i % 3 === 0 ? 1 : 0, 1e-4));
    disposePca(pca);
    x.dispose();
  });

  it('kNN is perfect on separated clusters and near chance on shuffled labels', async () => {
    const rand = mulberry32(4);
    const make = (n: number) => {
      const labels = Uint8Array.from({ length: n }, (_, i) => i % 3);
      const codes = tf.tensor2d(Float32Array.from({ length: n * 2 }, (_, i) => labels[i >> 1] * 10 + rand()), [n, 2]);
      return { labels, codes };
    };
    const train = make(300);
    const test = make(90);
    expect(await knnAccuracy(train.codes, train.labels, test.codes, test.labels)).to.equal(1);
    const shuffled = Uint8Array.from(train.labels, () => Math.floor(rand() * 3));
    expect(await knnAccuracy(train.codes, shuffled, test.codes, test.labels)).to.be.below(0.6);
    tf.dispose([train.codes, test.codes]);
  });
});

describe('metrics: store on the bundled data', () => {
  it('reports the model against PCA with as many components, and caches the PCA', async () => {
    configure({ backend: 'wasm' });
    const ds = await getModelStore('metrics-source').dataset({ train: true });
    const s = freshStore('metrics');
    await s.train({ epochs: 1 });
    const before = (await s.memory()).numTensors;
    const m = await s.metrics();
    expect(m.latentDim).to.equal(2);
    expect(m.testMse).to.be.closeTo((await s.evaluate()).testMse, 1e-6);
    // PCA-2 on this split: MSE 0.0555 and kNN 0.43 are the reference figures.
    expect(m.pca.components).to.equal(2);
    expect(m.pca.testMse).to.be.closeTo(0.0555, 0.002).and.below(meanImageBaseline(ds));
    expect(m.pca.knnAccuracy!).to.be.closeTo(0.43, 0.05);
    expect(m.knnAccuracy!).to.be.above(0.2); // a 1-epoch 2-D code already sorts digits better than chance
    expect((await s.memory()).numTensors).to.equal(before + 2); // the cached PCA: mean and components
    const again = await s.metrics();
    expect(again.pca.testMse).to.equal(m.pca.testMse);
    expect((await s.memory()).numTensors).to.equal(before + 2);

    await s.setSpec({ latentDim: 16, codeActivation: 'linear' });
    const wide = await s.metrics();
    expect(wide.pca.components).to.equal(16);
    expect(wide.pca.testMse).to.be.below(m.pca.testMse);
    expect(wide.pca.knnAccuracy!).to.be.above(m.pca.knnAccuracy!);
    await s.dispose();
  });
});

describe('classify', () => {
  it('labels test digits by kNN on raw pixels, and decoded VAE grids can be judged with it', async () => {
    configure({ backend: 'wasm' });
    const s = freshStore('classify');
    const ds = await s.dataset();
    const idx = ds.testIndices.subarray(0, 300);
    const images = new Float32Array(idx.length * 784);
    idx.forEach((i, k) => images.set(ds.images.subarray(i * 784, (i + 1) * 784), k * 784));
    const labels = await s.classify(images, idx.length);
    expect(labels).to.be.instanceOf(Uint8Array);
    let correct = 0;
    labels.forEach((l, k) => (correct += l === ds.labels![idx[k]] ? 1 : 0));
    expect(correct / idx.length).to.be.above(0.85);

    await s.setSpec({ kind: 'vae', loss: 'bce', seed: 2 });
    const grid = new Float32Array(2 * 25);
    for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) grid.set([-3 + 1.5 * c, -3 + 1.5 * r], 2 * (r * 5 + c));
    const decoded = await s.decode(grid, 25);
    const classes = await s.classify(decoded, 25);
    expect(classes.length).to.equal(25);
    expect(Array.from(classes).every((c) => c >= 0 && c <= 9)).to.equal(true);
    const err = await s.classify(new Float32Array(10), 1).catch((e) => e);
    expect(err.code).to.equal('input-invalid');
    await s.dispose();
  });
});
