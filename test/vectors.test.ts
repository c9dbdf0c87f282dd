import { expect } from '@open-wc/testing';
import { configure, getConfig, type Dataset, type ModelStore } from '../src/index.js';
import { parseTable } from '../src/data/table.js';
import { freshStore, rejection } from './helpers.js';

// Vectors in their own units: standardised per column on the train split, trained with a
// linear output, answered in the page's units, and saved with their standardisation.

const defaults = { ...getConfig() };
const N = 120;
const D = 12;

/** Rows of 12 columns in large, different units: each a mix of two hidden factors. */
function rows(count: number, seed: number): Float32Array {
  const out = new Float32Array(count * D);
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  for (let i = 0; i < count; i++) {
    const [a, b] = [rand(), rand()];
    for (let c = 0; c < D; c++) out[i * D + c] = 1000 * (c + 1) + 50 * (c + 1) * (Math.sin(c) * a + Math.cos(c) * b) + rand();
  }
  return out;
}

/** Area under the ROC curve of `scores` for positives vs negatives (ties count half). */
function auc(positives: number[], negatives: number[]): number {
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

describe('vector data', () => {
  before(() => configure({ ...defaults, backend: 'wasm' }));
  after(() => configure({ ...defaults }));

  async function vectorStore(images = rows(N, 7)): Promise<ModelStore> {
    const s = freshStore('vec');
    await s.setDataset({ name: 'units', images, n: N, sample: 'vector', length: D });
    return s;
  }

  it('standardises each column on the train split, trains with a linear output, and answers in the page units', async () => {
    const s = await vectorStore();
    expect(s.spec.outputActivation).to.equal('linear');
    expect(s.spec.loss).to.equal('mse');
    const data: Dataset = await s.dataset();
    expect(data.scaling!.mean[3]).to.be.closeTo(4000, 60);
    await s.train({ epochs: 60, batchSize: 16, learningRate: 3e-3 });
    const fresh = rows(10, 99);
    const back = await s.reconstruct(fresh, 10);
    let err = 0;
    let spread = 0;
    for (let i = 0; i < fresh.length; i++) {
      const c = i % D;
      err += ((back[i] - fresh[i]) / data.scaling!.std[c]) ** 2;
      spread += ((fresh[i] - data.scaling!.mean[c]) / data.scaling!.std[c]) ** 2;
    }
    expect(err / spread, 'error relative to the spread of new rows').to.be.lessThan(0.2);
    const { testMse } = await s.evaluate();
    expect(testMse, 'test MSE in standard deviations squared').to.be.lessThan(0.2);
    await s.dispose();
  });

  it('saves its standardisation with the model: the same data loads it and encodes new rows the same', async () => {
    const a = await vectorStore();
    await a.train({ epochs: 5, batchSize: 16 });
    const files = await a.exportFiles('units');
    expect(JSON.parse(files.modelJson).userDefinedMetadata.autoencoderWidgets.scaling.mean).to.have.length(D);
    const b = await vectorStore();
    await b.load([new File([files.modelJson], 'units.json'), new File([files.weights], files.weightsName)]);
    const fresh = rows(4, 5);
    expect([...(await b.encode(fresh, 4))]).to.deep.equal([...(await a.encode(fresh, 4))]);
    const other = await vectorStore(rows(N, 8).map((v) => v * 2));
    const err = await rejection(other.load([new File([files.modelJson], 'units.json'), new File([files.weights], files.weightsName)]));
    expect(err.code).to.equal('weights-shape-mismatch');
    expect(err.message).to.match(/standardised by other column means/);
    await Promise.all([a.dispose(), b.dispose(), other.dispose()]);
  });

  it('keeps vectors as they are with standardize: false, and refuses standardize on images', async () => {
    const s = freshStore('vec-raw');
    const images = new Float32Array(N * D).map((_, i) => (i % 7) / 7);
    await s.setDataset({ images, n: N, sample: 'vector', length: D, standardize: false });
    expect((await s.dataset()).scaling).to.equal(undefined);
    expect(s.spec.outputActivation).to.equal('sigmoid');
    const err = await rejection(s.setDataset({ images: new Float32Array(N * 64), n: N, height: 8, width: 8, standardize: true }));
    expect(err.code).to.equal('dataset-invalid');
    expect(err.message).to.match(/applies to vectors only/);
    const spec = await rejection(s.setSpec({ outputActivation: 'sigmoid' }).then(() => s.setDataset({ images: rows(N, 3), n: N, sample: 'vector', length: D }).then(() => s.setSpec({ loss: 'bce', outputActivation: 'sigmoid' }))));
    expect(spec.code).to.equal('spec-invalid');
    expect(spec.message).to.match(/needs outputActivation "linear" and loss "mse"/);
    await s.dispose();
  });

  it('detects the anomalies of the shipped heartbeat signals after training on normal beats only (ROC AUC >= 0.95)', async () => {
    const text = await (await fetch(new URL('../data/ecg-beats.csv', import.meta.url))).text();
    const { input } = parseTable(text, { labelColumn: 'label', name: 'ecg-beats' });
    const normal = input.classNames!.indexOf('normal');
    const labels = input.labels as Uint8Array;
    const s = freshStore('ecg');
    await s.setSpec({ hidden: [64], latentDim: 8, activation: 'relu', codeActivation: 'linear' });
    await s.setDataset({ ...input, trainLabels: ['normal'] });
    const ds = await s.dataset();
    expect(ds.trainIndices.every((i) => labels[i] === normal)).to.equal(true);
    expect(ds.trainIndices.length).to.equal(1600); // 80% of the 2,000 normal beats
    await s.train({ epochs: 40, batchSize: 32, learningRate: 2e-3 });
    const { indices, errors } = await s.reconstructionErrors('test');
    const pos: number[] = [];
    const neg: number[] = [];
    indices.forEach((i, k) => (labels[i] === normal ? neg : pos).push(errors[k]));
    expect(pos.length).to.equal(500);
    expect(auc(pos, neg)).to.be.at.least(0.95);
    await s.dispose();
  });
});
